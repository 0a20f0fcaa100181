/**
 * Hostile and odd pages, in Chromium and Firefox ESR: the content script still marks the
 * article, never logs a failure, never throws into the page, and leaves the page working.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared, hasShared } from '../support/shared-corpus';
import { startPageServer, type PageServer } from './support/server';
import { chromiumDriver, firefoxDriver, type Driver, type DriverPage } from './support/driver';
import { caixinArticlePage } from './support/pages';
import {
  fakeExtensionGlobalsPage, hugeDomPage, redefinedBuiltinsPage, shadowAndIframePage, shadowRootArticlePage, SHORT_STORY, spaHomePage, STRICT_CSP,
} from './support/hostile-pages';
import { markCounts, markLineBox, markedTexts } from './support/marks';
import { expectBesideAndVisible, waitForUi } from './support/seen';

let server: PageServer;
beforeAll(async () => {
  if (!hasShared) return;
  server = await startPageServer({
    '/plain': caixinArticlePage(),
    '/huge': hugeDomPage(),
    '/builtins': { body: redefinedBuiltinsPage(), csp: "script-src 'unsafe-inline'" },
    '/strict-csp': { body: caixinArticlePage(), csp: STRICT_CSP },
    '/shadow-iframe': shadowAndIframePage(),
    '/late': caixinArticlePage(),
    '/spa': caixinArticlePage(),
    '/clears-highlights': caixinArticlePage(),
    '/forged-events': caixinArticlePage(),
    '/shadow-article': shadowRootArticlePage(),
    '/globals': { body: fakeExtensionGlobalsPage(), csp: "script-src 'unsafe-inline'" },
    '/spa-home': spaHomePage(),
  });
});
afterAll(() => server?.close());

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function waitForTotal(page: DriverPage, atLeast: number, timeoutMs = 20_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let counts = await markCounts(page);
  while (total(counts) < atLeast && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    counts = await markCounts(page);
  }
  return counts;
}

/** Nothing Newsmark logs means nothing failed: it reports its own failures with a "[newsmark]" prefix. */
function newsmarkMessages(page: DriverPage): string[] {
  return page.consoleMessages().filter((m) => /newsmark/i.test(m));
}

for (const makeDriver of [chromiumDriver, firefoxDriver]) {
  describeWithShared(makeDriver === chromiumDriver ? 'Chromium' : 'Firefox ESR', () => {
    let driver: Driver;
    let plain: Record<string, number>;
    beforeAll(async () => {
      driver = await makeDriver();
      const page = await driver.openPage(server.url('/plain'));
      plain = await waitForTotal(page, 1);
      await new Promise((r) => setTimeout(r, 500));
      plain = await markCounts(page);
      await page.close();
    });
    afterAll(() => driver?.close());

    it('marks the article under a 100,000-node comment section', async () => {
      const page = await driver.openPage(server.url('/huge'));
      expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(100_000);
      expect(await waitForTotal(page, total(plain))).toEqual(plain);
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it('is not fooled by a page that redefines Array, JSON, Node, Document and MutationObserver', async () => {
      const page = await driver.openPage(server.url('/builtins'));
      // The content script runs against the broken environment; the page mends it 2.5 s later.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(await page.evaluate(() => (window as unknown as { __mended?: boolean }).__mended)).toBe(true);
      expect(await waitForTotal(page, total(plain))).toEqual(plain);
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it('marks and shows a styled card under the strictest CSP', async () => {
      const page = await driver.openPage(server.url('/strict-csp'));
      expect(await waitForTotal(page, total(plain))).toEqual(plain);
      // The card is placed by its own stylesheet's rules, which the page's CSP must not block.
      const words = await markLineBox(page, 'newsmark-tint-money');
      await page.mouseMove(words.left + Math.min(words.width / 2, 12), words.top + words.height / 2, 2);
      const card = await waitForUi(page, 'card');
      expect(card.width).toBe(280);
      await expectBesideAndVisible(page, card, words);
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it('leaves text in shadow roots and iframes alone', async () => {
      const page = await driver.openPage(server.url('/shadow-iframe'));
      expect(await waitForTotal(page, total(plain))).toEqual(plain);
      const money = await markedTexts(page, 'newsmark-tint-money');
      expect(money.some((t) => t.includes('$5 billion') || t.includes('$7 billion'))).toBe(false);
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it('marks paragraphs that arrive late, and survives text changing while it marks', async () => {
      const page = await driver.openPage(server.url('/late'));
      await waitForTotal(page, total(plain));
      await page.evaluate(() => {
        const article = document.querySelector('.article-body')!;
        const p = document.createElement('p');
        p.textContent = 'Separately, Siemens Energy AG said it would spend €3.2 billion on new converter stations, up 14% on last year.';
        article.append(p);
        // Text churning under the marker: rewrite a paragraph many times in quick succession.
        const victim = article.querySelector('p');
        let n = 0;
        const timer = setInterval(() => {
          if (victim) victim.textContent = `Huawei Technologies invested ${n} million euros, rewrite ${n}.`;
          if (++n > 40) clearInterval(timer);
        }, 20);
      });
      await expect.poll(async () => (await markedTexts(page, 'newsmark-tint-money')).includes('€3.2 billion'), { timeout: 10_000 }).toBe(true);
      await new Promise((r) => setTimeout(r, 1_500));
      for (const name of ['newsmark-tint-money', 'newsmark-tint-company', 'newsmark-tint-percent']) {
        for (const text of await markedTexts(page, name)) expect(text.trim()).not.toBe('');
      }
      expect(await markedTexts(page, 'newsmark-tint-money')).toContain('40 million euros');
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it('starts over on a single-page-app navigation', async () => {
      const page = await driver.openPage(server.url('/spa'));
      await waitForTotal(page, total(plain));
      await page.evaluate(() => {
        history.pushState({}, '', '/spa/next-story');
        const article = document.querySelector('.article-body')!;
        const h1 = document.querySelector('h1');
        if (h1) h1.textContent = 'Nordwind Energy buys Baltic grid';
        for (const p of [...article.querySelectorAll('p')]) p.remove();
        const body = 'Nordwind Energy A/S agreed to buy Baltic Grid Holdings for €2.4 billion, a 27% premium. '.repeat(3);
        for (let i = 0; i < 6; i++) {
          const p = document.createElement('p');
          p.textContent = `${body} Paragraph ${i + 1} adds that about 35,000 shareholders hold the stock.`;
          article.append(p);
        }
      });
      await expect.poll(async () => (await markedTexts(page, 'newsmark-tint-money')).filter((t) => t === '€2.4 billion').length, { timeout: 10_000 }).toBe(18);
      expect(await markedTexts(page, 'newsmark-tint-money')).not.toContain('$111 million');
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });
    it('puts its marks back within a second when the page empties CSS.highlights', async () => {
      const page = await driver.openPage(server.url('/clears-highlights'));
      await waitForTotal(page, total(plain));
      // No DOM change goes with it: a mutation observer sees nothing.
      await page.evaluate(() => CSS.highlights.clear());
      expect(total(await markCounts(page))).toBe(0);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await markCounts(page)).toEqual(plain);
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it("cannot be switched off by a page that forges WXT's content-script-started event with the extension's id", async () => {
      const options = await driver.openExtensionPage('options.html');
      const extensionId = await options.evaluate(() => {
        const g = globalThis as unknown as { browser?: { runtime: { id: string } }; chrome: { runtime: { id: string } } };
        return (g.browser ?? g.chrome).runtime.id;
      });
      await options.close();
      const page = await driver.openPage(server.url('/forged-events'));
      await waitForTotal(page, total(plain));
      await page.evaluate((id) => {
        for (const name of ['content', 'first-stage', 'pipeline']) {
          const type = `${id}:${name}:wxt:content-script-started`;
          document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'forged' } }));
          window.postMessage({ type, contentScriptName: name, messageId: 'forged' }, '*');
        }
      }, extensionId);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await markCounts(page)).toEqual(plain);
      // Still on: late content is still marked.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Separately, Siemens Energy AG said it would spend €3.2 billion on new converter stations, up 14% on last year.';
        document.querySelector('.article-body')!.append(p);
      });
      await expect.poll(async () => (await markedTexts(page, 'newsmark-tint-money')).includes('€3.2 billion'), { timeout: 10_000 }).toBe(true);
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it('marks an article that lives in an open shadow root', async () => {
      const page = await driver.openPage(server.url('/shadow-article'));
      expect(await page.evaluate(() => document.querySelector('news-story')?.shadowRoot?.querySelectorAll('p').length ?? 0)).toBeGreaterThan(3);
      expect(await waitForTotal(page, total(plain))).toEqual(plain);
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it('takes a short story an SPA renders after navigating from a page the first stage stopped', async () => {
      const page = await driver.openPage(server.url('/spa-home'));
      await new Promise((r) => setTimeout(r, 1_500));
      expect(total(await markCounts(page))).toBe(0);
      await page.evaluate((paragraphs) => {
        history.pushState({}, '', '/spa-home/energy/2026/03/nordwind-baltic-grid');
        // The app renders the story a moment after the address changed, claims included.
        setTimeout(() => {
          const ld = document.createElement('script');
          ld.type = 'application/ld+json';
          ld.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Nordwind Energy buys Baltic Grid', datePublished: '2026-03-03T09:00:00Z' });
          const og = document.createElement('meta');
          og.setAttribute('property', 'og:type');
          og.setAttribute('content', 'article');
          document.head.append(ld, og);
          document.title = 'Nordwind Energy buys Baltic Grid';
          const app = document.getElementById('app')!;
          app.replaceChildren();
          const article = document.createElement('article');
          const h1 = document.createElement('h1');
          h1.textContent = 'Nordwind Energy buys Baltic Grid';
          article.append(h1, ...paragraphs.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
          app.append(article);
        }, 300);
      }, SHORT_STORY);
      await expect.poll(async () => await markedTexts(page, 'newsmark-tint-money'), { timeout: 10_000 }).toContain('€2.4 billion');
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });

    it("is not misled by a page's own chrome and browser globals or a broken Function.prototype.toString", async () => {
      const page = await driver.openPage(server.url('/globals'));
      expect(await waitForTotal(page, total(plain))).toEqual(plain);
      expect(newsmarkMessages(page)).toEqual([]);
      await page.close();
    });
  });
}
