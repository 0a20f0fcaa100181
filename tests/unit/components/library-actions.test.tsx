import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Library, type LibraryServices } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { typedTags, withTags } from '@/components/ArticleControls';
import { deleteHighlight, undeleteHighlight, undoUnsaveArticle, unsaveArticle, updateArticle, updateHighlight } from '@/lib/db/library';
import type { NewsmarkDb } from '@/lib/db';
import { freshDb, seedLibrary } from '../library/seed';
import { mountRoot, until, wait, withLibraryPage } from './library-page';

withLibraryPage();

/** The library's services with its writes made straight to the database (the background's part). */
function services(db: NewsmarkDb): LibraryServices {
  const s = libraryServices(db);
  return {
    ...s,
    highlights: {
      ...s.highlights,
      saveNote: async (id, note) => void (await updateHighlight(db, id, { note })),
      remove: async (id) => void (await deleteHighlight(db, id)),
      undoRemove: async (id) => void (await undeleteHighlight(db, id)),
    },
    articles: {
      saveNote: async (id, note) => void (await updateArticle(db, id, { note })),
      setTags: async (id, tags) => void (await updateArticle(db, id, { tags })),
      remove: async (id) => void (await unsaveArticle(db, id)),
      undoRemove: async (id) => void (await undoUnsaveArticle(db, id)),
    },
  };
}

async function mount(): Promise<{ root: HTMLElement; db: NewsmarkDb; ids: { articleIds: string[]; highlightIds: string[] } }> {
  const db = freshDb();
  const ids = await seedLibrary(db);
  const root = mountRoot();
  await act(async () => render(<Library services={services(db)} />, root));
  await until(() => root.querySelector('[data-testid="result-count"]')?.getAttribute('data-query') === '' && root.querySelectorAll('[data-testid="highlight"]').length === 3);
  return { root, db, ids };
}

const entry = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="library-entry"][data-id="${id}"]`);
const within = (el: Element | null, testId: string) => el?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ?? null;
const highlight = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="highlight"][data-id="${id}"]`);
const undoBar = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-testid="library-undo"]')!;

async function click(el: HTMLElement | null) {
  expect(el).not.toBeNull();
  el!.focus();
  await act(async () => el!.click());
  await wait();
}

async function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  await act(async () => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('library: removals with undo and focus kept', () => {
  it("deleting an article's only highlight offers undo, and the focus goes to the article's next control, not <body>", async () => {
    const { root, db, ids } = await mount();
    const [, chips] = ids.articleIds;
    const only = ids.highlightIds[2]!;
    await click(within(highlight(root, only), 'delete-highlight'));
    await until(() => highlight(root, only) === null);
    expect(undoBar(root).hidden).toBe(false);
    expect(undoBar(root).textContent).toContain('Highlight deleted');
    expect(document.activeElement).toBe(within(entry(root, chips!), 'edit-article-note'));

    await click(within(undoBar(root), 'undo'));
    await until(() => highlight(root, only) !== null);
    expect((await db.highlights.get(only))!.deleted).toBe(false);
    expect(undoBar(root).hidden).toBe(true);
    await until(() => document.activeElement === within(highlight(root, only), 'delete-highlight'));
  });

  it('deleting one of two highlights moves the focus to the next one, then the previous one', async () => {
    const { root, ids } = await mount();
    const [first, second] = ids.highlightIds;
    await click(within(highlight(root, first!), 'delete-highlight'));
    await until(() => highlight(root, first!) === null);
    expect(document.activeElement).toBe(within(highlight(root, second!), 'delete-highlight'));
    expect(undoBar(root).textContent).toContain('Highlight deleted');
  });

  it('removes an article with undo (the button or Ctrl+Z), the focus on the next entry, then back on the restored one', async () => {
    const { root, db, ids } = await mount();
    const [nordwind, chips] = ids.articleIds;
    await click(within(entry(root, chips!), 'remove-article'));
    await until(() => entry(root, chips!) === null);
    expect((await db.articles.get(chips!))!.deleted).toBe(true);
    expect(undoBar(root).textContent).toContain('Removed from the library: Chip makers rally');
    const next = within(entry(root, nordwind!), 'remove-article');
    expect(document.activeElement).toBe(next);

    await act(async () => void next!.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true })));
    await until(() => entry(root, chips!) !== null);
    expect((await db.articles.get(chips!))!.deleted).toBe(false);
    await until(() => document.activeElement === within(entry(root, chips!), 'remove-article'));
  });

  it('removing the last article in the list moves the focus to the list heading', async () => {
    const { root, ids } = await mount();
    for (const id of ids.articleIds) {
      await click(within(entry(root, id), 'remove-article'));
      await until(() => entry(root, id) === null);
    }
    expect(document.activeElement).toBe(root.querySelector('[data-testid="library-heading"]'));
  });
});

describe('library: article note and tags', () => {
  it("edits an article's note in place (Ctrl+Enter saves) and shows it", async () => {
    const { root, db, ids } = await mount();
    const chips = ids.articleIds[1]!;
    await click(within(entry(root, chips), 'edit-article-note'));
    const area = within(entry(root, chips), 'article-note-input') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    await type(area, 'Guidance up, shares up.');
    await act(async () => void area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    await until(() => within(entry(root, chips), 'library-article-note')?.textContent === 'Guidance up, shares up.');
    expect((await db.articles.get(chips))!.note).toBe('Guidance up, shares up.');
    expect(document.activeElement).toBe(within(entry(root, chips), 'edit-article-note'));
  });

  it('adds tags from the tag box (commas, a leading #), lists them in the Tag filter, and removes one', async () => {
    const { root, db, ids } = await mount();
    const chips = ids.articleIds[1]!;
    const box = within(entry(root, chips), 'tag-input') as HTMLInputElement;
    await type(box, 'Pricing, #guidance');
    await act(async () => box.form!.requestSubmit());
    await until(() => entry(root, chips)?.querySelectorAll('[data-testid="article-tags"] li').length === 3);
    expect((await db.articles.get(chips))!.tags).toEqual(['chips', 'Pricing', 'guidance']);
    expect(box.value).toBe('');
    const tagFilter = [...root.querySelectorAll<HTMLOptionElement>('[data-testid="filter-tag"] option')].map((o) => o.value);
    expect(tagFilter).toEqual(expect.arrayContaining(['Pricing', 'guidance', 'chips']));

    const pricing = entry(root, chips)!.querySelector<HTMLElement>('li[data-tag="Pricing"] [data-testid="remove-tag"]');
    expect(pricing!.getAttribute('aria-label')).toBe('Remove tag Pricing');
    await click(pricing);
    await until(() => entry(root, chips)?.querySelector('li[data-tag="Pricing"]') === null);
    expect((await db.articles.get(chips))!.tags).toEqual(['chips', 'guidance']);
    expect(document.activeElement?.tagName).toBe('BUTTON');
  });

  it("suggests the library's tags as the toolbar's box does: after a comma too, a click completes the word and returns to the box", async () => {
    const { root, ids } = await mount();
    const chips = ids.articleIds[1]!;
    const box = within(entry(root, chips), 'tag-input') as HTMLInputElement;
    const suggested = () => [...(entry(root, chips)?.querySelectorAll('[data-testid="tag-suggestions"] button') ?? [])].map((b) => b.textContent);
    expect(suggested()).toEqual([]);
    await type(box, 'rail, en');
    await until(() => suggested().includes('#energy'));
    const energy = [...entry(root, chips)!.querySelectorAll<HTMLElement>('[data-testid="tag-suggestions"] button')].find((b) => b.textContent === '#energy');
    await click(energy!);
    await until(() => box.value === 'rail, energy, ');
    expect(document.activeElement).toBe(box);
  });

  it('reads what a reader types as tags', () => {
    expect(typedTags(' #energy, M&A ,, ##x ')).toEqual(['energy', 'M&A', 'x']);
  });

  it('adds a tag the article has, or one typed twice, once (in any case)', () => {
    expect(withTags(['energy', 'Rail'], ['rail', 'ENERGY', 'ports', 'Ports'])).toEqual(['energy', 'Rail', 'ports']);
  });
});

describe('library: several articles at once', () => {
  const checkbox = (root: HTMLElement, id: string) => within(entry(root, id), 'select-article') as HTMLInputElement;
  async function tick(box: HTMLInputElement) {
    await act(async () => box.click());
    await wait();
  }

  it('tags the selected articles in one go, each keeping its own tags and getting each new one once', async () => {
    const { root, db, ids } = await mount();
    const [first, second] = ids.articleIds;
    expect(within(root, 'selection-count')).toBeNull();
    await tick(checkbox(root, first!));
    await tick(checkbox(root, second!));
    expect(within(root, 'selection-count')!.textContent).toBe('2 articles selected');
    expect(checkbox(root, second!).getAttribute('aria-label')).toMatch(/^Select “.+”$/);
    const box = within(root, 'selection-tags') as HTMLInputElement;
    await type(box, 'watch, energy');
    await act(async () => box.form!.requestSubmit());
    await until(() => box.value === '');
    for (const id of [first!, second!]) {
      const tags = (await db.articles.get(id))!.tags;
      expect(tags.filter((t) => t === 'watch')).toHaveLength(1);
      expect(tags.filter((t) => t.toLowerCase() === 'energy')).toHaveLength(1);
    }
    await click(within(root, 'clear-selection'));
    expect(within(root, 'selection-count')).toBeNull();
    expect(checkbox(root, first!).checked).toBe(false);
  });

  it('removes every shown article selected with "Select all shown", and one Undo brings them all back', async () => {
    const { root, db, ids } = await mount();
    await click(within(root, 'select-all'));
    expect(within(root, 'selection-count')!.textContent).toBe(`${ids.articleIds.length} articles selected`);
    await click(within(root, 'remove-selected'));
    await until(() => root.querySelectorAll('[data-testid="library-entry"]').length === 0);
    for (const id of ids.articleIds) expect((await db.articles.get(id))!.deleted).toBe(true);
    expect(undoBar(root).textContent).toContain(`Removed ${ids.articleIds.length} articles from the library`);
    expect(document.activeElement).toBe(root.querySelector('[data-testid="library-heading"]'));
    await click(within(undoBar(root), 'undo'));
    await until(() => root.querySelectorAll('[data-testid="library-entry"]').length === ids.articleIds.length);
    for (const id of ids.articleIds) expect((await db.articles.get(id))!.deleted).toBe(false);
    expect(root.querySelectorAll('[data-testid="highlight"]')).toHaveLength(3);
  });
});
