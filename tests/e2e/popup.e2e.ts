/**
 * The popup on a real article in Chromium and Firefox ESR: save it, see its companies and
 * figures (a click shows one on the page), add a highlight, edit its note, jump to it; a page
 * that is not an article is marked only after "Mark this page"; related coverage from a feed
 * the reader subscribed to; axe-core finds no serious or critical violation in the popup or
 * the options page. The reader's clicks and typing in the popup are real input (each button
 * checked on screen, then clicked with the mouse; the note typed on the keyboard); highlights
 * and feeds are set up through the background's messages.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared, hasShared } from '../support/shared-corpus';
import { startPageServer, type PageServer } from './support/server';
import { axeViolations, findTabId, send, tabNotMarked, waitFor } from './support/extension-ui';
import { ABOUT_TITLE, aboutPage } from './support/pages';
import { chromiumReader, clickOn, firefoxReader, scrollToWithWheel, type ReaderPage, type ReaderSession } from './support/reader';
import { markCounts } from './support/marks';
import { popupAddress } from '../../lib/messaging/popup-address';

const TITLE = 'Huawei';
const QUOTE = 'Huawei';
let server: PageServer;
let feedServer: Server;
let feedUrl: string;

/** Other outlets' coverage of the seed article's story, and one item about something else. */
const RELATED_TITLES = ['Huawei commits $111 million to AI research with European universities', 'Huawei AI investment in Europe targets policy and curricula'];
const UNRELATED_TITLE = 'Walmart to start buying and selling used video games';
const RELATED_PAGE_TITLE = 'Related check';

function relatedFeed(): string {
  const item = (title: string, link: string) => `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date().toUTCString()}</pubDate></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire roundup</title><link>https://wire.example/</link>
${item(RELATED_TITLES[0]!, 'https://ledger.example/2026/huawei-ai-europe')}${item(RELATED_TITLES[1]!, 'https://tribune.example/tech/huawei-ai-europe')}${item(UNRELATED_TITLE, 'https://ledger.example/2026/walmart-games')}
</channel></rss>`;
}

/** The feed on its own 127.0.0.1 server: the background fetches it cross-origin, so it allows any origin. */
async function startFeedServer(body: string): Promise<Server> {
  const feed = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'access-control-allow-origin': '*' }).end(body));
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  return feed;
}


beforeAll(async () => {
  if (!hasShared) return;
  const seed = readFileSync(resolve('../shared/fixtures/caixin-huawei-ai.html'));
  // The same story at another address and title: an article whose related coverage no earlier test looked up (and cached).
  const relatedSeed = seed.toString('utf8').replaceAll('Huawei’s $111 Million', `${RELATED_PAGE_TITLE}: Huawei’s $111 Million`);
  server = await startPageServer({ '/seed': seed, '/about': aboutPage(), '/seed-related': relatedSeed });
  feedServer = await startFeedServer(relatedFeed());
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
});
afterAll(async () => {
  await server?.close();
  await new Promise<void>((done) => (feedServer ? feedServer.close(() => done()) : done()));
});

/** Scrolls the element into view with the mouse wheel if it is below the fold, checks it is on screen, and clicks it with the mouse. */
async function click(page: ReaderPage, selector: string): Promise<void> {
  await scrollToWithWheel(page, selector);
  await clickOn(page, selector);
}

interface ArticleShape { id: string; text: string }


/** In an extension page: tab `tabId`'s toolbar button once the background has addressed its popup to the tab. */
async function toolbarButton({ tabId, address }: { tabId: number; address: string }): Promise<{ badge: string; popup: string } | null> {
  type Api = { action: { getBadgeText(d: { tabId: number }): Promise<string>; getPopup(d: { tabId: number }): Promise<string> } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const { action } = g.browser ?? g.chrome;
  const [badge, popup] = await Promise.all([action.getBadgeText({ tabId }), action.getPopup({ tabId })]);
  return popup.endsWith(`/${address}`) ? { badge, popup } : null;
}

for (const makeSession of [chromiumReader, firefoxReader]) {
  describeWithShared(makeSession === chromiumReader ? 'Chromium' : 'Firefox ESR', () => {
    let ui: ReaderSession;
    beforeAll(async () => {
      ui = await makeSession();
    });
    afterAll(() => ui?.close());

    it('saves the article, lists its entities and highlights, edits a note and jumps to the highlight; no axe violations', async () => {
      const url = server.url('/seed');
      const tab = await ui.openPage(url);
      const helper = await ui.openExtensionPage('options.html');
      const tabId = await findTabId(helper, TITLE);
      // The tab's toolbar button: its badge counts the marks, and its popup is addressed to the tab.
      const button = (await waitFor(helper, toolbarButton, { tabId, address: popupAddress(tabId) }))!;
      const marks = Object.values(await markCounts(tab)).reduce((sum, n) => sum + n, 0);
      expect(marks).toBeGreaterThan(0);
      expect(button.badge).toBe(String(marks));
      // The popup at that address. A toolbar click would let it see the tab's URL (activeTab);
      // a test cannot click the toolbar, so the URL is named as well.
      const popup = await ui.openExtensionPage(popupAddress(tabId, url));
      await waitFor(popup, () => document.querySelector('main')?.getAttribute('data-ready') === 'true');
      expect(await popup.evaluate(() => document.querySelector('[data-testid="page-status"]')?.getAttribute('data-article'))).toBe('true');
      expect(await popup.evaluate(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-saved'))).toBe('false');
      // Its styles come inside its script (no stylesheet of its own): they are applied.
      expect(await popup.evaluate(() => getComputedStyle(document.querySelector('main')!).width)).toBe('360px');
      expect(await axeViolations(popup)).toEqual([]);

      await click(popup, '[data-testid="save"]');
      await waitFor(popup, () => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-saved') === 'true');

      // A highlight as the page's toolbar would make it, through the background.
      const article = await send<ArticleShape>(helper, 'getArticleByUrl', { url });
      const start = article.text.indexOf(QUOTE);
      const end = start + QUOTE.length;
      await send(helper, 'addHighlight', {
        articleId: article.id,
        colour: 'green',
        selectors: [
          { type: 'TextQuoteSelector', exact: QUOTE, prefix: article.text.slice(Math.max(0, start - 32), start), suffix: article.text.slice(end, end + 32) },
          { type: 'TextPositionSelector', start, end },
        ],
      });
      await waitFor(popup, () => document.querySelectorAll('[data-testid="highlight"]').length === 1);

      // Edit the note in the popup, typed on the keyboard: markup and a javascript: link stay text.
      const note = 'Check <b>this</b> javascript:alert(1)';
      await click(popup, '[data-testid="edit-note"]');
      await waitFor(popup, () => document.activeElement?.getAttribute('data-testid') === 'note-input');
      await popup.type(note);
      await click(popup, '[data-testid="save-note"]');
      expect(await waitFor(popup, () => document.querySelector('[data-testid="highlight-note"]')?.textContent)).toBe(note);
      expect(await popup.evaluate(() => document.querySelectorAll('[data-testid="highlight-note"] *').length)).toBe(0);
      const stored = await send<{ note: string }[]>(helper, 'listHighlights', { articleId: article.id });
      expect(stored.map((h) => h.note)).toEqual([note]);

      // Companies found on the page; a click shows one there (its card opens).
      const companies = await popup.evaluate(() => [...document.querySelectorAll('[data-testid="companies"] button')].map((b) => b.textContent ?? ''));
      expect(companies.some((c) => c.includes('Huawei'))).toBe(true);
      await click(popup, '[data-testid="companies"] button');
      // (Newsmark's page UI hosts are hidden until used: the card's host is the one shown.)
      await waitFor(tab, () => [...document.querySelectorAll('newsmark-ui')].some((host) => getComputedStyle(host).display === 'block'));

      // Jump to it: the page selects the highlighted text.
      await click(popup, '[data-testid="jump"]');
      expect(await waitFor(tab, () => getSelection()?.toString() || null)).toBe(QUOTE);

      // Related coverage: a section with an honest state even with no sources answering.
      expect(await popup.evaluate(() => !!document.querySelector('#related-title'))).toBe(true);
      expect(await axeViolations(popup)).toEqual([]);

      const options = await ui.openExtensionPage('options.html');
      await waitFor(options, () => !!document.querySelector('[data-testid="marking-options"]') && !!document.querySelector('[data-testid="privacy-note"]'));
      expect(await axeViolations(options)).toEqual([]);
    });

    it('marks a page that is not an article only after "Mark this page" in the popup, and says how many', async () => {
      const url = server.url('/about');
      const tab = await ui.openPage(url);
      const helper = await ui.openExtensionPage('options.html');
      const tabId = (await waitFor(helper, tabNotMarked, ABOUT_TITLE, 15_000))!;
      const popup = await ui.openExtensionPage(popupAddress(tabId, url));
      await waitFor(popup, () => document.querySelector('main')?.getAttribute('data-ready') === 'true');
      expect(await popup.evaluate(() => document.querySelector('[data-testid="page-status"]')?.getAttribute('data-article'))).toBe('false');
      expect(await popup.evaluate(() => !!document.querySelector('[data-testid="mark-page"]'))).toBe(true);
      expect(await markCounts(tab)).toEqual({});
      expect(await axeViolations(popup)).toEqual([]);

      await click(popup, '[data-testid="mark-page"]');
      const count = Number(await waitFor(popup, () => document.querySelector('[data-testid="mark-count"]')?.getAttribute('data-count')));
      expect(count).toBeGreaterThan(0);
      const painted = Object.values(await markCounts(tab)).reduce((a, b) => a + b, 0);
      expect(painted).toBe(count);
      // The companies found are listed, as on an article.
      const companies = await waitFor(popup, () => [...document.querySelectorAll('[data-testid="companies"] button')].map((b) => b.textContent ?? '').join('|') || null);
      expect(companies).toContain('Huawei');
      expect(await axeViolations(popup)).toEqual([]);
    });

    it('shows related coverage from a feed the reader subscribed to, served on 127.0.0.1', async () => {
      const url = server.url('/seed-related');
      await ui.openPage(url);
      const helper = await ui.openExtensionPage('options.html');
      const tabId = await findTabId(helper, RELATED_PAGE_TITLE);
      // As the options page's "Add feed" does: subscribed through the background, which fetches it once.
      const subscription = await send<{ title: string }>(helper, 'addFeed', { url: feedUrl });
      expect(subscription.title).toBe('Wire roundup');
      const popup = await ui.openExtensionPage(popupAddress(tabId, url));
      const items = await waitFor(popup, () => {
        const links = [...document.querySelectorAll('[data-testid="related-item"] a')].map((a) => a.textContent ?? '');
        return links.length ? links : null;
      }, undefined, 20_000);
      expect([...items].sort()).toEqual([...RELATED_TITLES].sort());
      expect(await popup.evaluate(() => document.querySelector('[data-testid="related-errors"]'))).toBeNull();
      expect(await axeViolations(popup)).toEqual([]);
    });
  });
}
