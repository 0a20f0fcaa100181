import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Popup, type PopupServices, type SavedArticle, type SiteAccess } from '@/components/Popup';
import type { ArticleRecord, HighlightRecord } from '@/lib/contracts/records';
import type { PageEntities } from '@/lib/contracts/messages';
import { englishMessage, messages } from './english-messages';

const article = { id: 'a-1', url: 'https://news.example.com/a', title: 'A story', note: '', savedAt: 0, text: 'x', tags: [] } as unknown as ArticleRecord;
const highlight = {
  id: 'h-1', articleId: 'a-1', colour: 'green', note: '<img src=x onerror=alert(1)>', tags: [], quote: 'the quote', selectors: [], createdAt: 0, deleted: false,
} as unknown as HighlightRecord;

const marked: PageEntities = { state: 'marked', isArticle: true, title: 'A story', entities: [{ index: 3, type: 'company', text: 'Acme', name: 'Acme Corp', mentions: 2 }] };

type Mocked = PopupServices & { [K in 'unsave' | 'undoUnsave' | 'showEntity' | 'save' | 'markPage' | 'openOptions' | 'loadEntities' | 'grantSite' | 'startHere']: ReturnType<typeof vi.fn> };

function services(
  saved: SavedArticle,
  { isArticle = true, entities = [marked], siteAccess = null }: { isArticle?: boolean; entities?: (PageEntities | null)[]; siteAccess?: SiteAccess | null } = {},
): Mocked {
  const answers = [...entities];
  return {
    watchPage: (onChange) => {
      queueMicrotask(() => onChange({ visit: { url: article.url, title: 'A story', isArticle, signals: [], seenAt: 0 }, ...saved }));
      return () => undefined;
    },
    // Each call answers the next of `entities`, the last one for good.
    loadEntities: vi.fn(async () => (answers.length > 1 ? answers.shift()! : answers[0]!)),
    markPage: vi.fn(async () => 4),
    loadSiteAccess: vi.fn(async () => siteAccess),
    grantSite: vi.fn(async () => true),
    startHere: vi.fn(async () => undefined),
    save: vi.fn(async () => undefined),
    unsave: vi.fn(async () => undefined),
    undoUnsave: vi.fn(async () => undefined),
    saveArticleNote: async () => undefined,
    setArticleTags: async () => undefined,
    loadTags: async () => [],
    showEntity: vi.fn(async () => undefined),
    highlights: { saveNote: async () => undefined, remove: async () => undefined, undoRemove: async () => undefined, jump: async () => true },
    loadSyncStatus: async () => null,
    loadRelated: () => ({ cached: Promise.resolve(null), fresh: Promise.resolve(null) }),
    openLibrary: () => undefined,
    openOptions: vi.fn(() => undefined),
  };
}

async function mount(s: PopupServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Popup services={s} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root;
}

/** Lets the popup's effects and answers run until `done` holds (or a second has passed). */
async function settled(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await act(async () => new Promise((r) => setTimeout(r, 20)));
}

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
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

  it('renders its first answers complete in its first render, with no loading state between', () => {
    const s = services({ article, highlights: [highlight] });
    // Answers that never arrive: only the first answers can fill the popup.
    s.watchPage = () => () => undefined;
    s.loadEntities.mockImplementation(() => new Promise(() => undefined));
    const root = document.createElement('div');
    document.body.append(root);
    const page = { visit: { url: article.url, title: 'A story', isArticle: true, signals: [], seenAt: 0 }, article, highlights: [highlight] };
    render(<Popup services={s} first={{ page, entities: marked }} />, root);
    expect(root.querySelector('main')!.getAttribute('data-ready')).toBe('true');
    expect(root.querySelector('[data-testid="page-title"]')!.textContent).toBe('A story');
    expect(root.querySelector('[data-testid="highlight-quote"]')!.textContent).toBe('the quote');
    expect(root.querySelector('[data-testid="companies"] button')!.textContent).toContain('Acme Corp');
  });

  it('offers to save an article that is not in the library', async () => {
    const s = services({ article: null, highlights: [] });
    const root = await mount(s);
    expect(root.querySelector('[data-testid="saved-state"]')!.getAttribute('data-saved')).toBe('false');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="save"]')!.click());
    expect(s.save).toHaveBeenCalledOnce();
  });

  it('opens the options page from a labelled button', async () => {
    const s = services({ article, highlights: [] });
    const root = await mount(s);
    const button = root.querySelector<HTMLButtonElement>('[data-testid="open-options"]')!;
    expect(button.textContent).toBe(messages.openOptions!.message);
    button.click();
    expect(s.openOptions).toHaveBeenCalledOnce();
  });

  it('on a site Newsmark does not read, offers the site and this page; a grant says so', async () => {
    const access: SiteAccess = { host: 'news.example.com', pattern: 'https://news.example.com/*', marked: false };
    const s = services({ article: null, highlights: [] }, { isArticle: false, entities: [null, marked], siteAccess: access });
    const root = await mount(s);
    await settled(() => root.querySelector('[data-testid="site-access"]') !== null);
    const offer = root.querySelector('[data-testid="site-access"]')!;
    // No line tells the reader to reload: the offer says why nothing is marked.
    expect(root.textContent).not.toContain('Reload it');
    expect(offer.textContent).toContain('Newsmark does not read news.example.com.');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="grant-site"]')!.click());
    expect(s.grantSite).toHaveBeenCalledWith('https://news.example.com/*');
    expect(root.querySelector('[data-testid="site-granted"]')!.textContent).toBe('Newsmark marks articles on news.example.com from now on.');
    expect(root.querySelector('[data-testid="site-access"]')).toBeNull();
    // The page's report after the grant brings its marks.
    await settled(() => root.querySelector('[data-testid="companies"] button') !== null);
    expect(root.querySelector('[data-testid="companies"] button')!.textContent).toContain('Acme Corp');
  });

  it('says so when the browser refuses the site, and still marks this page once on request', async () => {
    const access: SiteAccess = { host: 'news.example.com', pattern: 'https://news.example.com/*', marked: false };
    const s = services({ article: null, highlights: [] }, { isArticle: false, entities: [null, marked], siteAccess: access });
    s.grantSite.mockImplementation(async () => false);
    const root = await mount(s);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="grant-site"]')!.click());
    expect(root.querySelector('[data-testid="site-access"] [role="alert"]')!.textContent).toBe('Your browser did not grant access to news.example.com.');
    await settled(() => !root.querySelector<HTMLButtonElement>('[data-testid="site-access"] [data-testid="mark-page"]')!.disabled);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="site-access"] [data-testid="mark-page"]')!.click());
    await settled(() => root.querySelector('[data-testid="mark-count"]') !== null);
    expect(s.markPage).toHaveBeenCalledOnce();
    expect(root.querySelector('[data-testid="mark-count"]')!.getAttribute('data-count')).toBe('4');
  });

  it('on a saved page of a site Newsmark does not read, paints its highlights again at once (the tab the popup lent)', async () => {
    const access: SiteAccess = { host: 'news.example.com', pattern: 'https://news.example.com/*', marked: false };
    const s = services({ article, highlights: [highlight] }, { entities: [null, marked], siteAccess: access });
    const root = await mount(s);
    await settled(() => s.startHere.mock.calls.length > 0 && root.querySelector('[data-testid="companies"] button') !== null);
    expect(s.startHere).toHaveBeenCalledOnce();
    expect(root.querySelector('[data-testid="companies"] button')!.textContent).toContain('Acme Corp');
  });

  it('makes no offer on a site Newsmark reads, nor off the web', async () => {
    const read = services({ article: null, highlights: [] }, { entities: [null], siteAccess: { host: 'a.example', pattern: 'https://a.example/*', marked: true } });
    expect((await mount(read)).querySelector('[data-testid="site-access"]')).toBeNull();
    document.body.replaceChildren();
    const offWeb = services({ article: null, highlights: [] }, { entities: [null], siteAccess: null });
    expect((await mount(offWeb)).querySelector('[data-testid="site-access"]')).toBeNull();
  });

  it('offers "Mark this page" on a page that is not an article, then shows the count and the marks', async () => {
    const notArticle: PageEntities = { state: 'not-article', isArticle: false, title: 'Home', entities: [] };
    const s = services({ article: null, highlights: [] }, { isArticle: false, entities: [notArticle, marked] });
    const root = await mount(s);
    // A page not taken for an article can still be saved (saving extracts it anyway).
    expect(root.querySelector('[data-testid="save"]')!.textContent).toBe('Save this page');
    expect(root.querySelector('[data-testid="companies"]')).toBeNull();
    expect(root.querySelector('[data-testid="no-entities"]')).toBeNull();
    const button = root.querySelector<HTMLButtonElement>('[data-testid="mark-page"]')!;
    expect(button.textContent).toBe(messages.markPage!.message);
    await act(async () => button.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(s.markPage).toHaveBeenCalledOnce();
    expect(root.querySelector('[data-testid="mark-page"]')).toBeNull();
    const status = root.querySelector('[data-testid="mark-count"]')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('4 companies and figures marked on this page');
    // The entities are asked for again, and the page's marks are listed.
    expect(s.loadEntities).toHaveBeenCalledTimes(2);
    expect(root.querySelector('[data-testid="companies"] button')!.textContent).toContain('Acme Corp');
  });

  it('saves a page that was not taken for an article', async () => {
    const notArticle: PageEntities = { state: 'not-article', isArticle: false, title: 'Home', entities: [] };
    const s = services({ article: null, highlights: [] }, { isArticle: false, entities: [notArticle, marked] });
    const root = await mount(s);
    expect(root.querySelector('[data-testid="save-any-page"]')!.textContent).toBe(messages.saveAnyPageHint!.message);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="save"]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(s.save).toHaveBeenCalledOnce();
    // Saving marked the page: its marks are asked for again and listed, and "Mark this page" goes.
    expect(s.loadEntities).toHaveBeenCalledTimes(2);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[data-testid="companies"] button')!.textContent).toContain('Acme Corp');
    expect(root.querySelector('[data-testid="mark-page"]')).toBeNull();
  });

  it('says so when an article names no companies or figures', async () => {
    const none: PageEntities = { state: 'marked', isArticle: true, title: 'A story', entities: [] };
    const root = await mount(services({ article, highlights: [] }, { entities: [none] }));
    expect(root.querySelector('[data-testid="no-entities"]')!.textContent).toBe('No companies or figures found on this page.');
    expect(root.querySelector('#entities-title')!.textContent).toBe('On this page');
  });

  it('removes from the library with undo: the focus on Undo, the article back as it was', async () => {
    let current: SavedArticle = { article, highlights: [highlight] };
    let tell: (s: SavedArticle) => void = () => undefined;
    const s = services(current);
    const visit = { url: article.url, title: 'A story', isArticle: true, signals: [], seenAt: 0 };
    s.watchPage = (onChange) => {
      tell = (next) => onChange({ visit, ...(current = next) });
      queueMicrotask(() => tell(current));
      return () => undefined;
    };
    // The removal is seen after the unsave answers, as from the background.
    s.unsave.mockImplementation(async () => void setTimeout(() => tell({ article: null, highlights: [] }), 150));
    s.undoUnsave.mockImplementation(async () => tell({ article, highlights: [highlight] }));
    const root = await mount(s);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="unsave"]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 300)));
    expect(s.unsave).toHaveBeenCalledWith('a-1');
    expect(root.querySelector('[data-testid="saved-state"]')!.getAttribute('data-saved')).toBe('false');
    const undo = root.querySelector<HTMLButtonElement>('[data-testid="undo-unsave"]')!;
    expect(root.querySelector('[data-testid="unsave-undo"]')!.textContent).toContain('Removed from your library.');
    expect(document.activeElement).toBe(undo);
    await act(async () => undo.click());
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(s.undoUnsave).toHaveBeenCalledWith('a-1');
    expect(root.querySelector('[data-testid="saved-state"]')!.getAttribute('data-saved')).toBe('true');
    expect(root.querySelector('[data-testid="unsave-undo"]')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('[data-testid="unsave"]'));
  });

  it("tags the article from a box suggesting the reader's tags, as the library and the toolbar do; Remove is destructive", async () => {
    let current: SavedArticle = { article: { ...article, tags: ['energy'] } as ArticleRecord, highlights: [] };
    let tell: (s: SavedArticle) => void = () => undefined;
    const s = services(current);
    s.watchPage = (onChange) => {
      tell = (next) => onChange({ visit: { url: article.url, title: 'A story', isArticle: true, signals: [], seenAt: 0 }, ...(current = next) });
      queueMicrotask(() => tell(current));
      return () => undefined;
    };
    s.loadTags = async () => ['energy', 'buybacks', 'rail'];
    const setArticleTags = vi.fn(async (_id: string, tags: string[]) => tell({ article: { ...article, tags } as ArticleRecord, highlights: [] }));
    s.setArticleTags = setArticleTags;
    const root = await mount(s);
    expect(root.querySelector('[data-testid="unsave"]')!.classList.contains('destructive')).toBe(true);
    const box = root.querySelector<HTMLInputElement>('[data-testid="tag-input"]')!;
    await act(async () => {
      box.value = 'Q3, bu';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const chips = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="tag-suggestions"] button')];
    expect(chips.map((b) => b.textContent)).toEqual(['#buybacks']);
    await act(async () => chips[0]!.click());
    expect(box.value).toBe('Q3, buybacks, ');
    expect(document.activeElement).toBe(box);
    await act(async () => box.form!.requestSubmit());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(setArticleTags).toHaveBeenCalledWith('a-1', ['energy', 'Q3', 'buybacks']);
    expect([...root.querySelectorAll('[data-testid="article-tags"] li')].map((li) => li.getAttribute('data-tag'))).toEqual(['energy', 'Q3', 'buybacks']);
    expect(box.value).toBe('');
  });

  it('deleting the only highlight offers undo there, and the focus stays in the popup', async () => {
    let tell: (s: SavedArticle) => void = () => undefined;
    const s = services({ article, highlights: [highlight] });
    const visit = { url: article.url, title: 'A story', isArticle: true, signals: [], seenAt: 0 };
    s.watchPage = (onChange) => {
      tell = (next) => onChange({ visit, ...next });
      queueMicrotask(() => tell({ article, highlights: [highlight] }));
      return () => undefined;
    };
    s.highlights.remove = async () => tell({ article, highlights: [] });
    const root = await mount(s);
    const del = root.querySelector<HTMLButtonElement>('[data-testid="delete-highlight"]')!;
    del.focus();
    await act(async () => del.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[data-testid="highlight"]')).toBeNull();
    expect(root.querySelector('.highlights .undo')!.textContent).toContain('Highlight deleted');
    expect(document.activeElement).toBe(root.querySelector('#saved-title'));
  });

  it("links each company of a saved page to its dossier, and none before the page is saved", async () => {
    const withId: PageEntities = { ...marked, entities: [{ ...marked.entities[0]!, id: 'acme corp' }, { index: 5, type: 'money', text: '$5m', value: 5e6, currency: 'USD', mentions: 1 }] };
    const saved = await mount(services({ article, highlights: [] }, { entities: [withId] }));
    const links = [...saved.querySelectorAll<HTMLAnchorElement>('[data-testid="entity-dossier"]')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['dossier.html?company=acme+corp']);
    expect(links[0]!.textContent).toContain('Everything about Acme Corp in your library');
    document.body.replaceChildren();
    const unsaved = await mount(services({ article: null, highlights: [] }, { entities: [withId] }));
    expect(unsaved.querySelectorAll('[data-testid="entity-dossier"]')).toHaveLength(0);
  });

  it('does not offer "Mark this page" on an article', async () => {
    const root = await mount(services({ article: null, highlights: [] }));
    expect(root.querySelector('[data-testid="mark-page"]')).toBeNull();
  });

  it('writes counts in the form they take and the saved date in the reader locale', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    const savedAt = new Date(2026, 2, 3, 12).getTime();
    const once: PageEntities = { ...marked, entities: [{ index: 1, type: 'company', text: 'Acme', name: 'Acme Corp', mentions: 1 }, { index: 2, type: 'company', text: 'Bolt', mentions: 1234 }] };
    const root = await mount(services({ article: { ...article, savedAt }, highlights: [highlight] }, { entities: [once] }));
    expect(root.querySelector('[data-testid="saved-state"]')!.textContent).toContain('Saved 03.03.2026');
    expect(root.querySelector('#saved-title ~ h3')!.textContent).toBe('Highlights (1)');
    const [acme, bolt] = [...root.querySelectorAll('[data-testid="companies"] button')].map((b) => b.textContent);
    expect(acme).toBe('Acme Corp (show on the page; 1 mention)');
    expect(bolt).toBe('Bolt ×1.234 (show on the page; 1.234 mentions)');
  });

  it('says "1 company or figure" after marking a page with one mark', async () => {
    const notArticle: PageEntities = { state: 'not-article', isArticle: false, title: 'Home', entities: [] };
    const s = services({ article: null, highlights: [] }, { isArticle: false, entities: [notArticle, marked] });
    s.markPage.mockResolvedValue(1);
    const root = await mount(s);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="mark-page"]')!.click());
    expect(root.querySelector('[data-testid="mark-count"]')!.textContent).toBe('1 company or figure marked on this page');
  });

  it('shows the page again when the library changes', async () => {
    let push: (saved: SavedArticle) => void = () => undefined;
    const s = services({ article, highlights: [] });
    s.watchPage = (onChange) => {
      push = (saved) => onChange({ visit: null, ...saved });
      queueMicrotask(() => push({ article, highlights: [] }));
      return () => undefined;
    };
    const root = await mount(s);
    expect(root.querySelectorAll('[data-testid="highlight"]').length).toBe(0);
    await act(async () => push({ article, highlights: [highlight] }));
    expect(root.querySelectorAll('[data-testid="highlight"]').length).toBe(1);
  });
});
