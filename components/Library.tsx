/**
 * The library: every saved article with its note and highlights; full-text search (titles,
 * highlights, notes, article text), filters by site, tag, company, colour and date; sorting;
 * each article's note, tags and removal, and several articles at once by selection;
 * export (Markdown, JSON, W3C Web Annotation) and import: the library page. Data comes in
 * through `LibraryServices`; writes go out through it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addToModel, buildModel, emptyModel, type LibraryModel, type ListedArticle } from '@/lib/library/model';
import { facetsOf, queryLibrary, type LibraryFilters, type SortOrder } from '@/lib/library/query';
import { LibrarySearch } from '@/lib/library/search';
import { emphasise, holdsAll, passage, searchWords, type SearchWords, type Segment } from '@/lib/library/excerpt';
import type { RecordPage } from '@/lib/library/read-pages';
import { safeHttpUrl } from '@/lib/url/safe';
import { formatDate } from '@/lib/i18n/format';
import { HighlightList, deleteButtonOf, type HighlightActions } from './HighlightList';
import { ArticleNoteControl, ArticleTags, RemoveArticleButton, type ArticleActions } from './ArticleControls';
import { focusFirst, focusWhenShown } from './focus-after-removal';
import { LibraryFilterBar } from './LibraryFilters';
import { LibraryTransfer, type TransferServices } from './LibraryTransfer';
import { SelectBox, SelectionBar } from './LibrarySelection';
import type { AllRecords } from './library-io';
import { readerLocale, t, tCount } from './i18n';
import { siteLabel } from './site-label';
import { Emphasised } from './Emphasised';

export interface LibraryServices extends TransferServices {
  /** The newest `limit` saved articles with their highlights, read from the database's indexes: the first list. */
  loadNewest(limit: number): Promise<AllRecords>;
  /** Reads every record in pages for `reader`, now and again after each change; returns a stop function. */
  watch(reader: LibraryReader): () => void;
  highlights: HighlightActions;
  articles: ArticleActions;
  /** An article's text (the list keeps articles without it): where a search result's passage is taken from. */
  articleText(id: string): Promise<string>;
}

/** Takes the pages of each read of the library, in turn. */
export interface LibraryReader {
  /** One page of a read: articles with all their highlights. The read waits for the answer. */
  page(records: RecordPage): Promise<void>;
  /** The read under way has given its last page. */
  done(): void;
  error(error: unknown): void;
}

/** Entries rendered at first and added per "Show more": the DOM stays small with 10,000 articles. */
const PAGE = 20;
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
  const first = useNewest(services);
  // Everything is read only once the first list is out: reading 100,000 records would hold it back.
  const search = useLibrary(services, first !== null);
  const { model } = search;
  const firstModel = useMemo(() => (first ? buildModel(first.articles, first.highlights) : null), [first]);
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
  const sort = sortFor(chosenSort, query !== '');
  const words = useMemo(() => (query ? searchWords(query) : null), [query]);
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
  const facets = useMemo(() => (model ? facetsOf(model) : null), [model]);
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
  const entries = useMemo(
    () => (model && (!query || search.ready) ? queryLibrary(model, filters, sort, query ? search.index.search(query) : undefined) : null),
    [model, filters, sort, query, search.ready, search.version],
  );
  useEffect(() => setShown(PAGE), [query, filters, sort]);
  useEffect(() => onQueryChange?.(text), [text]);
  // Until every record is read (and, for a search, indexed), the newest articles are shown.
  const preview = !entries && !query && firstModel ? queryLibrary(firstModel, {}, 'saved-desc') : null;
  const listed = entries ?? preview;
  const shownArticles = (listed ?? []).slice(0, shown).map((e) => e.article);
  // Only what is listed is acted on: a selection a search or filter has hidden is left alone.
  const selected = (entries ?? []).filter((e) => selectedIds.has(e.article.id)).map((e) => e.article);
  const onSelectionRemoved = (gone: readonly ListedArticle[]) => {
    setRemoval({
      message: tCount('articlesRemoved', gone.length),
      undo: () => Promise.all(gone.map((a) => services.articles.undoRemove(a.id))).then(() => undefined),
      focus: removeButtonOf(gone[0]!.id),
    });
    heading.current?.focus();
  };
  useEffect(() => {
    // The bench's marks: the first list on screen, every record read, and search ready.
    if (listed) performance.mark('newsmark:library-list');
  }, [!!listed]);
  useEffect(() => {
    // Each page is indexed as it is read: every record read and search ready come together.
    if (search.ready) {
      performance.mark('newsmark:library-records');
      performance.mark('newsmark:search-ready');
    }
  }, [search.ready]);

  return (
    <main
      class="library"
      aria-busy={!entries}
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
        {model && <p class="muted">{t('libraryCounts', tCount('articleCount', model.articles.length), tCount('highlightCount', countHighlights(model.highlightsByArticle)))}</p>}
      </header>
      <form role="search" class="search" onSubmit={(e) => e.preventDefault()}>
        <label for="library-search">{t('searchLabel')}</label>
        <input id="library-search" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="search" autoComplete="off" />
      </form>
      {facets && <LibraryFilterBar facets={facets} filters={filters} sort={sort} searching={query !== ''} onFilters={setFilters} onSort={setSort} />}
      <div class="bar results">
        <p role="status" class="muted" data-testid="result-count" data-query={entries ? query : undefined}>
          {!entries ? (search.ready || !query ? t('libraryLoading') : t('libraryIndexing')) : tCount('libraryResults', entries.length)}
        </p>
        {narrowed && <button type="button" onClick={clearAll} data-testid="clear-search">{t('libraryClearAll')}</button>}
      </div>
      {entries && entries.length > 0 && (
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
      {entries && entries.length === 0 && <p data-testid="library-empty">{model?.articles.length ? noMatch(text, filters) : t('libraryEmpty')}</p>}

      {listed && (
        <ol class="entries">
          {listed.slice(0, shown).map((entry) => (
            <ArticleEntry key={entry.article.id} article={entry.article} highlights={entry.highlights} actions={entryActions} />
          ))}
        </ol>
      )}
      {entries && entries.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)} data-testid="show-more">
          {tCount('showMore', Math.min(PAGE, entries.length - shown))}
        </button>
      )}
      {model && <LibraryTransfer model={model} services={services} />}
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

function countHighlights(byArticle: Map<string, unknown[]>): number {
  let n = 0;
  for (const list of byArticle.values()) n += list.length;
  return n;
}

/** The first list; an empty one when it cannot be read (the full read then says why). */
function useNewest(services: LibraryServices): AllRecords | null {
  const [first, setFirst] = useState<AllRecords | null>(null);
  useEffect(() => {
    services.loadNewest(PAGE).then(setFirst, () => setFirst({ articles: [], highlights: [] }));
  }, [services]);
  return first;
}

interface LibraryState {
  /** Every live record, articles without their text; null until the first read is complete. */
  model: LibraryModel<ListedArticle> | null;
  /** The search index, in step with `model` once it is there. */
  index: LibrarySearch;
  ready: boolean;
  /** Counts the reads shown: a search is run again on each. */
  version: number;
}

/**
 * Every record, read in pages once `start` holds: each page is indexed as it comes (the next
 * is read meanwhile) and its articles kept without their text; the model is shown once a read
 * is complete. After a change a new read re-indexes what changed and replaces the model.
 */
function useLibrary(services: LibraryServices, start: boolean): LibraryState {
  const index = useRef(new LibrarySearch()).current;
  const [state, setState] = useState<{ model: LibraryModel<ListedArticle> | null; version: number }>({ model: null, version: 0 });
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!start) return undefined;
    let building: LibraryModel<ListedArticle> | null = null;
    return services.watch({
      page: async (records) => {
        const page = buildModel(records.articles, records.highlights);
        await index.addPage(page);
        addToModel((building ??= emptyModel()), page);
      },
      done: () => {
        const model = building ?? emptyModel();
        building = null;
        index.keepOnly(new Set(model.articleById.keys()));
        setState((s) => ({ model, version: s.version + 1 }));
      },
      error: (e) => {
        building = null;
        setError(e);
      },
    });
  }, [services, start]);
  if (error) throw error;
  return { index, model: state.model, ready: state.model !== null, version: state.version };
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
      if (this.texts.size >= 200) this.texts.clear();
      text = this.services.articleText(id).catch(() => '');
      this.texts.set(id, text);
    }
    return text;
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
