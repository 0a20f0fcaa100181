/**
 * The sites Newsmark reads (chosen by the reader, granted by the browser): each outlet or site
 * on its own line with Remove (its marks leave open pages, its grant goes back to the browser),
 * Undo after a removal, and the two one-click choices of the first-run page.
 */
import { useEffect, useState } from 'preact/hooks';
import { grantedSites, type GrantedSite } from '@/lib/sites/entries';
import { t } from './i18n';

export interface SitesStore {
  /** The patterns marked now. */
  marked(): Promise<string[]>;
  /** Stops marking `patterns`; answers the patterns marked now. */
  remove(patterns: string[]): Promise<string[]>;
  /** Asks the browser for `patterns` (at once: in the click) and marks them; null when refused. */
  add(patterns: string[]): Promise<string[] | null>;
  /** The patterns of "the listed news sites" and of "every site". */
  newsSites: string[];
  everySite: string[];
}

/** A pattern as a reader reads it: `https://*.ft.com/*` -> "ft.com", `http://blog.example/*` -> "http://blog.example". */
export function patternLabel(pattern: string): string {
  const parts = /^(\*|https?):\/\/(?:\*\.)?([^/]+)\//.exec(pattern);
  if (!parts) return pattern;
  return parts[1] === 'http' ? `http://${parts[2]}` : parts[2]!;
}

function siteLabel(site: GrantedSite): string {
  if (site.name === null) return t('sitesEvery');
  return site.patterns.length === 1 && site.name === site.patterns[0] ? patternLabel(site.name) : site.name;
}

export function SitesOptions({ store }: { store: SitesStore }) {
  const [marked, setMarked] = useState<string[] | null>(null);
  const [removed, setRemoved] = useState<GrantedSite | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void store.marked().then(setMarked, (e: unknown) => setError(String(e))), [store]);

  const run = (work: Promise<string[] | null>, after?: (now: string[]) => void) => {
    setError(null);
    work.then(
      (now) => {
        if (now === null) return setError(t('welcomeRefused'));
        setMarked(now);
        after?.(now);
      },
      (e: unknown) => setError(t('welcomeFailed', e instanceof Error ? e.message : String(e))),
    );
  };
  const sites = marked ? grantedSites(marked) : [];
  return (
    <section aria-labelledby="sites-title" data-testid="sites-options">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p class="muted">{t('sitesHelp')}</p>
      {marked !== null && sites.length === 0 && <p data-testid="sites-none">{t('sitesNone')}</p>}
      <ul class="site-list" data-testid="site-list">
        {sites.map((site) => (
          <li key={site.patterns.join(' ')} data-testid="site">
            <span>{siteLabel(site)}</span>{' '}
            <button type="button" class="link" aria-label={t('sitesRemoveNamed', siteLabel(site))} onClick={() => run(store.remove(site.patterns), () => setRemoved(site))} data-testid="remove-site">
              {t('sitesRemove')}
            </button>
          </li>
        ))}
      </ul>
      {removed && (
        <p role="status" data-testid="site-removed">
          {t('sitesRemoved', siteLabel(removed))}{' '}
          <button type="button" class="link" onClick={() => run(store.add(removed.patterns), () => setRemoved(null))} data-testid="undo-remove-site">{t('undo')}</button>
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={() => run(store.add(store.newsSites))} data-testid="add-news-sites">{t('sitesAddNews')}</button>
        <button type="button" onClick={() => run(store.add(store.everySite))} data-testid="add-every-site">{t('sitesAddEvery')}</button>
      </div>
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}
