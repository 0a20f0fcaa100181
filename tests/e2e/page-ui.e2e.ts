/**
 * What the reader sees on an article page, in Chromium and Firefox ESR, through real input
 * only (the mouse moves, drags and clicks; keys are pressed): the hover card of a company and
 * of a sum of money, the highlight toolbar over a selection, the note editor, the undo toast.
 * Each is asserted the way a reader would check it: inside the viewport, beside the words it
 * belongs to without covering them, painted in the screenshot (its region differs from the
 * same region once it has closed), with the right words in it; on plain, transformed,
 * right-to-left, fixed-header and high-density pages. Screenshots are kept in test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LAYOUTS, SAMPLE_ARTICLE } from './support/article-pages';
import { chromiumDriver, firefoxDriver, type Driver, type DriverPage } from './support/driver';
import { markLineBox, markedTexts, waitForMarks } from './support/marks';
import { expectBesideAndVisible, paintedShare, quoteLines, readBySelecting, selectByDragging, uiBox, viewportOf, waitForUi } from './support/seen';
import { startPageServer, type PageServer } from './support/server';

const EVIDENCE = resolve('test-results/page-ui');
/** A painted card or toolbar changes far more of its region than this; one off screen or transparent changes none. */
const PAINTED = 0.05;
/** ECB-style rates as the background keeps them after a fetch (the test machine has no network). */
const RATES = { rates: { date: '2026-11-24', perEuro: { EUR: 1, USD: 1.05, GBP: 0.83, JPY: 161.2 } }, fetchedAt: Date.now() };

let server: PageServer;
beforeAll(async () => {
  // The undo journey gets its own copy of the article: highlights are kept per address.
  server = await startPageServer({ ...ARTICLE_LAYOUTS, '/undo': SAMPLE_ARTICLE });
  mkdirSync(EVIDENCE, { recursive: true });
});
afterAll(() => server?.close());


/** The screenshot once the browser has painted the last change (a DOM change reaches the screen a frame later). */
async function screenshotAfterPaint(page: DriverPage): Promise<Buffer> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.screenshot();
}

for (const makeDriver of [chromiumDriver, firefoxDriver]) {
  const browserName = makeDriver === chromiumDriver ? 'chromium' : 'firefox';
  describe(browserName === 'chromium' ? 'Chromium' : 'Firefox ESR', () => {
    let driver: Driver;
    let extension: DriverPage;

    beforeAll(async () => {
      driver = await makeDriver();
      extension = await driver.openExtensionPage('options.html');
      // The reader's currency is dollars; the last ECB rates the background fetched are kept.
      await extension.evaluate(async (rates) => {
        type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
        const g = globalThis as unknown as { browser?: { storage: { sync: Area; local: Area } }; chrome: { storage: { sync: Area; local: Area } } };
        const storage = (g.browser ?? g.chrome).storage;
        const current = ((await storage.sync.get('settings')).settings as object | undefined) ?? {};
        await storage.sync.set({ settings: { ...current, readerCurrency: 'USD' } });
        await storage.local.set({ ecbRates: rates });
      }, RATES);
    });
    afterAll(() => driver?.close());

    async function openArticle(path: string, viewport = { width: 1200, height: 800, scale: 1 }): Promise<DriverPage> {
      const page = await driver.openPage(server.url(path));
      await page.setViewport(viewport.width, viewport.height, viewport.scale);
      await waitForMarks(page);
      return page;
    }

    /**
     * Hovers the mark with the mouse and checks its card as a reader would; answers the card's
     * words. `close` is how the reader closes it; the closed screenshot is the painted check's reference.
     */
    async function hoverAndSeeCard(page: DriverPage, name: string, nth: number, label: string, block: ScrollLogicalPosition = 'center'): Promise<string> {
      const words = await markLineBox(page, name, nth, block);
      await page.mouseMove(5, words.top + words.height / 2);
      await page.mouseMove(words.left + Math.min(words.width / 2, 12), words.top + words.height / 2, 3);
      const card = await waitForUi(page, 'card');
      await expectBesideAndVisible(page, card, words);
      const open = await screenshotAfterPaint(page);
      writeFileSync(resolve(EVIDENCE, `${browserName}-${label}.png`), open);
      // The card must still stand where it was measured when the screenshot was taken: a card
      // that closed or moved by itself in between is a fault of its own, not an unpainted card.
      expect(await uiBox(page, 'card'), `the ${label} card closed or moved by itself after it opened`).toEqual(card);
      const text = await readBySelecting(page, card);
      await page.press('Escape');
      await expect.poll(() => uiBox(page, 'card'), { timeout: 3_000, message: 'Escape did not close the card' }).toBeNull();
      const closed = await screenshotAfterPaint(page);
      const { frameWidth } = await viewportOf(page);
      const share = paintedShare(open, closed, card, frameWidth);
      if (share <= PAINTED) writeFileSync(resolve(EVIDENCE, `${browserName}-${label}-closed.png`), closed);
      expect(share, `the ${label} card is not painted (${JSON.stringify(card)} in a ${frameWidth}px frame; screenshots in ${EVIDENCE})`).toBeGreaterThan(PAINTED);
      return text;
    }

    it('hovering a company and a sum of money opens their cards beside the words, painted, with what they are', async () => {
      const page = await openArticle('/article');
      const company = await hoverAndSeeCard(page, 'newsmark-tint-company', 0, 'company-card');
      expect(company).toMatch(/company/i);
      expect(company).toContain('Nordwind Energy');
      expect(company).toMatch(/mention 1 of \d+/);
      const money = await hoverAndSeeCard(page, 'newsmark-tint-money', 0, 'money-card');
      expect(money).toMatch(/money/i);
      // The sum as printed, normalised, and in the reader's currency at the ECB's rate of the day.
      expect(money).toContain('38 euros');
      expect(money).toContain('€38.00');
      expect(money).toContain('≈ $39.90');
      await page.close();
    });

    it('moving the pointer away and scrolling the wheel close the card', async () => {
      const page = await openArticle('/article');
      const words = await markLineBox(page, 'newsmark-tint-percent', 0);
      await page.mouseMove(words.left + 4, words.top + words.height / 2, 2);
      await waitForUi(page, 'card');
      await page.mouseMove(5, 5, 3);
      await expect.poll(() => uiBox(page, 'card'), { timeout: 3_000, message: 'the card stayed after the pointer left' }).toBeNull();
      await page.mouseMove(words.left + 4, words.top + words.height / 2, 2);
      await waitForUi(page, 'card');
      await page.wheel(300);
      await expect.poll(() => uiBox(page, 'card'), { timeout: 3_000, message: 'the card stayed while the page scrolled' }).toBeNull();
      await page.close();
    });

    for (const [path, viewport] of [
      ['/transformed', { width: 1000, height: 700, scale: 1 }],
      ['/rtl', { width: 1000, height: 700, scale: 1 }],
      ['/fixed-header', { width: 900, height: 600, scale: 1 }],
      ['/long', { width: 800, height: 600, scale: 2 }],
    ] as const) {
      it(`the card stays beside its mark on ${path.slice(1)} pages (${viewport.width}×${viewport.height} at ×${viewport.scale})`, async () => {
        const page = await openArticle(path, viewport);
        const label = path.slice(1);
        // A mark near the top of the viewport, under any fixed header, and one at its bottom edge: the card turns above it.
        const top = await hoverAndSeeCard(page, 'newsmark-tint-company', 1, `${label}-card`, 'center');
        expect(top).toMatch(/company/i);
        await hoverAndSeeCard(page, 'newsmark-tint-money', 1, `${label}-card-at-bottom`, 'end');
        await page.close();
      });
    }

    it('drag-selecting a sentence shows the toolbar beside it; each colour highlights; a note is typed; after a reload all are back', async () => {
      const page = await openArticle('/article');
      const quotes = {
        yellow: 'the largest acquisition in the company',
        green: 'Shares of Baltic Grid jumped',
        blue: 'Transmission is the bottleneck',
        pink: 'serves about 2.1 million customers',
        purple: 'announced a joint venture to build converter stations',
      };
      const colours = Object.keys(quotes) as (keyof typeof quotes)[];
      for (const [i, colour] of colours.entries()) {
        const selection = await selectByDragging(page, quotes[colour]);
        const toolbar = await waitForUi(page, 'highlight-panel');
        await expectBesideAndVisible(page, toolbar, selection);
        if (i === 0) {
          const open = await screenshotAfterPaint(page);
          writeFileSync(resolve(EVIDENCE, `${browserName}-toolbar.png`), open);
          await page.press('Escape');
          await expect.poll(() => uiBox(page, 'highlight-panel'), { timeout: 3_000 }).toBeNull();
          const closed = await screenshotAfterPaint(page);
          expect(paintedShare(open, closed, toolbar, (await viewportOf(page)).frameWidth), 'the toolbar is not painted').toBeGreaterThan(PAINTED);
          // A press inside a selection would drag it: a click on the margin clears it first.
          await page.mouseClick(3, toolbar.top);
          await selectByDragging(page, quotes[colour]);
          await waitForUi(page, 'highlight-panel');
        }
        // The toolbar's swatches, in colour order: 1px border and 4px padding, 24px buttons 4px apart.
        // The next passage is selected at once, as a quick reader does, before this highlight is stored.
        await page.mouseClick(toolbar.left + 5 + i * 28 + 12, toolbar.top + toolbar.height / 2);
      }
      for (const colour of colours) {
        await expect.poll(() => markedTexts(page, `newsmark-hl-${colour}`), { timeout: 5_000 }).toEqual([quotes[colour]]);
      }

      // "Note" highlights in yellow and opens the editor beside the new highlight, the note field focused.
      const noted = 'bet that the wires carrying renewable power';
      const selection = await selectByDragging(page, noted);
      const toolbar = await waitForUi(page, 'highlight-panel');
      await page.mouseClick(toolbar.left + toolbar.width - 20, toolbar.top + toolbar.height / 2);
      await expect.poll(() => markedTexts(page, 'newsmark-hl-yellow'), { timeout: 5_000 }).toContain(noted);
      const editor = await waitForUi(page, 'highlight-panel');
      await expectBesideAndVisible(page, editor, selection);
      await page.type('Grid assets as steady earners: check the regulator’s return cap');
      writeFileSync(resolve(EVIDENCE, `${browserName}-note-editor.png`), await page.screenshot());
      await page.press('Control+Enter');
      await expect.poll(() => uiBox(page, 'highlight-panel'), { timeout: 3_000 }).toBeNull();

      await page.reload();
      await waitForMarks(page);
      for (const colour of colours) {
        const expected = colour === 'yellow' ? [quotes.yellow, noted] : [quotes[colour]];
        await expect.poll(async () => (await markedTexts(page, `newsmark-hl-${colour}`)).sort(), { timeout: 10_000 }).toEqual(expected.sort());
      }
      // Clicking the noted highlight opens its editor again, beside it.
      const again = (await quoteLines(page, noted))[0]!;
      await page.mouseClick(again.left + again.width / 2, again.top + again.height / 2);
      const reopened = await waitForUi(page, 'highlight-panel');
      await expectBesideAndVisible(page, reopened, again);
      await page.press('Escape');
      await page.close();
    });

    it('the toolbar follows its selection when the page scrolls, and goes when the selection leaves the viewport', async () => {
      // The long page: 2,400 px above the story, room to scroll the selection out of view.
      const page = await openArticle('/long');
      const quote = 'kilometres of high-voltage lines';
      await selectByDragging(page, quote);
      const before = await waitForUi(page, 'highlight-panel');
      await page.wheel(120);
      await expect.poll(async () => (await uiBox(page, 'highlight-panel'))?.top ?? null, { timeout: 3_000 }).toBeLessThan(before.top - 60);
      const selection = await page.evaluate(() => {
        const { left, top, width, height } = getSelection()!.getRangeAt(0).getBoundingClientRect();
        return { left, top, width, height };
      });
      await expectBesideAndVisible(page, (await uiBox(page, 'highlight-panel'))!, selection);
      await page.wheel(-3_000);
      await expect.poll(() => uiBox(page, 'highlight-panel'), { timeout: 3_000, message: 'the toolbar stayed with its selection off screen' }).toBeNull();
      await page.close();
    });

    it('deleting a highlight shows the undo toast at the bottom of the viewport; clicking Undo brings it back', async () => {
      const page = await openArticle('/undo');
      const quote = 'an operating margin of 18.5%';
      await selectByDragging(page, quote);
      const toolbar = await waitForUi(page, 'highlight-panel');
      await page.mouseClick(toolbar.left + 5 + 3 * 28 + 12, toolbar.top + toolbar.height / 2);
      await expect.poll(() => markedTexts(page, 'newsmark-hl-pink'), { timeout: 5_000 }).toContain(quote);
      const highlight = (await quoteLines(page, quote))[0]!;
      await page.mouseClick(highlight.left + highlight.width / 2, highlight.top + highlight.height / 2);
      await waitForUi(page, 'highlight-panel');
      // The editor takes the keyboard focus (the page sees it on our host) into its note: Tab to tags, Save, then Delete.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 3_000 }).toBe('NEWSMARK-UI');
      for (const key of ['Tab', 'Tab', 'Tab', 'Enter']) await page.press(key);
      await expect.poll(() => markedTexts(page, 'newsmark-hl-pink'), { timeout: 5_000 }).not.toContain(quote);
      const toast = await waitForUi(page, 'highlight-toast');
      const viewport = await viewportOf(page);
      expect(toast.top + toast.height, 'the toast is below the viewport').toBeLessThanOrEqual(viewport.height);
      expect(toast.top, 'the toast is not at the bottom of the viewport').toBeGreaterThan(viewport.height / 2);
      const open = await screenshotAfterPaint(page);
      writeFileSync(resolve(EVIDENCE, `${browserName}-undo-toast.png`), open);
      expect(await readBySelecting(page, toast)).toMatch(/deleted/i);
      // "Undo" is the toast's last button: 12px padding and a 1px border from its right edge.
      await page.mouseClick(toast.left + toast.width - 36, toast.top + toast.height / 2);
      await expect.poll(() => markedTexts(page, 'newsmark-hl-pink'), { timeout: 5_000 }).toContain(quote);
      await expect.poll(() => uiBox(page, 'highlight-toast'), { timeout: 3_000 }).toBeNull();
      const closed = await screenshotAfterPaint(page);
      expect(paintedShare(open, closed, toast, viewport.frameWidth), 'the toast is not painted').toBeGreaterThan(PAINTED);
      await page.close();
    });
  });
}
