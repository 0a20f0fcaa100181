/**
 * Marking on real news pages, in Chromium and Firefox ESR: what the page shows marked is
 * exactly what `analyze` finds for the same file; the page's DOM is byte-identical after
 * marking; hovering a mark opens its card; turning Newsmark off removes every mark.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared, hasShared } from '../support/shared-corpus';
import { startPageServer, type PageServer } from './support/server';
import { aebPages } from './support/corpus';
import { analyzeFiles, foldSpace, textsByType, type Analyzed } from './support/analyze';
import { chromiumDriver, firefoxDriver, type Driver, type DriverPage } from './support/driver';
import { markCounts, markLineBox } from './support/marks';
import { expectBesideAndVisible, paintedShare, readBySelecting, viewportOf, waitForUi } from './support/seen';
import { resolve } from 'node:path';

const PAGES = hasShared ? aebPages(20) : [];
const SEED = { name: 'caixin-seed', file: resolve('../shared/fixtures/caixin-huawei-ai.html') };
const TYPES = ['company', 'money', 'percent', 'number'] as const;

let server: PageServer;
let expected: Map<string, Analyzed>;

beforeAll(async () => {
  if (!hasShared) return;
  const { readFileSync } = await import('node:fs');
  server = await startPageServer({
    ...Object.fromEntries(PAGES.map((p) => [`/aeb/${p.name}`, p.bytes])),
    [`/seed`]: readFileSync(SEED.file),
  });
  expected = analyzeFiles([...PAGES.map((p) => p.file), SEED.file]);
});
afterAll(() => server?.close());

/** Marked texts by type, in document order, read from the shared highlight registry. */
function markedByType(page: DriverPage): Promise<Record<string, string[]>> {
  return page.evaluate((types: readonly string[]) => {
    const out: Record<string, string[]> = {};
    for (const type of types) {
      const highlight = CSS.highlights.get(`newsmark-tint-${type}`);
      if (!highlight) continue;
      const ranges = [...highlight] as Range[];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      out[type] = ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim());
    }
    return out;
  }, TYPES);
}

/** Waits until the page shows `total` marks (or, for 0, gives the content script time to have run). */
async function settle(page: DriverPage, total: number): Promise<void> {
  const deadline = Date.now() + (total === 0 ? 2_500 : 15_000);
  while (Date.now() < deadline) {
    const counts = await markCounts(page);
    const sum = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total > 0 && sum >= total) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function setSettings(driver: Driver, settings: Record<string, unknown>): Promise<void> {
  const options = await driver.openExtensionPage('options.html');
  await options.evaluate(async (changes: Record<string, unknown>) => {
    type SyncArea = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
    const g = globalThis as unknown as { browser?: { storage: { sync: SyncArea } }; chrome: { storage: { sync: SyncArea } } };
    const sync = (g.browser ?? g.chrome).storage.sync;
    const current = ((await sync.get('settings')).settings as object | undefined) ?? {};
    await sync.set({ settings: { ...current, ...changes } });
  }, settings);
  await options.close();
}

const setPaused = (driver: Driver, paused: boolean) => setSettings(driver, { paused });

function expectedMarks(file: string): Record<string, string[]> {
  const result = expected.get(file);
  if (!result || result.error || !result.isArticle) return {};
  return textsByType(result.entities);
}

/**
 * Chromium runs a page's scripts in a tab behind others as in the front one. Firefox slows
 * background tabs' timers, and its remote agent lost a tab created beside another ("no such
 * frame"): one tab at a time there.
 */
const TABS_AT_ONCE = { chromium: 4, firefox: 1 } as const;

/** Runs `work` over `items`, at most `width` at a time; answers the results in the items' order. */
async function inTurns<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

/** What differs between the marks a page shows and what analyze finds in its file, and whether the page was left as it was. */
async function checkPage(driver: Driver, page: { name: string; file: string; path: string }): Promise<string[]> {
  const mismatches: string[] = [];
  const want = expectedMarks(page.file);
  const total = Object.values(want).reduce((a, b) => a + b.length, 0);
  const tab = await driver.openPage(server.url(page.path), { snapshotBody: true });
  await settle(tab, total);
  const got = await markedByType(tab);
  for (const type of TYPES) {
    if (JSON.stringify(got[type] ?? []) !== JSON.stringify((want[type] ?? []).map(foldSpace))) {
      mismatches.push(`${page.name} ${type}: marked ${JSON.stringify(got[type] ?? [])} but analyze found ${JSON.stringify(want[type] ?? [])}`);
    }
  }
  const unchanged = await tab.evaluate(() => (window as unknown as { __bodyAtLoad?: string }).__bodyAtLoad === document.body.outerHTML);
  if (!unchanged) mismatches.push(`${page.name}: the body changed`);
  // Until the reader opens a card or a highlight tool, Newsmark adds no element at all.
  const hosts = await tab.evaluate(() => document.querySelectorAll('newsmark-ui').length);
  if (hosts !== 0) mismatches.push(`${page.name}: ${hosts} UI hosts added before any UI opened`);
  await tab.close();
  return mismatches;
}

for (const makeDriver of [chromiumDriver, firefoxDriver]) {
  describeWithShared(makeDriver === chromiumDriver ? 'Chromium' : 'Firefox ESR', () => {
    let driver: Driver;
    beforeAll(async () => {
      driver = await makeDriver();
    });
    afterAll(() => driver?.close());

    it('marks on 20 corpus pages and the seed page exactly what analyze finds, leaving the DOM as it was', async () => {
      const pages = [...PAGES.map((p) => ({ ...p, path: `/aeb/${p.name}` })), { ...SEED, path: '/seed' }];
      // A few tabs at a time, as a reader with several articles open: each page's content script
      // runs on its own, and the waits for pages with nothing to mark overlap.
      const mismatches = (await inTurns(pages, TABS_AT_ONCE[driver.name], (page) => checkPage(driver, page))).flat();
      expect(mismatches).toEqual([]);
    });

    it('opens a card on hover and removes every mark when turned off', async () => {
      const tab = await driver.openPage(server.url('/seed'), { snapshotBody: true });
      await settle(tab, 1);
      const words = await markLineBox(tab, 'newsmark-tint-company');
      await tab.mouseMove(words.left + Math.min(words.width / 2, 12), words.top + words.height / 2, 2);
      const card = await waitForUi(tab, 'card');
      await expectBesideAndVisible(tab, card, words);
      const cardText = await readBySelecting(tab, card);
      expect(cardText).toContain('Huawei');
      expect(cardText).toMatch(/mention \d+ of \d+/);

      await setPaused(driver, true);
      await expect.poll(async () => Object.keys(await markCounts(tab)).length, { timeout: 5_000 }).toBe(0);
      expect(await tab.evaluate(() => getComputedStyle(document.querySelector('newsmark-ui[data-kind="card"]')!).display)).toBe('none');
      expect(await tab.evaluate(() => (window as unknown as { __bodyAtLoad?: string }).__bodyAtLoad === document.body.outerHTML)).toBe(true);

      await setPaused(driver, false);
      await tab.close();
    });

    it('paints a mark in "Underline only": its words look different marked and unmarked', async () => {
      await setSettings(driver, { markStyle: 'underline' });
      try {
        const tab = await driver.openPage(server.url('/seed'));
        await settle(tab, 1);
        const words = await markLineBox(tab, 'newsmark-underline-company');
        const { frameWidth } = await viewportOf(tab);
        const marked = await tab.screenshot();
        await setPaused(driver, true);
        await expect.poll(async () => Object.keys(await markCounts(tab)).length, { timeout: 5_000 }).toBe(0);
        const unmarked = await tab.screenshot();
        // The line box and the few pixels under it where an underline sits.
        const share = paintedShare(marked, unmarked, { ...words, height: words.height + 6 }, frameWidth);
        expect(share, 'the mark is not painted').toBeGreaterThan(0.03);
        await tab.close();
      } finally {
        await setSettings(driver, { markStyle: 'tint', paused: false });
      }
    });
  });
}
