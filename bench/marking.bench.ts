/**
 * `npm run bench -- marking`: the content script's whole pipeline (gate, extraction,
 * recognition, painting) on each AEB corpus page in real Chromium, beside
 * Readability.parse(document.cloneNode(true)) on the same page in the same run; the longest
 * task the pipeline causes (PerformanceObserver 'longtask', paint included); extra JS heap.
 */
import { aebPages } from '../tests/e2e/support/corpus';
import { bundleForPage, launchBenchBrowser, median, percentile } from './support/chromium-pages';
import type { BenchLine } from './types';

const PAGE_LIMIT = Number(process.env.MARKING_BENCH_PAGES ?? 181);

interface PageFigures {
  pipelineMs: number;
  extractMs: number;
  recognizeMs: number;
  readabilityMs: number;
  longestTaskMs: number;
  heapDeltaBytes: number;
  marks: number;
}

export default async function* markingBench(): AsyncIterable<BenchLine> {
  const pages = aebPages(PAGE_LIMIT);
  const bundle = await bundleForPage('bench/marking/page-entry.ts');
  const browser = await launchBenchBrowser(Object.fromEntries(pages.map((p) => [`/${p.name}`, p.bytes])), bundle);
  const figures: PageFigures[] = [];
  try {
    for (const corpusPage of pages) {
      const page = await browser.open(`/${corpusPage.name}`);
      figures.push(await page.evaluate(measureInPage));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const ratios = figures.map((f) => f.pipelineMs / Math.max(f.readabilityMs, 0.01));
  const quiet = figures.filter((f) => f.longestTaskMs <= 50).length / figures.length;
  yield { metric: 'pages', value: figures.length, unit: 'pages' };
  yield { metric: 'pipeline.median', value: round(median(figures.map((f) => f.pipelineMs))), unit: 'ms', baseline: round(median(figures.map((f) => f.readabilityMs))), baselineName: 'Readability.parse(clone)' };
  yield { metric: 'pipeline.p95', value: round(percentile(figures.map((f) => f.pipelineMs), 95)), unit: 'ms', baseline: round(percentile(figures.map((f) => f.readabilityMs), 95)), baselineName: 'Readability.parse(clone)' };
  yield { metric: 'extract.median', value: round(median(figures.map((f) => f.extractMs))), unit: 'ms' };
  yield { metric: 'recognize.median', value: round(median(figures.map((f) => f.recognizeMs))), unit: 'ms' };
  yield { metric: 'ratio.median', value: round(median(ratios)), unit: 'x', baselineName: 'per-page pipeline / Readability.parse(clone)' };
  yield { metric: 'longtask.none-over-50ms', value: round(quiet * 100), unit: '% of pages' };
  yield { metric: 'longtask.p95', value: round(percentile(figures.map((f) => f.longestTaskMs), 95)), unit: 'ms' };
  yield { metric: 'heap.extra.median', value: Math.round(median(figures.map((f) => f.heapDeltaBytes)) / 1024), unit: 'KB' };
  yield { metric: 'marks.median', value: median(figures.map((f) => f.marks)), unit: 'marks per page' };
}

/** Runs in the page: one warm-up of each, then the pipeline in a task of its own, then the baseline. */
async function measureInPage(): Promise<PageFigures> {
  type Api = {
    runPipeline(): { ms: number; extractMs: number; recognizeMs: number; marks: number };
    clearMarks(): void;
    readabilityBaseline(): { ms: number };
  };
  const api = (window as unknown as { __newsmarkBench: Api }).__newsmarkBench;
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  await frame();
  const heapBefore = heap();
  const result = await new Promise<ReturnType<Api['runPipeline']>>((resolve) => setTimeout(() => resolve(api.runPipeline()), 0));
  await frame();
  await frame();
  const heapAfter = heap();
  observer.disconnect();
  api.clearMarks();
  const readability = api.readabilityBaseline();
  return {
    pipelineMs: result.ms,
    extractMs: result.extractMs,
    recognizeMs: result.recognizeMs,
    readabilityMs: readability.ms,
    longestTaskMs: Math.max(0, ...longTasks),
    heapDeltaBytes: heapAfter - heapBefore,
    marks: result.marks,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
