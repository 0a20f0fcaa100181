/**
 * `npm run demo`: builds the Chrome extension, serves a built-in sample business article
 * on 127.0.0.1, opens it in Chromium with Newsmark loaded (headless when there is no
 * display) and leaves screenshots of the article, the popup and the library in demo-output/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/support/chromium';
import { startPageServer } from '../tests/e2e/support/server';
import { readPopupStatus } from '../tests/e2e/support/popup';
import { findTabId, type UiPage } from '../tests/e2e/support/extension-ui';
import { markCentre, waitForMarks } from '../tests/e2e/support/marks';
import { popupAddress } from '../lib/messaging/popup-address';

const OUTPUT = resolve('demo-output');
const ARTICLE_PATH = '/business/2026/11/24/nordwind-baltic-grid-takeover';

async function main(): Promise<void> {
  console.log('Building the extension…');
  execSync('npx wxt build', { stdio: 'ignore' });
  mkdirSync(OUTPUT, { recursive: true });

  const server = await startPageServer({ [ARTICLE_PATH]: readFileSync(resolve('scripts/demo/sample-article.html'), 'utf8') });
  const session = await launchChromium(undefined, { headless: !process.env.DISPLAY });
  try {
    const article = await session.newPage();
    await article.setViewportSize({ width: 1280, height: 900 });
    await article.goto(server.url(ARTICLE_PATH));

    const popup = await session.newPage();
    await popup.setViewportSize({ width: 380, height: 420 });
    const status = await readPopupStatus(popup, session.extensionUrl(`popup.html?url=${encodeURIComponent(server.url(ARTICLE_PATH))}`));

    await article.bringToFront();
    const counts = await waitForMarks(article);
    console.log(`Marks on the article: ${JSON.stringify(counts)}`);
    // Hover a figure so the screenshot shows its card.
    const target = (await markCentre(article, 'newsmark-tint-money', 0)) ?? (await markCentre(article, 'newsmark-tint-company', 0));
    if (target) {
      await article.mouse.move(target.x, target.y);
      await article.waitForTimeout(600);
    }
    await article.screenshot({ path: resolve(OUTPUT, 'article.png') });
    // The popup as the toolbar button opens it: for the article's tab, with its companies and figures.
    const tabId = await findTabId(popup as unknown as UiPage, status.title);
    await popup.goto(session.extensionUrl(popupAddress(tabId, server.url(ARTICLE_PATH))));
    await popup.waitForSelector('[data-testid="entity"]', { timeout: 15_000 });
    await popup.screenshot({ path: resolve(OUTPUT, 'popup.png'), fullPage: true });
    // The library page: save the article first (through the background) so it has something to show.
    const articleText = await article.evaluate(() => document.querySelector('article')?.textContent ?? document.body.innerText);
    await popup.evaluate(
      ({ url, text }) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
        const title = document.querySelector('[data-testid="page-title"]')?.textContent ?? url;
        return runtime.sendMessage({ newsmark: 1, type: 'saveArticle', data: { url, title, text } });
      },
      { url: server.url(ARTICLE_PATH), text: articleText },
    );
    const library = await session.newPage();
    await library.setViewportSize({ width: 1100, height: 800 });
    await library.goto(session.extensionUrl('library.html'));
    await library.waitForSelector('[data-testid="library-entry"]', { timeout: 15_000 });
    await library.screenshot({ path: resolve(OUTPUT, 'library.png') });
    console.log(`Popup: "${status.title}" (article: ${status.isArticle})`);
    console.log(`Screenshots in ${OUTPUT}: article.png, popup.png, library.png`);
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error('Demo failed:', error);
  process.exit(1);
});
