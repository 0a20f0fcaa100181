/**
 * The foundation end to end, in both browsers: the content script runs on a served page,
 * reports to the background, the background stores the visit in IndexedDB, and the popup
 * renders what it reads back from there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from './support/server';
import { chromiumUi, firefoxUi, type UiSession } from './support/extension-ui';
import { caixinArticlePage, sectionFrontPage } from './support/pages';

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ '/caixin/huawei-ai': caixinArticlePage(), '/markets': sectionFrontPage() });
});
afterAll(() => server.close());

interface PopupStatus {
  title: string;
  isArticle: string | null;
}

/**
 * Opens the popup for `url` until it shows the visit the background stored: the content
 * script reports asynchronously, so a popup opened too early shows nothing yet.
 */
async function popupStatus(ui: UiSession, url: string, timeoutMs = 20_000): Promise<PopupStatus> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const popup = await ui.openExtensionPage(`popup.html?url=${encodeURIComponent(url)}`);
    for (const until = Date.now() + 3_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      const status = await popup.evaluate(() => {
        const el = document.querySelector('[data-testid="page-status"]');
        return el ? { title: document.querySelector('[data-testid="page-title"]')?.textContent ?? '', isArticle: el.getAttribute('data-article') } : null;
      });
      if (status?.isArticle != null) {
        await popup.close();
        return status;
      }
    }
    await popup.close();
  }
  throw new Error(`The popup never showed a stored visit for ${url}`);
}

for (const makeSession of [chromiumUi, firefoxUi]) {
  describe(makeSession === chromiumUi ? 'Chromium' : 'Firefox ESR', () => {
    let ui: UiSession;
    beforeAll(async () => {
      ui = await makeSession();
    });
    afterAll(() => ui?.close());

    it('reports an article page and the popup shows it from the database', async () => {
      await ui.openPage(server.url('/caixin/huawei-ai'));
      const status = await popupStatus(ui, server.url('/caixin/huawei-ai'));
      expect(status.title).toContain('Huawei’s $111 Million AI Investment');
      expect(status.isArticle).toBe('true');
    });

    it('reports a section front as not an article', async () => {
      await ui.openPage(server.url('/markets'));
      const status = await popupStatus(ui, server.url('/markets'));
      expect(status.title).toBe('Markets');
      expect(status.isArticle).toBe('false');
    });
  });
}
