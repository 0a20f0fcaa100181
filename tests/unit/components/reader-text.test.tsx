/**
 * What a reader reads on the pages: counts in the form they take ("1 article", never
 * "1 articles"), dates and numbers in the reader's locale, and sites by their names.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Library } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { RelatedCoverage } from '@/components/RelatedCoverage';
import { SyncStatusLine } from '@/components/SyncStatusLine';
import { describe as describeSelectors } from '@/lib/anchoring';
import { addHighlight, saveArticle } from '@/lib/db/library';
import type { NewsmarkDb } from '@/lib/db';
import type { RelatedResult } from '@/lib/related/gather';
import type { StoryGroup } from '@/lib/contracts/related';
import { INITIAL_SYNC_STATUS } from '@/lib/contracts/sync';
import { freshDb } from '../library/seed';
import { englishMessage } from './english-messages';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

async function show(vnode: preact.VNode, done: (root: HTMLElement) => boolean = () => true): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(vnode, root));
  for (let i = 0; i < 200 && !done(root); i++) await act(async () => new Promise((r) => setTimeout(r, 5)));
  expect(done(root)).toBe(true);
  return root;
}

const text = (root: HTMLElement, selector: string) => root.querySelector(selector)?.textContent;

describe('sync status line', () => {
  it.each([
    [1, '1 change waiting'],
    [2, '2 changes waiting'],
  ])('counts %i pending change(s) as "%s"', async (pending, waiting) => {
    const root = await show(<SyncStatusLine status={{ ...INITIAL_SYNC_STATUS, state: 'idle', pending }} />);
    expect(text(root, '[data-testid="sync-status"]')).toBe(`Not synced yet · ${waiting}`);
  });

  it('says when it last synced in the reader locale', async () => {
    const lastSyncAt = new Date(2026, 2, 3, 9, 5).getTime();
    const root = await show(<SyncStatusLine status={{ ...INITIAL_SYNC_STATUS, state: 'idle', lastSyncAt }} />);
    expect(text(root, '[data-testid="sync-status"]')).toBe('Last synced 03.03.2026, 09:05');
  });

  it('tells what the last run had to repair, beside when it ran', async () => {
    const notice = 'The sync server had lost its data; 3 records were uploaded again.';
    const lastSyncAt = new Date(2026, 2, 3, 9, 5).getTime();
    const root = await show(<SyncStatusLine status={{ ...INITIAL_SYNC_STATUS, state: 'idle', lastSyncAt, notice }} />);
    expect(text(root, '[data-testid="sync-status"]')).toBe(`Last synced 03.03.2026, 09:05 · ${notice}`);
  });
});

describe('related coverage', () => {
  const NOW = Date.UTC(2026, 2, 3, 12);
  const item = (source: string, url: string) => ({ id: url, title: `From ${source}`, url, source, publishedAt: new Date(NOW - 3 * 3_600_000).toISOString() });
  const result = (...groups: StoryGroup[]): RelatedResult => ({ articleUrl: 'https://reader.example/a', fetchedAt: NOW, groups, sources: [] });

  it('counts the outlets of a story several cover, in the form each takes; a one-outlet story has no count', async () => {
    const one: StoryGroup = { items: [{ item: item('Reuters', 'https://reuters.example/1'), score: 1, alsoFrom: [] }], outlets: ['Reuters'], countries: ['GB'] };
    const two: StoryGroup = { items: [{ item: item('CNBC', 'https://cnbc.example/2'), score: 1, alsoFrom: ['MSN'] }], outlets: ['CNBC', 'MSN'], countries: [] };
    const three: StoryGroup = { items: [{ item: item('BBC', 'https://bbc.example/3'), score: 1, alsoFrom: ['Le Monde'] }], outlets: ['BBC', 'Le Monde'], countries: ['GB', 'FR'] };
    const root = await show(<RelatedCoverage result={result(one, two, three)} refreshing={false} now={NOW} />);
    expect([...root.querySelectorAll('[data-testid="related-coverage"]')].map((p) => p.textContent)).toEqual(['2 outlets', '2 outlets in 2 countries']);
    expect(text(root, '[data-testid="related-item"] time')).toBe(' · vor 3 Stunden');
  });

  it('names an outlet known only by its host without "www."', async () => {
    const group: StoryGroup = { items: [{ item: item('www.example.com', 'https://www.example.com/3'), score: 1, alsoFrom: [] }], outlets: ['www.example.com'], countries: [] };
    const root = await show(<RelatedCoverage result={result(group)} refreshing={false} now={NOW} />);
    expect(text(root, '[data-testid="related-item"] .muted')).toMatch(/^ example\.com · /);
  });
});

describe('library', () => {
  const savedAt = new Date(2026, 2, 3, 12).getTime();
  const body = 'Nordwind Energy agreed to buy Baltic Grid.';

  async function saveWithHighlights(db: NewsmarkDb, url: string, publisher: string | null, highlights: number): Promise<void> {
    const article = await saveArticle(db, { url, title: `At ${url}`, publisher, text: body }, savedAt);
    for (let i = 0; i < highlights; i++) await addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: describeSelectors(body, i, i + 8) }, savedAt + i + 1);
  }

  const listed = (root: HTMLElement) => root.querySelector('[data-testid="result-count"]')?.getAttribute('data-query') === '';
  const header = (root: HTMLElement) => text(root, 'header .muted');

  it('counts one article with one highlight in the singular', async () => {
    const db = freshDb();
    await saveWithHighlights(db, 'https://www.example.com/one', null, 1);
    const root = await show(<Library services={libraryServices(db)} />, listed);
    expect(header(root)).toBe('1 article, 1 highlight');
    expect(text(root, '[data-testid="result-count"]')).toBe('1 article shown');
  });

  it('counts two of each in the plural, and none as none', async () => {
    const db = freshDb();
    await saveWithHighlights(db, 'https://example.com/a', null, 2);
    await saveWithHighlights(db, 'https://example.com/b', null, 0);
    const root = await show(<Library services={libraryServices(db)} />, listed);
    expect(header(root)).toBe('2 articles, 2 highlights');
    expect(text(root, '[data-testid="result-count"]')).toBe('2 articles shown');
    expect(header(await show(<Library services={libraryServices(freshDb())} />, listed))).toBe('0 articles, 0 highlights');
  });

  it('names each site as it names itself, else by its host without "www.", with the saved date in the reader locale', async () => {
    const db = freshDb();
    await saveWithHighlights(db, 'https://www.example.com/named', 'The Example Times', 0);
    await saveWithHighlights(db, 'https://www.example.org/bare', null, 0);
    const root = await show(<Library services={libraryServices(db)} />, listed);
    const lines = [...root.querySelectorAll('[data-testid="library-entry"] h2 + p')].map((p) => p.textContent).sort();
    expect(lines).toEqual(['The Example Times · Saved 03.03.2026', 'example.org · Saved 03.03.2026']);
  });
});
