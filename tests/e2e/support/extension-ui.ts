/**
 * Driving Newsmark's own pages (popup, library, options) in both browsers from one scenario:
 * raw Playwright/Puppeteer pages behind a small interface, DOM actions done in the page (the
 * same events a reader's click or typing fires), axe-core injected through the driver (its
 * evaluation is not subject to the extension pages' CSP), and messages sent as the popup would.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { launchChromium, type ChromiumSession } from './chromium';
import { launchFirefox, type FirefoxSession } from './firefox';
import { playwrightInput, puppeteerInput, type RealInput } from './input';

/** Builds to test: `.output` by default; NEWSMARK_CHROME_BUILD / NEWSMARK_FIREFOX_BUILD name a copy (other work may rebuild `.output` meanwhile). */
const CHROME_DIR = process.env.NEWSMARK_CHROME_BUILD;
const FIREFOX_DIR = process.env.NEWSMARK_FIREFOX_BUILD;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The few extension APIs the helpers call in the page (same shape in both browsers' promise APIs). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown>; query(query: object): Promise<{ id?: number }[]> };
}

/** What both drivers' pages can do that these tests use: the reader's input, and a look inside. */
export interface UiPage extends RealInput {
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Runs source text as a script (for injecting axe-core). */
  run(source: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface UiSession {
  name: 'chromium' | 'firefox';
  /** Opens a web page and waits for its load. */
  openPage(url: string): Promise<UiPage>;
  /** Opens an extension page by path and waits until its document is complete. */
  openExtensionPage(path: string): Promise<UiPage>;
  close(): Promise<void>;
}

interface AnyPage {
  evaluate(fn: unknown, arg?: unknown): Promise<unknown>;
  goto(url: string): Promise<unknown>;
  close(): Promise<void>;
}

function wrap(page: AnyPage, input: RealInput): UiPage {
  return {
    ...input,
    evaluate: (fn, arg) => page.evaluate(fn, arg) as never,
    run: (source) => page.evaluate(`${source}\n;0`),
    close: () => page.close(),
  };
}

export async function chromiumUi(): Promise<UiSession> {
  const session: ChromiumSession = await launchChromium(CHROME_DIR);
  return {
    name: 'chromium',
    openPage: async (url) => {
      const page = await session.newPage();
      await page.goto(url);
      return wrap(page as unknown as AnyPage, playwrightInput(page));
    },
    openExtensionPage: async (path) => {
      const page = await session.newPage();
      await page.goto(session.extensionUrl(path));
      return wrap(page as unknown as AnyPage, playwrightInput(page));
    },
    close: () => session.close(),
  };
}

export async function firefoxUi(): Promise<UiSession> {
  const session: FirefoxSession = await launchFirefox(FIREFOX_DIR);
  return {
    name: 'firefox',
    openPage: async (url) => {
      const page = await session.newPage();
      await page.goto(url);
      return wrap(page as unknown as AnyPage, puppeteerInput(page));
    },
    openExtensionPage: async (path) => {
      const page = await session.newPage();
      // Navigations to moz-extension:// may never resolve over BiDi: wait for the document instead.
      void page.goto(session.extensionUrl(path)).catch(() => undefined);
      const ui = wrap(page as unknown as AnyPage, puppeteerInput(page));
      // Polled by hand: evaluations during the navigation can fail, and are simply retried.
      await waitFor(ui, () => location.protocol === 'moz-extension:' && document.readyState === 'complete', undefined, 15_000);
      return ui;
    },
    close: () => session.close(),
  };
}

/** Serious and critical axe-core violations on the page, as "rule: target" lines. */
export async function axeViolations(page: UiPage): Promise<string[]> {
  await page.run(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

/** Sends a Newsmark message from an extension page, to the background or (with `tabId`) to a tab. */
export function send<T>(page: UiPage, type: string, data: unknown, tabId?: number): Promise<T> {
  return page.evaluate(async ({ type, data, tabId }) => {
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    const api = g.browser ?? g.chrome;
    const envelope = { newsmark: 1, type, data };
    const reply = (tabId === undefined ? await api.runtime.sendMessage(envelope) : await api.tabs.sendMessage(tabId, envelope)) as { ok: boolean; value?: unknown; error?: string };
    if (!reply?.ok) throw new Error(reply?.error ?? `no answer to ${type}`);
    return reply.value;
  }, { type, data, tabId }) as Promise<T>;
}

/** The id of the tab whose content script reports a page title containing `title`. */
export async function findTabId(page: UiPage, title: string, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const id = await page.evaluate(async (want: string) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
      const api = g.browser ?? g.chrome;
      for (const tab of await api.tabs.query({})) {
        try {
          const reply = (await api.tabs.sendMessage(tab.id!, { newsmark: 1, type: 'getPageEntities', data: {} })) as { ok: boolean; value: { title: string; state: string } };
          if (reply?.ok && reply.value.state === 'marked' && reply.value.title.includes(want)) return tab.id!;
        } catch {
          // No content script in that tab.
        }
      }
      return null;
    }, title);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No tab shows a marked page titled "${title}"`);
}

/** Polls `probe` in the page until it answers something other than null/undefined/false. */
export async function waitFor<T, A = undefined>(page: UiPage, probe: (arg: A) => T | null | undefined | false, arg?: A, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(probe as (arg: A) => T, arg).catch(() => null);
    if (value !== null && value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) {
      const seen = await page.evaluate(() => document.body?.innerText.slice(0, 1_500) ?? '').catch(() => '');
      throw new Error(`Timed out waiting for ${probe.toString().slice(0, 200)}; the page shows: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** In an extension page: the tab whose content script left its page unmarked as not an article, by title. */
export async function tabNotMarked(title: string): Promise<number | null> {
  type Api = { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const api = g.browser ?? g.chrome;
  for (const tab of await api.tabs.query({})) {
    const reply = (await api.tabs.sendMessage(tab.id!, { newsmark: 1, type: 'getPageEntities', data: {} }).catch(() => null)) as
      { ok: boolean; value: { title: string; state: string } } | null;
    if (reply?.ok && reply.value.state === 'not-article' && reply.value.title.includes(title)) return tab.id!;
  }
  return null;
}
