/**
 * The sync line in the built extension tells the truth, live (issue 26, item 4): the options page
 * shows "Syncing…" with a busy button while the server hangs, then when it synced and what moved;
 * with the server gone and the browser online it says the server cannot be reached, never
 * "Offline"; the popup's line, open at the same time, shows the same state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { startFaultProxy, type FaultProxy } from '../unit/sync/support/fault-proxy';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { DEFAULT_SYNC_SETTINGS } from '../../lib/contracts/sync';

let couch: CouchServer;
let proxy: FaultProxy;
let session: ChromiumSession;

beforeAll(async () => {
  couch = await startCouchServer({ cors: true });
  proxy = await startFaultProxy(couch.url);
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
  await proxy?.close();
  await couch?.close();
});

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

const state = (page: Page) => page.locator('[data-testid="sync-status"]').getAttribute('data-state');
const text = (page: Page) => page.locator('[data-testid="sync-status"]').textContent();

describe('the sync line, live, in the options page and the popup', () => {
  it('hang, synced, server gone', async () => {
    const options = await session.newPage();
    await options.goto(session.extensionUrl('options.html'));
    await send(options, 'saveSyncSettings', { ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: proxy.url, database: 'e2e-status', auth: 'none' });
    await send(options, 'saveArticle', { url: 'https://news.example/status', title: 'Status', text: 'Acme bought Beta for $5 million.' });
    await options.reload();
    const popup = await session.newPage();
    await popup.goto(session.extensionUrl('popup.html'));

    // The server hangs on the upload: both pages say "Syncing…", and the button is busy, while it does.
    proxy.inject({ kind: 'slow', delayMs: 4_000 }, { path: /_bulk_docs/, times: 1 });
    await options.locator('[data-testid="sync-now"]').click();
    await expect.poll(() => state(options), { timeout: 3_000 }).toBe('syncing');
    expect(await text(options)).toMatch(/^Syncing…/);
    expect(await options.locator('[data-testid="sync-now"]').isDisabled()).toBe(true);
    await expect.poll(() => state(popup), { timeout: 3_000 }).toBe('syncing');

    await expect.poll(() => state(options), { timeout: 15_000 }).toBe('synced');
    expect(await text(options)).toMatch(/^Last synced .+ · 0 received, 1 sent$/);
    expect(await options.locator('[data-testid="sync-now"]').isDisabled()).toBe(false);
    await expect.poll(() => state(popup), { timeout: 3_000 }).toBe('synced');
    expect(await text(popup)).toBe(await text(options));

    // The server goes away; the browser is online: not "Offline", but the server cannot be reached.
    await proxy.close();
    await options.locator('[data-testid="sync-now"]').click();
    await expect.poll(() => state(options), { timeout: 15_000 }).toBe('unreachable');
    expect(await text(options)).toMatch(/^Cannot reach the sync server · next try /);
    expect(await text(options)).not.toMatch(/Offline/);
    await expect.poll(() => state(popup), { timeout: 3_000 }).toBe('unreachable');
    expect(await text(popup)).toBe(await text(options));
  });
});
