import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Library } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { queryFromSearch, searchWithQuery } from '@/lib/library/url-query';
import { saveArticle, unsaveArticle } from '@/lib/db/library';
import { freshDb, seedLibrary } from './seed';

// The keys stand for the strings: what is asserted here is the data shown.
beforeEach(() => vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never));
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Renders the library and waits until `done` holds (polled; each wait is a few ms here). */
async function mount(vnode: preact.VNode, done: (root: HTMLElement) => boolean): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(vnode, root));
  for (let i = 0; i < 200 && !done(root); i++) await act(async () => new Promise((r) => setTimeout(r, 5)));
  expect(done(root)).toBe(true);
  return root;
}

const titles = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="library-entry"] h2')].map((h) => h.textContent);
const countFor = (query: string) => (root: HTMLElement) => root.querySelector('[data-testid="result-count"]')?.getAttribute('data-query') === query;

describe('library page', () => {
  it('says what narrows an empty list and clears search and filters with one button', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const onQueryChange = vi.fn();
    const root = await mount(<Library services={libraryServices(db)} initialQuery={queryFromSearch('?q=zeppelin')} onQueryChange={onQueryChange} />, countFor('zeppelin'));
    expect(root.querySelector('[data-testid="library-empty"]')!.textContent).toBe('libraryNoMatchSearch');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="clear-search"]')!.click());
    for (let i = 0; i < 200 && !countFor('')(root); i++) await act(async () => new Promise((r) => setTimeout(r, 5)));
    expect(titles(root)).toHaveLength(2);
    expect(root.querySelector<HTMLInputElement>('[data-testid="search"]')!.value).toBe('');
    expect(onQueryChange).toHaveBeenLastCalledWith('');
    expect(root.querySelector('[data-testid="clear-search"]')).toBeNull();
  });

  it('opens with the search its address names (?q=) and tells each change of it', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const onQueryChange = vi.fn();
    const root = await mount(
      <Library services={libraryServices(db)} initialQuery={queryFromSearch('?q=Tessel')} onQueryChange={onQueryChange} />,
      countFor('Tessel'),
    );
    expect(root.querySelector<HTMLInputElement>('[data-testid="search"]')!.value).toBe('Tessel');
    expect(titles(root)).toEqual(['Chip makers rally']);
    expect(onQueryChange).toHaveBeenLastCalledWith('Tessel');

    const box = root.querySelector<HTMLInputElement>('[data-testid="search"]')!;
    await act(async () => {
      box.value = 'kestrel';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onQueryChange).toHaveBeenLastCalledWith('kestrel');
    expect(titles(root)).toEqual(['Nordwind buys "Baltic Grid"\nfor €2.4bn']);
  });

  it('lists the newest articles first from the savedAt index, without unsaved ones', async () => {
    const db = freshDb();
    const [older, newer] = (await seedLibrary(db)).articleIds;
    const newest = await saveArticle(db, { url: 'https://example.net/c', title: 'Newest', text: 'Body.' }, 1_700_000_200_000);
    await unsaveArticle(db, newest.id);
    const first = await libraryServices(db).loadNewest(1);
    expect(first.articles.map((a) => a.id)).toEqual([newer]);
    expect(first.highlights.every((h) => h.articleId === newer)).toBe(true);
    const both = await libraryServices(db).loadNewest(20);
    expect(both.articles.map((a) => a.id)).toEqual([newer, older]);
    expect(both.highlights).toHaveLength(3);
  });
});

describe('library address', () => {
  it('reads ?q= and writes it back beside other parameters', () => {
    expect(queryFromSearch('?q=Baltic%20Grid')).toBe('Baltic Grid');
    expect(queryFromSearch('?x=1')).toBe('');
    expect(searchWithQuery('?x=1', 'Tessel & Co')).toBe('?x=1&q=Tessel+%26+Co');
    expect(queryFromSearch(searchWithQuery('', 'Tessel & Co'))).toBe('Tessel & Co');
    expect(searchWithQuery('?q=old&x=1', ' ')).toBe('?x=1');
  });
});
