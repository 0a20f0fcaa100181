/**
 * The library: every saved article with its note and highlights; full-text search (titles,
 * highlights, notes, article text), filters by site, tag, company, colour and date; sorting;
 * each article's note, tags and removal, and several articles at once by selection;
 * export (Markdown, JSON, W3C Web Annotation) and import: the library page. Data comes in
 * through `LibraryServices`; writes go out through it.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HighlightRecord, LibraryRow } from '@/lib/contracts/records';
import { buildModel, type ListedArticle } from '@/lib/library/model';
import { entryOf, facetsOf, queryRows, type LibraryEntry, type LibraryFilters, type SortOrder } from '@/lib/library/query';
import { searchLibrary, type SearchResult, type TermReader } from '@/lib/library/search';
import { emphasise, holdsAll, passage, searchWords, type SearchWords, type Segment } from '@/lib/library/excerpt';
import { safeHttpUrl } from '@/lib/url/safe';
import { formatDate } from '@/lib/i18n/format';
import { HighlightList, deleteButtonOf, type HighlightActions } from './HighlightList';
import { ArticleNoteControl, ArticleTags, RemoveArticleButton, type ArticleActions } from './ArticleControls';
import { focusFirst, focusWhenShown } from './focus-after-removal';
import { LibraryFilterBar } from './LibraryFilters';
import { LibraryTransfer, type TransferServices } from './LibraryTransfer';
import { SelectBox, SelectionBar } from './LibrarySelection';
import { readerLocale, t, tCount } from './i18n';
import { siteLabel } from './site-label';
import { Emphasised } from './Emphasised';
import { idleScheduler } from '@/lib/marking/watch';

export interface LibraryServices extends TransferServices {
  /** Every live article's row, now and after each change to the library; returns a stop function. */
  watchRows(onRows: (rows: LibraryRow[]) => void, onError: (error: unknown) => void): () => void;
  /** The search index's rows of a word: what a search reads. */
  readTerms: TermReader;
  /** The newest `limit` live articles (without their text) and their highlights, from the savedAt index: the first list, shown while the rows are read. */
  loadNewest(limit: number): Promise<{ articles: ListedArticle[]; highlights: HighlightRecord[] }>;
  /** The live articles of `ids` (their texts apart, for the passages) and their highlights: the entries on screen. */
  loadEntries(ids: readonly string[]): Promise<{ articles: ListedArticle[]; texts: Map<string, string>; highlights: HighlightRecord[] }>;
  highlights: HighlightActions;
  articles: ArticleActions;
  /** An article's text (the list keeps articles without it): where a search result's passage is taken from. */
  articleText(id: string): Promise<string>;
}

/** Entries rendered at first and added per "Show more": the DOM stays small with 10,000 articles. */
const PAGE = 20;
/** The least height of an entry on screen (title, site line, tags and actions, no highlights), in CSS pixels. */
const SHORTEST_ENTRY_PX = 140;

/**
 * How many entries can be in view in a window `viewportHeight` pixels tall: a new search shows
 * those first and the rest of its page once the browser is idle, so that typing answers within
 * a frame or two whatever the page's length.
 */
export const entriesInView = (viewportHeight: number) => Math.max(1, Math.ceil(viewportHeight / SHORTEST_ENTRY_PX));
/** Highlights shown per entry until the reader asks for all of them. */
const HIGHLIGHTS_SHOWN = 3;

/** The last removal, until it is undone or the next one replaces it. */
interface Removal {
  message: string;
  undo: () => Promise<void>;
  /** The control to focus once the removed item is back. */
  focus: string;
}

/** The selector of an article's "Remove from library" button. */
const removeButtonOf = (id: string) => `[data-testid="library-entry"][data-id="${CSS.escape(id)}"] [data-testid="remove-article"]`;

const isTextField = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export interface LibraryProps {
  services: LibraryServices;
  /** The search to start with (the page's `?q=`, e.g. a hover card's "coverage of this company"). */
  initialQuery?: string;
  /** Told the search text as the reader changes it (the page keeps its address in step). */
  onQueryChange?: (query: string) => void;
}

export function Library({ services, initialQuery = '', onQueryChange }: LibraryProps) {
  // Without a search to start with, the newest articles are read first, on their own: the
  // rows' one large read would otherwise hold back the few records of the first list.
  const [previewWanted] = useState(() => initialQuery.trim() === '');
  const preview = useNewest(services, previewWanted);
  const library = useRows(services, !previewWanted || preview !== null);
  const rows = library?.rows ?? null;
  const [text, setText] = useState(initialQuery);
  const [filters, setFilters] = useState<LibraryFilters>({});
  // The reader's choice of order, if any; else newest first, and best match while searching.
  const [chosenSort, setSort] = useState<SortOrder | null>(null);
  // A search or a filter narrows the list: one button takes every one of them away.
  const narrowed = text.trim() !== '' || Object.keys(filters).length > 0;
  const clearAll = () => {
    setText('');
    setFilters({});
    document.getElementById('library-search')?.focus();
  };
  const query = text.trim();
  const searching = query !== '';
  const sort = sortFor(chosenSort, searching);
  const texts = useRef(new TextCache(services)).current;
  const [shown, setShown] = useState(PAGE);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [selectedIds, setSelected] = useState<ReadonlySet<string>>(new Set());
  const select = (id: string, on: boolean) => setSelected((ids) => {
    const next = new Set(ids);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Runs a write; answers whether it worked, and says why not on the page. */
  const run = (work: Promise<unknown>) => work.then(
    () => (setError(null), true),
    (e: unknown) => (setError(e instanceof Error ? e.message : String(e)), false),
  );
  const undo = () => {
    if (!removal) return;
    // The Undo button goes: the heading holds the focus until the restored item is listed again.
    heading.current?.focus();
    void run(removal.undo()).then((ok) => {
      if (!ok) return;
      setRemoval(null);
      focusWhenShown(removal.focus);
    });
  };
  const facets = useMemo(() => (rows ? facetsOf(rows) : null), [rows]);
  const { listing, current } = useListing(services, texts, library, query, filters, sort, shown);
  const listedRows = listing?.rows ?? null;
  // The entries on screen are emphasised for the search they were listed for: typing does not
  // redo the entries about to be replaced.
  const listedQuery = listing?.query ?? '';
  const words = useMemo(() => (listedQuery ? searchWords(listedQuery) : null), [listedQuery]);
  const entryActions: EntryActions = {
    knownTags: facets?.tags ?? [],
    highlights: services.highlights,
    articles: services.articles,
    words,
    texts,
    run,
    heading: () => heading.current,
    onHighlightDeleted: (h) => setRemoval({ message: t('highlightDeleted'), undo: () => services.highlights.undoRemove(h.id), focus: deleteButtonOf(h.id) }),
    isSelected: (id) => selectedIds.has(id),
    onSelect: select,
    onArticleRemoved: (article, next) => {
      setRemoval({ message: t('articleRemoved', article.title || article.url), undo: () => services.articles.undoRemove(article.id), focus: removeButtonOf(article.id) });
      focusFirst(next, heading.current);
    },
  };
  useEffect(() => setShown(PAGE), [query, filters, sort]);
  useEffect(() => onQueryChange?.(text), [text]);
  // The list answers the search, filters and order now once its first entries are on screen
  // (`entries`); it is complete once every entry of its page is (`complete`).
  const entries = current ? listing!.entries : null;
  const complete = current && listing!.complete;
  const listed = listing?.entries ?? (query === '' && Object.keys(filters).length === 0 ? preview : null) ?? [];
  const shownArticles = listed.map((e) => e.article);
  // Only what is listed is acted on: a selection a search or filter has hidden is left alone.
  const selected = (listing?.entries ?? []).filter((e) => selectedIds.has(e.article.id)).map((e) => e.article);
  const onSelectionRemoved = (gone: readonly ListedArticle[]) => {
    setRemoval({
      message: tCount('articlesRemoved', gone.length),
      undo: () => Promise.all(gone.map((a) => services.articles.undoRemove(a.id))).then(() => undefined),
      focus: removeButtonOf(gone[0]!.id),
    });
    heading.current?.focus();
  };
  const listOnScreen = entries !== null || listed.length > 0;
  useEffect(() => {
    // The bench's marks: the first list on screen, every row read, and search ready.
    if (listOnScreen) performance.mark('newsmark:library-list');
  }, [listOnScreen]);
  useEffect(() => {
    // The index is in the database: once the rows are read, search answers.
    if (rows) {
      performance.mark('newsmark:library-records');
      performance.mark('newsmark:search-ready');
    }
  }, [!!rows]);

  // The same element while the listing, selection and tags stay: typing in the search box does
  // not re-render the entries it is about to replace (their actions use only setters and refs).
  const entryList = useMemo(() => listed.length > 0 && (
    <ol class="entries">
      {listed.map((entry) => (
        <ArticleEntry key={entry.article.id} article={entry.article} highlights={entry.highlights} actions={entryActions} />
      ))}
    </ol>
  ), [listing, selectedIds, words, facets]);

  // The filters list every site, tag and company (thousands of options in a large library):
  // rendered again only when they change, not on each key typed in the search box.
  const filterBar = useMemo(
    () => facets && <LibraryFilterBar facets={facets} filters={filters} sort={sort} searching={searching} onFilters={setFilters} onSort={setSort} />,
    [facets, filters, sort, searching],
  );

  return (
    <main
      class="library"
      aria-busy={!complete}
      onKeyDown={(e) => {
        // Ctrl/Cmd+Z undoes the last removal (text fields keep their own undo).
        if (removal && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !isTextField(e.target)) {
          e.preventDefault();
          undo();
        }
      }}
    >
      <header class="bar">
        <h1 ref={heading} tabIndex={-1} data-testid="library-heading">{t('libraryTitle')}</h1>
        {rows && <p class="muted">{t('libraryCounts', tCount('articleCount', rows.length), tCount('highlightCount', countHighlights(rows)))}</p>}
      </header>
      <form role="search" class="search" onSubmit={(e) => e.preventDefault()}>
        <label for="library-search">{t('searchLabel')}</label>
        <input id="library-search" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="search" autoComplete="off" />
      </form>
      {filterBar}
      <div class="bar results">
        <p role="status" class="muted" data-testid="result-count" data-shown-query={entries ? query : undefined} data-query={complete ? query : undefined}>
          {!listedRows ? t('libraryLoading') : tCount('libraryResults', listedRows.length)}
        </p>
        {narrowed && <button type="button" onClick={clearAll} data-testid="clear-search">{t('libraryClearAll')}</button>}
      </div>
      {listed.length > 0 && (
        <SelectionBar
          selected={selected}
          shown={shownArticles}
          onSelect={(ids) => setSelected(new Set(ids))}
          actions={services.articles}
          run={run}
          known={facets?.tags ?? []}
          onRemoved={onSelectionRemoved}
        />
      )}
      {error && <p role="alert" class="error" data-testid="library-error">{error}</p>}
      {listedRows && listedRows.length === 0 && <p data-testid="library-empty">{rows?.length ? noMatch(text, filters) : t('libraryEmpty')}</p>}

      {entryList}
      {complete && listedRows && listedRows.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)} data-testid="show-more">
          {tCount('showMore', Math.min(PAGE, listedRows.length - shown))}
        </button>
      )}
      {rows && <LibraryTransfer listed={listedRows} services={services} />}
      <p role="status" class="undo-bar" data-testid="library-undo" hidden={!removal}>
        {removal && (
          <>
            <span>{removal.message}</span>{' '}
            <button type="button" onClick={undo} aria-keyshortcuts="Control+Z Meta+Z" data-testid="undo">{t('undo')}</button>
          </>
        )}
      </p>
    </main>
  );
}

function countHighlights(rows: readonly LibraryRow[]): number {
  let n = 0;
  for (const row of rows) n += row.highlights;
  return n;
}

/** The library's rows, with a number counting the reads (each change to the library is one). */
interface Rows {
  rows: LibraryRow[];
  byId: Map<string, LibraryRow>;
  version: number;
}

/** Every live article's row, read when the page opens and again after each change. */
function useRows(services: LibraryServices, start: boolean): Rows | null {
  const [state, setState] = useState<Rows | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!start) return undefined;
    return services.watchRows(
      (rows) => setState((s) => ({ rows, byId: new Map(rows.map((r) => [r.articleId, r])), version: (s?.version ?? 0) + 1 })),
      setError,
    );
  }, [services, start]);
  if (error) throw error;
  return state;
}

/** The newest articles as the first list, read when `wanted` (before the rows); null until read (empty when it could not be). */
function useNewest(services: LibraryServices, wanted: boolean): LibraryEntry[] | null {
  const [newest, setNewest] = useState<LibraryEntry[] | null>(null);
  useLayoutEffect(() => {
    if (!wanted) return undefined;
    let current = true;
    services.loadNewest(PAGE).then(({ articles, highlights }) => {
      const model = buildModel(articles, highlights);
      if (current) setNewest(model.articles.map((a) => entryOf(a, model.highlightsByArticle.get(a.id) ?? [], {})));
    }, () => current && setNewest([]));
    return () => {
      current = false;
    };
  }, [services]);
  return newest;
}

/** What the page lists for one search, filters, order and length, over one read of the rows. */
interface Listing {
  /** Which state of the page it was made for. */
  key: string;
  /** The search it answers ('' for none). */
  query: string;
  /** Every row listed, in order. */
  rows: LibraryRow[];
  /** The first of them, read whole, with the highlights to show. */
  entries: LibraryEntry[];
  /** Whether `entries` holds the whole page asked for, or only the first entries in view (the rest on their way). */
  complete: boolean;
}

/**
 * Lists the library for the search, filters, order and length asked for: the search read from
 * the index (once per query and read of the rows), the rows filtered and sorted, and the first
 * `shown` read by id (the rest stay in the database). Started in a layout effect, right after
 * the render that asked for it rather than a frame later. Until it answers, the last listing
 * stays on screen (`current` false). A new search, filter or order first reads and shows the
 * entries in view, then the rest of the page when the browser is idle (skipped if the reader
 * has typed on); showing more or a change to the library re-lists the whole page at once, so
 * nothing on screen shrinks.
 */
function useListing(services: LibraryServices, texts: TextCache, library: Rows | null, query: string, filters: LibraryFilters, sort: SortOrder, shown: number): { listing: Listing | null; current: boolean } {
  const [listing, setListing] = useState<Listing | null>(null);
  const lastSearch = useRef<{ version: number; query: string; result: Promise<SearchResult> } | null>(null);
  const key = library ? JSON.stringify([library.version, query, filters, sort, shown]) : null;
  // What was listed last: a listing of the same search, filters and order keeps its entries whole.
  const listedView = useRef<string | null>(null);
  const view = JSON.stringify([query, filters, sort]);
  useLayoutEffect(() => {
    if (!library || key === null) return undefined;
    let current = true;
    const search = (): Promise<SearchResult> => {
      if (lastSearch.current?.version !== library.version || lastSearch.current.query !== query) {
        const result = searchLibrary(query, library.byId, services.readTerms).catch((error: unknown) => {
          // The index could not be read: the search finds nothing rather than waiting for ever.
          console.error('[newsmark] library search failed', error);
          return { scores: new Map<string, number>(), mentions: () => false };
        });
        lastSearch.current = { version: library.version, query, result };
      }
      return lastSearch.current.result;
    };
    const readEntries = async (ids: string[], found: SearchResult | undefined): Promise<LibraryEntry[]> => {
      const { articles, texts: read, highlights } = await services.loadEntries(ids).catch(() => ({ articles: [], texts: new Map<string, string>(), highlights: [] }));
      // The entries' passages are taken from these texts, not read again one by one.
      for (const [id, text] of read) texts.put(id, text);
      const model = buildModel(articles, highlights);
      return ids.flatMap((id) => (model.articleById.has(id) ? [entryOf(model.articleById.get(id)!, model.highlightsByArticle.get(id) ?? [], filters, found)] : []));
    };
    let cancelRest = () => {};
    void (async () => {
      const found = query ? await search() : undefined;
      const rows = queryRows(library.rows, filters, sort, found);
      const ids = rows.slice(0, shown).map((r) => r.articleId);
      const firstCount = listedView.current === view ? ids.length : Math.min(ids.length, entriesInView(window.innerHeight));
      const first = await readEntries(ids.slice(0, firstCount), found);
      if (!current) return;
      listedView.current = view;
      setListing({ key, query, rows, entries: first, complete: firstCount === ids.length });
      if (firstCount === ids.length) return;
      cancelRest = idleScheduler(window, 200)(() => void readEntries(ids.slice(firstCount), found).then((rest) => {
        if (current) setListing({ key, query, rows, entries: [...first, ...rest], complete: true });
      }));
    })();
    return () => {
      current = false;
      cancelRest();
    };
  }, [key]);
  return { listing, current: listing !== null && listing.key === key };
}

/**
 * The order shown: the reader's choice, except "Best match" without a search; with no choice,
 * newest saved first, and best match while searching.
 */
function sortFor(chosen: SortOrder | null, searching: boolean): SortOrder {
  if (chosen && (searching || chosen !== 'relevance')) return chosen;
  return searching ? 'relevance' : 'saved-desc';
}

/** Article texts read for the passages of the entries on screen, the last few hundred kept. */
class TextCache {
  private readonly texts = new Map<string, Promise<string>>();
  constructor(private readonly services: Pick<LibraryServices, 'articleText'>) {}
  get(id: string): Promise<string> {
    let text = this.texts.get(id);
    if (!text) {
      text = this.services.articleText(id).catch(() => '');
      this.keep(id, text);
    }
    return text;
  }
  /** Keeps a text just read (the newest copy wins). */
  put(id: string, text: string): void {
    this.keep(id, Promise.resolve(text));
  }
  private keep(id: string, text: Promise<string>): void {
    if (this.texts.size >= 200) this.texts.clear();
    this.texts.set(id, text);
  }
}

interface EntryActions {
  /** Every tag in the library, suggested in each article's tag box. */
  knownTags: readonly string[];
  highlights: HighlightActions;
  articles: ArticleActions;
  /** The search's words, or null without a search. */
  words: SearchWords | null;
  texts: TextCache;
  run: (work: Promise<unknown>) => Promise<boolean>;
  heading: () => HTMLElement | null;
  onHighlightDeleted: (highlight: Parameters<typeof HighlightList>[0]['highlights'][number]) => void;
  onArticleRemoved: (article: ListedArticle, next: HTMLElement | null) => void;
  isSelected: (id: string) => boolean;
  onSelect: (id: string, selected: boolean) => void;
}

function ArticleEntry({ article, highlights, actions }: { article: ListedArticle; highlights: Parameters<typeof HighlightList>[0]['highlights']; actions: EntryActions }) {
  const [all, setAll] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  const href = safeHttpUrl(article.url);
  const headingId = `article-${article.id}`;
  const { words } = actions;
  const title = article.title || href || article.url;
  const found = useFoundPassage(article, highlights, words, actions.texts);
  return (
    <li class="entry" ref={item} data-testid="library-entry" data-id={article.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {href ? <a href={href} target="_blank" rel="noopener noreferrer">{words ? <Emphasised segments={emphasise(title, words)} /> : title}</a> : <span>{title}</span>}
      </h2>
      <p class="muted">
        {`${siteLabel(article.publisher, article.url)} · ${t('savedOn', formatDate(article.savedAt, readerLocale()))}`}
      </p>
      {found && <p class="passage" data-testid="search-passage"><Emphasised segments={found} /></p>}
      <ArticleTags article={article} actions={actions.articles} run={actions.run} known={actions.knownTags} />
      <div class="actions article-actions">
        <ArticleNoteControl article={article} actions={actions.articles} run={actions.run} words={words} />
        <RemoveArticleButton article={article} actions={actions.articles} run={actions.run} onRemove={(next) => actions.onArticleRemoved(article, next)} />
        <SelectBox article={article} checked={actions.isSelected(article.id)} onChange={(on) => actions.onSelect(article.id, on)} />
      </div>
      {highlights.length > 0 && (
        <HighlightList
          highlights={all ? highlights : highlights.slice(0, HIGHLIGHTS_SHOWN)}
          actions={actions.highlights}
          label={article.title}
          words={words}
          onDeleted={actions.onHighlightDeleted}
          // The article's last highlight: its note button, the next control in reading order above the list.
          fallbackFocus={() => item.current?.querySelector<HTMLElement>('[data-testid="edit-article-note"]') ?? actions.heading()}
        />
      )}
      {!all && highlights.length > HIGHLIGHTS_SHOWN && (
        <button type="button" onClick={() => setAll(true)} data-testid="all-highlights">{tCount('allHighlights', highlights.length)}</button>
      )}
    </li>
  );
}

/**
 * Why a search found an article when its title, note and the highlights shown do not say it
 * (each shows the words it holds emphasised): the passage of its text where they stand closest.
 */
function useFoundPassage(article: ListedArticle, highlights: readonly { quote: string; note: string }[], words: SearchWords | null, texts: TextCache): Segment[] | null {
  const explained = !words || holdsAll(article.title, words) || holdsAll(article.note, words) || highlights.some((h) => holdsAll(`${h.quote}\n${h.note}`, words));
  const [found, setFound] = useState<Segment[] | null>(null);
  useEffect(() => {
    setFound(null);
    if (!words || explained) return undefined;
    let current = true;
    void texts.get(article.id).then((text) => current && setFound(passage(text, words)));
    return () => {
      current = false;
    };
  }, [article.id, article.note, words, explained]);
  return found;
}

/** Why nothing is listed, naming only what narrows the list. */
function noMatch(text: string, filters: LibraryFilters): string {
  const searching = text.trim() !== '';
  const filtering = Object.keys(filters).length > 0;
  if (searching && filtering) return t('libraryNoMatch');
  return searching ? t('libraryNoMatchSearch') : t('libraryNoMatchFilters');
}
