/**
 * The shapes of the reader's library (saved articles and their highlights) and of the pages
 * tabs report. Every record that
 * sync will carry has a stable `id`, an `updatedAt` hybrid-logical-clock stamp (see lib/db/hlc.ts),
 * one stamp per user-editable field in `clocks` (for field-by-field merging) and a `deleted`
 * tombstone: records are never removed, so a deletion can travel to other devices and be undone.
 */
import type { Entity } from './entities';
import type { Selector } from './selectors';

export interface SyncedRecord {
  id: string;
  /** HLC stamp of the last change to any field. */
  updatedAt: string;
  deleted: boolean;
  /** HLC stamp of the last change to each field, by field name. */
  clocks: Record<string, string>;
}

/** An entity as saved with its article (offsets into `ArticleRecord.text`). */
export type SavedEntity = Entity;

export interface ArticleRecord extends SyncedRecord {
  /** The canonical URL when the page gave one, else the URL it was saved from. */
  url: string;
  /** Keys (see lib/url/article-key.ts) of every URL this article was seen under; indexed, multi-entry. */
  urls: string[];
  title: string;
  byline: string | null;
  publisher: string | null;
  /** ISO 8601 as the page gave it. */
  publishedAt: string | null;
  language: string | null;
  /** The extracted article text that highlights' selectors refer to. */
  text: string;
  entities: SavedEntity[];
  /** Ids of the companies among `entities`; indexed, multi-entry. */
  companyIds: string[];
  /** Indexed, multi-entry. */
  tags: string[];
  /** The reader's article-level note, plain text. */
  note: string;
  /** Milliseconds since the epoch when the reader (last) saved it. */
  savedAt: number;
}

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

export interface HighlightRecord extends SyncedRecord {
  articleId: string;
  colour: HighlightColour;
  /** Plain text: shown with textContent, never parsed as markup. */
  note: string;
  tags: string[];
  /** W3C Web Annotation selectors over `ArticleRecord.text`, as `describe` makes them. */
  selectors: Selector[];
  /** The highlighted text when it was made (the TextQuoteSelector's `exact`), for lists and orphans. */
  quote: string;
  createdAt: number;
  /**
   * Milliseconds when it was last changed before it came into this library (the `modified`
   * or `updated` of the file it was imported from), so an export says it again; absent for
   * highlights made here, whose changes the clocks tell.
   */
  modifiedAt?: number;
}

/**
 * The reader's note on a company itself (not on a page), written on its dossier. One per
 * company: its id is the company id, so two devices writing on the same company merge into one
 * record, and a note written on both at once keeps both texts (sync's note versions).
 */
export interface CompanyNoteRecord extends SyncedRecord {
  /** The company's name when the note was last written, for exports and lists without the gazetteer. */
  companyName: string;
  /** Plain text: shown with textContent, never parsed as markup. */
  note: string;
  createdAt: number;
}

/**
 * An article found without company ids, whose companies the background recognises (see
 * lib/dossier/indexing.ts): waiting (1) or read (0; kept so an article naming no company is read once).
 */
export interface IndexQueueEntry {
  articleId: string;
  waiting: 0 | 1;
  /** The article's `updatedAt` when it was read and found to name no company: a later change has it read again. */
  readAt?: string;
}

/**
 * What one saved article says of one company, kept beside the article for the dossier (see
 * lib/db/company-mentions.ts): a dossier of a company thousands of articles name reads these
 * small rows instead of every article's text. Derived, never synced: every write of an article
 * or a highlight rewrites the article's rows in the same transaction.
 */
export interface CompanyMention {
  /**
   * `${companyId}\n${newest-first time}\n${articleId}` (see mentionKey): a company's rows lie
   * side by side in the table's key order, newest first, so its newest are one short range.
   */
  key: string;
  /** As saved with the article (an earlier id after a gazetteer update; see company-ids.ts). */
  companyId: string;
  articleId: string;
  title: string;
  /** When it was published (or, without a date, saved), in ms since the epoch. */
  time: number;
  dated: 'published' | 'saved';
  savedAt: number;
  /** How often the article names the company. */
  mentions: number;
  /** The reader's live highlights on the article. */
  highlights: number;
  /** The gazetteer's names of the company its mentions gave, with how often. */
  names: Record<string, number>;
  /** The company as printed (a possessive's "'s" taken off), with how often. */
  written: Record<string, number>;
  ticker?: string;
  country?: string;
  industry?: string;
  website?: string;
}

/**
 * The sum of a company's mention rows under one company id, kept with them by the same
 * middleware (a row's counts added when it is written, taken off when it goes): what a dossier's
 * facts, counts and chart need without reading a row per article.
 */
export interface CompanySummary {
  companyId: string;
  articles: number;
  mentions: number;
  highlights: number;
  names: Record<string, number>;
  written: Record<string, number>;
  /** Articles and mentions per day of publication (days since the epoch, UTC): the chart's weeks. */
  days: Record<string, [articles: number, mentions: number]>;
  /** The facts of the most recently saved article that gave them, with when it was saved. */
  facts: Pick<CompanyMention, 'ticker' | 'country' | 'industry' | 'website'>;
  factsSavedAt: number;
}

/**
 * What the library page lists, filters, sorts and counts of one live saved article, kept with it
 * (lib/db/library-index.ts): ten thousand of these are a few megabytes, where the articles with
 * their text and highlights would be hundreds.
 */
export interface LibraryRow {
  articleId: string;
  savedAt: number;
  publishedAt: string | null;
  title: string;
  /** The article's site (lib/url/safe.ts `siteOf`). */
  site: string;
  /** The article's tags and its live highlights' tags, as written. */
  tags: string[];
  /** The article's own tags, lower-cased: a tag filter matching one of them shows every highlight. */
  articleTags: string[];
  companies: { id: string; name: string }[];
  /** Live highlights on it. */
  highlights: number;
  /** Per live highlight, its colour, and its colour with each of its tags (`colour\ttag`, tag lower-cased). */
  colours: string[];
  /** Words indexed for it, weighted (BM25's document length). */
  length: number;
}

/**
 * One block of a word's postings in the library's search index: some of the articles holding
 * it (by a hash of their ids), with its weight in each. Keyed by the word, a NUL and the block
 * (lib/search-index/terms.ts).
 */
export interface SearchTermRow {
  key: string;
  postings: Record<string, number>;
}

/** The words an article is indexed under, with their weights: what a change to it takes off. */
export interface SearchDocRow {
  articleId: string;
  terms: Record<string, number>;
}

/** One key/value of database bookkeeping (this install's node id, the clock). */
export interface MetaEntry {
  key: string;
  value: string;
}

/** What the content script sends to save the article it extracted. */
export interface ArticleInput {
  /** The page's URL. */
  url: string;
  canonicalUrl?: string | null;
  /** Other URLs known for the same article (og:url, AMP link). */
  alternateUrls?: string[];
  title: string;
  byline?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  language?: string | null;
  text: string;
  entities?: SavedEntity[];
  tags?: string[];
}

export interface HighlightInput {
  articleId: string;
  colour: HighlightColour;
  selectors: Selector[];
  note?: string;
  tags?: string[];
}

/** Fields of a highlight the reader can change. */
export interface HighlightChanges {
  colour?: HighlightColour;
  note?: string;
  tags?: string[];
  /** After re-anchoring on a changed page, the highlight's fresh description. */
  selectors?: Selector[];
}

/** Fields of an article the reader can change. */
export interface ArticleChanges {
  note?: string;
  tags?: string[];
}

/** The last time a tab reported a page at this URL (the `pageVisits` table). */
export interface PageVisit {
  url: string;
  title: string;
  isArticle: boolean;
  signals: string[];
  /** Milliseconds since the epoch. */
  seenAt: number;
}

/** What the content script learned about the page it runs in. */
export interface PageReport {
  url: string;
  title: string;
  isArticle: boolean;
  /** Names of the cheap signals that fired, for the popup and for debugging. */
  signals: string[];
}
