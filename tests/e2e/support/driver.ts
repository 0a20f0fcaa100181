/**
 * One small interface over both browsers' drivers, so each end-to-end scenario is written
 * once and run in Chromium (playwright-core) and Firefox ESR (puppeteer-core over BiDi).
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { playwrightInput, puppeteerInput, type RealInput } from './input';

export interface DriverPage extends RealInput {
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Reloads the page and waits for its load. */
  reload(): Promise<void>;
  /** Sets the viewport's CSS size and its device pixel ratio (2: a high-density screen). */
  setViewport(width: number, height: number, deviceScaleFactor?: number): Promise<void>;
  /** The page sees the reader's system set to a dark (or light) colour scheme. */
  emulateColorScheme(scheme: 'dark' | 'light'): Promise<void>;
  /** Console messages the page's contexts (the content script's included) logged since it opened. */
  consoleMessages(): string[];
  close(): Promise<void>;
}

export interface Driver {
  name: 'chromium' | 'firefox';
  /** Opens a web page; with `snapshotBody`, the page keeps `window.__bodyAtLoad` (its body at DOMContentLoaded). */
  openPage(url: string, options?: { snapshotBody?: boolean }): Promise<DriverPage>;
  /** Opens an extension page and waits until its document has loaded. */
  openExtensionPage(path: string): Promise<DriverPage>;
  close(): Promise<void>;
}

/** Runs before any page script (it bypasses the page's CSP): records the body as parsed. */
function snapshotBodyAtLoad(): void {
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { __bodyAtLoad: string }).__bodyAtLoad = document.body.outerHTML;
  });
}

/** `headless: false` opens a window (on a machine with a display). */
export async function chromiumDriver({ headless = true } = {}): Promise<Driver> {
  const session = await launchChromium(undefined, { headless });
  const wrap = (page: PlaywrightPage, messages: string[] = []): DriverPage => ({
    consoleMessages: () => [...messages],
    ...playwrightInput(page),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    reload: async () => void (await page.reload()),
    setViewport: async (width, height, deviceScaleFactor = 1) => {
      await page.setViewportSize({ width, height });
      // Playwright sets the pixel ratio per context; DevTools sets it for this page, for as
      // long as the session stays attached (it is left open with the page).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor, mobile: false });
    },
    emulateColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    close: () => page.close(),
  });
  return {
    name: 'chromium',
    async openPage(url, options = {}) {
      const page = await session.newPage();
      const messages: string[] = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
      if (options.snapshotBody) await page.addInitScript(snapshotBodyAtLoad);
      await page.goto(url);
      return wrap(page, messages);
    },
    async openExtensionPage(path) {
      const page = await session.newPage();
      await page.goto(session.extensionUrl(path));
      return wrap(page);
    },
    close: () => session.close(),
  };
}

export async function firefoxDriver(): Promise<Driver> {
  const session = await launchFirefox();
  const wrap = (page: PuppeteerPage, messages: string[] = []): DriverPage => ({
    consoleMessages: () => [...messages],
    ...puppeteerInput(page),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    reload: async () => void (await page.reload()),
    setViewport: (width, height, deviceScaleFactor = 1) => setFirefoxViewport(page, width, height, deviceScaleFactor),
    emulateColorScheme: (scheme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    close: () => page.close(),
  });
  return {
    name: 'firefox',
    async openPage(url, options = {}) {
      const page = await session.newPage();
      const messages: string[] = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => messages.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
      if (options.snapshotBody) await page.evaluateOnNewDocument(snapshotBodyAtLoad);
      await gotoRetryingAbortedNavigation(page, url);
      return wrap(page, messages);
    },
    async openExtensionPage(path) {
      const page = await session.newPage();
      // Navigations to moz-extension:// may never resolve over BiDi: wait for the document instead.
      void page.goto(session.extensionUrl(path)).catch(() => undefined);
      await waitForExtensionDocument(page);
      return wrap(page);
    },
    close: () => session.close(),
  };
}

/**
 * Firefox's remote agent now and then rejects a navigation to a local page on a loaded machine
 * ("Address rejected", NS_BINDING_ABORTED) before any of our code runs in it; trying again (up
 * to three times, seen needed under a load average of 8) is the harness's business, not the
 * extension's.
 */
export async function gotoRetryingAbortedNavigation(page: PuppeteerPage, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt === 3 || !/Address rejected|NS_BINDING_ABORTED/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/**
 * Polled by hand rather than with waitForFunction: while the page navigates, Firefox's remote
 * agent may fail an evaluation outright (a ProtocolError from its own code), which only means
 * "not there yet" and is retried until the deadline.
 */
async function waitForExtensionDocument(page: PuppeteerPage, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The extension page never finished loading in ${timeoutMs} ms`);
}

/**
 * puppeteer's setViewport also overrides the screen's orientation, a BiDi command Firefox ESR
 * 140 lacks; the viewport itself is one command every Firefox we test knows, sent directly.
 */
async function setFirefoxViewport(page: PuppeteerPage, width: number, height: number, devicePixelRatio: number): Promise<void> {
  const connection = (page.browser() as unknown as { connection?: { send(method: string, params: object): Promise<unknown> } }).connection;
  if (!connection) throw new Error('puppeteer-core no longer exposes its BiDi connection: the viewport cannot be set');
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await connection.send('browsingContext.setViewport', { context, viewport: { width, height }, devicePixelRatio });
}
