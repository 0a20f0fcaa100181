/**
 * Least privilege, in both browsers, with the build as a reader installs it: installing asks
 * for no web site, the first-run page opens by itself, and an article on a site the reader did
 * not choose is left alone (no first stage, no mark). Then the reader's ways in, each with real
 * clicks: the popup's "Mark articles on this site", the first-run page's "Every site" and "Only
 * when I ask", and the options' site list, whose Remove takes the marks off open pages.
 *
 * Firefox grants what a click asks for as the reader's Allow would (its prompt is turned off
 * for tests: see support/firefox.ts). Chromium's permission dialog cannot be answered from a
 * test: there the grant is the one a build declares (the test server's site, see
 * support/extension.ts), which the options' Remove takes away like any other.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from './support/server';
import { SAMPLE_ARTICLE } from './support/article-pages';
import { waitFor } from './support/extension-ui';
import { markCounts, waitForMarks } from './support/marks';
import { chromiumReader, clickOn, everyTabUrl, expectOnScreen, firefoxReader, shoot, type ReaderPage, type ReaderSession } from './support/reader';
import { popupAddress } from '../../lib/messaging/popup-address';

let server: PageServer;

beforeAll(async () => {
  server = await startPageServer({ '/article': SAMPLE_ARTICLE, '/second': SAMPLE_ARTICLE.replace('<title>', '<title>Second: ') });
});
afterAll(() => server?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const totalMarks = async (page: ReaderPage) => Object.values(await markCounts(page)).reduce((sum, n) => sum + n, 0);

/** Long enough for the first stage and the pipeline to have marked the page, had they run. */
const UNMARKED_WAIT_MS = 3000;

/**
 * In an extension page: the id of the newest web page's tab (the page just opened). The extension
 * sees its own pages' addresses (the first-run page may open after the article) and no other's.
 */
async function newestOtherTab(helper: ReaderPage): Promise<number> {
  return helper.evaluate(async () => {
    type Api = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const tabs = await (g.browser ?? g.chrome).tabs.query({});
    return Math.max(...tabs.filter((tab) => !tab.url?.startsWith(location.origin)).map((tab) => tab.id ?? -1));
  });
}

/** In an extension page: what the extension's manifest asks for. */
function manifestAsks(): { hosts: string[]; optional: string[]; contentScripts: number } {
  type Manifest = { host_permissions?: string[]; optional_host_permissions?: string[]; content_scripts?: unknown[] };
  type Api = { runtime: { getManifest(): Manifest } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const manifest = (g.browser ?? g.chrome).runtime.getManifest();
  return { hosts: manifest.host_permissions ?? [], optional: manifest.optional_host_permissions ?? [], contentScripts: manifest.content_scripts?.length ?? 0 };
}

for (const [name, makeSession] of [['Chromium', chromiumReader], ['Firefox ESR', firefoxReader]] as const) {
  describe(`${name}, as installed`, () => {
    let ui: ReaderSession;
    const opened: ReaderPage[] = [];
    const open = async (page: Promise<ReaderPage>) => {
      const p = await page;
      opened.push(p);
      return p;
    };
    beforeAll(async () => {
      ui = await makeSession({ asShipped: true });
    });
    afterAll(() => ui?.close());
    afterEach(async () => {
      for (const page of opened.splice(0)) await page.close().catch(() => undefined);
    });

    it('asks for no web site; opens the first-run page; leaves an article on a site not chosen alone; the popup offers the site', async () => {
      const url = server.url('/article');
      const article = await open(ui.openPage(url));
      const options = await open(ui.openExtensionPage('options.html'));
      expect(await waitForWelcomeTab(ui, options)).toMatch(/\/welcome\.html$/);
      expect(await options.evaluate(manifestAsks)).toEqual({ hosts: ['https://www.ecb.europa.eu/*'], optional: ['http://*/*', 'https://*/*'], contentScripts: 0 });
      expect(await waitFor(options, () => document.querySelector('[data-testid="sites-none"]')?.textContent)).toBe('No site: Newsmark marks a page only when you ask.');
      await sleep(UNMARKED_WAIT_MS);
      expect(await totalMarks(article)).toBe(0);

      const tabId = await newestOtherTab(options);
      const popup = await open(ui.openExtensionPage(popupAddress(tabId, url)));
      const offer = await waitFor(popup, () => document.querySelector('[data-testid="site-access"]')?.textContent);
      expect(offer).toContain('Newsmark does not read 127.0.0.1.');
      // The offer says why nothing is marked; no line tells the reader to reload the page.
      expect(await popup.evaluate(() => document.body.innerText)).not.toContain('Reload it');
      await expectOnScreen(popup, '[data-testid="grant-site"]');
      await expectOnScreen(popup, '[data-testid="site-access"] [data-testid="mark-page"]');
      await shoot(popup, `least-privilege-popup-offer-${ui.name}`);
    });

    it('"Only when I ask" on the first-run page: said, and still nothing marked', async () => {
      const welcome = await open(ui.openExtensionPage('welcome.html'));
      // Clicked once the page has read what is marked now, as a reader clicks a page that has settled.
      await waitFor(welcome, () => (document.querySelector('[data-testid="welcome-now"]')?.textContent ?? '') !== '');
      await clickOn(welcome, '[data-testid="choose-none"]');
      expect(await waitFor(welcome, () => document.querySelector('[data-testid="welcome-now"]')?.textContent?.endsWith('close this page.') && document.querySelector('[data-testid="welcome-now"]')!.textContent)).toBe('Newsmark marks a page only when you ask, from its toolbar popup. You can close this page.');
      await shoot(welcome, `least-privilege-welcome-${ui.name}`);
      const article = await open(ui.openPage(server.url('/second')));
      await sleep(UNMARKED_WAIT_MS);
      expect(await totalMarks(article)).toBe(0);
    });

    if (name === 'Firefox ESR') {
      it('"Mark articles on this site" in the popup: the open article is marked at once and on its next visit; Remove in the options takes the marks off', async () => {
        const url = server.url('/article');
        const article = await open(ui.openPage(url));
        const options = await open(ui.openExtensionPage('options.html'));
        const tabId = await newestOtherTab(options);
        const popup = await open(ui.openExtensionPage(popupAddress(tabId, url)));
        await waitFor(popup, () => document.querySelector('[data-testid="grant-site"]') !== null);
        await clickOn(popup, '[data-testid="grant-site"]');
        expect(await waitFor(popup, () => document.querySelector('[data-testid="site-granted"]')?.textContent)).toBe('Newsmark marks articles on 127.0.0.1 from now on.');
        await waitForMarks(article);
        const companies = await waitFor(popup, () => [...document.querySelectorAll('[data-testid="companies"] button')].map((b) => b.textContent ?? '').join(' | ') || null);
        expect(companies).toContain('Nordwind Energy');
        const again = await open(ui.openPage(server.url('/second')));
        await waitForMarks(again);

        // The options list the site; Remove takes the marks off both open pages.
        await options.evaluate(() => location.reload());
        await waitFor(options, () => document.querySelector('[data-testid="site"]')?.textContent?.includes('http://127.0.0.1'));
        await clickOn(options, '[data-testid="remove-site"]');
        expect(await waitFor(options, () => document.querySelector('[data-testid="site-removed"]')?.textContent)).toContain('Removed http://127.0.0.1.');
        await waitFor(article, () => [...CSS.highlights.keys()].every((key) => !key.startsWith('newsmark-') || CSS.highlights.get(key)!.size === 0));
        expect(await totalMarks(again)).toBe(0);
        const later = await open(ui.openPage(server.url('/article')));
        await sleep(UNMARKED_WAIT_MS);
        expect(await totalMarks(later)).toBe(0);
      });

      it('"Every site" on the first-run page marks articles anywhere, listed as one entry in the options; taken away in the browser, the marks leave', async () => {
        const welcome = await open(ui.openExtensionPage('welcome.html'));
        await waitFor(welcome, () => (document.querySelector('[data-testid="welcome-now"]')?.textContent ?? '') !== '');
        await clickOn(welcome, '[data-testid="choose-every"]');
        expect(await waitFor(welcome, () => document.querySelector('[data-testid="welcome-now"]')?.textContent?.endsWith('close this page.') && document.querySelector('[data-testid="welcome-now"]')!.textContent)).toBe('Newsmark marks articles on every site. You can close this page.');
        const article = await open(ui.openPage(server.url('/article')));
        await waitForMarks(article);
        const options = await open(ui.openExtensionPage('options.html'));
        expect(await waitFor(options, () => [...document.querySelectorAll('[data-testid="site"] span')].map((e) => e.textContent).join('|') || null)).toBe('Every site');
        // The grant revoked as the browser's own settings revoke it (not through Newsmark's options).
        await options.evaluate(() => (globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }).browser.permissions.remove({ origins: ['http://*/*', 'https://*/*'] }));
        await waitFor(article, () => [...CSS.highlights.keys()].every((key) => !key.startsWith('newsmark-') || CSS.highlights.get(key)!.size === 0));
        await options.evaluate(() => location.reload());
        expect(await waitFor(options, () => document.querySelector('[data-testid="sites-none"]')?.textContent)).toBe('No site: Newsmark marks a page only when you ask.');
      });
    } else {
      it('Remove in the options takes a granted site away: the open page loses its marks, the next visit is not marked', async () => {
        // A session whose build declares the test server's site: granted at install, as a reader's "Allow" would.
        const granted = await chromiumReader();
        try {
          const article = await granted.openPage(server.url('/article'));
          await waitForMarks(article);
          const options = await granted.openExtensionPage('options.html');
          await waitFor(options, () => document.querySelector('[data-testid="site"]')?.textContent?.includes('http://127.0.0.1'));
          await clickOn(options, '[data-testid="remove-site"]');
          expect(await waitFor(options, () => document.querySelector('[data-testid="site-removed"]')?.textContent)).toContain('Removed http://127.0.0.1.');
          await waitFor(article, () => [...CSS.highlights.keys()].every((key) => !key.startsWith('newsmark-') || CSS.highlights.get(key)!.size === 0));
          const later = await granted.openPage(server.url('/second'));
          await sleep(UNMARKED_WAIT_MS);
          expect(await totalMarks(later)).toBe(0);
        } finally {
          await granted.close();
        }
      });
    }
  });
}

/** Waits (up to 15 s) for the first-run page's tab; answers its address. */
async function waitForWelcomeTab(ui: ReaderSession, helper: ReaderPage): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const tabs = await everyTabUrl(ui, helper);
    const found = tabs.find((url) => /\/welcome\.html$/.test(url));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No first-run page among the open tabs: ${tabs.join(', ')}`);
    await sleep(200);
  }
}
