import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { FeedOptions, type FeedStore } from '@/components/FeedOptions';
import { sitePatternsOf } from '@/lib/sites/registration';
import { openDb, type NewsmarkDb } from '@/lib/db';
import { addFeed, exportOpml, importOpml, listFeeds, removeFeed } from '@/lib/related/store';
import { discoverFeeds } from '@/lib/related/feeds/discover';
import { readFileSync } from 'node:fs';
import { serve, startServer, type TestServer } from '../related/server';
import { englishMessage } from './english-messages';

const fetchLike = (url: string, init?: RequestInit) => fetch(url, init);
let server: TestServer;
let db: NewsmarkDb;

beforeAll(async () => {
  // happy-dom's fetch holds to CORS where the background, with access to the site, does not: the server allows it.
  const open = { 'access-control-allow-origin': '*' };
  server = await startServer({
    '/': serve('<html><head><link rel="alternate" type="application/rss+xml" href="/rss" title="Ledger"></head></html>', 'text/html', 200, open),
    '/plain': serve('<html><head><title>No feeds</title></head></html>', 'text/html', 200, open),
    '/rss': serve(readFileSync('tests/unit/related/fixtures/rss.xml', 'utf8'), 'application/rss+xml', 200, open),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
  db = openDb(`feed-options-${Math.random()}`);
});
const mounted: HTMLElement[] = [];
afterEach(async () => {
  // Unmounted before the strings go: a reload still under way must not render without them.
  for (const root of mounted.splice(0)) render(null, root);
  vi.restoreAllMocks();
  document.body.replaceChildren();
  await db.delete();
});

/** The real store functions over a fresh database and the real server; access answered by `allow`. */
function realStore(allow = true): FeedStore & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    listFeeds: () => listFeeds(db),
    addFeed: async (url) => void (await addFeed(db, fetchLike, url)),
    removeFeed: (url) => removeFeed(db, url),
    discoverFeeds: (url) => discoverFeeds(fetchLike, url),
    requestSiteAccess: async (urls) => (asked.push(sitePatternsOf(urls)), allow),
    importOpml: (text) => importOpml(db, text),
    exportOpml: () => exportOpml(db),
    refreshFeeds: async () => {},
    download: () => {},
  };
}

async function mount(store: FeedStore): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  await act(async () => render(<FeedOptions store={store} />, root));
  return root;
}

async function until(root: HTMLElement, done: () => boolean) {
  for (let i = 0; i < 400 && !done(); i++) await act(async () => new Promise((r) => setTimeout(r, 5)));
  expect(done(), root.textContent ?? '').toBe(true);
}

async function typeAndFind(root: HTMLElement, text: string) {
  const box = root.querySelector<HTMLInputElement>('[data-testid="feed-site"]')!;
  await act(async () => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="find-feeds"]')!.click());
}

const errorText = (root: HTMLElement) => root.querySelector('[data-testid="feed-site-error"]')!.textContent;

describe('feeds in the options', () => {
  it('finds the feeds of a pasted site address, lists them by title, and adds the one picked', async () => {
    const store = realStore();
    const root = await mount(store);
    await typeAndFind(root, `${server.url}/`);
    await until(root, () => root.querySelector('[data-testid="found-feed"]') !== null);
    expect(store.asked).toEqual([['http://127.0.0.1/*']]);
    const found = root.querySelector('[data-testid="found-feed"]')!;
    expect(found.querySelector('.feed-title')!.textContent).toBe('The Daily Ledger');
    expect(root.querySelector('#found-feeds-title')!.textContent).toBe(`1 feed on ${new URL(server.url).host}`);
    await act(async () => found.querySelector<HTMLButtonElement>('[data-testid="add-found-feed"]')!.click());
    await until(root, () => root.querySelector('[data-testid="feed-added"]') !== null);
    expect((await listFeeds(db)).map((f) => f.url)).toEqual([`${server.url}/rss`]);
    expect(root.querySelector('[data-testid="feed-list"]')!.textContent).toContain('The Daily Ledger');
    expect(root.querySelector('[data-testid="feeds-status"]')!.textContent).toBe('Added The Daily Ledger.');
  });

  it('says what to type when the address is not one, and takes the complaint away once the reader types again', async () => {
    const store = realStore();
    const root = await mount(store);
    await typeAndFind(root, 'not a site!!');
    expect(errorText(root)).toBe('“not a site!!” is not a web address. Paste the address of a news site, like www.example.com, or of its feed.');
    expect(root.querySelector('[data-testid="feed-site"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(store.asked).toEqual([]);
    const box = root.querySelector<HTMLInputElement>('[data-testid="feed-site"]')!;
    await act(async () => {
      box.value = 'www.example.com';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(errorText(root)).toBe('');
  });

  it('says when the reader refused access; a page naming no feed is looked for at the common paths', async () => {
    const refused = await mount(realStore(false));
    await typeAndFind(refused, `${server.url}/`);
    await until(refused, () => errorText(refused) !== '');
    expect(errorText(refused)).toBe('Newsmark needs your permission to read 127.0.0.1. Try again and choose Allow.'.replace('127.0.0.1', new URL(server.url).host));
    const root = await mount(realStore());
    refused.remove();
    await typeAndFind(root, `${server.url}/plain`);
    await until(root, () => root.querySelector('[data-testid="found-feed"]') !== null);
    expect(root.querySelector('[data-testid="found-feed"] .feed-url')!.textContent).toBe(`${server.url}/rss`);
    expect(errorText(root)).toBe('');
  });

  it('adds a major outlet with one click, after asking for its site', async () => {
    const store = realStore();
    store.addFeed = async (url) => void (await db.feeds.put({ url, title: 'BBC News', addedAt: 0, failures: 0, nextFetchAt: 0 }));
    const root = await mount(store);
    const bbc = [...root.querySelectorAll('[data-testid="starter-feed"]')].find((li) => li.textContent?.includes('BBC News'))!;
    await act(async () => bbc.querySelector<HTMLButtonElement>('button')!.click());
    await until(root, () => bbc.querySelector('[data-testid="feed-added"]') !== null);
    expect(store.asked).toEqual([['https://feeds.bbci.co.uk/*']]);
  });

  it('removes a feed with undo: the focus goes to the next feed, Undo brings it back with its title and the focus to it', async () => {
    const store = realStore();
    for (const [url, title] of [['https://a.example/feed', 'Alpha'], ['https://b.example/rss', 'Bravo'], ['https://c.example/rss', 'Charlie']] as const) {
      await db.feeds.put({ url, title, siteUrl: url.replace(/\/[^/]*$/, '/'), addedAt: 0, failures: 0, nextFetchAt: 1e15 });
    }
    const refreshed = vi.fn(async () => {});
    store.refreshFeeds = refreshed;
    const root = await mount(store);
    await until(root, () => root.querySelectorAll('[data-testid="remove-feed"]').length === 3);
    const removeOf = (url: string) => root.querySelector<HTMLButtonElement>(`[data-feed="${url}"] [data-testid="remove-feed"]`);
    removeOf('https://b.example/rss')!.focus();
    await act(async () => removeOf('https://b.example/rss')!.click());
    await until(root, () => removeOf('https://b.example/rss') === null);
    expect((await listFeeds(db)).map((f) => f.title)).toEqual(['Alpha', 'Charlie']);
    expect(document.activeElement).toBe(removeOf('https://c.example/rss'));
    expect(root.querySelector('[data-testid="feed-undo"]')!.textContent).toBe('Removed Bravo. Undo');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="undo-feed"]')!.click());
    await until(root, () => removeOf('https://b.example/rss') !== null && document.activeElement === removeOf('https://b.example/rss'));
    expect((await listFeeds(db)).map((f) => [f.title, f.siteUrl])).toEqual([['Alpha', 'https://a.example/'], ['Bravo', 'https://b.example/'], ['Charlie', 'https://c.example/']]);
    expect(root.querySelector('[data-testid="feed-undo"]')!.textContent).toBe('');
    expect(refreshed).toHaveBeenCalled();
  });

  it('removing the only feed moves the focus to the address box, not <body>', async () => {
    const store = realStore();
    await db.feeds.put({ url: 'https://a.example/feed', title: 'Alpha', addedAt: 0, failures: 0, nextFetchAt: 1e15 });
    const root = await mount(store);
    await until(root, () => root.querySelector('[data-testid="remove-feed"]') !== null);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="remove-feed"]')!.click());
    await until(root, () => root.querySelector('[data-testid="undo-feed"]') !== null);
    expect(document.activeElement).toBe(root.querySelector('[data-testid="feed-site"]'));
  });

  it('imports an OPML file, then asks for its sites in one click, and exports the list', async () => {
    const store = realStore();
    const downloads: { name: string; text: string }[] = [];
    store.download = (name, blob) => void blob.text().then((text) => downloads.push({ name, text }));
    const root = await mount(store);
    const input = root.querySelector<HTMLInputElement>('[data-testid="opml-file"]')!;
    const opml = `<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"/><outline text="B" xmlUrl="https://b.example/rss"/></body></opml>`;
    Object.defineProperty(input, 'files', { value: [new File([opml], 'feeds.opml')], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(root, () => root.querySelector('[data-testid="opml-allow"]') !== null);
    expect(root.querySelector('[data-testid="feeds-status"]')!.textContent).toBe('Added 2 feeds from the file.');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="opml-allow"]')!.click());
    expect(store.asked).toEqual([['https://a.example/*', 'https://b.example/*']]);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="opml-export"]')!.click());
    await until(root, () => downloads.length > 0);
    expect(downloads[0]!.name).toBe('newsmark-feeds.opml');
    expect(downloads[0]!.text).toContain('xmlUrl="https://b.example/rss"');
  });
});
