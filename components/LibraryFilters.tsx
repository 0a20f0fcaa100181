/** The library's filter and sort controls: every control labelled, native elements only (keyboard for free). */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/lib/contracts/records';
import { SORT_ORDERS, type Facets, type LibraryFilters, type SortOrder } from '@/lib/library/query';
import { localDayStart, localDayValue } from '@/lib/i18n/format';
import { dossierAddress } from '@/lib/dossier/address';
import { t } from './i18n';

interface Props {
  facets: Facets;
  filters: LibraryFilters;
  sort: SortOrder;
  /** Whether a search is typed: "Best match" is offered only then. */
  searching: boolean;
  onFilters: (filters: LibraryFilters) => void;
  onSort: (sort: SortOrder) => void;
}

const DAY_MS = 86_400_000;

export function LibraryFilterBar({ facets, filters, sort, searching, onFilters, onSort }: Props) {
  const set = (change: Partial<LibraryFilters>) => onFilters(withoutEmpty({ ...filters, ...change }));
  return (
    <fieldset class="filters">
      <legend>{t('filtersLegend')}</legend>
      <Choice id="filter-site" label={t('filterSite')} value={filters.site} options={facets.sites.map((s) => [s, s])} onChange={(site) => set({ site })} />
      <Choice id="filter-tag" label={t('filterTag')} value={filters.tag} options={facets.tags.map((s) => [s, `#${s}`])} onChange={(tag) => set({ tag })} />
      <span class="field">
        <Choice id="filter-company" label={t('filterCompany')} value={filters.company} options={facets.companies.map((c) => [c.id, c.name])} onChange={(company) => set({ company })} />
        <DossierLink companyId={filters.company} name={facets.companies.find((c) => c.id === filters.company)?.name} />
      </span>
      <Choice
        id="filter-colour"
        label={t('filterColour')}
        value={filters.colour}
        options={HIGHLIGHT_COLOURS.map((c) => [c, t(`colour_${c}`)])}
        onChange={(colour) => set({ colour: colour as HighlightColour | undefined })}
      />
      <span class="field">
        <label for="filter-from">{t('filterFrom')}</label>
        <input id="filter-from" type="date" value={dayValue(filters.from)} onChange={(e) => set({ from: localDayStart(e.currentTarget.value) })} />
      </span>
      <span class="field">
        <label for="filter-to">{t('filterTo')}</label>
        <input id="filter-to" type="date" value={dayValue(filters.to === undefined ? undefined : filters.to - DAY_MS)} onChange={(e) => set({ to: plusDay(localDayStart(e.currentTarget.value)) })} />
      </span>
      <span class="field">
        <label for="sort">{t('sortLabel')}</label>
        <select id="sort" value={sort} onChange={(e) => onSort(e.currentTarget.value as SortOrder)} data-testid="sort">
          {SORT_ORDERS.filter((order) => searching || order !== 'relevance').map((order) => <option key={order} value={order}>{t(`sort_${order.replace('-', '_')}`)}</option>)}
        </select>
      </span>
    </fieldset>
  );
}

/** The chosen company's dossier, or without a company the list of every company the library names. */
function DossierLink({ companyId, name }: { companyId: string | undefined; name: string | undefined }) {
  return companyId && name ? (
    <a href={dossierAddress(companyId)} data-testid="open-dossier">{t('dossierOpen', name)}</a>
  ) : (
    <a href={dossierAddress(null)} data-testid="open-dossier-index">{t('dossierIndexTitle')}</a>
  );
}

function Choice({ id, label, value, options, onChange }: { id: string; label: string; value: string | undefined; options: [string, string][]; onChange: (value: string | undefined) => void }) {
  return (
    <span class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} data-testid={id}>
        <option value="">{t('filterAny')}</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </span>
  );
}

function withoutEmpty(filters: LibraryFilters): LibraryFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as LibraryFilters;
}

function plusDay(time: number | undefined): number | undefined {
  return time === undefined ? undefined : time + DAY_MS;
}

/** A date input's value: the local day of `time`, or empty. */
function dayValue(time: number | undefined): string {
  return time === undefined ? '' : localDayValue(time);
}
