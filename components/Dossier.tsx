/**
 * The company dossier page: one company across every article the reader saved. Its facts,
 * mentions per week, a timeline of the articles that name it (the sentences that do, with the
 * figures printed in them), the reader's highlights and notes on those articles, and exports.
 * Without a company it lists the companies the library names most.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompanyNoteRecord } from '@/lib/contracts/records';
import type { CompanyCoverageResult, FeedItem } from '@/lib/contracts/related';
import { coverageNaming } from '@/lib/dossier/coverage';
import { dossierToJson, dossierToMarkdown } from '@/lib/dossier/export';
import type { IndexingProgress } from '@/lib/dossier/indexing';
import type { Shown } from '@/lib/dossier/load';
import type { Dossier as DossierModel, DossierSentence } from '@/lib/dossier/model';
import type { NamedCompany } from '@/lib/dossier/top';
import { formatDate, localDayValue } from '@/lib/i18n/format';
import { DossierChart } from './DossierChart';
import { CompanyNote } from './DossierNote';
import { RecordNoteConflict, type ConflictActions } from './NoteConflict';
import { SearchCoverage } from './DossierSearches';
import { readerLocale, t, tCount } from './i18n';

export interface DossierRecords {
  /**
   * The company's dossier: its facts, counts and chart over every article that names it, laid out
   * for the newest articles and highlights asked for (null without a live article, and for the index).
   */
  dossier: DossierModel | null;
  /** The companies the library names most (for the index; empty for a company). */
  companies: NamedCompany[];
  /** Recent items of the reader's feeds (kept on this device), to find other outlets' coverage in. */
  feedItems: (FeedItem & { time: number })[];
  /** The reader's note on the company (null without one, and for the index). */
  note: CompanyNoteRecord | null;
  /** Articles still waiting for their companies to be recognised (null when none wait). */
  indexing: IndexingProgress | null;
}

export interface DossierServices {
  /** The company's dossier with its newest `shown` articles and highlights (or, for null, the index). */
  load(companyId: string | null, shown: Shown): Promise<DossierRecords>;
  /** The whole dossier, every article and highlight: for exports. */
  loadWhole(companyId: string): Promise<DossierModel | null>;
  /** Calls back after every change to the library; returns a stop function. */
  watch(onChange: () => void): () => void;
  /** Writes the reader's note on the company (through the background, which syncs it). */
  saveNote(companyId: string, companyName: string, note: string): Promise<void>;
  /** The reader's opted-in news searches for the company's names (no sources when none is on). */
  searchCoverage(names: string[]): Promise<CompanyCoverageResult>;
  download(name: string, type: string, text: string): void;
  /** The address of the dossier of `companyId`, or of the index for null. */
  addressOf(companyId: string | null): string;
  libraryAddress: string;
  /** Sync conflicts of the company's note (a copy kept after edits on two devices), through the background. */
  conflicts?: ConflictActions;
}

/** Articles, and highlights, laid out at first and added by each "Show more". */
const PAGE = 50;

type Loaded = { state: 'loading' } | { state: 'ready'; records: DossierRecords } | { state: 'error'; message: string };

export function Dossier({ services, companyId }: { services: DossierServices; companyId: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  // What "Show more" asked for: read again with more, the page showing what it has meanwhile.
  const [shown, setShown] = useState<Shown>({ articles: PAGE, highlights: PAGE });
  useEffect(() => {
    let stopped = false;
    const read = () =>
      services.load(companyId, shown).then(
        (records) => !stopped && setLoaded({ state: 'ready', records }),
        (e: unknown) => !stopped && setLoaded({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    void read();
    const stop = services.watch(() => void read());
    return () => {
      stopped = true;
      stop();
    };
  }, [services, companyId, shown]);

  if (loaded.state === 'loading') return <main class="dossier"><p class="muted">{t('dossierLoading')}</p></main>;
  if (loaded.state === 'error') return <main class="dossier"><p class="error" role="alert">{t('dossierLoadFailed', loaded.message)}</p></main>;
  return companyId === null
    ? <CompanyIndex services={services} records={loaded.records} />
    : <CompanyDossier services={services} companyId={companyId} records={loaded.records} shown={shown} onMore={(more) => setShown((s) => ({ ...s, ...more }))} />;
}

function CompanyIndex({ services, records }: { services: DossierServices; records: DossierRecords }) {
  const { companies } = records;
  useEffect(() => void (document.title = t('dossierIndexTitle')), []);
  return (
    <main class="dossier">
      <p><a href={services.libraryAddress}>{t('dossierBackToLibrary')}</a></p>
      <h1>{t('dossierIndexTitle')}</h1>
      <Indexing progress={records.indexing} />
      {companies.length === 0 ? <p class="muted">{t('dossierIndexEmpty')}</p> : <CompanyList services={services} companies={companies} />}
    </main>
  );
}

function CompanyList({ services, companies }: { services: DossierServices; companies: NamedCompany[] }) {
  return (
    <ol class="company-index" data-testid="company-index">
      {companies.map((c) => (
        <li key={c.id}>
          <a href={services.addressOf(c.id)}>{c.name}</a>{' '}
          <span class="muted">{tCount('dossierArticleCount', c.articles)} · {tCount('dossierMentionCount', c.mentions)}</span>
        </li>
      ))}
    </ol>
  );
}

interface CompanyDossierProps {
  services: DossierServices;
  companyId: string;
  records: DossierRecords;
  shown: Shown;
  onMore: (more: Partial<Shown>) => void;
}

function CompanyDossier({ services, companyId, records, shown, onMore }: CompanyDossierProps) {
  const { dossier } = records;
  const coverage = useMemo(() => (dossier ? coverageNaming([dossier.facts.name, ...dossier.facts.otherNames], records.feedItems) : []), [dossier, records]);
  useEffect(() => void (document.title = dossier ? t('dossierTitle', dossier.facts.name) : t('dossierIndexTitle')), [dossier]);
  // Searched once per page and set of names, not on every change to the library.
  const names = dossier ? [dossier.facts.name, ...dossier.facts.otherNames].join('\n') : '';
  const [searched, setSearched] = useState<CompanyCoverageResult | null>(null);
  const [conflictFailed, setConflictFailed] = useState<string | null>(null);
  const [exportFailed, setExportFailed] = useState<string | null>(null);
  const timeline = useRef<HTMLOListElement>(null);
  const highlightList = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!names) return;
    let stopped = false;
    services.searchCoverage(names.split('\n')).then((result) => !stopped && setSearched(result), () => undefined);
    return () => void (stopped = true);
  }, [services, names]);
  if (!dossier) {
    return (
      <main class="dossier">
        <p><a href={services.addressOf(null)}>{t('dossierAllCompanies')}</a></p>
        <p role="status">{t('dossierNothing')}</p>
        <Indexing progress={records.indexing} />
      </main>
    );
  }
  const exportAs = async (kind: 'markdown' | 'json') => {
    // Every article and highlight, not only those laid out.
    const whole = await services.loadWhole(companyId);
    if (!whole) return;
    const stem = `newsmark-dossier-${whole.facts.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'company'}-${localDayValue(Date.now())}`;
    const note = records.note?.note ?? '';
    if (kind === 'markdown') services.download(`${stem}.md`, 'text/markdown', dossierToMarkdown(whole, note));
    else services.download(`${stem}.json`, 'application/json', dossierToJson(whole, Date.now(), note));
  };
  const runExport = (kind: 'markdown' | 'json') =>
    void exportAs(kind).then(() => setExportFailed(null), (e: unknown) => setExportFailed(e instanceof Error ? e.message : String(e)));
  return (
    <main class="dossier">
      <p><a href={services.libraryAddress}>{t('dossierBackToLibrary')}</a> · <a href={services.addressOf(null)}>{t('dossierAllCompanies')}</a></p>
      <h1>{dossier.facts.name}</h1>
      <Indexing progress={records.indexing} />
      <Facts dossier={dossier} />
      <div class="actions">
        <button type="button" onClick={() => runExport('markdown')}>{t('dossierExportMarkdown')}</button>
        <button type="button" onClick={() => runExport('json')}>{t('dossierExportJson')}</button>
      </div>
      {exportFailed !== null && <p class="error" role="alert">{t('exportFailed', exportFailed)}</p>}
      <CompanyNote
        companyName={dossier.facts.name}
        saved={records.note?.note ?? ''}
        save={(note) => services.saveNote(companyId, dossier.facts.name, note)}
      />
      {services.conflicts && records.note && (
        <RecordNoteConflict
          kind="companyNote"
          record={records.note}
          actions={services.conflicts}
          run={(work) => void work.then(() => setConflictFailed(null), (e: unknown) => setConflictFailed(e instanceof Error ? e.message : String(e)))}
        />
      )}
      {conflictFailed !== null && <p class="error" role="alert">{t('dossierNoteFailed', conflictFailed)}</p>}
      <h2>{t('dossierMentionsPerWeek')}</h2>
      <DossierChart weeks={dossier.weeks} />
      <h2>{t('dossierTimeline')}</h2>
      <ol class="entries" data-testid="dossier-timeline" ref={timeline}>
        {dossier.articles.slice(0, shown.articles).map((a) => (
          <li key={a.id} class="entry">
            <h3><a href={a.url} target="_blank" rel="noopener noreferrer">{a.title || a.url}</a></h3>
            <p class="muted">
              {formatDate(a.time, readerLocale())}{a.dated === 'saved' ? ` (${t('dossierSavedDate')})` : ''}
              {a.publisher ? ` · ${a.publisher}` : ''} · {tCount('dossierNamedTimes', a.mentions)}
            </p>
            {a.sentences.map((s, i) => <Sentence key={i} sentence={s} />)}
          </li>
        ))}
      </ol>
      <ShowMore shown={Math.min(shown.articles, dossier.articles.length)} total={dossier.articleCount} message="dossierShowMoreArticles" onMore={() => onMore({ articles: shown.articles + PAGE })} list={timeline} />
      <h2>{t('dossierCoverage')}</h2>
      {coverage.length === 0 ? (
        <p class="muted">{records.feedItems.length === 0 ? t('dossierNoFeeds') : t('dossierNoCoverage')}</p>
      ) : (
        <ul class="entries coverage" data-testid="dossier-coverage">
          {coverage.map((c) => (
            <li key={c.url}>
              <a href={c.url} target="_blank" rel="noopener noreferrer">{c.title}</a>{' '}
              <span class="muted">{c.source} · {formatDate(c.time, readerLocale())}</span>
            </li>
          ))}
        </ul>
      )}
      {searched && searched.sources.length > 0 && <SearchCoverage result={searched} shown={new Set(coverage.map((c) => c.url))} />}
      <h2>{t('dossierHighlights')}</h2>
      {dossier.highlightCount === 0 ? (
        <p class="muted">{t('dossierNoHighlights')}</p>
      ) : (
        <ul class="highlight-list" data-testid="dossier-highlights" ref={highlightList}>
          {dossier.highlights.slice(0, shown.highlights).map((h) => (
            <li key={h.id} class={`highlight colour-${h.colour}`}>
              <span class="swatch" aria-hidden="true" />
              <blockquote>{h.quote}</blockquote>
              {h.note && <p class="note">{h.note}</p>}
              <p class="muted">{h.articleTitle}{h.tags.length ? ` · ${h.tags.join(', ')}` : ''}</p>
            </li>
          ))}
        </ul>
      )}
      <ShowMore shown={Math.min(shown.highlights, dossier.highlights.length)} total={dossier.highlightCount} message="dossierShowMoreHighlights" onMore={() => onMore({ highlights: shown.highlights + PAGE })} list={highlightList} />
    </main>
  );
}

/**
 * "Show 50 more (of 3,950)": the rest of a long list on request. A company named by thousands of
 * saved articles would otherwise lay out every one of them (and their highlights) before the
 * page could be read; the counts and the chart still cover them all.
 */
function ShowMore({ shown, total, message, onMore, list }: { shown: number; total: number; message: 'dossierShowMoreArticles' | 'dossierShowMoreHighlights'; onMore: () => void; list: { readonly current: HTMLElement | null } }) {
  // The keyboard goes on where the reading does: to the first entry the click added (the
  // button itself moves down, or goes once everything is shown).
  const firstAdded = useRef<number | null>(null);
  useEffect(() => {
    if (firstAdded.current === null) return;
    const entry = list.current?.children[firstAdded.current] as HTMLElement | undefined;
    firstAdded.current = null;
    if (!entry) return;
    entry.tabIndex = -1;
    entry.focus();
  }, [shown, list]);
  if (shown >= total) return null;
  const locale = readerLocale();
  return (
    <p>
      <button type="button" onClick={() => {
        firstAdded.current = shown;
        onMore();
      }}>
        {t(message, Math.min(PAGE, total - shown).toLocaleString(locale), total.toLocaleString(locale))}
      </button>
    </p>
  );
}

/** "Indexing your library: 120 of 400 articles" while older articles are read for their companies. */
function Indexing({ progress }: { progress: IndexingProgress | null }) {
  if (!progress) return null;
  return (
    <p class="muted" role="status" data-testid="dossier-indexing">
      {tCount('dossierIndexing', progress.total, progress.done.toLocaleString(readerLocale()))}
    </p>
  );
}

function Facts({ dossier }: { dossier: DossierModel }) {
  const { facts } = dossier;
  const rows: [string, preact.ComponentChild][] = [];
  if (facts.otherNames.length) rows.push([t('dossierAlsoWritten'), facts.otherNames.join(', ')]);
  if (facts.ticker) rows.push([t('dossierListing'), facts.ticker]);
  if (facts.country) rows.push([t('dossierCountry'), facts.country]);
  if (facts.industry) rows.push([t('dossierIndustry'), facts.industry]);
  if (facts.website) rows.push([t('dossierWebsite'), <a href={`https://${facts.website}`} target="_blank" rel="noopener noreferrer">{facts.website}</a>]);
  rows.push([t('dossierInLibrary'), `${tCount('dossierArticleCount', dossier.articleCount)} · ${tCount('dossierMentionCount', dossier.mentions)}`]);
  return (
    <dl class="facts" data-testid="dossier-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Sentence({ sentence }: { sentence: DossierSentence }) {
  return (
    <div class="dossier-sentence">
      <blockquote>{sentence.text}</blockquote>
      {sentence.figures.length > 0 && (
        <ul class="chips" aria-label={t('dossierFigures')}>
          {sentence.figures.map((f, i) => (
            <li key={i} class={`chip figure-${f.type}`}>{f.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
