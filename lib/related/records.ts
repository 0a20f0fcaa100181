/** Stored shapes of related coverage (Dexie tables feeds, feedItems, relatedCache; schema v4). */
import type { RelatedResult } from './gather';
import type { FeedItem } from './types';

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
  /** Failures in a row; the refresh waits longer after each (see feeds/refresh.ts). */
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
