/**
 * The popup for the current tab: what the page is, saved or not (save/unsave), the companies
 * and figures on it (or, on a page that is not an article, "Mark this page"), related coverage,
 * this article's highlights and notes, and sync status. Everything it needs comes through
 * `PopupServices`, so tests render it with plain data.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleRecord, HighlightRecord, PageVisit } from '@/lib/contracts/records';
import type { EntitySummary, PageEntities, PopupSnapshot } from '@/lib/contracts/messages';
import { dossierAddress } from '@/lib/dossier/address';
import type { RelatedResult } from '@/lib/related/gather';
import type { LiveSyncStatus, SyncStatus } from '@/lib/contracts/sync';
import { formatCount, formatDate } from '@/lib/i18n/format';
import { HighlightList, type HighlightActions } from './HighlightList';
import { ArticleNoteConflict } from './NoteConflict';
import { ArticleTags } from './ArticleControls';
import { RelatedCoverage } from './RelatedCoverage';
import { SyncStatusLine, useLiveSyncStatus } from './SyncStatusLine';
import { readerLocale, t, tCount } from './i18n';

export interface SavedArticle {
  article: ArticleRecord | null;
  highlights: HighlightRecord[];
}

export interface PopupServices {
  /** Calls back with what is known of the page (visit, saved article, highlights) now and after every change; returns a stop function. */
  watchPage(onChange: (snapshot: PopupSnapshot) => void, onError: (error: unknown) => void): () => void;
  /** null when the page has no content script (browser pages, or before it ran). */
  loadEntities(): Promise<PageEntities | null>;
  /** Marks the page although it does not look like an article (or is on a site Newsmark does not read); answers how many marks it shows. */
  markPage(): Promise<number>;
  /** Whether Newsmark reads the page's site (null: not a web page). */
  loadSiteAccess(): Promise<SiteAccess | null>;
  /** Asks the browser for the site (at once: it must run in the click) and marks its articles from now on; false when refused. */
  grantSite(pattern: string): Promise<boolean>;
  /** Runs Newsmark's first stage in the tab once (the popup's opening lent the tab: activeTab), e.g. to repaint a saved page's highlights. */
  startHere(): Promise<void>;
  save(): Promise<void>;
  unsave(articleId: string): Promise<void>;
  /** Brings an article just removed back as it was. */
  undoUnsave(articleId: string): Promise<void>;
  saveArticleNote(articleId: string, note: string): Promise<void>;
  setArticleTags(articleId: string, tags: string[]): Promise<void>;
  /** Every tag the reader uses (articles' and highlights'), suggested in the tag box. */
  loadTags(): Promise<string[]>;
  showEntity(index: number): Promise<void>;
  highlights: HighlightActions;
  /** null when sync is not available. */
  loadSyncStatus(): Promise<SyncStatus | null>;
  /** Every sync status the background stores, as it is stored (the line stays live); returns the unwatch function. */
  watchSyncStatus?(listener: (status: LiveSyncStatus) => void): () => void;
  /** The cached related coverage, and a refresh when it is stale (null: nothing to search for). */
  loadRelated(saved: ArticleRecord | null, visit: PageVisit | null): { cached: Promise<RelatedResult | null>; fresh: Promise<RelatedResult | null> };
  openLibrary(): void;
  openOptions(): void;
}

/** The page's site, and whether Newsmark reads it (the reader chose it and the browser granted it). */
export interface SiteAccess {
  host: string;
  /** The grant pattern for the site. */
  pattern: string;
  marked: boolean;
}

/** The popup's first answers: given at its first render, it renders complete at once. */
export interface FirstAnswers {
  page: PopupSnapshot;
  entities: PageEntities | null;
}

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The loading state, or `first` as the answer when it is given. */
const loadedOr = <T,>(first: { value: T } | undefined): Loaded<T> => (first ? { state: 'ready', value: first.value } : { state: 'loading' });

/**
 * Loads, again whenever `version` changes (the last answer stays shown meanwhile), starting
 * from `first` when given; `mark` names a performance mark set when an answer arrives.
 */
function useLoad<T>(load: () => Promise<T>, { mark, version = 0, first }: { mark?: string; version?: number | string; first?: { value: T } } = {}): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>(() => loadedOr(first));
  useEffect(() => {
    load().then(
      (v) => {
        if (mark) performance.mark(`newsmark:${mark}`);
        setValue({ state: 'ready', value: v });
      },
      (e: unknown) => setValue({ state: 'error', message: messageOf(e) }),
    );
  }, [load, version]);
  return value;
}

function usePage(services: PopupServices, first: PopupSnapshot | undefined): Loaded<PopupSnapshot> {
  const [page, setPage] = useState<Loaded<PopupSnapshot>>(() => loadedOr(first && { value: first }));
  useEffect(
    () => services.watchPage(
      (value) => setPage({ state: 'ready', value }),
      (e) => setPage({ state: 'error', message: messageOf(e) }),
    ),
    [services],
  );
  return page;
}

/**
 * `first`, when given, is rendered at once (no loading state in between); the popup still
 * watches for later changes, and its first reads take the same answers.
 */
export function Popup({ services, first }: { services: PopupServices; first?: FirstAnswers }) {
  const page = usePage(services, first?.page);
  // Asked again after "Mark this page", when the page has marks to list.
  const [marked, setMarked] = useState<number | null>(null);
  // And after a save: saving a page not taken for an article extracts and marks it.
  const [saves, setSaves] = useState(0);
  // And once the reader grants the site, as the page reports what its first stage found.
  const [grantedHost, setGrantedHost] = useState<string | null>(null);
  const [pageReports, setPageReports] = useState(0);
  // The site is one Newsmark does not read: the offer says so (not "reload the page"). Null
  // until known, so that neither line appears and then moves the other under the pointer.
  const [offering, setOffering] = useState<boolean | null>(null);
  const entities = useLoad(services.loadEntities, { version: `${saves}/${marked ?? ''}/${pageReports}`, first: first && { value: first.entities } });
  // Sync status is asked for once the rest is shown: counting pending changes can take a while
  // on a large library, and the line at the bottom may arrive after the rest.
  const ready = page.state !== 'loading' && entities.state !== 'loading';
  useEffect(() => {
    // The bench measures time to this mark: page status, saved state, entities, highlights.
    if (ready) performance.mark('newsmark:popup-ready');
  }, [ready]);
  const snapshot = page.state === 'ready' ? page.value : null;
  const visit = snapshot?.visit ?? null;
  const notArticle = entities.state === 'ready' && entities.value?.state === 'not-article';
  useEffect(() => {
    if (grantedHost) setPageReports((n) => n + 1);
  }, [grantedHost, snapshot]);
  // No first stage in the tab: the site is not one Newsmark reads (or the page predates the extension).
  const unread = entities.state === 'ready' && entities.value === null && marked === null;

  return (
    <main class="popup" aria-busy={!ready} data-ready={String(ready)}>
      <header class="bar">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => services.openLibrary()} data-testid="open-library">{t('openLibrary')}</button>
        <button type="button" class="link" onClick={() => services.openOptions()} data-testid="open-options">{t('openOptions')}</button>
      </header>
      {page.state === 'loading' && <p>{t('popupLoading')}</p>}
      {page.state === 'error' && <p role="alert">{t('popupError', page.message)}</p>}
      {snapshot && (visit || !unread || offering === false) && <PageStatus visit={visit} />}
      {grantedHost && <p role="status" data-testid="site-granted">{t('siteAccessGranted', grantedHost)}</p>}
      {unread && !grantedHost && (
        <SiteAccessOffer services={services} saved={!!snapshot?.article} onMarked={setMarked} onGranted={setGrantedHost} onStarted={() => setPageReports((n) => n + 1)} onShown={setOffering} />
      )}
      {(notArticle || marked !== null) && <MarkPage marked={marked} mark={services.markPage} onMarked={setMarked} />}
      {snapshot && <SavedSection saved={snapshot} services={services} isArticle={!!visit?.isArticle} canSave={!!visit} onSaved={() => setSaves((n) => n + 1)} />}
      {entities.state === 'ready' && entities.value && (entities.value.entities.length > 0 || entities.value.state === 'marked') && (
        <EntityList entities={entities.value.entities} onShow={(i) => void services.showEntity(i)} saved={!!snapshot?.article} />
      )}
      {snapshot && (visit?.isArticle || snapshot.article) && <Related services={services} article={snapshot.article} visit={visit} />}
      {ready && <SyncSection load={services.loadSyncStatus} watch={services.watchSyncStatus} />}
    </main>
  );
}

/** "Mark this page": a page that does not look like an article is marked only when the reader asks. */
function MarkPage({ marked, mark, onMarked }: { marked: number | null; mark: () => Promise<number>; onMarked: (count: number) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setBusy(true);
    mark().then((count) => (setError(null), onMarked(count)), (e: unknown) => setError(messageOf(e))).finally(() => setBusy(false));
  };
  return (
    <section class="mark-page" aria-label={t('markPage')}>
      {marked === null ? (
        <>
          <p class="muted">{t('markPageHint')}</p>
          <button type="button" class="primary" disabled={busy} onClick={run} data-testid="mark-page">{t('markPage')}</button>
        </>
      ) : (
        <p role="status" data-testid="mark-count" data-count={String(marked)}>{marked > 0 ? tCount('markPageDone', marked) : t('markPageNone')}</p>
      )}
      {error && <p role="alert" class="error">{t('popupError', error)}</p>}
    </section>
  );
}

/**
 * On a site Newsmark does not read: read it from now on ("Mark articles on this site", a grant
 * the browser asks the reader to confirm), or mark this page once (activeTab, no lasting grant).
 */
function SiteAccessOffer({ services, saved, onMarked, onGranted, onStarted, onShown }: {
  services: PopupServices;
  /** The page is in the library: its highlights are painted again at once, through the tab the popup's opening lent. */
  saved: boolean;
  onMarked: (count: number) => void;
  onGranted: (host: string) => void;
  onStarted: () => void;
  onShown: (shown: boolean | null) => void;
}) {
  const access = useLoad(services.loadSiteAccess);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unreadSite = access.state === 'ready' && !!access.value && !access.value.marked;
  useEffect(() => {
    if (access.state !== 'loading') onShown(unreadSite);
    if (saved && unreadSite) services.startHere().then(onStarted, () => undefined);
  }, [saved, unreadSite, access.state]);
  useEffect(() => () => onShown(false), []);
  if (access.state !== 'ready' || !access.value || access.value.marked) return null;
  const { host, pattern } = access.value;
  const grant = () => {
    setBusy(true);
    services.grantSite(pattern).then(
      (granted) => (granted ? onGranted(host) : setError(t('siteAccessRefused', host))),
      (e: unknown) => setError(t('popupError', messageOf(e))),
    ).finally(() => setBusy(false));
  };
  const markOnce = () => {
    setBusy(true);
    services.markPage().then(onMarked, (e: unknown) => setError(t('popupError', messageOf(e)))).finally(() => setBusy(false));
  };
  return (
    <section class="site-access" aria-label={t('siteAccessGrant')} data-testid="site-access">
      <p>{t('siteAccessNotRead', host)}</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={grant} data-testid="grant-site">{t('siteAccessGrant')}</button>
        <button type="button" disabled={busy} onClick={markOnce} data-testid="mark-page">{t('markPage')}</button>
      </div>
      <p class="muted">{t('siteAccessGrantHint')}</p>
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}

function SyncSection({ load, watch }: { load: PopupServices['loadSyncStatus']; watch: PopupServices['watchSyncStatus'] }) {
  const sync = useLoad(load, { mark: 'sync' });
  const status = useLiveSyncStatus(sync.state === 'ready' ? sync.value : null, watch);
  if (sync.state !== 'ready' || !sync.value || !status) return null;
  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      <SyncStatusLine status={status} />
    </section>
  );
}

function PageStatus({ visit }: { visit: PageVisit | null }) {
  if (!visit) return <p data-testid="page-status">{t('popupNoPage')}</p>;
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title" data-testid="page-title">{visit.title}</h2>
      <p data-testid="page-status" data-article={String(visit.isArticle)}>
        {visit.isArticle ? t('popupIsArticle') : t('popupNotArticle')}
      </p>
    </section>
  );
}

/**
 * Saved or not. Any page the content script runs in can be saved: saving an article the
 * detection passed over extracts it anyway. "Remove from library" offers undo, which brings
 * the record back as it was (note, tags, highlights, saved date).
 */
function SavedSection({ saved, services, isArticle, canSave, onSaved }: { saved: SavedArticle; services: PopupServices; isArticle: boolean; canSave: boolean; onSaved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [removed, setRemoved] = useState<ArticleRecord | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const unsaveButton = useRef<HTMLButtonElement>(null);
  const act = (work: () => Promise<void>) => {
    setBusy(true);
    return work().then(() => (setError(null), true), (e: unknown) => (setError(messageOf(e)), false)).finally(() => setBusy(false));
  };
  const { article, highlights } = saved;
  const knownTags = useKnownTags(services, article?.tags.join('\n'));
  // "Remove from library" is gone with the article: the focus goes to Undo; after the undo, back to "Remove".
  // (The record's removal may be shown before or after the unsave answers: focused once both are in.)
  const undoFocused = useRef<string | null>(null);
  useEffect(() => {
    if (removed && !article && undoFocused.current !== removed.id && undoButton.current) {
      undoFocused.current = removed.id;
      undoButton.current.focus();
    }
  }, [removed, article]);
  const undo = (record: ArticleRecord) =>
    void act(() => services.undoUnsave(record.id)).then((ok) => {
      if (!ok) return;
      setRemoved(null);
      undoFocused.current = null;
      const started = Date.now();
      const refocus = () => (unsaveButton.current ? unsaveButton.current.focus() : Date.now() - started < 3000 && setTimeout(refocus, 30));
      refocus();
    });
  const undoLine = removed && !article && (
    <p role="status" class="undo" data-testid="unsave-undo">
      {t('removedFromLibrary')}{' '}
      <button type="button" ref={undoButton} disabled={busy} onClick={() => undo(removed)} data-testid="undo-unsave">{t('undo')}</button>
    </p>
  );
  if (!article) {
    if (!isArticle && !canSave) return null;
    return (
      <section class="saved" aria-label={t('library')}>
        {undoLine}
        <p data-testid="saved-state" data-saved="false">{t('notSaved')}</p>
        {!isArticle && <p class="muted" data-testid="save-any-page">{t('saveAnyPageHint')}</p>}
        <button type="button" class="primary" disabled={busy} onClick={() => void act(() => services.save()).then((ok) => ok && onSaved())} data-testid="save">{isArticle ? t('saveArticle') : t('savePage')}</button>
        {error && <p role="alert" class="error">{error}</p>}
      </section>
    );
  }
  return (
    <section class="saved" aria-labelledby="saved-title">
      <h2 id="saved-title" tabIndex={-1}>{t('library')}</h2>
      <p data-testid="saved-state" data-saved="true">
        {t('savedOn', formatDate(article.savedAt, readerLocale()))}{' '}
        <button
          type="button"
          class="destructive"
          ref={unsaveButton}
          disabled={busy}
          onClick={() => void act(() => services.unsave(article.id)).then((ok) => ok && setRemoved(article))}
          data-testid="unsave"
        >
          {t('unsaveArticle')}
        </button>
      </p>
      {error && <p role="alert" class="error">{error}</p>}
      <ArticleTags article={article} actions={{ setTags: services.setArticleTags }} run={(work) => act(() => work.then(() => undefined))} known={knownTags} />
      <ArticleNote
        note={article.note}
        editing={editing}
        setEditing={setEditing}
        onSave={(note) => act(() => services.saveArticleNote(article.id, note).then(() => setEditing(false)))}
      />
      {services.highlights.conflicts && !editing && <ArticleNoteConflict article={article} actions={services.highlights.conflicts} run={(work) => void act(() => work.then(() => undefined))} />}
      <h3>{t('highlightsTitle', formatCount(highlights.length, readerLocale()))}</h3>
      {highlights.length === 0 && <p class="muted">{t('noHighlights')}</p>}
      {/* Kept when the last highlight goes: its "Highlight deleted · Undo" line is in the list. */}
      <HighlightList highlights={highlights} actions={services.highlights} label={article.title} fallbackFocus={() => document.getElementById('saved-title')} />
    </section>
  );
}

/** The reader's tags for the tag box's suggestions; read again when the article's own tags change. */
function useKnownTags(services: PopupServices, articleTags: string | undefined): string[] {
  const [known, setKnown] = useState<string[]>([]);
  useEffect(() => {
    if (articleTags === undefined) return;
    services.loadTags().then(setKnown, () => setKnown([]));
  }, [services, articleTags]);
  return known;
}

function ArticleNote({ note, editing, setEditing, onSave }: { note: string; editing: boolean; setEditing: (v: boolean) => void; onSave: (note: string) => void }) {
  if (editing) {
    return (
      <form class="note-editor" onSubmit={(e) => { e.preventDefault(); onSave((e.currentTarget.elements.namedItem('article-note') as HTMLTextAreaElement).value); }}>
        <label for="article-note">{t('articleNote')}</label>
        <textarea id="article-note" name="article-note" rows={3} defaultValue={note} autoFocus onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), setEditing(false))} />
        <div class="actions">
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
        </div>
      </form>
    );
  }
  return (
    <div class="article-note">
      {note && <p class="note" data-testid="article-note">{note}</p>}
      <button type="button" onClick={() => setEditing(true)}>{note ? t('editArticleNote') : t('addArticleNote')}</button>
    </div>
  );
}

/** The page's companies and figures; once the page is saved, each company links to its dossier. */
function EntityList({ entities, onShow, saved }: { entities: EntitySummary[]; onShow: (index: number) => void; saved: boolean }) {
  const companies = entities.filter((e) => e.type === 'company');
  const figures = entities.filter((e) => e.type !== 'company');
  const group = (title: string, list: EntitySummary[], testId: string) =>
    list.length > 0 && (
      <>
        <h3>{title}</h3>
        <ul class="chips" data-testid={testId}>
          {list.map((e) => (
            <li key={e.index}>
              <button type="button" onClick={() => onShow(e.index)} data-testid="entity">
                {e.name ?? e.text}
                {e.mentions > 1 && <span class="count" aria-hidden="true"> ×{formatCount(e.mentions, readerLocale())}</span>}
                <span class="visually-hidden">{` ${tCount('showOnPage', e.mentions)}`}</span>
              </button>
              {saved && e.type === 'company' && e.id && (
                <a class="dossier-link" href={dossierAddress(e.id)} target="_blank" rel="noopener" title={t('dossierOpen', e.name ?? e.text)} data-testid="entity-dossier">
                  <span aria-hidden="true">↗</span>
                  <span class="visually-hidden">{t('dossierOpen', e.name ?? e.text)}</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <section aria-labelledby="entities-title">
      <h2 id="entities-title">{t('entitiesTitle')}</h2>
      {entities.length === 0 && <p class="muted" data-testid="no-entities">{t('noEntities')}</p>}
      {group(t('companies'), companies, 'companies')}
      {group(t('figures'), figures, 'figures')}
    </section>
  );
}

function Related({ services, article, visit }: { services: PopupServices; article: ArticleRecord | null; visit: PageVisit | null }) {
  const [result, setResult] = useState<RelatedResult | null>(null);
  const [refreshing, setRefreshing] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const key = article?.id ?? visit?.url;
  useEffect(() => {
    const { cached, fresh } = services.loadRelated(article, visit);
    cached.then((r) => r && setResult(r), () => undefined);
    fresh.then(
      (r) => r && setResult(r),
      (e: unknown) => setError(messageOf(e)),
    ).finally(() => setRefreshing(false));
    // Only a different article asks again; edits to notes do not.
  }, [key]);
  return <RelatedCoverage result={result ?? (refreshing || error ? null : emptyResult(visit?.url ?? ''))} refreshing={refreshing} error={error} />;
}

/** No search ran (nothing to search for): shown as the honest "nothing found" state. */
function emptyResult(articleUrl: string): RelatedResult {
  return { articleUrl, fetchedAt: Date.now(), groups: [], sources: [] };
}
