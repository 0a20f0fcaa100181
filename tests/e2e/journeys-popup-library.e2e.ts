/**
 * A reader's journeys through the popup and the library, in Chromium and Firefox ESR, by real
 * input only: the mouse clicks what the reader would click (after checking it is on screen,
 * uncovered), the keyboard types what the reader would type, files come and go through the
 * browser's download and file-chooser paths. Each journey asserts what the reader would check
 * (the words on screen, the entry in view) and what was stored (read back through a message),
 * and leaves a screenshot in SHOTS_DIR.
 *
 * Seeding a library is not a reader's action under test, so it goes through the background's
 * messages. What no driver can do: click the toolbar button (the popup is opened as a page at
 * the address the background gives the tab, see popup.e2e.ts), and, in Firefox, see the file
 * dialog of an extension page (the file is set on the input after checking it on screen; see
 * `ReaderPage.chooseFile`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@/lib/contracts/records';
import { popupAddress } from '../../lib/messaging/popup-address';
import { findTabId, send, waitFor } from './support/extension-ui';
import { chromiumReader, clickOn, expectOnScreen, firefoxReader, scrollToWithWheel, shoot, SHOTS_DIR, type ReaderPage, type ReaderSession } from './support/reader';
import { startPageServer, type PageServer } from './support/server';

const STORY_TITLE = 'Vantor Rail wins Lisbon metro contract';
const STORY = [
  'Vantor Rail won a €1.8 billion contract on Tuesday to build the next line of the Lisbon metro, beating a rival bid from Alstom.',
  'The company said the line would open in 2031 and carry 140,000 passengers a day, easing traffic in the city centre.',
  'Shares of Vantor Rail rose 6 percent in Madrid after the award, while analysts at Kestrel Bank called the price competitive.',
  'The city council chose the bid after an eighteen-month tender, its largest since the Expo in 1998.',
];

/** A news article, recognised as one (NewsArticle metadata, a dated byline, a body of prose). */
function articlePage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Daily</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2026-05-07T10:00:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script>
<meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/business">Business</a></nav>
<article><h1>${title}</h1><p class="byline">By Jane Doe</p><div class="article-body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></article>
<footer><p>© Daily. All rights reserved.</p></footer></body></html>`;
}

/** The library seeded before the journeys: two articles, highlights, one note a reader will look for. */
const SEEDED = [
  {
    url: 'https://news.example.com/2026/11/nordwind-baltic-grid',
    title: 'Nordwind agrees to buy Baltic Grid for €2.4bn',
    text: 'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday. The deal values the operator at 11 times earnings. Analysts at Kestrel Bank said the price was steep.',
    tags: ['energy'],
  },
  {
    url: 'https://markets.example.org/chips/tessel-results',
    title: 'Tessel Semiconductor shares jump after results',
    text: 'Shares of Tessel Semiconductor rose 12% after results. The company raised guidance for the year.',
    tags: ['chips'],
  },
];
/** The note on a highlight of the first article: its one word no title or text holds. */
const NOTE = 'Overpaid? Compare with the Fjordkraft deal';
const NOTE_WORD = 'fjordkraft';

function selectorsFor(text: string, exact: string) {
  const start = text.indexOf(exact);
  return [
    { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

/** Waits until the library has read every record (and indexed it), showing the results of `query`. */
function libraryShows(page: ReaderPage, query = ''): Promise<number> {
  return waitFor(page, (q: string) => {
    const status = document.querySelector('[data-testid="result-count"]');
    return status?.getAttribute('data-query') === q ? document.querySelectorAll('[data-testid="library-entry"]').length + 1 : null;
  }, query, 15_000).then((n) => n - 1);
}

/** The library's entries: each entry's text, in order. */
function entryTexts(page: ReaderPage): Promise<string[]> {
  // textContent, not innerText: entries far from the viewport are not rendered (content-visibility) and have no innerText.
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="library-entry"]')].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

const withoutDate = (json: string) => json.replace(/"exportedAt": "[^"]*"/, '');

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ '/story': articlePage(STORY_TITLE, STORY) });
});
afterAll(() => server?.close());

for (const [label, makeSession] of [['Chromium', chromiumReader], ['Firefox ESR', firefoxReader]] as const) {
  describe(label, () => {
    let ui: ReaderSession;
    /** An extension page for seeding and reading back through the background's messages. */
    let helper: ReaderPage;
    const shot = (step: string) => `${ui.name}-${step}`;

    beforeAll(async () => {
      ui = await makeSession();
      helper = await ui.openExtensionPage('options.html');
      const saved: ArticleRecord[] = [];
      for (const article of SEEDED) saved.push(await send<ArticleRecord>(helper, 'saveArticle', article));
      await send(helper, 'addHighlight', { articleId: saved[0]!.id, colour: 'yellow', selectors: selectorsFor(saved[0]!.text, 'the price was steep'), note: NOTE });
      await send(helper, 'addHighlight', { articleId: saved[0]!.id, colour: 'green', selectors: selectorsFor(saved[0]!.text, '11 times earnings') });
      await send(helper, 'addHighlight', { articleId: saved[1]!.id, colour: 'blue', selectors: selectorsFor(saved[1]!.text, 'raised guidance'), note: 'Guidance up for the year' });
    });
    afterAll(() => ui?.close());

    it('saves an article from the popup with a click: the popup says it is saved, and the library holds it', async () => {
      const url = server.url('/story');
      await ui.openPage(url);
      const tabId = await findTabId(helper, STORY_TITLE);
      expect(await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url })).toBeNull();

      const popup = await ui.openExtensionPage(popupAddress(tabId, url));
      await waitFor(popup, () => document.querySelector('main')?.getAttribute('data-ready') === 'true' && !!document.querySelector('[data-testid="save"]'));
      const section = () => popup.evaluate(() => (document.querySelector('section.saved') as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '');
      expect(await section()).toBe('Not in your library yet. Save this article');
      await shoot(popup, shot('popup-before-save'));

      // The reader finds the button by its words, sees it, and clicks it.
      await clickOn(popup, { selector: 'button', text: 'Save this article' });
      await waitFor(popup, () => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-saved') === 'true');
      // "Saved" and today's date (in whatever form the locale writes it: its year at least).
      expect(await section()).toMatch(new RegExp(`^Your library Saved .{0,30}\\b${new Date().getFullYear()}\\b.{0,10} Remove from library `));
      expect(await popup.evaluate(() => document.body.innerText.includes('Save this article'))).toBe(false);
      await expectOnScreen(popup, '[data-testid="saved-state"]');
      await shoot(popup, shot('popup-after-save'));

      const article = await send<ArticleRecord | null>(helper, 'getArticleByUrl', { url });
      expect(article).toMatchObject({ title: STORY_TITLE, byline: 'Jane Doe', deleted: false });
      expect(article!.text).toContain(STORY[0]);
      await popup.close();
    });

    it('finds a note in the library by typing a word of it into the search box', async () => {
      const library = await ui.openExtensionPage('library.html');
      expect(await libraryShows(library)).toBe(3);

      await clickOn(library, '[data-testid="search"]');
      expect(await library.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
      await library.type(NOTE_WORD);
      expect(await libraryShows(library, NOTE_WORD)).toBe(1);
      expect(await library.evaluate(() => (document.querySelector('[data-testid="search"]') as HTMLInputElement).value)).toBe(NOTE_WORD);

      // The entry with the note is listed, in view, with the note in its words; the others are gone.
      const entry = await expectOnScreen(library, { selector: '[data-testid="library-entry"]', text: NOTE });
      expect(entry.text).toContain(SEEDED[0]!.title);
      expect(entry.text).toContain('the price was steep');
      await expectOnScreen(library, { selector: '[data-testid="highlight-note"]', text: NOTE });
      const shown = await library.evaluate(() => document.body.innerText);
      expect(shown).not.toContain(SEEDED[1]!.title);
      expect(shown).not.toContain(STORY_TITLE);
      expect(await library.evaluate(() => document.querySelector('[data-testid="result-count"]')?.textContent)).toBe('1 article shown');
      await shoot(library, shot('library-search'));
      await library.close();
    });

    it('exports the library with a click and imports the file into a fresh browser: the library is the same', async () => {
      const library = await ui.openExtensionPage('library.html');
      expect(await libraryShows(library)).toBe(3);
      const listed = await entryTexts(library);

      await scrollToWithWheel(library, '[data-testid="export-json"]');
      const file = await library.download(async () => void (await clickOn(library, { selector: 'button', text: 'Export JSON' })));
      expect(file.name).toMatch(/^newsmark-library-\d{4}-\d\d-\d\d\.json$/);
      const exported = JSON.parse(file.text) as { format: string; articles: { title: string }[]; highlights: { note: string }[] };
      expect(exported.format).toBe('newsmark-library');
      expect(exported.articles.map((a) => a.title).sort()).toEqual([SEEDED[0]!.title, SEEDED[1]!.title, STORY_TITLE].sort());
      expect(exported.highlights.map((h) => h.note).sort()).toEqual(['', 'Guidance up for the year', NOTE].sort());
      await shoot(library, shot('library-exported'));

      // Another browser with an empty library: the reader's new computer.
      const fresh = await makeSession();
      try {
        const empty = await fresh.openExtensionPage('library.html');
        expect(await libraryShows(empty)).toBe(0);
        expect(await empty.evaluate(() => document.querySelector('[data-testid="library-empty"]')?.textContent)).toMatch(/^Your library is empty/);

        await scrollToWithWheel(empty, '[data-testid="import-file"]');
        await empty.chooseFile('[data-testid="import-file"]', { name: file.name, text: file.text });
        const outcome = await waitFor(empty, () => (document.querySelector('[data-testid="import-outcome"]') as HTMLElement | null)?.innerText);
        expect(outcome).toBe('Imported: 6 added, 0 updated, 0 already here.');
        // The imported entries are listed above the import box and push it down: the outcome
        // line must stay on screen without the reader scrolling to find it.
        await expect.poll(() => empty.evaluate(() => {
          const box = document.querySelector('[data-testid="import-outcome"]')!.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }), { timeout: 5_000, message: 'the import outcome is off screen' }).toBe(true);
        await expectOnScreen(empty, '[data-testid="import-outcome"]');
        await shoot(empty, shot('library-imported'));

        // The same entries, in the same order, with the same words; the same file on export.
        expect(await libraryShows(empty)).toBe(3);
        expect(await entryTexts(empty)).toEqual(listed);
        await scrollToWithWheel(empty, '[data-testid="export-json"]');
        const again = await empty.download(async () => void (await clickOn(empty, { selector: 'button', text: 'Export JSON' })));
        expect(withoutDate(again.text)).toBe(withoutDate(file.text));
      } finally {
        await fresh.close();
      }
      await library.close();
    });
  });
}

afterAll(() => console.info(`journey screenshots: ${SHOTS_DIR}`));
