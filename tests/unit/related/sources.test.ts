// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherRelated } from '@/lib/related/gather';
import { DEFAULT_POLICY, type FetchPolicy } from '@/lib/related/sources/http';
import { localFeedsSource } from '@/lib/related/sources/local-feeds';
import { bingNewsSource, gdeltSource, googleNewsSource } from '@/lib/related/sources/remote';
import type { RelatedSource, SearchContext } from '@/lib/related/sources/types';
import type { ArticleQuery, FeedItem } from '@/lib/contracts/related';
import { fixture, serve, slow, startServer, type TestServer } from './server';

const RSS = 'application/rss+xml';
const article: ArticleQuery = {
  title: 'Walmart enters the used video games business, taking on GameStop',
  url: 'https://reader.example/walmart-games',
  source: 'Reader Example',
  publishedAt: '2014-03-20T14:00:00Z',
  companies: ['Walmart', 'GameStop'],
};
/** Quick policy so failure paths take milliseconds, not the production seconds. */
const FAST: FetchPolicy = { ...DEFAULT_POLICY, timeoutMs: 300, retries: 1, backoffMs: 10, maxRetryAfterMs: 50 };
const context: SearchContext = { fetch: (url, init) => fetch(url, init) };
const noWait = { now: () => 0, sleep: async () => {} };

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/google/rss/search': serve(fixture('google-news.xml'), RSS),
    '/bing/news/search': serve(fixture('bing-news.xml'), RSS),
    '/gdelt/api/v2/doc/doc': serve(fixture('gdelt.json'), 'application/json'),
    '/gdelt-text-error': serve('Your search contained a keyword that was too short or too common.', 'text/html'),
    '/broken-xml': serve(fixture('broken.xml'), RSS),
    '/broken-json': serve(fixture('broken.json'), 'application/json'),
    '/slow': slow(5_000, fixture('google-news.xml'), RSS),
    '/429': serve('slow down', 'text/plain', 429, { 'retry-after': '3600' }),
    '/500': serve('oops', 'text/plain', 500),
  });
});
afterAll(() => server.close());

const google = (path = '/google/rss/search') => googleNewsSource({ endpoint: server.url + path, policy: FAST });
const bing = (path = '/bing/news/search') => bingNewsSource({ endpoint: server.url + path, policy: FAST });
const gdelt = (path = '/gdelt/api/v2/doc/doc') => gdeltSource({ endpoint: server.url + path, policy: FAST, clock: noWait });

describe('Google News RSS search', () => {
  it('sends the keywords with the edition and reads outlet and headline apart', async () => {
    const items = await google().search(article, context);
    const sent = new URL(server.url + server.requests.at(-1)!);
    expect(sent.searchParams.get('q')).toContain('Walmart');
    expect(sent.searchParams.get('ceid')).toBe('US:en');
    expect(items.map((i) => [i.source, i.title])).toEqual([
      ['Reuters', 'Walmart gets back into buying and selling used video games'],
      ['Forbes', 'GameStop (GME) slammed as Walmart announces trade-in service'],
    ]);
    expect(items[0]!.summary).toBe('Walmart gets back into buying and selling used video games Reuters');
  });
});

describe('Bing News RSS search', () => {
  it('unwraps the redirect links and strips HTML from titles', async () => {
    const items = await bing().search(article, context);
    expect(items.map((i) => [i.source, i.title, i.url])).toEqual([
      ['CNBC', 'Wal-Mart to sell and buy used video games', 'https://www.cnbc.com/2014/03/20/walmart-used-games.html'],
      ['usatoday.com', 'Walmart dips into trade-in market', 'https://www.usatoday.com/story/walmart-trade-in/'],
    ]);
    expect(new URL(server.url + server.requests.at(-1)!).searchParams.get('format')).toBe('rss');
  });
});

describe('GDELT DOC 2.0', () => {
  it('reads the article list with domain, country and time', async () => {
    const items = await gdelt().search(article, context);
    expect(items[0]).toMatchObject({ source: 'theguardian.com', country: 'United Kingdom', publishedAt: '2014-03-20T13:45:00.000Z' });
    expect(new URL(server.url + server.requests.at(-1)!).searchParams.get('mode')).toBe('artlist');
  });

  it('reports a plain-text error sent with HTTP 200 in its own words', async () => {
    await expect(gdelt('/gdelt-text-error').search(article, context)).rejects.toThrow(/GDELT did not search: Your search contained a keyword/);
  });

  it('spaces its requests at least 5 s apart', async () => {
    let now = 0;
    const waits: number[] = [];
    const clock = { now: () => now, sleep: async (ms: number) => void (waits.push(ms), (now += ms)) };
    const source = gdeltSource({ endpoint: `${server.url}/gdelt/api/v2/doc/doc`, policy: FAST, clock });
    await source.search(article, context);
    now += 1_000;
    await source.search(article, context);
    expect(waits).toEqual([4_000]);
  });
});

describe('gathering from every source at once', () => {
  const local = (items: FeedItem[]): RelatedSource => localFeedsSource(async () => items);
  const stored: FeedItem[] = [
    { id: 'l1', title: 'Walmart to start buying and selling used video games', url: 'https://ledger.example/w', source: 'The Daily Ledger', publishedAt: '2014-03-20T13:05:00Z' },
  ];

  it('shows the others when each remote source fails in its own way', async () => {
    const result = await gatherRelated(
      [local(stored), google('/slow'), bing('/429'), gdelt('/500')],
      article,
      context,
    );
    const statuses = Object.fromEntries(result.sources.map((s) => [s.id, s]));
    expect(statuses.feeds).toEqual({ id: 'feeds', ok: true, count: 1 });
    expect(statuses['google-news']).toMatchObject({ ok: false, kind: 'timeout', error: 'No answer within 0.3 s' });
    expect(statuses['bing-news']).toMatchObject({ ok: false, kind: 'rate-limited', error: expect.stringMatching(/HTTP 429/) });
    expect(statuses.gdelt).toMatchObject({ ok: false, kind: 'http', error: 'The server answered HTTP 500' });
    expect(result.groups.flatMap((g) => g.items.map((r) => r.item.id))).toEqual(['l1']);
  });

  it('reports broken XML and broken JSON per source', async () => {
    const result = await gatherRelated([google('/broken-xml'), gdelt('/broken-json'), bing()], article, context);
    expect(result.sources[0]).toMatchObject({ ok: false, kind: 'parse', error: expect.stringMatching(/^Google News sent an answer that could not be read: Broken XML/) });
    expect(result.sources[1]).toMatchObject({ ok: false, kind: 'parse', error: expect.stringMatching(/^GDELT sent JSON that could not be read/) });
    expect(result.sources[2]).toMatchObject({ ok: true, count: 2 });
  });

  it('ranks all sources together, groups by story and counts outlets and countries', async () => {
    const result = await gatherRelated([local(stored), google(), bing(), gdelt()], article, context);
    expect(result.sources.every((s) => s.ok)).toBe(true);
    const outlets = result.groups.flatMap((g) => g.outlets);
    expect(new Set(outlets).size).toBe(outlets.length);
    expect(outlets).toEqual(expect.arrayContaining(['The Daily Ledger', 'Reuters', 'CNBC', 'theguardian.com']));
    expect(result.groups.flatMap((g) => g.countries)).toEqual(expect.arrayContaining(['United Kingdom', 'Australia']));
  });

  it('retries a 500 once, after the backoff', async () => {
    const before = server.requests.length;
    await gatherRelated([gdelt('/500')], article, context);
    expect(server.requests.slice(before)).toHaveLength(2);
  });
});
