/**
 * `npm run bench -- dossier`: indexing a library whose articles were saved without company ids
 * (lib/dossier/indexing.ts), in Node over fake-indexeddb with the real recogniser. Prints how long
 * the whole library takes and the longest stretch the event loop was held (what a reader's page
 * would wait for in a worker doing it), beside the same articles recognised in one loop with no
 * slices, in the same run. DOSSIER_BENCH_ARTICLES sets the library's size (default 1,000; the
 * issue's goal is for 10,000 in a real browser, which this does not measure).
 *
 * Then the dossier page in real Chromium over 10,000 saved articles and 100,000 highlights naming
 * 2,000 companies (DOSSIER_RENDER_ARTICLES, DOSSIER_RENDER=0 to skip): from the page's navigation
 * start to the frame after its timeline, chart and highlights are in the document, for the company
 * named most, beside the same page for a company one article names (the page's own floor).
 */
import 'fake-indexeddb/auto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import Dexie from 'dexie';
import { openDb } from '@/lib/db';
import { indexer } from '@/lib/dossier/indexing';
import { recognize } from '@/lib/entities';
import type { ArticleRecord } from '@/lib/contracts/records';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/chromium';
import { removeTestSiteCopy } from '../tests/e2e/support/extension';
import { dossierAddress } from '@/lib/dossier/address';
import { seedDossierLibrary } from './support/dossier-library';
import type { BenchLine } from './types';

const ARTICLES = Number(process.env.DOSSIER_BENCH_ARTICLES ?? 1_000);

/** The demo's sample business story, as plain paragraphs. */
function sampleParagraphs(): string[] {
  const html = readFileSync('scripts/demo/sample-article.html', 'utf8');
  return [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ').trim()).filter((p) => p.length > 40);
}

/** Articles of 3 to 9 paragraphs of the story, numbers varied, as an older release stored them. */
function library(count: number): ArticleRecord[] {
  const paragraphs = sampleParagraphs();
  return Array.from({ length: count }, (_, i) => {
    const text = Array.from({ length: 3 + (i % 7) }, (_, j) => paragraphs[(i + j) % paragraphs.length]!.replace(/\d+/, String((i % 90) + 2))).join('\n\n');
    return {
      id: `a-${String(i).padStart(6, '0')}`, url: `https://news.example/${i}`, urls: [`news.example/${i}`], title: `Story ${i}`, byline: null, publisher: null,
      publishedAt: null, language: 'en', text, entities: [], companyIds: [], tags: [], note: '', savedAt: 1_700_000_000_000 + i,
      deleted: false, updatedAt: `1700000000000-00000-bench`, clocks: {},
    };
  });
}

/** Runs `work` while a timer ticks, answering its time and the longest gap between ticks (the longest task). */
async function timed(work: () => Promise<unknown>): Promise<{ total: number; longestTask: number }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 0);
  const start = performance.now();
  await work();
  const total = performance.now() - start;
  clearInterval(ticker);
  longest = Math.max(longest, performance.now() - last);
  return { total, longestTask: longest };
}

export default async function* dossierBench(): AsyncIterable<BenchLine> {
  const records = library(ARTICLES);
  recognize(records[0]!.text); // the gazetteer's first load is not indexing's to pay for
  const db = openDb(`bench-dossier-${Date.now()}`);
  await db.articles.bulkAdd(records);

  const oneLoop = await timed(async () => {
    for (const r of records) recognize(r.text);
  });
  const sliced = await timed(() => indexer(db, { recognize }).poke());
  const indexed = new Set(await db.articles.orderBy('companyIds').primaryKeys()).size;
  if (indexed === 0) throw new Error('indexing found no company');

  const baselineName = `recognising the ${ARTICLES} articles in one loop, no slices, nothing stored`;
  yield { metric: 'dossier.migration.total', value: Math.round(sliced.total), unit: 'ms', baseline: Math.round(oneLoop.total), baselineName };
  yield { metric: 'dossier.migration.longest-task', value: Math.round(sliced.longestTask), unit: 'ms', baseline: Math.round(oneLoop.longestTask), baselineName };
  yield { metric: 'dossier.migration.articles', value: ARTICLES, unit: 'articles' };
  yield { metric: 'dossier.migration.indexed', value: indexed, unit: 'articles' };
  const indexedArticles = await db.articles.toArray();
  db.close();
  await Dexie.delete(db.name);
  yield* upgradeFigures(indexedArticles);
  if (process.env.DOSSIER_RENDER !== '0') yield* renderFigures();
  if (process.env.DOSSIER_BROWSER_MIGRATION !== '0') yield* browserMigrationFigures();
}

const BROWSER_MIGRATION_ARTICLES = Number(process.env.DOSSIER_BROWSER_MIGRATION_ARTICLES ?? 10_000);

/**
 * The same indexing in real Chromium over 10,000 articles (DOSSIER_BROWSER_MIGRATION_ARTICLES;
 * DOSSIER_BROWSER_MIGRATION=0 skips it), in a bench page of a temporary copy of the build: the
 * code the worker runs, with the derived tables kept on every write as in the extension. A page,
 * not the worker, because only a page reports its long tasks.
 */
async function* browserMigrationFigures(): AsyncGenerator<BenchLine> {
  const build = mkdtempSync(join(tmpdir(), 'newsmark-bench-migration-'));
  cpSync(process.env.NEWSMARK_CHROME_BUILD ?? '.output/chrome-mv3', build, { recursive: true });
  writeFileSync(join(build, 'bench-migration.html'), '<!doctype html><html><head><meta charset="utf-8"><title>migration</title><script type="module" src="/bench-migration.js"></script></head><body></body></html>');
  buildSync({ entryPoints: ['bench/support/dossier-migration-page.ts'], bundle: true, format: 'esm', platform: 'browser', outfile: join(build, 'bench-migration.js'), logLevel: 'error' });
  const session = await launchChromium(build);
  try {
    const page = await session.newPage();
    await page.goto(session.extensionUrl('bench-migration.html'));
    await page.waitForFunction(() => 'migrate' in globalThis);
    type Migrate = (articles: ArticleRecord[]) => Promise<{ total: number; longestTask: number; indexed: number }>;
    const result = await page.evaluate((articles) => (globalThis as unknown as { migrate: Migrate }).migrate(articles), library(BROWSER_MIGRATION_ARTICLES));
    if (result.indexed === 0) throw new Error('the migration in Chromium found no company');
    yield { metric: 'dossier.migration.browser.total', value: Math.round(result.total), unit: 'ms' };
    yield { metric: 'dossier.migration.browser.longest-task', value: Math.round(result.longestTask), unit: 'ms' };
    yield { metric: 'dossier.migration.browser.articles', value: BROWSER_MIGRATION_ARTICLES, unit: 'articles' };
    yield { metric: 'dossier.migration.browser.indexed', value: result.indexed, unit: 'articles' };
  } finally {
    await session.close();
    rmSync(build, { recursive: true, force: true });
    removeTestSiteCopy(build);
  }
}

/** The schema as version 5 left it (tests/unit/db/fixtures/v5.json keeps the same, with records). */
const VERSION_5_STORES = JSON.parse(readFileSync('tests/unit/db/fixtures/v5.json', 'utf8')).stores as Record<string, string>;

/**
 * Version 6's upgrade over the indexed library, ten highlights on each article: how long it takes
 * and the longest task while it fills the company mentions, beside reading the same records once.
 */
async function* upgradeFigures(articles: ArticleRecord[]): AsyncGenerator<BenchLine> {
  const name = `bench-upgrade-${Date.now()}`;
  const old = new Dexie(name);
  old.version(5).stores(VERSION_5_STORES);
  await old.open();
  await old.table('articles').bulkAdd(articles);
  await old.table('highlights').bulkAdd(articles.flatMap((a) => Array.from({ length: 10 }, (_, h) => ({
    id: `${a.id}-h${h}`, articleId: a.id, colour: 'yellow', note: '', tags: [], selectors: [], quote: a.text.slice(0, 40), createdAt: a.savedAt + h, deleted: false, updatedAt: a.updatedAt, clocks: {},
  }))));
  const reading = await timed(async () => {
    await old.table('articles').toArray();
    await old.table('highlights').toArray();
  });
  old.close();
  const db = openDb(name);
  const upgrade = await timed(() => db.open());
  const rows = await db.companyMentions.count();
  db.close();
  await Dexie.delete(name);
  if (rows === 0) throw new Error('the upgrade wrote no company mentions');
  const baselineName = `reading the same ${articles.length} articles and their highlights once`;
  yield { metric: 'dossier.upgrade.total', value: Math.round(upgrade.total), unit: 'ms', baseline: Math.round(reading.total), baselineName };
  yield { metric: 'dossier.upgrade.longest-task', value: Math.round(upgrade.longestTask), unit: 'ms', baseline: Math.round(reading.longestTask), baselineName };
  yield { metric: 'dossier.upgrade.rows', value: rows, unit: 'rows' };
}

const RENDER_ARTICLES = Number(process.env.DOSSIER_RENDER_ARTICLES ?? 10_000);
const RENDER_RUNS = Number(process.env.DOSSIER_RENDER_RUNS ?? 11);

async function* renderFigures(): AsyncGenerator<BenchLine> {
  const session = await launchChromium(process.env.NEWSMARK_CHROME_BUILD ?? '.output/chrome-mv3');
  try {
    // tsx compiles with esbuild's keepNames: functions sent to pages call its `__name` helper.
    await session.context.addInitScript('globalThis.__name = (f) => f');
    const seeder = await session.newPage();
    await seeder.goto(session.extensionUrl('options.html'));
    const named = await seeder.evaluate(seedDossierLibrary, { articles: RENDER_ARTICLES, companies: 2_000, highlightsPerArticle: 10 });
    await seeder.close();
    await checkCounts(session.newPage, session.extensionUrl(dossierAddress('c-0')), named.top);
    const top: number[] = [];
    const small: number[] = [];
    // Interleaved, the first of each left out (a cold start of the page's code).
    for (let run = 0; run <= RENDER_RUNS; run++) {
      const big = await renderTime(session.newPage, session.extensionUrl(dossierAddress('c-0')));
      const one = await renderTime(session.newPage, session.extensionUrl(dossierAddress('c-1999')));
      if (run === 0) continue;
      top.push(big);
      small.push(one);
    }
    const baselineName = `the same page for a company ${named.last} article(s) name`;
    yield { metric: 'dossier.render.median', value: median(top), unit: 'ms', baseline: median(small), baselineName };
    yield { metric: 'dossier.render.p95', value: percentile(top, 0.95), unit: 'ms', baseline: percentile(small, 0.95), baselineName };
    yield { metric: 'dossier.render.articles', value: named.top, unit: 'articles' };
    yield { metric: 'dossier.render.library', value: RENDER_ARTICLES, unit: 'articles' };
  } finally {
    await session.close();
  }
}

/** The page counts what was seeded: the rows the seeder wrote stand for the records it wrote. */
async function checkCounts(newPage: () => Promise<Page>, url: string, articles: number): Promise<void> {
  const page = await newPage();
  await page.goto(url);
  const facts = page.getByTestId('dossier-facts');
  await facts.waitFor({ timeout: 600_000 });
  const text = (await facts.textContent()) ?? '';
  await page.close();
  if (!text.includes(`${articles.toLocaleString('en')} saved articles`)) throw new Error(`The dossier of c-0 says "${text}", not ${articles} saved articles.`);
}

/** Milliseconds from the page's navigation start to the frame after the dossier is complete in it. */
async function renderTime(newPage: () => Promise<Page>, url: string): Promise<number> {
  const page = await newPage();
  await page.addInitScript(() => {
    const parts = ['dossier-timeline', 'dossier-chart', 'dossier-highlights'];
    const complete = () => parts.every((id) => document.querySelector(`[data-testid="${id}"]`));
    const observer = new MutationObserver(() => {
      if (!complete()) return;
      observer.disconnect();
      requestAnimationFrame(() => ((globalThis as unknown as { __dossierReady: number }).__dossierReady = performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  const ready = await page.waitForFunction(() => (globalThis as unknown as { __dossierReady?: number }).__dossierReady, undefined, { timeout: 600_000 });
  const value = (await ready.jsonValue()) as number;
  await page.close();
  return Math.round(value * 10) / 10;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}
