/**
 * Debian's Chromium with the built extension loaded, driven by playwright-core.
 * The extension id is the host of its service worker's URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_BUILD, requireBuild, waitForFirstStage, withTestSite, type ScriptingGlobal } from './extension';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `asShipped`: the build as a reader installs it, no site granted; otherwise with the test
 * server's site granted, as a reader who chose it (see withTestSite).
 */
export async function launchChromium(build = CHROME_BUILD, { headless = true, asShipped = false } = {}): Promise<ChromiumSession> {
  const extensionDir = asShipped ? requireBuild(build) : withTestSite(build);
  const profile = mkdtempSync(join(tmpdir(), 'newsmark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--no-sandbox',
      '--disable-gpu',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  // The granted site marks once the background has registered the first stage for it (on install).
  if (!asShipped) await waitForFirstStage(() => worker.evaluate(() => (globalThis as unknown as ScriptingGlobal).chrome.scripting.getRegisteredContentScripts().then((s) => s.length)));
  return {
    context,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
