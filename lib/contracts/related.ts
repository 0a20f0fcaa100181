/**
 * Related coverage as it is stored (Dexie tables feeds, feedItems, relatedCache; schema v4)
 * and sent between the background, the popup and the options page. Plain data only.
 */

/** One headline from a feed or a news search. */
export interface FeedItem {
  /** Stable id: the feed's guid, or the link when the feed has none. */
  id: string;
  title: string;
  /** Plain text (HTML already stripped), when the feed gives one. */
  summary?: string;
  url: string;
  /** The outlet's name as shown to the reader ("Reuters"), or its host name. */
  source: string;
  /** ISO 8601. */
  publishedAt: string;
  /** ISO 3166 alpha-2 or a country name, where the source tells (GDELT does). */
  country?: string;
}

/** The article the reader is on, as the ranking needs it. */
export interface ArticleQuery {
  id?: string;
  title: string;
  /** Body text; only its lead is used, so headlines-only queries rank the same way. */
  text?: string;
  url: string;
  source: string;
  /** ISO 8601; when missing, no recency prior is applied. */
  publishedAt?: string;
  /** Company names recognised in the article, most salient first. */
  companies?: string[];
}

/** One ranked item; `alsoFrom` lists outlets whose copy of the same headline was folded into it. */
export interface RankedItem {
  item: FeedItem;
  score: number;
  alsoFrom: string[];
}

/** Results about one story: the outlets and countries covering it. */
export interface StoryGroup {
  items: RankedItem[];
  outlets: string[];
  countries: string[];
}

/** Where related coverage comes from: the reader's feeds, or one of the opt-in news searches. */
export type SourceId = 'feeds' | 'google-news' | 'bing-news' | 'gdelt';

/** Why a source failed, as the popup tells it. */
export type SourceErrorKind = 'network' | 'timeout' | 'http' | 'rate-limited' | 'too-large' | 'parse' | 'service';

/** How one source did for one article, shown next to its results. */
export type SourceStatus =
  | { id: SourceId; ok: true; count: number }
  | { id: SourceId; ok: false; kind: SourceErrorKind; error: string };

/** What the popup shows for one article, and what the cache keeps. */
export interface RelatedResult {
  articleUrl: string;
  /** Milliseconds since the epoch. */
  fetchedAt: number;
  groups: StoryGroup[];
  sources: SourceStatus[];
}

/** One item of other outlets' coverage of a company, on its dossier. */
export interface CompanyCoverageItem {
  title: string;
  url: string;
  source: string;
  /** ms since the epoch; 0 when the source gave no date. */
  time: number;
}

/** What the reader's opted-in news searches found naming a company; no `sources` when none is on. */
export interface CompanyCoverageResult {
  items: CompanyCoverageItem[];
  sources: SourceStatus[];
}

/** A feed the reader subscribed to, with what its last fetch learned. */
export interface FeedSubscription {
  /** The feed's own URL: the key. */
  url: string;
  title: string;
  siteUrl?: string;
  /** Milliseconds since the epoch. */
  addedAt: number;
  /** Validators from the last full answer, sent back for a conditional GET. */
  etag?: string;
  lastModified?: string;
  lastFetchedAt?: number;
  /** The last fetch's failure, shown in the options page; cleared by a success. */
  lastError?: string;
  /** Failures in a row; the refresh waits longer after each (see lib/related/feeds/refresh.ts). */
  failures: number;
  /** Not fetched again before this time. */
  nextFetchAt: number;
}

/** A feed item kept on the device. */
export interface StoredFeedItem extends FeedItem {
  /** `${feedUrl} ${id}`: ids are only unique within their feed. */
  key: string;
  feedUrl: string;
  /** Publication time in ms, or the fetch time when the feed gave none: the window index. */
  time: number;
  fetchedAt: number;
}

/** Related results of one article, shown at once when the popup opens and refreshed after. */
export type RelatedCacheEntry = RelatedResult;

/** What one refresh of the due feeds did. */
export interface RefreshSummary {
  fetched: number;
  notModified: number;
  failed: number;
}

/** A major outlet's public feed, offered when setting up related coverage. */
/** A feed found at the address a reader pasted (lib/related/feeds/discover.ts). */
export interface FoundFeed {
  url: string;
  /** The feed's own title, or the page's name for it when it could not be read. */
  title: string;
  /** Whether it was fetched and read as a feed (else only the page announced it). */
  checked: boolean;
}

export interface StarterFeed {
  url: string;
  title: string;
  /** ISO 3166 alpha-2 of the outlet's home. */
  country: string;
}
