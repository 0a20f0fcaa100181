/**
 * A reader at Newsmark's own pages (popup, library, options), in both browsers: the pages of
 * extension-ui's `UiPage` (real mouse and keyboard, a look inside) with the raw driver page
 * behind them, for what a reader does beyond clicks and keys:
 * - choosing a file: Chromium, a mouse click on the file input and an answer to the file
 *   chooser it opens (Playwright's `filechooser`); Firefox, the file set on the input through
 *   WebDriver BiDi (`uploadFile`), without a click (see `ReaderPage.chooseFile` for why);
 * - receiving a download: Chromium, Playwright's download event; Firefox, the profile's download
 *   preferences (into a folder of the test's, not ~/Downloads) and the file appearing there;
 * - turning the mouse wheel.
 * Also what a reader checks before a click: the element's box lies inside the viewport and
 * nothing covers it at the point clicked; and screenshots kept as evidence.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileChooser, Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { gotoRetryingAbortedNavigation } from './driver';
import { playwrightInput, puppeteerInput } from './input';
import { waitFor, type UiPage } from './extension-ui';

/** Same builds as extension-ui: NEWSMARK_CHROME_BUILD / NEWSMARK_FIREFOX_BUILD name a copy. */
const CHROME_DIR = process.env.NEWSMARK_CHROME_BUILD;
const FIREFOX_DIR = process.env.NEWSMARK_FIREFOX_BUILD;

export interface DownloadedFile {
  name: string;
  text: string;
}

export interface ReaderPage extends UiPage {
  /** Turns the mouse wheel by `deltaY` CSS pixels (scrolls what is under the pointer). */
  wheel(deltaY: number): Promise<void>;
  /**
   * Chooses a file in a file input as a reader does. Chromium: the input is checked on screen
   * and clicked with the mouse, and the file chooser that opens is answered. Firefox: the input
   * is checked on screen and the file set on it through WebDriver BiDi's `input.setFiles` (the
   * browser's file-setting path, firing `input` and `change`) without a click: Firefox ESR does
   * not report file dialogs opened by a moz-extension:// page to BiDi (`input.fileDialogOpened`
   * comes for a web page's input, never for the library's), so a click would open a dialog
   * nothing can answer.
   */
  chooseFile(target: string | Target, file: { name: string; text: string }): Promise<void>;
  /** How `chooseFile` gets there: a mouse click and the file chooser, or the element's files set directly. */
  fileChoice: 'click-and-chooser' | 'set-on-element';
  /** Runs `trigger` (a click) and answers the file the browser downloaded because of it. */
  download(trigger: () => Promise<void>, timeoutMs?: number): Promise<DownloadedFile>;
}

export interface ReaderSession {
  name: 'chromium' | 'firefox';
  /** Opens a web page and waits for its load. */
  openPage(url: string): Promise<ReaderPage>;
  /** Opens an extension page by path and waits until its document is complete. */
  openExtensionPage(path: string): Promise<ReaderPage>;
  /** The addresses of every open tab (the extension's own pages included). */
  tabUrls(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The addresses of every open tab, asked of the browser's driver and of the extension through
 * `helper` (one of its pages): Firefox's driver does not list a tab the extension opened, and
 * Chromium's tabs.query hides the extension's own pages' addresses without the "tabs" permission.
 */
export async function everyTabUrl(session: ReaderSession, helper: ReaderPage): Promise<string[]> {
  const ownTabs = await helper.evaluate(async () => {
    type Api = { tabs: { query(q: object): Promise<{ url?: string }[]> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (await (g.browser ?? g.chrome).tabs.query({})).map((tab) => tab.url ?? '');
  });
  return [...ownTabs, ...(await session.tabUrls())].filter(Boolean);
}

/** `asShipped`: the build as a reader installs it, no site granted (otherwise the test server's site is granted: see withTestSite). */
export interface ReaderOptions {
  asShipped?: boolean;
}

interface AnyPage {
  evaluate(fn: unknown, arg?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

function base(page: AnyPage): Pick<UiPage, 'evaluate' | 'run' | 'close'> {
  return {
    evaluate: (fn, arg) => page.evaluate(fn, arg) as never,
    run: (source) => page.evaluate(`${source}\n;0`),
    close: () => page.close(),
  };
}

/** A folder of the test's own for files it writes (to choose them) or the browser saves. */
function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `newsmark-${prefix}-`));
}

export async function chromiumReader({ asShipped = false }: ReaderOptions = {}): Promise<ReaderSession> {
  const session = await launchChromium(CHROME_DIR, { asShipped });
  const wrap = (page: PlaywrightPage): ReaderPage => {
    // Listened for from the start: Playwright turns on its interception of file dialogs when
    // the first listener comes, and a click soon after may beat it (seen 1 run in 6), which
    // opens a dialog it never reports.
    const waiting: ((chooser: FileChooser) => void)[] = [];
    page.on('filechooser', (chooser) => waiting.shift()?.(chooser));
    const reader: ReaderPage = {
      ...playwrightInput(page),
      ...base(page as unknown as AnyPage),
      wheel: (deltaY) => page.mouse.wheel(0, deltaY),
      fileChoice: 'click-and-chooser',
      chooseFile: async (target, file) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const opened = new Promise<FileChooser>((resolve, reject) => {
          waiting.push(resolve);
          timer = setTimeout(() => reject(new Error(`No file chooser opened on clicking ${JSON.stringify(target)}`)), 5_000);
        });
        try {
          await clickOn(reader, target);
          await (await opened).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
        } finally {
          clearTimeout(timer);
          waiting.length = 0;
        }
      },
      download: async (trigger, timeoutMs = 30_000) => {
        const event = page.waitForEvent('download', { timeout: timeoutMs });
        await trigger();
        const download = await event;
        const path = await download.path();
        return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
      },
    };
    return reader;
  };
  return {
    name: 'chromium',
    openPage: async (url) => {
      const page = await session.newPage();
      await page.goto(url);
      return wrap(page);
    },
    openExtensionPage: async (path) => {
      const page = await session.newPage();
      await page.goto(session.extensionUrl(path));
      return wrap(page);
    },
    tabUrls: async () => session.context.pages().map((page) => page.url()),
    close: () => session.close(),
  };
}

/**
 * Runs `trigger` and answers the download it started, once Firefox has finished writing it into
 * `folder`: the file's name and its text. Firefox writes a download as `<name>.part` beside an
 * empty `<name>` and renames the part when it is complete, so a download has ended when a new
 * file is there and no `.part` is left.
 */
async function downloadInto(folder: string, trigger: () => Promise<void>, timeoutMs: number): Promise<DownloadedFile> {
  const before = new Set(readdirSync(folder));
  await trigger();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = readdirSync(folder);
    const added = names.filter((name) => !before.has(name) && !name.endsWith('.part'));
    if (added.length > 0 && !names.some((name) => name.endsWith('.part'))) {
      return { name: added[0]!, text: readFileSync(join(folder, added[0]!), 'utf8') };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No download finished within ${timeoutMs} ms`);
}

export async function firefoxReader({ asShipped = false }: ReaderOptions = {}): Promise<ReaderSession> {
  const files = scratch('files');
  const downloads = scratch('downloads');
  // Downloads go to our folder without a dialog (headless Firefox would otherwise save into
  // ~/Downloads): set by the profile's download preferences, which every Firefox reads (BiDi's
  // browser.setDownloadBehavior arrived after ESR 140).
  const session = await launchFirefox(FIREFOX_DIR, { asShipped, downloadFolder: downloads });
  const wrap = (page: PuppeteerPage): ReaderPage => {
    const reader: ReaderPage = {
      ...puppeteerInput(page),
      ...base(page as unknown as AnyPage),
      // Whole pixels: WebDriver BiDi takes only integers for a wheel's delta.
      wheel: (deltaY) => page.mouse.wheel({ deltaY: Math.round(deltaY) }),
      fileChoice: 'set-on-element',
      chooseFile: async (target, file) => {
        await expectOnScreen(reader, target);
        // uploadFile takes paths: the file is written where the reader would keep it.
        const dir = mkdtempSync(join(files, 'f-'));
        writeFileSync(join(dir, file.name), file.text);
        const { selector } = asTarget(target);
        const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
        if (!input) throw new Error(`No file input matches ${selector}`);
        await input.uploadFile(join(dir, file.name));
        await input.dispose();
      },
      download: (trigger, timeoutMs = 30_000) => downloadInto(downloads, trigger, timeoutMs),
    };
    return reader;
  };
  return {
    name: 'firefox',
    openPage: async (url) => {
      const page = await session.newPage();
      await gotoRetryingAbortedNavigation(page, url);
      return wrap(page);
    },
    openExtensionPage: async (path) => {
      const page = await session.newPage();
      // Navigations to moz-extension:// may never resolve over BiDi: wait for the document instead.
      void page.goto(session.extensionUrl(path)).catch(() => undefined);
      const reader = wrap(page);
      await waitFor(reader, () => location.protocol === 'moz-extension:' && document.readyState === 'complete', undefined, 15_000);
      return reader;
    },
    tabUrls: async () => (await session.browser.pages()).map((page) => page.url()),
    close: async () => {
      await session.close();
      rmSync(files, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

export interface ElementBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The viewport's size less scroll bars. */
  viewport: { width: number; height: number };
  /** The element's own text, as rendered (innerText). */
  text: string;
}

/** Which element: a CSS selector, optionally narrowed to the one whose visible text includes `text`. */
export interface Target {
  selector: string;
  text?: string;
}

const asTarget = (target: string | Target): Target => (typeof target === 'string' ? { selector: target } : target);

/** The first matching element's box and text, or null when there is none. */
export function boxOf(page: UiPage, target: string | Target): Promise<ElementBox | null> {
  return page.evaluate(({ selector, text }: Target) => {
    const element = [...document.querySelectorAll<HTMLElement>(selector)].find((e) => text === undefined || e.innerText.includes(text));
    if (!element) return null;
    const { left, top, width, height } = element.getBoundingClientRect();
    return { left, top, width, height, viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }, text: element.innerText };
  }, asTarget(target));
}

/** How long a page may go on settling (a smooth scroll ending, a list re-read after a change) before a reader looks. */
const SETTLE_MS = 3_000;

/**
 * What a reader needs to see an element: it has a size, lies wholly inside the viewport, and
 * the element drawn at its centre is it (or inside it), not something covering it. The box and
 * what is drawn at its centre are read in one go, again until they hold or the page has had
 * SETTLE_MS to settle: read apart, a smooth scroll still running between the two reads once
 * made a visible box look covered (Firefox, after a wheel scroll to the import box).
 */
export async function expectOnScreen(page: UiPage, target: string | Target): Promise<ElementBox> {
  const t = asTarget(target);
  const look = () =>
    page.evaluate(({ selector, text }: Target) => {
      const element = [...document.querySelectorAll<HTMLElement>(selector)].find((e) => text === undefined || e.innerText.includes(text));
      if (!element) return null;
      const { left, top, width, height } = element.getBoundingClientRect();
      const drawn = document.elementFromPoint(left + width / 2, top + height / 2);
      const box = { left, top, width, height, viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }, text: element.innerText };
      return { box, uncovered: !!drawn && (element === drawn || element.contains(drawn)) };
    }, t);
  const holds = (seen: Awaited<ReturnType<typeof look>>) => {
    if (!seen) return false;
    const { left, top, width, height, viewport } = seen.box;
    return width > 0 && height > 0 && left >= 0 && top >= 0 && left + width <= viewport.width && top + height <= viewport.height && seen.uncovered;
  };
  const deadline = Date.now() + SETTLE_MS;
  let seen = await look();
  while (!holds(seen) && Date.now() < deadline) {
    await new Promise((settle) => setTimeout(settle, 100));
    seen = await look();
  }
  expect(seen, `no element ${JSON.stringify(t)}`).not.toBeNull();
  const { left, top, width, height, viewport } = seen!.box;
  const where = `${JSON.stringify(t)} at ${JSON.stringify({ left, top, width, height })} in a ${viewport.width}×${viewport.height} viewport`;
  expect(width > 0 && height > 0, `it has no size: ${where}`).toBe(true);
  expect(left >= 0 && top >= 0 && left + width <= viewport.width && top + height <= viewport.height, `it is not inside the viewport: ${where}`).toBe(true);
  expect(seen!.uncovered, `something else is drawn over its centre: ${where}`).toBe(true);
  return seen!.box;
}

/** Checks the element is on screen (inside the viewport, uncovered), then clicks its centre with the mouse. */
export async function clickOn(page: UiPage, target: string | Target): Promise<ElementBox> {
  const box = await expectOnScreen(page, target);
  await page.mouseClick(box.left + box.width / 2, box.top + box.height / 2);
  return box;
}

/**
 * Scrolls with the mouse wheel, as a reader would, until the element lies inside the viewport
 * (for parts of a page below the fold); the pointer rests at the viewport's centre.
 */
export async function scrollToWithWheel(page: ReaderPage, target: string | Target): Promise<void> {
  const t = asTarget(target);
  for (let turn = 0; turn < 20; turn++) {
    const box = await boxOf(page, t);
    if (!box) throw new Error(`no element ${JSON.stringify(t)}`);
    if (box.top >= 0 && box.top + box.height <= box.viewport.height) return;
    await page.mouseMove(box.viewport.width / 2, box.viewport.height / 2);
    await page.wheel(box.top + box.height / 2 - box.viewport.height / 2);
    // Wheel scrolling may be smooth: give it a moment before looking again.
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${JSON.stringify(t)} never came into the viewport`);
}

/** Folder where journeys leave their screenshots (evidence of what the screen showed): NEWSMARK_E2E_SHOTS or a temp folder. */
export const SHOTS_DIR = process.env.NEWSMARK_E2E_SHOTS ?? join(tmpdir(), 'newsmark-journeys');

/** Takes a screenshot of the viewport, saves it as `<name>.png` in SHOTS_DIR, and answers it. */
export async function shoot(page: UiPage, name: string): Promise<Buffer> {
  const png = await page.screenshot();
  mkdirSync(SHOTS_DIR, { recursive: true });
  writeFileSync(join(SHOTS_DIR, `${name}.png`), png);
  return png;
}
