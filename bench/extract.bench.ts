/**
 * `npm run bench -- extract`: the article pipeline in real Chromium on the corpus pages, beside
 * Readability.js in the same run. Pages are served from 127.0.0.1 with page scripts blocked
 * (CSP `script-src 'none'`) and every other request aborted; the bundled extractor and
 * Readability are evaluated into each page through the DevTools protocol, which CSP does not
 * govern. Per page: gate + detection + extraction (`analyzeArticle` on the live document) vs
 * `new Readability(document.cloneNode(true)).parse()` as its README says to call it, in
 * alternating order. Also: the gate alone on the non-article pages, and the CLI's pages/s in Node.
 * Accuracy in the same browser, per source: body F1 (the AEB shingle metric) of our text and of
 * Readability's, the share of articles taken for articles beside `isProbablyReaderable`, and the
 * share of non-articles left alone; on AEB, the non-article pages, and the fundus dev set when
 * it was fetched (scripts/corpus/fetch-dev-corpora.ts).
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
import { matchPage, scorePages, type PageMatch } from '../scripts/corpus/article-score';
import { devHtml, fundusPages } from '../scripts/corpus/dev-sets';

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

/**
 * What each side makes of the page: our decision and text; Readability's text (its HTML read by
 * the inert DOMParser, a line between blocks) and isProbablyReaderable on the page as loaded.
 */
const OUTPUTS = `() => {
  const analysis = window.NewsmarkArticle.analyzeArticle(document);
  const text = analysis.isArticle ? analysis.map.text : window.NewsmarkArticle.analyzeArticle(document, { skipGate: true }).map.text;
  const readerable = window.isProbablyReaderable(document);
  const parsed = new window.Readability(document.cloneNode(true)).parse();
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) { parts.push(node.data); return; }
    if (node.nodeType !== 1) return;
    const block = /^(?:p|div|li|h[1-6]|blockquote|pre|tr|td|th|section|article|figure|figcaption|ul|ol|dd|dt|br)$/i.test(node.localName);
    if (block) parts.push('\\n');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push('\\n');
  };
  if (parsed && parsed.content) walk(new DOMParser().parseFromString(parsed.content, 'text/html').body);
  return { isArticle: analysis.isArticle, text, readerable, readabilityText: parts.join('') };
}`;

interface Outputs {
  isArticle: boolean;
  text: string;
  readerable: boolean;
  readabilityText: string;
}

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

/** Body F1 of both sides and the share of articles accepted, for one source of articles. */
function* accuracy(source: string, outputs: Array<Outputs & { truth: string }>): Iterable<BenchLine> {
  const ours: PageMatch[] = outputs.map((o) => matchPage(o.truth, o.text));
  const theirs: PageMatch[] = outputs.map((o) => matchPage(o.truth, o.readabilityText));
  yield { metric: `${source}.pages-scored`, value: outputs.length, unit: 'pages' };
  yield { metric: `${source}.body.f1`, value: round(scorePages(ours).f1), unit: 'F1', baseline: round(scorePages(theirs).f1), baselineName: 'Readability.parse' };
  const accepted = outputs.filter((o) => o.isArticle).length / outputs.length;
  const readerable = outputs.filter((o) => o.readerable).length / outputs.length;
  yield { metric: `${source}.accepted`, value: round(accepted), unit: 'share', baseline: round(readerable), baselineName: 'isProbablyReaderable' };
}

export default async function* extractBench(): AsyncIterable<BenchLine> {
  const ours = await bundle(`import { analyzeArticle } from './lib/article/index'; import { gatePage } from './lib/article/gate'; (window as unknown as Record<string, unknown>).NewsmarkArticle = { analyzeArticle, gatePage };`);
  const readability = await bundle(`import { Readability, isProbablyReaderable } from '@mozilla/readability'; Object.assign(window, { Readability, isProbablyReaderable });`);
  const articles = aebPages().slice(0, PAGE_LIMIT);
  const nonArticles = [...gzippedPages(SHARED_NON_ARTICLES_DIR), ...gzippedPages(OWN_NON_ARTICLES_DIR)].slice(0, PAGE_LIMIT);
  const pages = new Map<string, string>();
  for (const page of articles) pages.set(`/aeb/${page.id}`, readHtml(page.file));
  for (const file of nonArticles) pages.set(`/non/${basename(file)}`, readHtml(file));
  const fundus = fundusPages().slice(0, PAGE_LIMIT);
  for (const page of fundus) pages.set(`/fundus/${page.id}`, devHtml(page));
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
    const aebOutputs: Array<Outputs & { truth: string }> = [];
    for (const [i, page] of articles.entries()) {
      await load(`/aeb/${page.id}`);
      timings.push((await tab.evaluate(`(${TIME_BOTH})(${i % 2 === 1})`)) as Timing);
      aebOutputs.push({ ...((await tab.evaluate(`(${OUTPUTS})()`)) as Outputs), truth: page.truth });
    }
    const oursMedian = median(timings.map((t) => t.ours));
    const readabilityMedian = median(timings.map((t) => t.readability));
    yield { metric: 'aeb.pages', value: timings.length, unit: 'pages' };
    yield { metric: 'aeb.gate+detect+extract.median', value: round(oursMedian), unit: 'ms', baseline: round(readabilityMedian), baselineName: 'Readability.parse(document.cloneNode(true))' };
    yield { metric: 'aeb.gate+detect+extract.p95', value: round(percentile(timings.map((t) => t.ours), 0.95)), unit: 'ms', baseline: round(percentile(timings.map((t) => t.readability), 0.95)), baselineName: 'Readability p95' };
    yield { metric: 'aeb.per-page-ratio.median', value: round(median(timings.map((t) => t.ours / t.readability))), unit: 'ratio' };

    const gateTimes: number[] = [];
    const nonOutputs: Outputs[] = [];
    for (const file of nonArticles) {
      await load(`/non/${basename(file)}`);
      gateTimes.push((await tab.evaluate(`(${TIME_GATE})(${GATE_REPEAT})`)) as number);
      nonOutputs.push((await tab.evaluate(`(${OUTPUTS})()`)) as Outputs);
    }
    yield { metric: 'non-articles.gate.median', value: round(gateTimes.length ? median(gateTimes) : 0), unit: 'ms' };
    yield { metric: 'non-articles.gate.p95', value: round(percentile(gateTimes, 0.95)), unit: 'ms' };

    yield* accuracy('aeb', aebOutputs);
    const fundusOutputs: Array<Outputs & { truth: string }> = [];
    for (const page of fundus) {
      await load(`/fundus/${page.id}`);
      fundusOutputs.push({ ...((await tab.evaluate(`(${OUTPUTS})()`)) as Outputs), truth: page.truth });
    }
    if (fundusOutputs.length) yield* accuracy('fundus', fundusOutputs);
    if (nonOutputs.length) {
      const rejected = nonOutputs.filter((o) => !o.isArticle).length / nonOutputs.length;
      const notReaderable = nonOutputs.filter((o) => !o.readerable).length / nonOutputs.length;
      yield { metric: 'non-articles.rejected', value: round(rejected), unit: 'share', baseline: round(notReaderable), baselineName: '!isProbablyReaderable' };
    }
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
