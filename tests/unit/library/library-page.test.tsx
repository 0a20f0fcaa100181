import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { act } from 'preact/test-utils';
import { Library } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { queryFromSearch, searchWithQuery } from '@/lib/library/url-query';
import { saveArticle, unsaveArticle } from '@/lib/db/library';
import { freshDb, seedLibrary } from './seed';
import { mountUntil, settleUntil } from '../support/mount';

// The keys stand for the strings: what is asserted here is the data shown.
beforeEach(() => vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never));
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Renders the library and waits until `done` holds (polled; each wait is a few ms here). */

const titles = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="library-entry"] h2')].map((h) => h.textContent);
const countFor = (query: string) => (root: HTMLElement) => root.querySelector('[data-testid="result-count"]')?.getAttribute('data-query') === query;

describe('library page', () => {
  it('says what narrows an empty list and clears search and filters with one button', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const onQueryChange = vi.fn();
    const root = await mountUntil(<Library services={libraryServices(db)} initialQuery={queryFromSearch('?q=zeppelin')} onQueryChange={onQueryChange} />, countFor('zeppelin'));
    expect(root.querySelector('[data-testid="library-empty"]')!.textContent).toBe('libraryNoMatchSearch');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="clear-search"]')!.click());
    await settleUntil(root, countFor(''));
    expect(titles(root)).toHaveLength(2);
    expect(root.querySelector<HTMLInputElement>('[data-testid="search"]')!.value).toBe('');
    expect(onQueryChange).toHaveBeenLastCalledWith('');
    expect(root.querySelector('[data-testid="clear-search"]')).toBeNull();
  });

  it('opens with the search its address names (?q=) and tells each change of it', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const onQueryChange = vi.fn();
    const root = await mountUntil(
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
    await settleUntil(root, countFor('kestrel'));
    expect(titles(root)).toEqual(['Nordwind buys "Baltic Grid"\nfor €2.4bn']);
  });

  it('shows why a search found each article: its words emphasised in the title, or the passage of the text that holds them', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const root = await mountUntil(<Library services={libraryServices(db)} initialQuery="kestrel" />, countFor('kestrel'));
    await settleUntil(root, (r) => r.querySelector('[data-testid="search-passage"]') !== null);
    const passage = root.querySelector('[data-testid="search-passage"]')!;
    expect(passage.textContent).toContain('Analysts at Kestrel Bank said the price was steep.');
    expect([...passage.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Kestrel']);

    const box = root.querySelector<HTMLInputElement>('[data-testid="search"]')!;
    await act(async () => {
      box.value = 'chip';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settleUntil(root, countFor('chip'));
    // The title says why: no passage; the word is emphasised where it stands.
    expect([...root.querySelectorAll('h2 mark')].map((m) => m.textContent)).toEqual(['Chip']);
    expect(root.querySelector('[data-testid="search-passage"]')).toBeNull();
    // Words in a highlight's quote and in a note are emphasised there.
    await act(async () => {
      box.value = 'guidance';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settleUntil(root, countFor('guidance'));
    expect([...root.querySelectorAll('[data-testid="highlight-quote"] mark')].map((m) => m.textContent)).toEqual(['guidance']);
    await act(async () => {
      box.value = '<script>';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settleUntil(root, countFor('<script>'));
    // As the index reads it: "<" and ">" are symbols, not punctuation, so the word runs on to the "(".
    expect(root.querySelector('[data-testid="library-article-note"] mark')!.textContent).toBe('<script>alert');
    expect(root.querySelector('script')).toBeNull();
  });

  it('sorts newest first without a search and offers "Best match" only with one', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const root = await mountUntil(<Library services={libraryServices(db)} />, countFor(''));
    const sort = () => root.querySelector<HTMLSelectElement>('[data-testid="sort"]')!;
    await settleUntil(root, () => sort() !== null);
    const options = () => [...sort().options].map((o) => o.value);
    expect(sort().value).toBe('saved-desc');
    expect(options()).not.toContain('relevance');
    expect(titles(root)).toEqual(['Chip makers rally', 'Nordwind buys "Baltic Grid"\nfor €2.4bn']);
    const box = root.querySelector<HTMLInputElement>('[data-testid="search"]')!;
    await act(async () => {
      box.value = 'the';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settleUntil(root, countFor('the'));
    expect(sort().value).toBe('relevance');
    expect(options()).toContain('relevance');
    // A choice the reader made stays while they search.
    await act(async () => {
      sort().value = 'title';
      sort().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settleUntil(root, () => titles(root)[0] === 'Chip makers rally');
    expect(titles(root)).toEqual(['Chip makers rally', 'Nordwind buys "Baltic Grid"\nfor €2.4bn']);
    await act(async () => {
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settleUntil(root, countFor(''));
    expect(sort().value).toBe('title');
  });

  it('lists the newest articles first, without unsaved ones, and counts what the library holds', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const newest = await saveArticle(db, { url: 'https://example.net/c', title: 'Newest', text: 'Body.' }, 1_700_000_200_000);
    await unsaveArticle(db, newest.id);
    const root = await mountUntil(<Library services={libraryServices(db)} />, countFor(''));
    expect(titles(root)).toEqual(['Chip makers rally', 'Nordwind buys "Baltic Grid"\nfor €2.4bn']);
    expect(root.querySelector('header .muted')!.textContent).toContain('libraryCounts');
  });

  it('reads the first list from the savedAt index, without unsaved ones, while the rows are read', async () => {
    const db = freshDb();
    const [older, newer] = (await seedLibrary(db)).articleIds;
    const newest = await saveArticle(db, { url: 'https://example.net/c', title: 'Newest', text: 'Body.' }, 1_700_000_200_000);
    await unsaveArticle(db, newest.id);
    const first = await libraryServices(db).loadNewest(1);
    expect(first.articles.map((a) => a.id)).toEqual([newer]);
    expect(first.highlights.every((h) => h.articleId === newer)).toBe(true);
    const both = await libraryServices(db).loadNewest(20);
    expect(both.articles.map((a) => a.id)).toEqual([newer, older]);
    expect(both.articles.every((a) => !('text' in a))).toBe(true);
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
