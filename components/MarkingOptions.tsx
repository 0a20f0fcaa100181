/** What is marked and how, where Newsmark is off, and the currency money is converted to. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityType } from '@/lib/contracts/entities';
import type { MarkStyle, Settings } from '@/lib/settings/settings';
import { parseSiteList, type SiteListParse } from '@/lib/settings/sites';
import { SaveStatus } from './SaveStatus';
import { useSaveState } from './useSaved';
import { t } from './i18n';

export interface MarkingStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

const TYPES: EntityType[] = ['company', 'money', 'percent', 'number'];
const STYLES: MarkStyle[] = ['tint', 'underline'];
/** The euro and the currencies the ECB publishes reference rates for. */
export const CURRENCIES = [
  'EUR', 'USD', 'JPY', 'BGN', 'CZK', 'DKK', 'GBP', 'HUF', 'PLN', 'RON', 'SEK', 'CHF', 'ISK', 'NOK', 'TRY', 'AUD', 'BRL', 'CAD', 'CNY',
  'HKD', 'IDR', 'ILS', 'INR', 'KRW', 'MXN', 'MYR', 'NZD', 'PHP', 'SGD', 'THB', 'ZAR',
];

export function MarkingOptions({ store }: { store: MarkingStore }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sites, setSites] = useState('');
  const [refused, setRefused] = useState<SiteListParse['refused']>([]);
  /** Sites the last save took off the list: "Newsmark is on again on x.com. Undo". */
  const [unlisted, setUnlisted] = useState<string[]>([]);
  const sitesBox = useRef<HTMLTextAreaElement>(null);
  const [status, track] = useSaveState();
  useEffect(() => {
    void store.load().then((s) => {
      setSettings(s);
      setSites(s.disabledSites.join('\n'));
    });
  }, [store]);
  if (!settings) return <section aria-busy="true"><h2>{t('markingTitle')}</h2></section>;
  /** Saves, then reads the stored value back: the page shows what was stored, and says "Saved." only when it is what was asked. */
  const update = (next: Settings, onStored?: (stored: Settings) => void) => {
    setSettings(next);
    void track(
      store.save(next).then(async () => {
        const stored = await store.load();
        setSettings(stored);
        onStored?.(stored);
        if (JSON.stringify(stored) !== JSON.stringify(next)) throw new Error(t('notAllStored'));
      }),
    );
  };
  const saveSites = () => {
    const parsed = parseSiteList(sites);
    setRefused(parsed.refused);
    const removed = settings.disabledSites.filter((site) => !parsed.sites.includes(site));
    if (removed.length > 0) setUnlisted(removed);
    update({ ...settings, disabledSites: parsed.sites }, (stored) =>
      // The box shows the stored sites, and below them what was refused, as typed, to be corrected.
      setSites([...stored.disabledSites, ...parsed.refused.map((r) => r.entry)].join('\n')),
    );
  };
  const undoUnlisting = () => {
    const restored = [...settings.disabledSites, ...unlisted.filter((site) => !settings.disabledSites.includes(site))];
    setUnlisted([]);
    update({ ...settings, disabledSites: restored }, (stored) => setSites(stored.disabledSites.join('\n')));
    // The button goes with the line: the focus goes back to the list it changed.
    sitesBox.current?.focus();
  };
  return (
    <section aria-labelledby="marking-title" data-testid="marking-options">
      <h2 id="marking-title">{t('markingTitle')}</h2>
      <fieldset>
        <legend>{t('markTypesLegend')}</legend>
        {TYPES.map((type) => (
          <label key={type} class="check">
            <input type="checkbox" checked={settings.markTypes[type]} onChange={(e) => update({ ...settings, markTypes: { ...settings.markTypes, [type]: e.currentTarget.checked } })} data-testid={`mark-${type}`} />
            {t(`markType_${type}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('markStyleLegend')}</legend>
        {STYLES.map((style) => (
          <label key={style} class="check">
            <input type="radio" name="mark-style" value={style} checked={settings.markStyle === style} onChange={() => update({ ...settings, markStyle: style })} />
            {t(`markStyle_${style}`)}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={settings.paused} onChange={(e) => update({ ...settings, paused: e.currentTarget.checked })} data-testid="paused" />
        {t('pauseEverywhere')}
      </label>
      <p class="field">
        <label for="off-sites">{t('offSitesLabel')}</label>
        <textarea
          id="off-sites"
          rows={Math.min(12, Math.max(4, sites.split('\n').length + 1))}
          value={sites}
          aria-describedby={refused.length ? 'off-sites-refused off-sites-help off-sites-stored' : 'off-sites-help off-sites-stored'}
          aria-invalid={refused.length > 0}
          onInput={(e) => setSites(e.currentTarget.value)}
          onBlur={saveSites}
          ref={sitesBox}
          data-testid="off-sites"
        />
        {refused.length > 0 && (
          <span id="off-sites-refused" role="alert" class="error" data-testid="off-sites-refused">
            {refused.map((r) => t(`offSiteBad_${r.reason}`, r.entry)).join(' ')}
          </span>
        )}
        <span id="off-sites-help" class="muted">{t('offSitesHelp')}</span>
        <span id="off-sites-stored" class="muted" data-testid="off-sites-stored">
          {settings.disabledSites.length ? t('offSitesStored', settings.disabledSites.join(', ')) : t('offSitesNone')}
        </span>
      </p>
      {unlisted.length > 0 && (
        <p role="status" data-testid="off-sites-undo">
          {t('offSitesRemoved', unlisted.join(', '))}{' '}
          <button type="button" onClick={undoUnlisting}>{t('undo')}</button>
        </p>
      )}
      <p class="field">
        <label for="currency">{t('currencyLabel')}</label>
        <select id="currency" value={settings.readerCurrency} onChange={(e) => update({ ...settings, readerCurrency: e.currentTarget.value })} data-testid="currency">
          {CURRENCIES.map((code) => <option key={code} value={code}>{code}</option>)}
        </select>
      </p>
      <SaveStatus state={status} testId="marking-status" />
    </section>
  );
}
