/**
 * Sync end to end: the built extension in one Chromium profile saves an article with a
 * highlight and syncs it to a real CouchDB-protocol server on 127.0.0.1; a second profile
 * syncs from the same server and paints the highlight when it opens the article.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared, hasShared } from '../support/shared-corpus';
import type { Page } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startPageServer, type PageServer } from './support/server';
import { analyzeFiles } from './support/analyze';
import { markedTexts } from './support/marks';
import { describe as describeSelection } from '../../lib/anchoring/describe';
import { DEFAULT_SYNC_SETTINGS } from '../../lib/contracts/sync';

const SEED = resolve('../shared/fixtures/caixin-huawei-ai.html');
const QUOTE = '100 million euros ($111 million)';

let couch: CouchServer;
let pages: PageServer;
const sessions: ChromiumSession[] = [];

beforeAll(async () => {
  if (!hasShared) return;
  couch = await startCouchServer({ cors: true, credentials: { user: 'reader', password: 'secret' } });
  pages = await startPageServer({ '/caixin/huawei-ai': readFileSync(SEED, 'utf8') });
});
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await couch?.close();
  await pages?.close();
});

/** Sends one typed message to the background from an extension page, as the popup does. */
async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([t, d]) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      return runtime.sendMessage({ newsmark: 1, type: t, data: d }) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
    },
    [type, data] as const,
  );
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error ?? 'no answer'}`);
  return reply.value as T;
}

async function device(): Promise<{ session: ChromiumSession; page: Page }> {
  const session = await launchChromium();
  sessions.push(session);
  const page = await session.newPage();
  await page.goto(session.extensionUrl('options.html'));
  await send(page, 'saveSyncSettings', {
    ...DEFAULT_SYNC_SETTINGS,
    enabled: true,
    serverUrl: couch.url,
    database: 'e2e-library',
    user: 'reader',
    password: 'secret',
  });
  return { session, page };
}

describeWithShared('sync between two Chromium profiles', () => {
  it('carries a highlight from one browser to another, where it is painted in place', async () => {
    const article = analyzeFiles([SEED]).get(SEED)!;
    const start = article.text.indexOf(QUOTE);
    expect(start).toBeGreaterThan(0);
    const url = pages.url('/caixin/huawei-ai');

    const first = await device();
    const saved = await send<{ id: string }>(first.page, 'saveArticle', { url, title: 'Huawei AI investment', text: article.text });
    await send(first.page, 'addHighlight', {
      articleId: saved.id,
      colour: 'yellow',
      selectors: describeSelection(article.text, start, start + QUOTE.length),
      note: 'Synced note <b>as text</b>',
    });
    const pushed = await send<{ state: string; lastError: unknown }>(first.page, 'syncNow', {});
    expect(pushed.lastError).toBeNull();

    const second = await device();
    const pulled = await send<{ state: string; lastError: unknown }>(second.page, 'syncNow', {});
    expect(pulled.lastError).toBeNull();
    const highlights = await send<{ note: string; selectors: { type: string; exact?: string }[] }[]>(second.page, 'listHighlights', { articleId: saved.id });
    expect(highlights.map((h) => h.note)).toEqual(['Synced note <b>as text</b>']);

    const tab = await second.session.newPage();
    await tab.goto(url);
    await expect.poll(() => markedTexts(tab, 'newsmark-hl-yellow'), { timeout: 15_000 }).toEqual([QUOTE]);
  });
});
