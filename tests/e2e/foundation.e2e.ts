/**
 * The foundation end to end, in both browsers: the content script runs on a served page,
 * reports to the background, the background stores the visit in IndexedDB, and the popup
 * renders what it reads back from there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from './support/server';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { caixinArticlePage, sectionFrontPage } from './support/pages';
import { readPopupStatus } from './support/popup';

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ '/caixin/huawei-ai': caixinArticlePage(), '/markets': sectionFrontPage() });
});
afterAll(() => server.close());

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(() => session?.close());

  it('reports an article page and the popup shows it from the database', async () => {
    const page = await session.newPage();
    await page.goto(server.url('/caixin/huawei-ai'));
    const popup = await session.newPage();
    const status = await readPopupStatus(popup, session.extensionUrl(`popup.html?url=${encodeURIComponent(server.url('/caixin/huawei-ai'))}`));
    expect(status.title).toContain('Huawei’s $111 Million AI Investment');
    expect(status.isArticle).toBe('true');
  });

  it('reports a section front as not an article', async () => {
    const page = await session.newPage();
    await page.goto(server.url('/markets'));
    const popup = await session.newPage();
    const status = await readPopupStatus(popup, session.extensionUrl(`popup.html?url=${encodeURIComponent(server.url('/markets'))}`));
    expect(status.title).toBe('Markets');
    expect(status.isArticle).toBe('false');
  });
});

describe('Firefox ESR', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(() => session?.close());

  it('reports an article page and the popup shows it from the database', async () => {
    const page = await session.newPage();
    await page.goto(server.url('/caixin/huawei-ai'));
    const popup = await session.newPage();
    const status = await readPopupStatus(popup, session.extensionUrl(`popup.html?url=${encodeURIComponent(server.url('/caixin/huawei-ai'))}`));
    expect(status.title).toContain('Huawei’s $111 Million AI Investment');
    expect(status.isArticle).toBe('true');
  });
});
