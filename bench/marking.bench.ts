/**
 * `npm run bench -- marking`: the content script's whole pipeline (gate, extraction, painting,
 * in the idle slices the content script uses; recognition asked of the background, which Node
 * stands in for here, answering a request from the page, and times apart) on each AEB corpus
 * page in real Chromium, beside Readability.parse(document.cloneNode(true)) on the same page in
 * the same run. Each side runs in a freshly loaded copy of the page, so both pay for cold code
 * as a reader's page does, and between the same frames under the same long-task observer.
 * The pages that are not articles (../shared/corpus/non-articles) are timed the same way, apart:
 * the content script runs on every page a reader opens, and most are not articles.
 * MARKING_BENCH_PAGES limits both sets (first N of each), MARKING_BENCH_ARTICLES the article pages alone.
 *
 * The "pipeline" side is what the extension runs on a page now: the first stage's look, then the
 * pipeline only where the look passes. Beside it, on every page, the same side as the build before
 * the two stages ran it (MARKING_BASELINE_COMMIT, the commit before them by default): the whole
 * pipeline on every page. The figures the two-stage issue set goals for name that build as baseline.
 *
 * On the article pages two more fresh copies are timed, to show what the goal leaves room for:
 * an empty side (the harness, in both sides' figures) and the read-recognise-paint floor
 * (page-entry.ts): no logic, only reading every node, recognition and painting.
 *
 * Main-thread time is the renderer main thread's CPU time over the run (DevTools
 * Performance.getMetrics TaskDuration in thread ticks), which other work on a busy machine
 * disturbs far less than the wall clock; the in-page wall-clock time of each step is reported
 * beside it. Long tasks are the page's PerformanceObserver 'longtask' entries while the
 * pipeline runs (wall clock, so a loaded machine inflates them).
 */
import type { CDPSession, Page } from 'playwright-core';
import { recognize } from '../lib/entities';
import { aebPages, nonArticlePages, type CorpusPage } from '../tests/e2e/support/corpus';
import { bundleForPage, launchBenchBrowser, median, percentile } from './support/chromium-pages';
import { sourcesAt } from './support/baseline-build';
import { RECOGNIZE_PATH } from './marking/protocol';
import type { BenchLine } from './types';

const PAGE_LIMIT = Number(process.env.MARKING_BENCH_PAGES ?? 181);
/** Article pages apart from the non-articles (MARKING_BENCH_PAGES limits both): the article sides cost five page loads each. */
const ARTICLE_LIMIT = Number(process.env.MARKING_BENCH_ARTICLES ?? PAGE_LIMIT);
/** The last commit before the content script was split into a first stage and a pipeline. */
const BASELINE_COMMIT = process.env.MARKING_BASELINE_COMMIT ?? 'accfc4a';
/**
 * What the build before runs on each page: its whole pipeline (the default, as the build before
 * the two stages did), or `extension`, its first look and then the pipeline where the look passes,
 * for comparing a change to the two stages with the commit before it in the same run.
 */
type BaselineSide = 'pipeline' | 'extension';
const BASELINE_SIDE: BaselineSide = process.env.MARKING_BASELINE_SIDE === 'extension' ? 'extension' : 'pipeline';
const BEFORE_NAME = BASELINE_SIDE === 'extension' ? `the extension at ${BASELINE_COMMIT} (its first look, then its pipeline)` : `the build before the two stages (${BASELINE_COMMIT})`;

interface PageFigures {
  pipelineCpuMs: number;
  readabilityCpuMs: number;
  /** Readability's longest task, between the same frames. */
  readabilityLongestTaskMs: number;
  /** The background's recognition of this page's text. */
  backgroundCpuMs: number;
  extractMs: number;
  recognizeMs: number;
  longestTaskMs: number;
  heapDeltaBytes: number;
  marks: number;
  /** The harness alone (an empty side between the same frames), in both sides' figures. */
  harnessCpuMs: number;
  /** Reading the page's text once (`document.body.textContent`) between the same frames; non-article pages only. */
  readTextCpuMs: number;
  /** The read-recognise-paint floor (see page-entry.ts), and the marks it painted. */
  floorCpuMs: number;
  floorMarks: number;
  /** Elements in the page, counted after the clock stopped. */
  elements: number;
  /** The build before the two stages, on the same page. */
  beforeCpuMs: number;
  beforeLongestTaskMs: number;
  beforeFirstMarkMs: number;
  /** From the side's start (where the content script starts, after load) to its marks painted; NaN without marks. */
  firstMarkMs: number;
}

export default async function* markingBench(): AsyncIterable<BenchLine> {
  const pages = aebPages(ARTICLE_LIMIT);
  // Most pages a reader opens are not articles: the content script runs on them too.
  const others = nonArticlePages().slice(0, PAGE_LIMIT);
  // The build before, set aside under its own name before ours is defined.
  const before = await bundleForPage('bench/marking/page-entry.ts', sourcesAt(BASELINE_COMMIT));
  const bundle = `${before};window.__newsmarkBefore = window.__newsmarkBench;\n${await bundleForPage('bench/marking/page-entry.ts')}`;
  // The background's recognition, timed where it runs (Node here, the service worker in the browser).
  const backgroundMs: number[] = [];
  const recognizeInBackground = (text: string) => {
    const started = performance.now();
    const entities = recognize(text);
    backgroundMs.push(performance.now() - started);
    return entities;
  };
  recognizeInBackground('Warm-up: Apple Inc. paid $5 million, up 3%.');
  backgroundMs.length = 0;
  const served = [...pages, ...others];
  const browser = await launchBenchBrowser(Object.fromEntries(served.map((p) => [`/${p.name}`, p.bytes])), bundle, { [RECOGNIZE_PATH]: recognizeInBackground });
  const figures: PageFigures[] = [];
  const otherFigures: PageFigures[] = [];
  try {
    const measureBoth = async (corpusPage: CorpusPage, withFloors: boolean): Promise<PageFigures> => {
      const asked = backgroundMs.length;
      const ours = await measured(await browser.open(`/${corpusPage.name}`), 'pipeline');
      const backgroundCpuMs = backgroundMs.slice(asked).reduce((a, b) => a + b, 0);
      const theirs = await measured(await browser.open(`/${corpusPage.name}`), 'readability');
      const beforeAsked = backgroundMs.length;
      const previous = await measured(await browser.open(`/${corpusPage.name}`), 'before');
      backgroundMs.length = beforeAsked;
      const floor = withFloors ? await measured(await browser.open(`/${corpusPage.name}`), 'floor', ours.result.rootPath) : null;
      const harness = await measured(await browser.open(`/${corpusPage.name}`), 'empty');
      // Where the page is not an article: what reading its text once costs, the least a look at the page can cost.
      const readText = withFloors ? null : await measured(await browser.open(`/${corpusPage.name}`), 'read-text');
      return {
        ...ours.result,
        pipelineCpuMs: ours.cpuMs,
        readabilityCpuMs: theirs.cpuMs,
        readabilityLongestTaskMs: theirs.result.longestTaskMs,
        backgroundCpuMs,
        floorCpuMs: floor?.cpuMs ?? NaN,
        floorMarks: floor?.result.marks ?? NaN,
        harnessCpuMs: harness.cpuMs,
        readTextCpuMs: readText?.cpuMs ?? NaN,
        elements: ours.elements,
        beforeCpuMs: previous.cpuMs,
        beforeLongestTaskMs: previous.result.longestTaskMs,
        beforeFirstMarkMs: previous.result.firstMarkMs,
      };
    };
    for (const corpusPage of pages) figures.push(await measureBoth(corpusPage, true));
    for (const corpusPage of others) {
      const figure = await measureBoth(corpusPage, false);
      // Named on stderr (the JSON lines stay figures): which non-article the pipeline took for one.
      if (figure.marks > 0) console.error(`[marking] a non-article page taken for an article: ${corpusPage.name}`);
      otherFigures.push(figure);
    }
  } finally {
    await browser.close();
  }
  const of = (key: keyof PageFigures) => figures.map((f) => f[key]);
  const ratios = figures.map((f) => f.pipelineCpuMs / Math.max(f.readabilityCpuMs, 0.01));
  const quiet = figures.filter((f) => f.longestTaskMs <= 50).length / figures.length;
  const baselineName = 'Readability.parse(clone)';
  yield { metric: 'pages', value: figures.length, unit: 'pages' };
  yield { metric: 'main-thread.median', value: round(median(of('pipelineCpuMs'))), unit: 'ms CPU', baseline: round(median(of('readabilityCpuMs'))), baselineName };
  yield { metric: 'main-thread.p95', value: round(percentile(of('pipelineCpuMs'), 95)), unit: 'ms CPU', baseline: round(percentile(of('readabilityCpuMs'), 95)), baselineName };
  yield { metric: 'ratio.median', value: round(median(ratios)), unit: 'x', baselineName: `per-page pipeline / ${baselineName}, main-thread CPU` };
  // Per-page CPU as a line over the page's size: what any page costs (the code's cold start
  // in a fresh page) apart from what each element adds.
  const ourLine = fitLine(figures.map((f) => [f.elements, f.pipelineCpuMs]));
  const theirLine = fitLine(figures.map((f) => [f.elements, f.readabilityCpuMs]));
  yield { metric: 'fit.fixed', value: round(ourLine.intercept), unit: 'ms CPU at zero elements', baseline: round(theirLine.intercept), baselineName };
  yield { metric: 'fit.per-1000-elements', value: round(ourLine.slope * 1000), unit: 'ms CPU', baseline: round(theirLine.slope * 1000), baselineName };
  yield { metric: 'elements.median', value: median(of('elements')), unit: 'elements per page' };
  yield { metric: 'extract.median', value: round(median(of('extractMs'))), unit: 'ms wall' };
  yield { metric: 'recognize.answer.median', value: round(median(of('recognizeMs'))), unit: 'ms wall', baselineName: 'from asking the background to its answer; the page is free meanwhile' };
  yield { metric: 'recognize.background.median', value: round(median(of('backgroundCpuMs'))), unit: 'ms CPU', baselineName: 'recognition in the (warm) background, off the page' };
  yield { metric: 'page+background.median', value: round(median(figures.map((f) => f.pipelineCpuMs + f.backgroundCpuMs))), unit: 'ms CPU', baseline: round(median(of('readabilityCpuMs'))), baselineName };
  const theirQuiet = figures.filter((f) => f.readabilityLongestTaskMs <= 50).length / figures.length;
  yield { metric: 'longtask.none-over-50ms', value: round(quiet * 100), unit: '% of pages', baseline: round(figures.filter((f) => f.beforeLongestTaskMs <= 50).length / figures.length * 100), baselineName: BEFORE_NAME };
  yield { metric: 'longtask.none-over-50ms.readability', value: round(quiet * 100), unit: '% of pages', baseline: round(theirQuiet * 100), baselineName };
  yield { metric: 'longtask.p95', value: round(percentile(of('longestTaskMs'), 95)), unit: 'ms wall', baseline: round(percentile(of('readabilityLongestTaskMs'), 95)), baselineName };
  // How far an in-page design that reads every node could go: the harness both sides pay, and
  // a pipeline with no logic that still reads the page, asks for recognition and paints (page-entry.ts).
  const floorRatios = figures.map((f) => f.floorCpuMs / Math.max(f.readabilityCpuMs, 0.01));
  yield { metric: 'floor.harness.median', value: round(median(of('harnessCpuMs'))), unit: 'ms CPU', baselineName: 'an empty side between the same frames: in both sides\' figures' };
  yield { metric: 'floor.read-recognise-paint.median', value: round(median(of('floorCpuMs'))), unit: 'ms CPU', baseline: round(median(of('readabilityCpuMs'))), baselineName };
  yield { metric: 'floor.ratio.median', value: round(median(floorRatios)), unit: 'x', baselineName: `per-page floor / ${baselineName}: the least an in-page pipeline that reads every node reaches` };
  // What the two-stage issue's goal reads: the extension's per-page CPU over the floor's on the same page.
  yield {
    metric: 'articles.to-floor.median',
    value: round(median(figures.map((f) => f.pipelineCpuMs / Math.max(f.floorCpuMs, 0.01)))),
    unit: 'x',
    baseline: round(median(figures.map((f) => f.beforeCpuMs / Math.max(f.floorCpuMs, 0.01)))),
    baselineName: `${BEFORE_NAME}; per-page CPU / the read-recognise-paint floor's`,
  };
  const firstMarks = (key: 'firstMarkMs' | 'beforeFirstMarkMs') => figures.map((f) => f[key]).filter((ms) => Number.isFinite(ms));
  yield {
    metric: 'first-mark.after-load.median',
    value: round(median(firstMarks('firstMarkMs'))),
    unit: 'ms wall',
    baseline: round(median(firstMarks('beforeFirstMarkMs'))),
    baselineName: `${BEFORE_NAME}; from the content script's start after load to the marks painted, pages with marks (the extension's message to load the pipeline and its injection are not in it)`,
  };
  yield { metric: 'floor.marks.median', value: median(of('floorMarks')), unit: 'marks per page', baseline: median(of('marks')), baselineName: 'the pipeline\'s marks' };
  yield { metric: 'heap.extra.median', value: Math.round(median(of('heapDeltaBytes')) / 1024), unit: 'KB' };
  yield { metric: 'marks.median', value: median(of('marks')), unit: 'marks per page' };
  if (otherFigures.length) {
    yield { metric: 'non-articles.pages', value: otherFigures.length, unit: 'pages' };
    yield {
      metric: 'non-articles.main-thread.median',
      value: round(median(otherFigures.map((f) => f.pipelineCpuMs))),
      unit: 'ms CPU',
      baseline: round(median(otherFigures.map((f) => f.beforeCpuMs))),
      baselineName: BEFORE_NAME,
    };
    yield {
      metric: 'non-articles.main-thread.p95',
      value: round(percentile(otherFigures.map((f) => f.pipelineCpuMs), 95)),
      unit: 'ms CPU',
      baseline: round(percentile(otherFigures.map((f) => f.beforeCpuMs), 95)),
      baselineName: BEFORE_NAME,
    };
    yield {
      metric: 'non-articles.main-thread.readability.median',
      value: round(median(otherFigures.map((f) => f.pipelineCpuMs))),
      unit: 'ms CPU',
      baseline: round(median(otherFigures.map((f) => f.readabilityCpuMs))),
      baselineName,
    };
    // What the 1 ms goal leaves for the extension's own work on a page that is not an article: the
    // harness (a task and the frames around it, in every side's figure) and reading the text once.
    yield { metric: 'non-articles.harness.median', value: round(median(otherFigures.map((f) => f.harnessCpuMs))), unit: 'ms CPU', baselineName: 'an empty side between the same frames: in every side\'s figures' };
    yield { metric: 'non-articles.harness.p95', value: round(percentile(otherFigures.map((f) => f.harnessCpuMs), 95)), unit: 'ms CPU' };
    // The extension's own work on each page, the harness of the same page taken away (per page, then the median).
    const overHarness = (key: 'pipelineCpuMs' | 'beforeCpuMs') => otherFigures.map((f) => f[key] - f.harnessCpuMs);
    yield { metric: 'non-articles.over-harness.median', value: round(median(overHarness('pipelineCpuMs'))), unit: 'ms CPU', baseline: round(median(overHarness('beforeCpuMs'))), baselineName: `${BEFORE_NAME}; per page, minus the empty side's CPU on the same page` };
    yield { metric: 'non-articles.over-harness.p95', value: round(percentile(overHarness('pipelineCpuMs'), 95)), unit: 'ms CPU', baseline: round(percentile(overHarness('beforeCpuMs'), 95)), baselineName: `${BEFORE_NAME}; per page, minus the empty side's CPU on the same page` };
    yield { metric: 'non-articles.read-text.median', value: round(median(otherFigures.map((f) => f.readTextCpuMs))), unit: 'ms CPU', baselineName: 'document.body.textContent once, harness included' };
    yield { metric: 'non-articles.read-text.p95', value: round(percentile(otherFigures.map((f) => f.readTextCpuMs), 95)), unit: 'ms CPU' };
    yield { metric: 'non-articles.stopped-by-first-look', value: otherFigures.filter((f) => f.extractMs === 0).length, unit: 'pages the pipeline never ran on' };
    yield { metric: 'non-articles.marked', value: otherFigures.filter((f) => f.marks > 0).length, unit: 'pages with marks (taken for articles)' };
  }
}

/** Runs one side in `page`, with the main thread's CPU time over it and the page's element count; closes the page. */
async function measured(page: Page, side: Side, rootPath: number[] | null = null): Promise<{ result: SideFigures; cpuMs: number; elements: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // The harness's own first evaluation in a page sets up its helper script (in Chromium 156 that
  // touches the lazily built Temporal global, ~10 ms): done before the clock starts, for both sides.
  await page.evaluate(() => 0);
  try {
    const before = await taskSeconds(cdp);
    const result = await page.evaluate(measureInPage, { side, rootPath, baselineSide: BASELINE_SIDE });
    const after = await taskSeconds(cdp);
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { result, cpuMs: (after - before) * 1000, elements };
  } finally {
    await cdp.detach();
    await page.close();
  }
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

type SideRun = { extractMs: number; recognizeMs: number; marks: number; rootPath: number[] | null };
type BenchApi = {
  runPipeline(): Promise<SideRun>;
  runExtension(): Promise<SideRun>;
  readabilityBaseline(): void;
  readRecognisePaintFloor(rootPath: number[] | null): Promise<number>;
};

type Side = 'pipeline' | 'before' | 'readability' | 'floor' | 'empty' | 'read-text';
type SideFigures = SideRun & Pick<PageFigures, 'longestTaskMs' | 'heapDeltaBytes' | 'firstMarkMs'>;

/**
 * In the page: one side from a task of its own, with long tasks and heap growth while it runs.
 * Both sides run between the same frames with the same observer, so that what the harness
 * costs (a frame before, two after, which the pipeline needs to see its marks painted) weighs
 * on both alike; the pipeline's painting is what its frames cost beyond the baseline's.
 */
async function measureInPage({ side, rootPath, baselineSide }: { side: Side; rootPath: number[] | null; baselineSide: BaselineSide }): Promise<SideFigures> {
  const api = (window as unknown as { __newsmarkBench: BenchApi }).__newsmarkBench;
  const previous = (window as unknown as { __newsmarkBefore: BenchApi }).__newsmarkBefore;
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  await frame();
  const heapBefore = heap();
  const none: SideRun = { extractMs: NaN, recognizeMs: NaN, marks: 0, rootPath: null };
  const sides: Record<Side, () => Promise<SideRun>> = {
    pipeline: () => api.runExtension(),
    before: () => (baselineSide === 'extension' ? previous.runExtension() : previous.runPipeline()),
    readability: async () => (api.readabilityBaseline(), none),
    floor: async () => ({ ...none, marks: await api.readRecognisePaintFloor(rootPath) }),
    empty: async () => none,
    'read-text': async () => {
      void document.body?.textContent;
      return none;
    },
  };
  let started = NaN;
  const result = await new Promise<SideRun>((resolve) =>
    setTimeout(() => {
      started = performance.now();
      resolve(sides[side]());
    }, 0),
  );
  // The pipeline resolves as it paints: the marks show at the next frame.
  await frame();
  const firstMarkMs = result.marks > 0 ? performance.now() - started : NaN;
  await frame();
  observer.disconnect();
  return { ...result, longestTaskMs: Math.max(0, ...longTasks), heapDeltaBytes: heap() - heapBefore, firstMarkMs };
}

/** Least-squares line through the points (x, y). */
function fitLine(points: Array<[number, number]>): { intercept: number; slope: number } {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  const slope = variance > 0 ? covariance / variance : 0;
  return { intercept: meanY - slope * meanX, slope };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
