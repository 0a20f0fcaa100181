/**
 * Sync conflicts in the library's list (issue 26, item 2), on fake-indexeddb: two device
 * databases exchange their states through the sync store as a server would carry them; the
 * library of one shows the marks, both texts side by side, and the reader's choice is written.
 */
import { expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Library, type LibraryServices } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { addHighlight, deleteHighlight, saveArticle, updateArticle, updateHighlight } from '@/lib/db/library';
import type { NewsmarkDb } from '@/lib/db';
import { freshDb } from '../library/seed';
import { carry, conflictActions } from '../support/two-devices';
import { conflictMarks } from '@/lib/sync/conflicts';
import { listNoteConflicts } from '@/lib/sync/service';
import { mountRoot, until, withLibraryPage } from './library-page';

withLibraryPage();


function services(db: NewsmarkDb): LibraryServices {
  const s = libraryServices(db);
  return { ...s, highlights: { ...s.highlights, conflicts: conflictActions(db) }, articles: { ...s.articles, conflicts: conflictActions(db) } };
}


/** Device `here` (shown) and `there`: one note edited on both, later on `there`; one highlight deleted here and edited there. */
async function conflicted() {
  const here = freshDb();
  const there = freshDb();
  const article = await saveArticle(here, { url: 'https://news.example/conflict', title: 'Nordwind buys Baltic Grid', text: 'Nordwind bought Baltic Grid on Monday.' });
  const selectors = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];
  const noted = await addHighlight(here, { articleId: article.id, colour: 'yellow', selectors: selectors('Nordwind'), note: 'first' });
  const dropped = await addHighlight(here, { articleId: article.id, colour: 'green', selectors: selectors('Baltic Grid'), note: '' });
  await carry(here, there);
  const t = Date.now();
  await updateHighlight(here, noted.id, { note: 'Ü from here 漢字' }, t);
  await deleteHighlight(here, dropped.id, t);
  await updateHighlight(there, noted.id, { note: 'from there 🙂' }, t + 1_000);
  await updateHighlight(there, dropped.id, { note: 'edited there' }, t + 1_000);
  await updateArticle(here, article.id, { note: 'article note here' }, t);
  await updateArticle(there, article.id, { note: 'article note there' }, t + 1_000);
  await carry(here, there);
  await carry(there, here);
  return { here, article, noted, dropped };
}

async function mount(db: NewsmarkDb): Promise<HTMLElement> {
  const root = mountRoot();
  await act(async () => render(<Library services={services(db)} />, root));
  await until(() => root.querySelectorAll('[data-testid="highlight"]').length === 2);
  return root;
}

const item = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="highlight"][data-id="${id}"]`)!;
const within = (el: Element, testId: string) => el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

for (const [keep, note] of [['shown', 'from there 🙂'], ['copy', 'Ü from here 漢字'], ['both', 'from there 🙂\n\nÜ from here 漢字']] as const) {
  it(`marks a note edited on two devices, shows both texts side by side, and keeps ${keep}`, async () => {
    const { here, noted } = await conflicted();
    const root = await mount(here);
    await until(() => within(item(root, noted.id), 'note-conflict') !== null);
    const button = within(item(root, noted.id), 'note-conflict')!;
    expect(button.textContent).toBe('Edited on two devices: compare');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await act(async () => button.click());
    await until(() => within(item(root, noted.id), 'conflict-compare') !== null);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(within(item(root, noted.id), 'conflict-shown')?.textContent).toBe('from there 🙂');
    expect(within(item(root, noted.id), 'conflict-copy')?.textContent).toBe('Ü from here 漢字');
    await act(async () => within(item(root, noted.id), `keep-${keep}`)!.click());
    await until(() => within(item(root, noted.id), 'note-conflict') === null);
    await until(() => within(item(root, noted.id), 'highlight-note')?.textContent === note);
    expect((await here.highlights.get(noted.id))?.note).toBe(note);
    expect(await listNoteConflicts(here, 'highlight', noted.id)).toEqual([]);
    here.close();
  });
}

for (const keep of [true, false]) {
  it(`marks a highlight deleted here and edited on another device, and ${keep ? 'keeps' : 'deletes'} it`, async () => {
    const { here, dropped } = await conflicted();
    const root = await mount(here);
    await until(() => within(item(root, dropped.id), 'revived-mark') !== null);
    expect(within(item(root, dropped.id), 'revived-mark')?.textContent).toContain('Deleted here; edited on another device');
    expect(within(item(root, dropped.id), 'highlight-note')?.textContent).toBe('edited there');
    await act(async () => within(item(root, dropped.id), keep ? 'keep-revived' : 'delete-revived')!.click());
    if (keep) await until(() => within(item(root, dropped.id), 'revived-mark') === null);
    else await until(() => root.querySelectorAll('[data-testid="highlight"]').length === 1);
    expect((await here.highlights.get(dropped.id))?.deleted).toBe(!keep);
    expect((await conflictMarks(here)).some((m) => m.revived)).toBe(false);
    here.close();
  });
}

it("marks an article's note edited on two devices in its library entry, and keeps the other version", async () => {
  const { here, article } = await conflicted();
  const root = await mount(here);
  const entry = () => root.querySelector<HTMLElement>(`[data-testid="library-entry"][data-id="${article.id}"] .article-actions`)!;
  await until(() => within(entry(), 'note-conflict') !== null);
  await act(async () => within(entry(), 'note-conflict')!.click());
  await until(() => within(entry(), 'conflict-compare') !== null);
  expect(within(entry(), 'conflict-shown')?.textContent).toBe('article note there');
  expect(within(entry(), 'conflict-copy')?.textContent).toBe('article note here');
  await act(async () => within(entry(), 'keep-copy')!.click());
  await until(() => within(entry(), 'note-conflict') === null && within(entry(), 'library-article-note')?.textContent === 'article note here');
  expect((await here.articles.get(article.id))?.note).toBe('article note here');
  expect(await listNoteConflicts(here, 'article', article.id)).toEqual([]);
  here.close();
});
