/**
 * Related coverage on the device: feed subscriptions and their items, the alarm-driven
 * refresh, and the per-article result cache. Dexie in, plain data out.
 */
import type { NewsmarkDb } from '../db/schema';
import type { FeedItem, FeedSubscription, RefreshSummary, RelatedResult, StoredFeedItem } from '../contracts/related';
import { parseOpml, toOpml } from './feeds/opml';
import { fetchFeed } from './feeds/refresh';
import { SourceError, type FetchLike } from './sources/http';
import type { LoadStoredItems } from './sources/local-feeds';

/** A feed is fetched again this long after a success. */
export const FEED_INTERVAL_MS = 30 * 60_000;
/** Longest wait after failures in a row (the wait doubles per failure up to this). */
export const MAX_FEED_BACKOFF_MS = 24 * 3_600_000;
/** Items older than this are pruned at each refresh. */
export const ITEM_RETENTION_MS = 30 * 24 * 3_600_000;
/** Cached results younger than this are shown without a refresh. */
export const RELATED_CACHE_TTL_MS = 30 * 60_000;

export function listFeeds(db: NewsmarkDb): Promise<FeedSubscription[]> {
  return db.feeds.orderBy('url').toArray();
}

/**
 * Subscribes to `url` after fetching it once, so a wrong address fails here with the
 * reason, not silently later. Subscribing again refreshes the feed.
 */
export async function addFeed(db: NewsmarkDb, fetch: FetchLike, url: string, now = Date.now()): Promise<FeedSubscription> {
  if (!/^https?:\/\//i.test(url)) throw new SourceError('service', 'A feed address starts with http:// or https://');
  const answer = await fetchFeed(fetch, url);
  if (answer.status !== 'ok') throw new SourceError('http', 'The server answered 304 to a first request');
  const subscription: FeedSubscription = {
    url,
    title: answer.feed.title,
    ...(answer.feed.link ? { siteUrl: answer.feed.link } : {}),
    addedAt: now,
    ...validators(answer),
    lastFetchedAt: now,
    failures: 0,
    nextFetchAt: now + FEED_INTERVAL_MS,
  };
  await db.transaction('rw', db.feeds, db.feedItems, db.relatedCache, async () => {
    await db.feeds.put(subscription);
    await storeItems(db, url, answer.feed.items, now);
    // Results found before this feed was there lack its items: look again on the next popup.
    await db.relatedCache.clear();
  });
  return subscription;
}

/** Unsubscribes and forgets the feed's items, and the cached results that showed them. */
export async function removeFeed(db: NewsmarkDb, url: string): Promise<void> {
  await db.transaction('rw', db.feeds, db.feedItems, db.relatedCache, async () => {
    await db.feeds.delete(url);
    await db.feedItems.where('feedUrl').equals(url).delete();
    await db.relatedCache.clear();
  });
}

/** Adds the OPML's feeds not yet subscribed; they are fetched at the next refresh. Returns how many were new. */
export async function importOpml(db: NewsmarkDb, text: string, now = Date.now()): Promise<number> {
  const feeds = parseOpml(text);
  return db.transaction('rw', db.feeds, async () => {
    const known = new Set((await db.feeds.toCollection().primaryKeys()) as string[]);
    const fresh = feeds.filter((f) => !known.has(f.url));
    await db.feeds.bulkPut(
      fresh.map((f) => ({ url: f.url, title: f.title, ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}), addedAt: now, failures: 0, nextFetchAt: 0 })),
    );
    return fresh.length;
  });
}

export async function exportOpml(db: NewsmarkDb): Promise<string> {
  return toOpml((await listFeeds(db)).map((f) => ({ url: f.url, title: f.title, ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}) })));
}

export type { RefreshSummary };

/** Fetches every feed that is due, one after another (gentle on a woken service worker), then prunes old items. */
export async function refreshDueFeeds(db: NewsmarkDb, fetch: FetchLike, now = Date.now()): Promise<RefreshSummary> {
  const due = await db.feeds.where('nextFetchAt').belowOrEqual(now).toArray();
  const summary: RefreshSummary = { fetched: 0, notModified: 0, failed: 0 };
  for (const feed of due) {
    try {
      const answer = await fetchFeed(fetch, feed.url, feed);
      await db.transaction('rw', db.feeds, db.feedItems, async () => {
        const success = { lastFetchedAt: now, failures: 0, nextFetchAt: now + FEED_INTERVAL_MS, lastError: undefined };
        if (answer.status === 'ok') {
          await storeItems(db, feed.url, answer.feed.items, now);
          await db.feeds.update(feed.url, { ...success, ...validators(answer), title: feed.title || answer.feed.title });
        } else {
          await db.feeds.update(feed.url, success);
        }
      });
      summary[answer.status === 'ok' ? 'fetched' : 'notModified']++;
    } catch (error) {
      summary.failed++;
      const failures = feed.failures + 1;
      await db.feeds.update(feed.url, {
        failures,
        lastError: error instanceof Error ? error.message : String(error),
        nextFetchAt: now + Math.min(FEED_INTERVAL_MS * 2 ** failures, MAX_FEED_BACKOFF_MS),
      });
    }
  }
  await db.feedItems.where('fetchedAt').below(now - ITEM_RETENTION_MS).delete();
  return summary;
}

function validators(answer: { etag?: string; lastModified?: string }): Pick<FeedSubscription, 'etag' | 'lastModified'> {
  return { ...(answer.etag ? { etag: answer.etag } : {}), ...(answer.lastModified ? { lastModified: answer.lastModified } : {}) };
}

async function storeItems(db: NewsmarkDb, feedUrl: string, items: FeedItem[], now: number): Promise<void> {
  const stored: StoredFeedItem[] = items.map((item) => {
    const published = Date.parse(item.publishedAt);
    return { ...item, key: `${feedUrl} ${item.id}`, feedUrl, time: Number.isNaN(published) ? now : published, fetchedAt: now };
  });
  await db.feedItems.bulkPut(stored);
}

/** The local source's loader: stored items within `windowMs` of `around`. */
export function storedItemsLoader(db: NewsmarkDb): LoadStoredItems {
  return async (around, windowMs) => {
    const items = await db.feedItems.where('time').between(around - windowMs, around + windowMs, true, true).toArray();
    return items.map(({ key: _key, feedUrl: _feed, time: _time, fetchedAt: _fetched, ...item }) => item);
  };
}

export function getCachedRelated(db: NewsmarkDb, articleUrl: string): Promise<RelatedResult | undefined> {
  return db.relatedCache.get(articleUrl);
}

export async function putCachedRelated(db: NewsmarkDb, result: RelatedResult): Promise<void> {
  await db.relatedCache.put(result);
}

/** Whether a cached result is young enough to show without refreshing. */
export function isFresh(result: RelatedResult, now = Date.now(), ttlMs = RELATED_CACHE_TTL_MS): boolean {
  return now - result.fetchedAt < ttlMs;
}
