/**
 * `npm run bench -- extract`: the article pipeline in real Chromium on the corpus pages, beside
 * Readability.js in the same run. Pages are served from 127.0.0.1 with page scripts blocked
 * (CSP `script-src 'none'`) and every other request aborted; the bundled extractor and
 * Readability are evaluated into each page through the DevTools protocol, which CSP does not
 * govern. Per page: gate + detection + extraction (`analyzeArticle` on the live document) vs
 * `new Readability(document.cloneNode(true)).parse()` as its README says to call it, in
 * alternating order. Also: the gate alone on the non-article pages, and the CLI's pages/s in Node.
 * `BENCH_EXTRACT_PAGES=40` measures only the first 40 pages of each set (a quick run on a busy machine).
 */
import { createServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { BenchLine } from './types';
import { aebPages, gzippedPages, readHtml, OWN_NON_ARTICLES_DIR, SHARED_NON_ARTICLES_DIR } from '../tests/support/article-corpus';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
/** Pages measured of each set: all unless BENCH_EXTRACT_PAGES says fewer. */
const PAGE_LIMIT = Number(process.env.BENCH_EXTRACT_PAGES) || Infinity;
/** Gate runs per page, averaged: one run is below the timer's resolution. */
const GATE_REPEAT = 20;

/*
 * Code run in the page is kept as source text: tsx would otherwise compile helper calls
 * (`__name`) into functions handed to page.evaluate, which the page does not have.
 */
/** Times both extractors on the loaded page, Readability first when asked. */
const TIME_BOTH = `(readabilityFirst) => {
  const runOurs = () => { const t0 = performance.now(); window.NewsmarkArticle.analyzeArticle(document); return performance.now() - t0; };
  const runReadability = () => { const t0 = performance.now(); new window.Readability(document.cloneNode(true)).parse(); return performance.now() - t0; };
  if (readabilityFirst) { const readability = runReadability(); return { ours: runOurs(), readability }; }
  const ours = runOurs();
  return { ours, readability: runReadability() };
}`;
/** Mean time of the gate over `repeat` runs. */
const TIME_GATE = `(repeat) => {
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) window.NewsmarkArticle.gatePage(document);
  return (performance.now() - t0) / repeat;
}`;

interface Timing {
  ours: number;
  readability: number;
}

async function bundle(contents: string): Promise<string> {
  const result = await build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', write: false, minify: true, target: 'chrome120' });
  return result.outputFiles[0]!.text;
}

function serve(pages: Map<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    if (html === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'",
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export default async function* extractBench(): AsyncIterable<BenchLine> {
  const ours = await bundle(`import { analyzeArticle } from './lib/article/index'; import { gatePage } from './lib/article/gate'; (window as unknown as Record<string, unknown>).NewsmarkArticle = { analyzeArticle, gatePage };`);
  const readability = await bundle(`import { Readability } from '@mozilla/readability'; (window as unknown as Record<string, unknown>).Readability = Readability;`);
  const articles = aebPages().slice(0, PAGE_LIMIT);
  const nonArticles = [...gzippedPages(SHARED_NON_ARTICLES_DIR), ...gzippedPages(OWN_NON_ARTICLES_DIR)].slice(0, PAGE_LIMIT);
  const pages = new Map<string, string>();
  for (const page of articles) pages.set(`/aeb/${page.id}`, readHtml(page.file));
  for (const file of nonArticles) pages.set(`/non/${basename(file)}`, readHtml(file));
  const { server, origin } = await serve(pages);
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-extract-'));
  const browser = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const tab = browser.pages()[0] ?? (await browser.newPage());
    await tab.route('**/*', (route) => (route.request().url().startsWith(origin) && route.request().resourceType() === 'document' ? route.continue() : route.abort()));
    const load = async (path: string) => {
      await tab.goto(origin + path, { waitUntil: 'load' });
      await tab.evaluate(ours);
      await tab.evaluate(readability);
    };

    const timings: Timing[] = [];
    for (const [i, page] of articles.entries()) {
      await load(`/aeb/${page.id}`);
      timings.push((await tab.evaluate(`(${TIME_BOTH})(${i % 2 === 1})`)) as Timing);
    }
    const oursMedian = median(timings.map((t) => t.ours));
    const readabilityMedian = median(timings.map((t) => t.readability));
    yield { metric: 'aeb.pages', value: timings.length, unit: 'pages' };
    yield { metric: 'aeb.gate+detect+extract.median', value: round(oursMedian), unit: 'ms', baseline: round(readabilityMedian), baselineName: 'Readability.parse(document.cloneNode(true))' };
    yield { metric: 'aeb.gate+detect+extract.p95', value: round(percentile(timings.map((t) => t.ours), 0.95)), unit: 'ms', baseline: round(percentile(timings.map((t) => t.readability), 0.95)), baselineName: 'Readability p95' };
    yield { metric: 'aeb.per-page-ratio.median', value: round(median(timings.map((t) => t.ours / t.readability))), unit: 'ratio' };

    const gateTimes: number[] = [];
    for (const file of nonArticles) {
      await load(`/non/${basename(file)}`);
      gateTimes.push((await tab.evaluate(`(${TIME_GATE})(${GATE_REPEAT})`)) as number);
    }
    yield { metric: 'non-articles.gate.median', value: round(gateTimes.length ? median(gateTimes) : 0), unit: 'ms' };
    yield { metric: 'non-articles.gate.p95', value: round(percentile(gateTimes, 0.95)), unit: 'ms' };
  } finally {
    await browser.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  const files = articles.map((page) => page.file);
  const t0 = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...files], { maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  yield { metric: 'cli.pages-per-second', value: round(files.length / seconds), unit: 'pages/s' };
}
