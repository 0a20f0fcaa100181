/**
 * A reader's journeys through the options' site list and the library's removals, in Chromium
 * and Firefox ESR, by real input only (see journeys-popup-library.e2e.ts for the style): the
 * site list typed as a reader types it and read back from storage and after a reload; a
 * highlight deleted (the only one of its article, and one of two) and an article removed, by
 * mouse and by keyboard, each undone, with the focus checked after each step (never <body>);
 * an article's note and tags edited in its entry. Seeding goes through the background's messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, HighlightRecord } from '@/lib/contracts/records';
import { axeViolations, send, tabNotMarked, waitFor } from './support/extension-ui';
import { ABOUT_TITLE, aboutPage } from './support/pages';
import { startPageServer, type PageServer } from './support/server';
import { popupAddress } from '../../lib/messaging/popup-address';
import { chromiumReader, clickOn, expectOnScreen, firefoxReader, scrollToWithWheel, shoot, type ReaderPage, type ReaderSession } from './support/reader';

const ARTICLES = [
  {
    url: 'https://news.example.com/2026/11/nordwind-baltic-grid',
    title: 'Nordwind agrees to buy Baltic Grid for €2.4bn',
    text: 'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday. The deal values the operator at 11 times earnings. Analysts at Kestrel Bank said the price was steep.',
    quotes: ['the price was steep', '11 times earnings'],
  },
  {
    url: 'https://markets.example.org/chips/tessel-results',
    title: 'Tessel Semiconductor shares jump after results',
    text: 'Shares of Tessel Semiconductor rose 12% after results. The company raised guidance for the year.',
    quotes: ['raised guidance'],
  },
  {
    url: 'https://rail.example.net/2026/vantor-lisbon',
    title: 'Vantor Rail wins Lisbon metro contract',
    text: 'Vantor Rail won a €1.8 billion contract on Tuesday to build the next line of the Lisbon metro.',
    quotes: [],
  },
];

function selectorsFor(text: string, exact: string) {
  const start = text.indexOf(exact);
  return [
    { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

const entrySel = (id: string) => `[data-testid="library-entry"][data-id="${id}"]`;
const highlightSel = (id: string) => `[data-testid="highlight"][data-id="${id}"]`;

/** Waits until the library lists `count` entries and `highlights` highlights, all read. */
function libraryShows(page: ReaderPage, count: number, highlights: number): Promise<boolean> {
  return waitFor(page, ([n, h]: [number, number]) => {
    const status = document.querySelector('[data-testid="result-count"]');
    return status?.getAttribute('data-query') === ''
      && document.querySelectorAll('[data-testid="library-entry"]').length === n
      && document.querySelectorAll('[data-testid="highlight"]').length === h;
  }, [count, highlights] as [number, number], 15_000);
}

/** What has the keyboard focus: its test id, its entry's or highlight's id, and whether it is <body>. */
function focused(page: ReaderPage): Promise<{ testId: string | null; entry: string | null; highlight: string | null; body: boolean; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      testId: el?.getAttribute('data-testid') ?? null,
      entry: el?.closest('[data-testid="library-entry"]')?.getAttribute('data-id') ?? null,
      highlight: el?.closest('[data-testid="highlight"]')?.getAttribute('data-id') ?? null,
      body: !el || el === document.body,
      text: el?.innerText ?? '',
    };
  });
}

/** Presses Tab (at most `max` times) until the focus is on the element `selector` names. */
async function tabTo(page: ReaderPage, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s: string) => document.activeElement === document.querySelector(s), selector)) return;
    await page.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The stored settings item, read straight from storage.sync. */
function storedSettings(page: ReaderPage): Promise<{ disabledSites: string[] } | undefined> {
  return page.evaluate(async () => {
    type Sync = { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Sync; chrome?: Sync };
    return (await (g.browser ?? g.chrome)!.storage.sync.get('settings')).settings as { disabledSites: string[] } | undefined;
  });
}



let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ '/about': aboutPage() });
});
afterAll(() => server?.close());

for (const [label, makeSession] of [['Chromium', chromiumReader], ['Firefox ESR', firefoxReader]] as const) {
  describe(label, () => {
    let ui: ReaderSession;
    let helper: ReaderPage;
    const saved: ArticleRecord[] = [];
    const highlights: HighlightRecord[][] = [];
    const shot = (step: string) => `${ui.name}-${step}`;

    beforeAll(async () => {
      ui = await makeSession();
      helper = await ui.openExtensionPage('options.html');
      for (const article of ARTICLES) {
        const { quotes, ...input } = article;
        const record = await send<ArticleRecord>(helper, 'saveArticle', { ...input, tags: [] });
        saved.push(record);
        const list: HighlightRecord[] = [];
        for (const quote of quotes) list.push(await send<HighlightRecord>(helper, 'addHighlight', { articleId: record.id, colour: 'yellow', selectors: selectorsFor(record.text, quote) }));
        highlights.push(list);
      }
    });
    afterAll(() => ui?.close());

    it('options: the sites typed as a reader types them are stored as sites, nonsense is refused beside the field, and a reload shows what was stored', async () => {
      const options = await ui.openExtensionPage('options.html');
      await waitFor(options, () => !!document.querySelector('[data-testid="off-sites"]'));
      await scrollToWithWheel(options, '[data-testid="off-sites"]');
      await clickOn(options, '[data-testid="off-sites"]');
      for (const [i, line] of ['https://www.example-news.com/', 'www.other-news.com/2019/', '*.foo.com', 'bar.org', 'not a site!!'].entries()) {
        if (i) await options.press('Enter');
        await options.type(line);
      }
      // Leaving the box saves it.
      await options.press('Tab');
      await waitFor(options, () => document.querySelector('[data-testid="marking-status"]')?.textContent === 'Saved.', undefined, 10_000);

      expect((await storedSettings(options))?.disabledSites).toEqual(['example-news.com', 'other-news.com', 'foo.com', 'bar.org']);
      const refused = await expectOnScreen(options, '[data-testid="off-sites-refused"]');
      expect(refused.text).toBe('Not stored: "not a site!!" is not a site: a site\'s address has no spaces.');
      expect((await expectOnScreen(options, '[data-testid="off-sites-stored"]')).text).toBe('Stored: example-news.com, other-news.com, foo.com, bar.org (and their subdomains).');
      expect(await options.evaluate(() => (document.querySelector('[data-testid="off-sites"]') as HTMLTextAreaElement).value))
        .toBe('example-news.com\nother-news.com\nfoo.com\nbar.org\nnot a site!!');
      expect(await options.evaluate(() => document.body.innerText)).toContain('Its subdomains are included.');
      expect(await axeViolations(options)).toEqual([]);
      await shoot(options, shot('options-sites-refused'));
      await options.close();

      // A fresh page shows what storage holds.
      const again = await ui.openExtensionPage('options.html');
      await waitFor(again, () => !!document.querySelector('[data-testid="off-sites"]'));
      expect(await again.evaluate(() => (document.querySelector('[data-testid="off-sites"]') as HTMLTextAreaElement).value)).toBe('example-news.com\nother-news.com\nfoo.com\nbar.org');

      // The reader takes the last site off the list by keyboard, leaves the box, and thinks better of it.
      await scrollToWithWheel(again, '[data-testid="off-sites"]');
      await clickOn(again, '[data-testid="off-sites"]');
      for (const key of ['Control+End', 'Shift+Home', 'Backspace', 'Backspace', 'Tab']) await again.press(key);
      await waitFor(again, () => document.querySelector('[data-testid="marking-status"]')?.textContent === 'Saved.', undefined, 10_000);
      expect((await storedSettings(again))?.disabledSites).toEqual(['example-news.com', 'other-news.com', 'foo.com']);
      expect((await expectOnScreen(again, '[data-testid="off-sites-undo"]')).text).toBe('Newsmark is on again on bar.org. Undo');
      await shoot(again, shot('options-site-removed-undo'));
      await clickOn(again, '[data-testid="off-sites-undo"] button');
      await waitFor(again, () => document.querySelector('[data-testid="off-sites-undo"]') === null && document.activeElement?.getAttribute('data-testid') === 'off-sites');
      await waitFor(again, () => (document.querySelector('[data-testid="off-sites"]') as HTMLTextAreaElement).value === 'example-news.com\nother-news.com\nfoo.com\nbar.org', undefined, 10_000);
      expect((await storedSettings(again))?.disabledSites).toEqual(['example-news.com', 'other-news.com', 'foo.com', 'bar.org']);
      await again.close();
    });

    it("library, by mouse: deleting an article's only highlight offers Undo; the focus goes to the entry's next control, then to the restored highlight", async () => {
      const library = await ui.openExtensionPage('library.html');
      await libraryShows(library, 3, 3);
      const tessel = saved[1]!;
      const only = highlights[1]![0]!;
      const del = `${highlightSel(only.id)} [data-testid="delete-highlight"]`;
      await scrollToWithWheel(library, del);
      await clickOn(library, del);
      await libraryShows(library, 3, 2);
      const after = await focused(library);
      expect(after).toMatchObject({ body: false, testId: 'edit-article-note', entry: tessel.id });
      const bar = await expectOnScreen(library, '[data-testid="library-undo"]');
      expect(bar.text).toContain('Highlight deleted');
      expect(await send<HighlightRecord[]>(helper, 'listHighlights', { articleId: tessel.id })).toEqual([]);
      expect(await axeViolations(library)).toEqual([]);
      await shoot(library, shot('library-highlight-deleted'));

      await clickOn(library, { selector: '[data-testid="library-undo"] button', text: 'Undo' });
      await libraryShows(library, 3, 3);
      expect((await send<HighlightRecord[]>(helper, 'listHighlights', { articleId: tessel.id })).map((h) => h.id)).toEqual([only.id]);
      await waitFor(library, (s: string) => document.activeElement === document.querySelector(s), del);
      expect(await library.evaluate(() => (document.querySelector('[data-testid="library-undo"]') as HTMLElement).hidden)).toBe(true);
      await library.close();
    });

    it('library, by keyboard: Enter on Delete moves the focus to the next highlight; Ctrl+Z brings the deleted one back', async () => {
      const library = await ui.openExtensionPage('library.html');
      await libraryShows(library, 3, 3);
      const [first, second] = highlights[0]!;
      const del = (id: string) => `${highlightSel(id)} [data-testid="delete-highlight"]`;
      await clickOn(library, '[data-testid="search"]');
      await tabTo(library, del(first!.id));
      await library.press('Enter');
      await libraryShows(library, 3, 2);
      expect(await focused(library)).toMatchObject({ body: false, testId: 'delete-highlight', highlight: second!.id });
      expect((await expectOnScreen(library, '[data-testid="library-undo"]')).text).toContain('Highlight deleted');

      await library.press('Control+z');
      await libraryShows(library, 3, 3);
      expect((await send<HighlightRecord[]>(helper, 'listHighlights', { articleId: saved[0]!.id })).map((h) => h.id).sort()).toEqual([first!.id, second!.id].sort());
      await waitFor(library, (s: string) => document.activeElement === document.querySelector(s), del(first!.id));
      await library.close();
    });

    it('library: removes an article by mouse and by keyboard, each undone, the focus on a neighbouring entry, never <body>', async () => {
      const library = await ui.openExtensionPage('library.html');
      await libraryShows(library, 3, 3);
      // Newest first: Vantor, Tessel, Nordwind.
      const [nordwind, tessel, vantor] = saved;
      const remove = (id: string) => `${entrySel(id)} [data-testid="remove-article"]`;

      await scrollToWithWheel(library, remove(vantor!.id));
      await clickOn(library, remove(vantor!.id));
      await libraryShows(library, 2, 3);
      expect(await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url: vantor!.url })).toBeNull();
      expect(await focused(library)).toMatchObject({ body: false, testId: 'remove-article', entry: tessel!.id });
      expect((await expectOnScreen(library, '[data-testid="library-undo"]')).text).toContain(`Removed from the library: ${vantor!.title}`);
      await shoot(library, shot('library-article-removed'));
      await clickOn(library, { selector: '[data-testid="library-undo"] button', text: 'Undo' });
      await libraryShows(library, 3, 3);
      expect(await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url: vantor!.url })).toMatchObject({ id: vantor!.id, savedAt: vantor!.savedAt, deleted: false });
      await waitFor(library, (s: string) => document.activeElement === document.querySelector(s), remove(vantor!.id));

      // The last entry, by keyboard: the focus goes to the previous entry's Remove.
      await tabTo(library, remove(nordwind!.id));
      await library.press('Enter');
      await libraryShows(library, 2, 1);
      expect(await focused(library)).toMatchObject({ body: false, testId: 'remove-article', entry: tessel!.id });
      await library.press('Control+z');
      await libraryShows(library, 3, 3);
      expect(await send<HighlightRecord[]>(helper, 'listHighlights', { articleId: nordwind!.id })).toHaveLength(2);
      await waitFor(library, (s: string) => document.activeElement === document.querySelector(s), remove(nordwind!.id));
      await library.close();
    });

    it("library: an article's note typed in its entry and tags added from the tag box are stored, and the Tag filter lists them", async () => {
      const library = await ui.openExtensionPage('library.html');
      await libraryShows(library, 3, 3);
      const vantor = saved[2]!;
      const inEntry = (testId: string) => `${entrySel(vantor.id)} [data-testid="${testId}"]`;

      await scrollToWithWheel(library, inEntry('edit-article-note'));
      await clickOn(library, inEntry('edit-article-note'));
      // The note box opens with the focus in it.
      await waitFor(library, (s: string) => document.activeElement === document.querySelector(s), inEntry('article-note-input'));
      await library.type('Second line of the metro; watch the tender.');
      await library.press('Control+Enter');
      await waitFor(library, (s: string) => !!document.querySelector(s), inEntry('library-article-note'));
      expect((await expectOnScreen(library, inEntry('library-article-note'))).text).toBe('Second line of the metro; watch the tender.');
      expect(await focused(library)).toMatchObject({ testId: 'edit-article-note', entry: vantor.id });

      await clickOn(library, inEntry('tag-input'));
      await library.type('rail, #Lisbon');
      await library.press('Enter');
      await waitFor(library, (s: string) => document.querySelectorAll(s).length === 2, `${entrySel(vantor.id)} [data-testid="article-tags"] li`);
      const stored = await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url: vantor.url });
      expect(stored).toMatchObject({ note: 'Second line of the metro; watch the tender.', tags: ['rail', 'Lisbon'] });
      const filterTags = await library.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('[data-testid="filter-tag"] option')].map((o) => o.value));
      expect(filterTags).toEqual(expect.arrayContaining(['rail', 'Lisbon']));
      expect(await axeViolations(library)).toEqual([]);
      await shoot(library, shot('library-note-tags'));

      await clickOn(library, `${entrySel(vantor.id)} li[data-tag="rail"] [data-testid="remove-tag"]`);
      await waitFor(library, (s: string) => document.querySelectorAll(s).length === 1, `${entrySel(vantor.id)} [data-testid="article-tags"] li`);
      expect((await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url: vantor.url }))!.tags).toEqual(['Lisbon']);
      expect((await focused(library)).body).toBe(false);
      await library.close();
    });

    it('popup: a page not taken for an article is saved with a click; "Remove from library" is undone from the keyboard, the record back as it was', async () => {
      const url = server.url('/about');
      await ui.openPage(url);
      const tabId = (await waitFor(helper, tabNotMarked, ABOUT_TITLE, 15_000))!;
      const popup = await ui.openExtensionPage(popupAddress(tabId, url));
      await waitFor(popup, () => document.querySelector('main')?.getAttribute('data-ready') === 'true' && !!document.querySelector('[data-testid="save"]'), undefined, 15_000);
      expect(await popup.evaluate(() => document.querySelector('[data-testid="page-status"]')?.getAttribute('data-article'))).toBe('false');
      await clickOn(popup, { selector: 'button', text: 'Save this page' });
      await waitFor(popup, () => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-saved') === 'true', undefined, 15_000);
      const saved = await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url });
      expect(saved).toMatchObject({ title: expect.stringContaining('About'), deleted: false });
      expect(saved!.text).toContain('Example Partners advises manufacturers');
      // Saving marked the page: the popup lists its companies and no longer offers "Mark this page".
      await waitFor(popup, () => !document.querySelector('[data-testid="mark-page"]') && !!document.querySelector('[data-testid="companies"] button'), undefined, 10_000);

      await clickOn(popup, { selector: 'button', text: 'Remove from library' });
      await waitFor(popup, () => !!document.querySelector('[data-testid="undo-unsave"]'));
      expect(await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url })).toBeNull();
      expect((await expectOnScreen(popup, '[data-testid="unsave-undo"]')).text).toContain('Removed from your library.');
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo-unsave');
      expect(await axeViolations(popup)).toEqual([]);
      await shoot(popup, shot('popup-removed-undo'));
      await popup.press('Enter');
      await waitFor(popup, () => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-saved') === 'true', undefined, 10_000);
      expect(await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url })).toMatchObject({ id: saved!.id, savedAt: saved!.savedAt, deleted: false });
      await waitFor(popup, () => document.activeElement?.getAttribute('data-testid') === 'unsave');
      await popup.close();
    });
  });
}
