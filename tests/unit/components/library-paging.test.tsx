/**
 * The library's pages of entries: a new search shows the entries in view first and the rest of
 * its page when the browser is idle; "Show more" and a change to the library never shrink what
 * is on screen; the count and the end of the list follow.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Library, entriesInView } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { saveArticle, updateArticle } from '@/lib/db/library';
import type { NewsmarkDb } from '@/lib/db';
import { freshDb } from '../library/seed';
import { mountRoot, until, withLibraryPage } from './library-page';

const ARTICLES = 45;

withLibraryPage();

/** A library of `ARTICLES` articles about grids, the newest saved last. */
async function mount(): Promise<{ root: HTMLElement; db: NewsmarkDb; ids: string[] }> {
  const db = freshDb();
  const ids: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const article = await saveArticle(db, {
      url: `https://news.example.com/2026/grid-${i}`,
      title: `Grid operator story ${i}`,
      text: `Story ${i}: the grid operator raised its tariff by ${i}% on Monday.`,
    }, 1_700_000_000_000 + i * 1000);
    ids.push(article.id);
  }
  const root = mountRoot();
  await act(async () => render(<Library services={libraryServices(db)} />, root));
  await until(() => status(root)?.getAttribute('data-query') === '' && listed(root).length === 20);
  return { root, db, ids };
}

const status = (root: HTMLElement) => root.querySelector('[data-testid="result-count"]');
const listed = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-testid="library-entry"]')].map((e) => e.dataset.id!);

/** Watches the number of entries on screen after every change to the list, until stopped. */
function entryCounts(root: HTMLElement): { counts: number[]; stop: () => void } {
  const counts: number[] = [];
  const observer = new MutationObserver(() => counts.push(listed(root).length));
  observer.observe(root, { childList: true, subtree: true });
  return { counts, stop: () => observer.disconnect() };
}

describe('the library lists a page of entries', () => {
  it('fits the entries in view to the window: a tall window shows more of them at first', () => {
    expect(entriesInView(720)).toBe(6);
    expect(entriesInView(1400)).toBe(10);
    expect(entriesInView(0)).toBe(1);
  });

  it('shows a new search\'s entries in view first, then its whole page, newest of the best first', async () => {
    const { root, ids } = await mount();
    const box = root.querySelector<HTMLInputElement>('[data-testid="search"]')!;
    const watch = entryCounts(root);
    await act(async () => {
      box.value = 'tariff';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => status(root)?.getAttribute('data-shown-query') === 'tariff');
    const first = listed(root);
    await until(() => status(root)?.getAttribute('data-query') === 'tariff');
    watch.stop();
    // The old page went, the entries in view came (happy-dom's window is 768 px tall), then the rest.
    const inView = entriesInView(window.innerHeight);
    expect(inView).toBeLessThan(20);
    expect(watch.counts.filter((n) => n !== 20)).toContain(inView);
    expect(watch.counts.at(-1)).toBe(20);
    const whole = listed(root);
    expect(whole).toHaveLength(20);
    expect(whole.slice(0, first.length)).toEqual(first);
    expect(new Set(whole).size).toBe(20);
    expect(whole.every((id) => ids.includes(id))).toBe(true);
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
    expect(status(root)?.textContent).toContain(String(ARTICLES));
  });

  it('"Show more" adds the next entries without taking any away, and a change to the library keeps them all', async () => {
    const { root, db, ids } = await mount();
    const newestFirst = [...ids].reverse();
    expect(listed(root)).toEqual(newestFirst.slice(0, 20));
    const watch = entryCounts(root);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="show-more"]')!.click());
    await until(() => listed(root).length === 40);
    expect(listed(root)).toEqual(newestFirst.slice(0, 40));
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="show-more"]')!.click());
    await until(() => listed(root).length === ARTICLES);
    expect(root.querySelector('[data-testid="show-more"]')).toBeNull();
    // A note written elsewhere re-reads the library: the list is listed again, whole.
    await updateArticle(db, newestFirst[30]!, { note: 'read again later' });
    await until(() => root.textContent!.includes('read again later'));
    watch.stop();
    expect(Math.min(...watch.counts)).toBeGreaterThanOrEqual(20);
    expect(listed(root)).toEqual(newestFirst);
  });
});
