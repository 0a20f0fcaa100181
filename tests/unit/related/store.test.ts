// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type NewsmarkDb } from '@/lib/db';
import { fetchFeed } from '@/lib/related/feeds/refresh';
import { DEFAULT_POLICY } from '@/lib/related/sources/http';
import {
  FEED_INTERVAL_MS, addFeed, exportOpml, importOpml, listFeeds, refreshDueFeeds, removeFeed, storedItemsLoader,
} from '@/lib/related/store';
import { cachedRelated, refreshRelated, type RelatedDeps } from '@/entrypoints/background/handlers/related';
import { DEFAULT_RELATED_SETTINGS } from '@/lib/related/settings';
import { fixture, serve, startServer, type TestServer } from './server';

const ETAG = '"v1"';
let server: TestServer;
let rssBody = fixture('rss.xml');
let bigFeed = '';
const fetchLike = (url: string, init?: RequestInit) => fetch(url, init);

beforeAll(async () => {
  const head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>';
  const item = '<item><title>Filler story</title><link>https://big.example/x</link><description>' + 'x'.repeat(10_000) + '</description></item>';
  bigFeed = head + item.repeat(1_050) + '</channel></rss>';
  server = await startServer({
    '/rss': (request, response) => {
      if (request.headers['if-none-match'] === ETAG) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'last-modified': 'Thu, 20 Mar 2014 15:00:00 GMT' }).end(rssBody);
    },
    '/atom': serve(fixture('atom.xml'), 'application/atom+xml'),
    '/json': serve(fixture('feed.json'), 'application/feed+json'),
    '/broken': serve(fixture('broken.xml'), 'application/rss+xml'),
    '/gone': serve('gone', 'text/plain', 410),
    '/big': serve(bigFeed, 'application/rss+xml'),
  });
});
afterAll(() => server.close());

let db: NewsmarkDb;
beforeEach(() => {
  db = openDb(`related-${Math.random()}`);
  rssBody = fixture('rss.xml');
});
afterEach(() => db.delete());

describe('feed subscriptions', () => {
  it('subscribes after a first fetch and stores the items with their feed', async () => {
    const sub = await addFeed(db, fetchLike, `${server.url}/rss`, 1_000);
    expect(sub).toMatchObject({ title: 'The Daily Ledger', etag: ETAG, failures: 0, nextFetchAt: 1_000 + FEED_INTERVAL_MS });
    expect(await db.feedItems.where('feedUrl').equals(`${server.url}/rss`).count()).toBe(2);
  });

  it('refuses a broken feed with the reason and subscribes to nothing', async () => {
    await expect(addFeed(db, fetchLike, `${server.url}/broken`)).rejects.toThrow(/Broken XML/);
    await expect(addFeed(db, fetchLike, 'ftp://x.example/feed')).rejects.toThrow(/http/);
    expect(await listFeeds(db)).toEqual([]);
  });

  it('sends the ETag back and takes a 304 as unchanged', async () => {
    await addFeed(db, fetchLike, `${server.url}/rss`, 0);
    const later = FEED_INTERVAL_MS;
    expect(await refreshDueFeeds(db, fetchLike, later)).toEqual({ fetched: 0, notModified: 1, failed: 0 });
    expect((await db.feeds.get(`${server.url}/rss`))?.nextFetchAt).toBe(later + FEED_INTERVAL_MS);
  });

  it('backs off a failing feed, doubling the wait, and records why', async () => {
    await importOpml(db, `<opml version="2.0"><body><outline text="Gone" xmlUrl="${server.url}/gone"/></body></opml>`, 0);
    await refreshDueFeeds(db, fetchLike, 0);
    let feed = (await db.feeds.get(`${server.url}/gone`))!;
    expect(feed).toMatchObject({ failures: 1, lastError: 'The server answered HTTP 410', nextFetchAt: 2 * FEED_INTERVAL_MS });
    await refreshDueFeeds(db, fetchLike, feed.nextFetchAt);
    feed = (await db.feeds.get(`${server.url}/gone`))!;
    expect(feed.nextFetchAt - 2 * FEED_INTERVAL_MS).toBe(4 * FEED_INTERVAL_MS);
  });

  it('imports OPML once per feed, exports it back, and removes a feed with its items', async () => {
    const opml = `<opml version="2.0"><body><outline text="A" xmlUrl="${server.url}/atom"/><outline text="J" xmlUrl="${server.url}/json"/></body></opml>`;
    expect(await importOpml(db, opml, 0)).toBe(2);
    expect(await importOpml(db, opml, 0)).toBe(0);
    expect(await refreshDueFeeds(db, fetchLike, 0)).toEqual({ fetched: 2, notModified: 0, failed: 0 });
    expect(await exportOpml(db)).toContain(`xmlUrl="${server.url}/json"`);
    await removeFeed(db, `${server.url}/json`);
    expect((await listFeeds(db)).map((f) => f.url)).toEqual([`${server.url}/atom`]);
    expect(await db.feedItems.where('feedUrl').equals(`${server.url}/json`).count()).toBe(0);
  });

  it('reads a 10 MB feed, and refuses it under a smaller cap without reading it all', async () => {
    expect(bigFeed.length).toBeGreaterThan(10 * 1024 * 1024);
    const answer = await fetchFeed(fetchLike, `${server.url}/big`);
    expect(answer.status === 'ok' && answer.feed.items.length).toBe(500);
    await expect(fetchFeed(fetchLike, `${server.url}/big`, {}, { ...DEFAULT_POLICY, maxBytes: 1024 * 1024 })).rejects.toThrow(
      'The answer is larger than 1 MB and was not read',
    );
  });

  it('loads stored items within the window around the article', async () => {
    await addFeed(db, fetchLike, `${server.url}/rss`);
    const load = storedItemsLoader(db);
    const around = Date.parse('2014-03-20T13:00:00Z');
    expect((await load(around, 3_600_000)).map((i) => i.title)).toEqual(['Walmart to start buying and selling used video games']);
    expect(await load(around, 3 * 24 * 3_600_000)).toHaveLength(2);
  });
});

describe('related results for an article', () => {
  const article = {
    title: 'Walmart will buy and sell used video games',
    url: 'https://reader.example/walmart',
    source: 'Reader Example',
    publishedAt: '2014-03-20T14:00:00Z',
  };
  const deps = (remoteOn: boolean, permitted: boolean): RelatedDeps => ({
    fetch: fetchLike,
    loadSettings: async () => ({ ...DEFAULT_RELATED_SETTINGS, remote: { 'google-news': remoteOn, 'bing-news': false, gdelt: false } }),
    mayReach: async () => permitted,
  });

  it('finds the story in the reader feeds offline, caches it, and says a remote source lacks permission', async () => {
    await addFeed(db, fetchLike, `${server.url}/rss`);
    expect(await cachedRelated(db, article.url)).toEqual({ result: null, stale: true });
    const result = await refreshRelated(db, article, deps(true, false));
    expect(result.groups[0]!.items[0]!.item.source).toBe('The Daily Ledger');
    expect(result.sources).toEqual([
      { id: 'feeds', ok: true, count: 2 },
      { id: 'google-news', ok: false, kind: 'service', error: 'Newsmark may not reach https://news.google.com yet: allow it in the options' },
    ]);
    expect(await cachedRelated(db, article.url)).toEqual({ result, stale: false });
  });

  it('looks again after the reader adds or removes a feed: cached results are dropped', async () => {
    await refreshRelated(db, article, deps(false, true));
    expect((await cachedRelated(db, article.url)).stale).toBe(false);
    await addFeed(db, fetchLike, `${server.url}/rss`);
    expect(await cachedRelated(db, article.url)).toEqual({ result: null, stale: true });
    const withFeed = await refreshRelated(db, article, deps(false, true));
    expect(withFeed.groups.length).toBeGreaterThan(0);
    await removeFeed(db, `${server.url}/rss`);
    expect(await cachedRelated(db, article.url)).toEqual({ result: null, stale: true });
  });

  it('sends nothing anywhere while remote sources are off', async () => {
    const before = server.requests.length;
    const result = await refreshRelated(db, article, deps(false, true));
    expect(result.sources.map((s) => s.id)).toEqual(['feeds']);
    expect(server.requests.length).toBe(before);
  });
});
