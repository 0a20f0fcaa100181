// @vitest-environment node
/**
 * A company's coverage from the opted-in news searches, through lib/related's real sources and a
 * real HTTP server on 127.0.0.1 answering in each service's format; with no search on, nothing
 * is asked of anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyQuery, searchCompanyCoverage } from '@/lib/dossier/company-search';
import { DEFAULT_POLICY, type FetchLike, type FetchPolicy } from '@/lib/related/sources/http';
import { gdeltSource, googleNewsSource } from '@/lib/related/sources/remote';
import { searchKeywords } from '@/lib/related/query';
import { DEFAULT_RELATED_SETTINGS } from '@/lib/related/settings';
import { companyCoverage } from '@/entrypoints/background/handlers/related';
import { fixture, serve, startServer, type TestServer } from '../related/server';

const RSS = 'application/rss+xml';
const FAST: FetchPolicy = { ...DEFAULT_POLICY, timeoutMs: 300, retries: 1, backoffMs: 10, maxRetryAfterMs: 50 };
const noWait = { now: () => 0, sleep: async () => {} };

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/google/rss/search': serve(fixture('google-news.xml'), RSS),
    '/gdelt/api/v2/doc/doc': serve(fixture('gdelt.json'), 'application/json'),
    '/500': serve('oops', 'text/plain', 500),
  });
});
afterAll(() => server.close());

const realFetch: FetchLike = (url, init) => fetch(url, init);

describe("a company's coverage from the news searches", () => {
  it('asks for the name, quoted when it has several words, with the next name it goes by', () => {
    expect(searchKeywords(companyQuery(['Nordwind Energy', 'Nordwind', 'NWE']))).toBe('"Nordwind Energy"');
    expect(searchKeywords(companyQuery(['Walmart', 'Wal-Mart Stores']))).toBe('Walmart "Wal-Mart Stores"');
  });

  it('keeps the stories naming the company from every search, newest first, one per address', async () => {
    const sources = [
      googleNewsSource({ endpoint: `${server.url}/google/rss/search`, policy: FAST }),
      gdeltSource({ endpoint: `${server.url}/gdelt/api/v2/doc/doc`, policy: FAST, clock: noWait }),
    ];
    const before = server.requests.length;
    const result = await searchCompanyCoverage(sources, ['GameStop'], { fetch: realFetch });
    const asked = server.requests.slice(before).map((r) => new URL(r, server.url));
    expect(asked.find((u) => u.pathname.startsWith('/google'))!.searchParams.get('q')).toBe('GameStop');
    expect(asked.find((u) => u.pathname.startsWith('/gdelt'))!.searchParams.get('query')).toBe('GameStop');
    expect(result.sources).toEqual([{ id: 'google-news', ok: true, count: expect.any(Number) }, { id: 'gdelt', ok: true, count: expect.any(Number) }]);
    expect(result.items.length).toBeGreaterThan(1);
    for (const item of result.items) expect(item.title).toMatch(/\bGameStop\b/i);
    expect(result.items.map((i) => i.time)).toEqual([...result.items.map((i) => i.time)].sort((a, b) => b - a));
    expect(new Set(result.items.map((i) => i.url)).size).toBe(result.items.length);
  });

  it('tells of a search that failed and keeps what the others found', async () => {
    const sources = [
      googleNewsSource({ endpoint: `${server.url}/500`, policy: FAST }),
      gdeltSource({ endpoint: `${server.url}/gdelt/api/v2/doc/doc`, policy: FAST, clock: noWait }),
    ];
    const result = await searchCompanyCoverage(sources, ['Walmart'], { fetch: realFetch });
    expect(result.sources[0]).toMatchObject({ id: 'google-news', ok: false });
    expect(result.items.length).toBeGreaterThan(0);
  });

  it('sends nothing anywhere while the reader has no search turned on, and only to the ones turned on and allowed', async () => {
    const asked: string[] = [];
    // The services' real addresses, answered by the local server.
    const local: FetchLike = (url, init) => {
      asked.push(url);
      return fetch(url.replace('https://news.google.com/rss/search', `${server.url}/google/rss/search`), init);
    };
    const off = await companyCoverage(['Walmart'], { fetch: local, loadSettings: async () => DEFAULT_RELATED_SETTINGS, mayReach: async () => true });
    expect(off).toEqual({ items: [], sources: [] });
    expect(asked).toEqual([]);

    const settings = { ...DEFAULT_RELATED_SETTINGS, remote: { 'google-news': true, 'bing-news': true, gdelt: false } };
    const on = await companyCoverage(['Walmart'], { fetch: local, loadSettings: async () => settings, mayReach: async (origin) => origin.includes('google') });
    expect(asked.map((u) => new URL(u).host)).toEqual(['news.google.com']);
    expect(on.sources).toEqual([{ id: 'google-news', ok: true, count: expect.any(Number) }, expect.objectContaining({ id: 'bing-news', ok: false })]);
    expect(on.items[0]!.title).toMatch(/Walmart/);
  });
});
