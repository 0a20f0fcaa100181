/**
 * Injected into benchmark pages: the content script's marking pipeline as it runs there (the
 * real PageMarker: extraction, recognition and painting, each in an idle slice of its own),
 * and the baseline, Readability.parse on a clone of the document as Readability's README says
 * to call it.
 */
import { Readability } from '@mozilla/readability';
import { analyzeArticleSteps } from '@/lib/article';
import { recognizeSteps } from '@/lib/entities';
import { PageMarker } from '@/lib/marking/page-marker';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

export interface PipelineRun {
  /** Time inside each step, by the page's clock. */
  extractMs: number;
  recognizeMs: number;
  marks: number;
  isArticle: boolean;
}

let marker: PageMarker | null = null;

async function runPipeline(): Promise<PipelineRun> {
  const times = { extractMs: 0, recognizeMs: 0 };
  let isArticle = false;
  // Each stage of a stepped computation runs in a slice of its own: time every resumption.
  function* timed<T>(steps: Generator<void, T>, add: (ms: number) => void): Generator<void, T> {
    for (;;) {
      const t0 = performance.now();
      const step = steps.next();
      add(performance.now() - t0);
      if (step.done) return step.value;
      yield;
    }
  }
  marker = new PageMarker(document, window, DEFAULT_SETTINGS, {
    analyze: (doc, forced) => timed(analyzeArticleSteps(doc, { url: location.href, readerAsked: forced }), (ms) => (times.extractMs += ms)),
    recognize: (text) => timed(recognizeSteps(text), (ms) => (times.recognizeMs += ms)),
    card: { show: () => undefined, hide: () => undefined, isOwnUi: () => false },
    onMarked: (_count, analysis) => void (isArticle = analysis.isArticle),
  });
  const marks = Math.max(0, await marker.run());
  return { ...times, marks, isArticle };
}

function readabilityBaseline(): void {
  new Readability(document.cloneNode(true) as Document).parse();
}

(window as unknown as { __newsmarkBench: unknown }).__newsmarkBench = { runPipeline, readabilityBaseline };
