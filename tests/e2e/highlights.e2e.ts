/**
 * The reader's highlights in Chromium and Firefox ESR: highlight from the selection toolbar,
 * reopen the page and find the highlight back in place (and an orphan listed, not drawn, when
 * its text is gone); edit a note and delete with undo, by mouse and keyboard in the closed
 * shadow root; save an article the way the context menu does.
 *
 * Browser UI (context menus, keyboard shortcuts) cannot be driven by automation, so the tests
 * send, from an extension page, the very message the background sends to the tab when the
 * reader uses them (`savePageArticle`, `highlightSelection`): from there on the path is the real one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, HighlightRecord } from '@/lib/contracts/records';
import type { MessageName } from '@/lib/messaging';
import type { PageHighlightsReport } from '@/lib/contracts/messages';
import { chromiumDriver, firefoxDriver, type Driver, type DriverPage } from './support/driver';
import { markedTexts, waitForMarks } from './support/marks';
import { startPageServer, type PageServer } from './support/server';

const PARAGRAPHS = [
  'Shares of Microsoft rose 4 percent on Tuesday after the company reported quarterly revenue of $62 billion, beating analyst estimates.',
  'The software maker said sales in Europe grew faster than expected, helped by strong demand for its cloud services from banks.',
  'Chief executive Satya Nadella told analysts on a call that the company would keep investing in new data centres next year.',
  'Rival Alphabet, which reports next week, has warned that supply shortages could weigh on its own results this quarter.',
  'Analysts at several banks raised their price targets, citing stronger margins and a healthier order book for the year.',
  'The company also announced a share buyback of up to $60 billion over the next three years, its largest yet.',
];

/** A news article page; `paragraphs` lets a test change the story between visits. */
function articlePage(title: string, paragraphs: readonly string[] = PARAGRAPHS): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Daily</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2024-05-07T10:00:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script>
<meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>${title}</h1><p class="byline">By Jane Doe</p><div class="article-body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></article>
<footer><p>© Daily. All rights reserved.</p></footer></body></html>`;
}

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ '/story': articlePage('Microsoft beats estimates'), '/other': articlePage('Markets wrap') });
});
afterAll(() => server?.close());

/** Selects `quote` in the page's article (a real DOM selection) and releases the mouse, as a reader would. */
function selectText(page: DriverPage, quote: string): Promise<boolean> {
  return page.evaluate((q: string) => {
    const p = [...document.querySelectorAll('.article-body p')].find((el) => el.textContent!.includes(q));
    const node = p?.firstChild as Text | undefined;
    if (!node) return false;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(q));
    range.setEnd(node, node.data.indexOf(q) + q.length);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return true;
  }, quote);
}

/** Viewport rectangle of Newsmark's highlight panel (toolbar or editor), or null while hidden. */
function panelRect(page: DriverPage): Promise<{ left: number; top: number; width: number; height: number } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('newsmark-ui[data-kind="highlight-panel"]');
    if (!host || getComputedStyle(host).display === 'none') return null;
    const { left, top, width, height } = host.getBoundingClientRect();
    return { left, top, width, height };
  });
}

function toastShown(page: DriverPage): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('newsmark-ui[data-kind="highlight-toast"]');
    return !!host && getComputedStyle(host).display !== 'none';
  });
}

/** Centre of the first range drawn under `name`, scrolled into view. */
function highlightCentre(page: DriverPage, name: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((n: string) => {
    const range = [...(CSS.highlights.get(n) ?? [])][0] as Range | undefined;
    if (!range) return null;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, name);
}

/** The drawn range's text and where it starts in its paragraph: "in the right place", not just "the same words". */
function drawnAt(page: DriverPage, name: string): Promise<{ text: string; paragraph: number; offset: number }[]> {
  return page.evaluate((n: string) => {
    const paragraphs = [...document.querySelectorAll('.article-body p')];
    return ([...(CSS.highlights.get(n) ?? [])] as Range[]).map((r) => ({
      text: r.toString(),
      paragraph: paragraphs.indexOf(r.startContainer.parentElement!),
      offset: r.startOffset,
    }));
  }, name);
}

for (const makeDriver of [chromiumDriver, firefoxDriver]) {
  describe(makeDriver === chromiumDriver ? 'Chromium' : 'Firefox ESR', () => {
    let driver: Driver;
    let extension: DriverPage;

    /** Sends a message from an extension page: to the background, or to every tab's content script (`toTabs`). */
    function send<T>(type: MessageName, data: object, toTabs = false): Promise<T> {
      return extension.evaluate(
        async ({ type, data, toTabs }) => {
          type Reply = { ok: boolean; value?: unknown; error?: string } | undefined;
          type Api = {
            runtime: { sendMessage(m: object): Promise<Reply> };
            tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object): Promise<Reply> };
          };
          const g = globalThis as unknown as { browser?: Api; chrome: Api };
          const api = g.browser ?? g.chrome;
          const envelope = { newsmark: 1, type, data };
          const replies: Reply[] = [];
          if (!toTabs) replies.push(await api.runtime.sendMessage(envelope));
          // Tabs without our content script (this extension page) refuse: only the article tab answers.
          else for (const tab of await api.tabs.query({})) replies.push(await api.tabs.sendMessage(tab.id!, envelope).catch(() => undefined));
          const reply = replies.find(Boolean);
          if (!reply?.ok) throw new Error(reply?.error ?? `no answer to ${type}`);
          return reply.value;
        },
        { type, data, toTabs },
      ) as Promise<T>;
    }

    /** Pages a test opened: a test that fails before closing them must not leave them answering the next test's messages. */
    let opened: DriverPage[] = [];
    async function openArticle(path: string): Promise<DriverPage> {
      const page = await driver.openPage(server.url(path));
      opened.push(page);
      await waitForMarks(page);
      return page;
    }
    afterEach(async () => {
      await Promise.all(opened.map((page) => page.close().catch(() => undefined)));
      opened = [];
    });

    beforeAll(async () => {
      driver = await makeDriver();
      extension = await driver.openExtensionPage('options.html');
    });
    afterAll(() => driver?.close());

    it('highlights from the toolbar; after reopening, the highlight is back in place and a vanished one is an orphan', async () => {
      const page = await openArticle('/story');
      expect(await selectText(page, 'sales in Europe grew faster')).toBe(true);
      await expect.poll(() => panelRect(page), { timeout: 5_000 }).not.toBeNull();
      // The toolbar: 1px border, 4px padding, 24px swatches 4px apart; the second is green.
      const toolbar = (await panelRect(page))!;
      await page.mouseClick(toolbar.left + 5 + 28 + 12, toolbar.top + 5 + 12);
      await expect.poll(() => markedTexts(page, 'newsmark-hl-green'), { timeout: 5_000 }).toEqual(['sales in Europe grew faster']);
      // A second highlight through the keyboard command's path, in a paragraph that will be rewritten.
      await selectText(page, 'supply shortages could weigh');
      const doomed = await send<HighlightRecord>('highlightSelection', { colour: 'blue' }, true);
      expect(doomed.quote).toBe('supply shortages could weigh');
      const where = await drawnAt(page, 'newsmark-hl-green');
      await page.close();

      const again = await openArticle('/story');
      await expect.poll(() => drawnAt(again, 'newsmark-hl-green'), { timeout: 10_000 }).toEqual(where);
      expect(where[0]).toMatchObject({ paragraph: 1, offset: PARAGRAPHS[1]!.indexOf('sales in Europe') });
      expect(await markedTexts(again, 'newsmark-hl-blue')).toEqual(['supply shortages could weigh']);
      await again.close();

      // The publisher inserts an update and rewrites the paragraph of the second highlight.
      const changed = ['Update: this story has been corrected.', ...PARAGRAPHS.slice(0, 3), 'Alphabet declined to comment.', ...PARAGRAPHS.slice(4)];
      server.set('/story', articlePage('Microsoft beats estimates', changed));
      const changedPage = await openArticle('/story');
      await expect.poll(() => drawnAt(changedPage, 'newsmark-hl-green'), { timeout: 10_000 }).toEqual([{ ...where[0]!, paragraph: 2 }]);
      const report = await send<PageHighlightsReport>('getPageHighlights', {}, true);
      expect(report.anchored).toBe(1);
      expect(report.orphans.map((o) => o.quote)).toEqual(['supply shortages could weigh']);
      expect(await markedTexts(changedPage, 'newsmark-hl-blue')).toEqual([]);
      await changedPage.close();
      server.set('/story', articlePage('Microsoft beats estimates'));
    });

    it('edits a note (markup stays text) and deletes with undo, by mouse and keyboard', async () => {
      const page = await openArticle('/story');
      await selectText(page, 'Satya Nadella told analysts');
      const created = await send<HighlightRecord>('highlightSelection', { colour: 'pink' }, true);
      const bolds = await page.evaluate(() => document.querySelectorAll('b').length);

      const target = (await highlightCentre(page, 'newsmark-hl-pink'))!;
      await page.mouseClick(target.x, target.y);
      await expect.poll(() => panelRect(page), { timeout: 5_000 }).not.toBeNull();
      // The editor focuses its note once it has rendered: keys pressed before that go to the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 3_000 }).toBe('NEWSMARK-UI');
      // The editor focuses the note: type into the closed shadow root and save with Ctrl+Enter.
      const note = '<b>Bullish</b> & <img src=x onerror=alert(1)> watch capex';
      await page.type(note);
      await page.press('Control+Enter');
      await expect.poll(() => panelRect(page), { timeout: 5_000 }).toBeNull();
      const listed = await send<HighlightRecord[]>('listHighlights', { articleId: created.articleId });
      expect(listed.find((h) => h.id === created.id)?.note).toBe(note);
      expect(await page.evaluate(() => [document.querySelectorAll('b').length, document.querySelectorAll('img').length])).toEqual([bolds, 0]);

      // Reopen the editor; Tab from the note to tags, Save, Delete; Enter deletes; "Undo" takes the focus.
      await page.mouseClick(target.x, target.y);
      await expect.poll(() => panelRect(page), { timeout: 5_000 }).not.toBeNull();
      // The editor focuses its note once it has rendered: keys pressed before that go to the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 3_000 }).toBe('NEWSMARK-UI');
      for (const key of ['Tab', 'Tab', 'Tab', 'Enter']) await page.press(key);
      await expect.poll(() => markedTexts(page, 'newsmark-hl-pink'), { timeout: 5_000 }).toEqual([]);
      expect(await toastShown(page)).toBe(true);
      await page.press('Enter');
      await expect.poll(() => markedTexts(page, 'newsmark-hl-pink'), { timeout: 5_000 }).toEqual(['Satya Nadella told analysts']);
      const restored = await send<HighlightRecord[]>('listHighlights', { articleId: created.articleId });
      expect(restored.find((h) => h.id === created.id)).toMatchObject({ deleted: false, note });
      await page.close();
    });

    it('saves an article from the context menu path, with its metadata and companies', async () => {
      const page = await openArticle('/other');
      expect(await send<ArticleRecord | null>('getArticleByUrl', { url: server.url('/other') })).toBeNull();
      // What the "Save article to Newsmark" menu item's click handler sends to the tab.
      const saved = await send<ArticleRecord>('savePageArticle', {}, true);
      expect(saved).toMatchObject({ title: 'Markets wrap', byline: 'Jane Doe', language: 'en' });
      expect(saved.text).toContain(PARAGRAPHS[0]);
      expect(saved.companyIds.length).toBeGreaterThan(0);
      expect((await send<ArticleRecord | null>('getArticleByUrl', { url: server.url('/other') }))?.id).toBe(saved.id);
      expect((await send<PageHighlightsReport>('getPageHighlights', {}, true)).articleId).toBe(saved.id);
      await page.close();
    });

    it("tags from the toolbar: 'Tag' opens the tag box, a tag the reader uses is suggested and taken by keyboard", async () => {
      const page = await openArticle('/story');
      // A tag the reader already uses, on the saved article.
      const article = (await send<ArticleRecord | null>('getArticleByUrl', { url: server.url('/story') }))!;
      await send('updateArticle', { id: article.id, changes: { tags: ['buybacks'] } });
      await selectText(page, 'share buyback of up to');
      await expect.poll(() => panelRect(page), { timeout: 5_000 }).not.toBeNull();
      // 'Tag' is the toolbar's last button: 1px border and 4px padding from its right edge.
      const toolbar = (await panelRect(page))!;
      await page.mouseClick(toolbar.left + toolbar.width - 5 - 12, toolbar.top + toolbar.height / 2);
      await expect.poll(() => markedTexts(page, 'newsmark-hl-yellow'), { timeout: 5_000 }).toContain('share buyback of up to');
      // The editor opens with the focus in its tag box: type the start of the tag, Tab to the suggestion, take it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 3_000 }).toBe('NEWSMARK-UI');
      await page.type('buy');
      await page.press('Tab');
      await page.press('Enter');
      await page.press('Control+Enter');
      await expect.poll(() => panelRect(page), { timeout: 5_000 }).toBeNull();
      const listed = await send<HighlightRecord[]>('listHighlights', { articleId: article.id });
      expect(listed.find((h) => h.quote === 'share buyback of up to')?.tags).toEqual(['buybacks']);
      await page.close();
    });
  });
}
