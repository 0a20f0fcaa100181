/**
 * The one contract for every message that crosses a context boundary
 * (content script <-> background <-> popup/options). Add a message here and
 * TypeScript makes every sender and handler agree on its shape.
 */
import type { PageVisit } from '../db/schema';
import type {
  ArticleChanges, ArticleInput, ArticleRecord, HighlightChanges, HighlightColour, HighlightInput, HighlightRecord,
} from '../db/library-records';
import type { Entity, EntityType } from '../entities';
import type { Selector } from '../anchoring/types';
import type { ImportSummary } from '../library/import-apply';
import type { ExchangeRates } from '../marking/format';
import type { NoteConflictCopy, SyncSettings, SyncStatus } from '../sync/types';
import type { ArticleQuery } from '../related/types';
import type { RelatedResult } from '../related/gather';
import type { FeedSubscription } from '../related/records';
import type { RefreshSummary } from '../related/store';
import type { StarterFeed } from '../related/starter-feeds';

/** What the content script learned about the page it runs in. */
export interface PageReport {
  url: string;
  title: string;
  isArticle: boolean;
  /** Names of the cheap signals that fired, for the popup and for debugging. */
  signals: string[];
}

/** For messages whose request carries nothing. */
export type NoData = Record<string, never>;

/** One thing the page names (a company, a figure), with how often. */
export interface EntitySummary {
  /** Index of its first mention among the page's marks (for `showEntity`). */
  index: number;
  type: EntityType;
  text: string;
  name?: string;
  ticker?: string;
  value?: number;
  currency?: string;
  mentions: number;
}

/** What the content script marked on its page. */
export interface PageEntities {
  state: 'idle' | 'not-article' | 'marked' | 'off';
  isArticle: boolean;
  title: string;
  entities: EntitySummary[];
}

/** The reader's highlights on the page in a tab. */
export interface PageHighlightsReport {
  /** The saved article the page is, or null when it is not saved. */
  articleId: string | null;
  /** Highlights drawn on the page. */
  anchored: number;
  /** Highlights that could not be placed on the page as it is now: kept and listed, never drawn. */
  orphans: HighlightRecord[];
}

/**
 * What the popup shows first for the page at a URL, read by the background in one transaction:
 * the popup then needs neither the database nor its code.
 */
export interface PopupSnapshot {
  visit: PageVisit | null;
  /** The saved article under this URL or a variant of it; null when not saved. */
  article: ArticleRecord | null;
  /** Its highlights in reading order. */
  highlights: HighlightRecord[];
}

export interface MessageMap {
  /** content -> background: record what this page is. */
  reportPage: { request: PageReport; response: PageVisit };
  /** popup -> background: what is known about the page at this URL. */
  getPageVisit: { request: { url: string }; response: PageVisit | null };
  /** popup/content -> background: save the article (or refresh the record it has under any of its URLs). */
  saveArticle: { request: ArticleInput; response: ArticleRecord };
  /** popup -> background: remove from the library (a tombstone; highlights and notes are kept). */
  unsaveArticle: { request: { id: string }; response: ArticleRecord };
  /** popup/library -> background: bring an unsaved article back as it was (undo of `unsaveArticle`). */
  undoUnsaveArticle: { request: { id: string }; response: ArticleRecord };
  /** popup/content -> background: the saved article known under this URL or a variant of it. */
  getArticleByUrl: { request: { url: string }; response: ArticleRecord | null };
  /** popup/content/library -> background: the article-level note and tags. */
  updateArticle: { request: { id: string; changes: ArticleChanges }; response: ArticleRecord };
  /** content -> background: add a highlight to a saved article. */
  addHighlight: { request: HighlightInput; response: HighlightRecord };
  /** content/popup -> background: change a highlight's colour, note, tags or selectors. */
  updateHighlight: { request: { id: string; changes: HighlightChanges }; response: HighlightRecord };
  /** content/popup -> background: delete a highlight (undoable with `undoDeleteHighlight`). */
  deleteHighlight: { request: { id: string }; response: HighlightRecord };
  /** content/popup -> background: bring a deleted highlight back. */
  undoDeleteHighlight: { request: { id: string }; response: HighlightRecord };
  /** content/popup -> background: an article's highlights, in reading order. */
  listHighlights: { request: { articleId: string }; response: HighlightRecord[] };
  /**
   * content -> background: the companies and figures in an article's text. Recognition runs in
   * the background, where its code and gazetteer load once and stay warm, instead of in every
   * page: it is most of the content script's size and of its main-thread time.
   */
  recognizeText: { request: { text: string }; response: Entity[] };
  /** content -> background: how many marks this tab shows (the toolbar badge). */
  setMarkCount: { request: { count: number }; response: void };
  /** content -> background: the ECB rates for converting money in cards (the last known ones offline). */
  getExchangeRates: { request: NoData; response: ExchangeRates | null };
  /** content -> background: how many saved articles name this company (hover card). */
  countSavedArticlesNaming: { request: { companyId: string }; response: number };
  /** content/popup -> background: open related coverage for a company or story. */
  openCoverage: { request: { query: string }; response: void };
  /** popup -> content (tabs.sendMessage): mark this page even though it does not look like an article. */
  markPage: { request: NoData; response: { count: number } };
  /** background -> content: keyboard travel between marks. */
  focusMark: { request: { direction: 1 | -1 }; response: { index: number } };
  /** popup -> content: the companies and figures on this page. */
  getPageEntities: { request: NoData; response: PageEntities };
  /** popup -> content: scroll to a mark and open its card. */
  showEntity: { request: { index: number }; response: boolean };
  /** popup -> content: scroll to the text these selectors describe and select it; false when it is not on the page. */
  showHighlight: { request: { selectors: Selector[] }; response: boolean };
  /** library -> background: import a file (our JSON, W3C Web Annotation, Hypothesis) in one transaction; refusals say why. */
  importLibrary: { request: { text: string }; response: ImportSummary };
  /** popup -> content: the saved article's highlights on this page, drawn and orphaned. */
  getPageHighlights: { request: NoData; response: PageHighlightsReport };
  /** background -> content (context menu, keyboard command): save the page's article and show its highlights. */
  savePageArticle: { request: NoData; response: ArticleRecord };
  /** background -> content (keyboard command): highlight the reader's selection; null when it holds no article text. */
  highlightSelection: { request: { colour?: HighlightColour }; response: HighlightRecord | null };
  /** popup/options -> background: last sync, pending changes, last error. */
  getSyncStatus: { request: NoData; response: SyncStatus };
  /** popup/options -> background: sync now (answers when the run ends). */
  syncNow: { request: NoData; response: SyncStatus };
  /** options -> background: the sync settings. */
  getSyncSettings: { request: NoData; response: SyncSettings };
  /** options -> background: store sync settings, reschedule, and sync once with them. */
  saveSyncSettings: { request: SyncSettings; response: SyncStatus };
  /** popup/options -> background: note texts kept beside a record's note after concurrent edits. */
  listNoteConflicts: { request: { kind: 'article' | 'highlight'; id: string }; response: NoteConflictCopy[] };
  /** popup/options -> background: the reader dismissed one conflict copy. */
  dismissNoteConflict: { request: { kind: 'article' | 'highlight'; id: string; clock: string; node: string }; response: NoteConflictCopy[] };
  /** popup -> background: related coverage cached for this article URL, shown at once; `stale` asks for `refreshRelated`. */
  getCachedRelated: { request: { url: string }; response: { result: RelatedResult | null; stale: boolean } };
  /** popup -> background: search the reader's feeds and the opted-in services for this article, cache and answer. */
  refreshRelated: { request: { article: ArticleQuery }; response: RelatedResult };
  /** options -> background: the reader's feed subscriptions with their last fetch state. */
  listFeeds: { request: NoData; response: FeedSubscription[] };
  /** options -> background: subscribe to a feed (fetched once first, so a wrong address fails with why). */
  addFeed: { request: { url: string }; response: FeedSubscription };
  /** options -> background: unsubscribe and forget the feed's items. */
  removeFeed: { request: { url: string }; response: void };
  /** options -> background: subscribe to every feed in an OPML file. */
  importOpml: { request: { text: string }; response: { added: number } };
  /** options -> background: the subscriptions as OPML 2.0. */
  exportOpml: { request: NoData; response: { text: string } };
  /** options -> background: major outlets' public feeds to pick from. */
  listStarterFeeds: { request: NoData; response: StarterFeed[] };
  /** options -> background: fetch the feeds that are due now. */
  refreshFeeds: { request: NoData; response: RefreshSummary };
  /** popup -> background: the page's visit, saved article and highlights, for the popup's first render; without `url`, the page in tab `tabId`; without either, the active tab's. */
  getPopupSnapshot: { request: { url?: string; tabId?: number }; response: PopupSnapshot };
  /** background -> extension pages (runtime.sendMessage): the library changed; open views read it again. */
  libraryChanged: { request: NoData; response: void };
}

export type MessageName = keyof MessageMap;
export type RequestOf<N extends MessageName> = MessageMap[N]['request'];
export type ResponseOf<N extends MessageName> = MessageMap[N]['response'];

/** The wire shape of a request. `newsmark` tells our messages apart from other senders'. */
export interface Envelope<N extends MessageName = MessageName> {
  newsmark: 1;
  type: N;
  data: RequestOf<N>;
}

/** The wire shape of an answer: errors travel as text so every context can show them. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
