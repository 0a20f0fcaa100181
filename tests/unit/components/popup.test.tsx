import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Popup, type PopupServices, type SavedArticle } from '@/components/Popup';
import type { ArticleRecord, HighlightRecord } from '@/lib/db/library-records';

const article = { id: 'a-1', url: 'https://news.example.com/a', title: 'A story', note: '', savedAt: 0, text: 'x', tags: [] } as unknown as ArticleRecord;
const highlight = {
  id: 'h-1', articleId: 'a-1', colour: 'green', note: '<img src=x onerror=alert(1)>', tags: [], quote: 'the quote', selectors: [], createdAt: 0, deleted: false,
} as unknown as HighlightRecord;

function services(saved: SavedArticle): PopupServices & { showEntity: ReturnType<typeof vi.fn>; save: ReturnType<typeof vi.fn> } {
  return {
    loadVisit: async () => ({ url: article.url, title: 'A story', isArticle: true, signals: [], seenAt: 0 }),
    loadEntities: async () => ({ state: 'marked', isArticle: true, title: 'A story', entities: [{ index: 3, type: 'company', text: 'Acme', name: 'Acme Corp', mentions: 2 }] }),
    watchSaved: (onChange) => {
      queueMicrotask(() => onChange(saved));
      return () => undefined;
    },
    save: vi.fn(async () => undefined),
    unsave: async () => undefined,
    saveArticleNote: async () => undefined,
    showEntity: vi.fn(async () => undefined),
    highlights: { saveNote: async () => undefined, remove: async () => undefined, undoRemove: async () => undefined, jump: async () => true },
    loadSyncStatus: async () => null,
    loadRelated: () => ({ cached: Promise.resolve(null), fresh: Promise.resolve(null) }),
    openLibrary: () => undefined,
  };
}

async function mount(s: PopupServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Popup services={s} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root;
}

const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

/** The real English strings, so a key missing from _locales fails here (t() would show the key). */
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => {
    const subs = Array.isArray(substitutions) ? substitutions : substitutions === undefined ? [] : [substitutions];
    const text = messages[key]?.message;
    if (text === undefined) throw new Error(`No string "${key}" in _locales/en`);
    return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  }) as never);
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('Popup', () => {
  it('shows a saved article with its highlights, notes as text, and the page entities', async () => {
    const s = services({ article, highlights: [highlight] });
    const root = await mount(s);
    expect(root.querySelector('main')!.getAttribute('data-ready')).toBe('true');
    expect(root.querySelector('[data-testid="saved-state"]')!.getAttribute('data-saved')).toBe('true');
    expect(root.querySelector('[data-testid="highlight-quote"]')!.textContent).toBe('the quote');
    const note = root.querySelector('[data-testid="highlight-note"]')!;
    expect(note.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(note.querySelector('img')).toBeNull();
    const entity = root.querySelector<HTMLButtonElement>('[data-testid="companies"] button')!;
    expect(entity.textContent).toContain('Acme Corp');
    entity.click();
    expect(s.showEntity).toHaveBeenCalledWith(3);
  });

  it('offers to save an article that is not in the library', async () => {
    const s = services({ article: null, highlights: [] });
    const root = await mount(s);
    expect(root.querySelector('[data-testid="saved-state"]')!.getAttribute('data-saved')).toBe('false');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="save"]')!.click());
    expect(s.save).toHaveBeenCalledOnce();
  });
});
