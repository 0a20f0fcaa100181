/**
 * Injected into benchmark pages: the content script's marking pipeline as it runs there (the
 * real PageMarker: extraction and painting in idle slices, recognition asked of the background,
 * which the bench stands in for with a request to RECOGNIZE_PATH, answered by Node), and the
 * baseline, Readability.parse on a clone of the document as Readability's README says to call it.
 */
import { Readability } from '@mozilla/readability';
import { analyzeArticleSteps } from '@/lib/article';
import type { Entity } from '@/lib/entities';
import { PageMarker } from '@/lib/marking/page-marker';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { RECOGNIZE_PATH } from './protocol';

export interface PipelineRun {
  /** Time inside extraction's steps, by the page's clock. */
  extractMs: number;
  /** From asking for recognition to the answer, by the page's clock (the page is free meanwhile). */
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
    recognize: async (text) => {
      const asked = performance.now();
      // Absolute: a page's <base href> would send a relative request to its own site.
      const reply = await fetch(new URL(RECOGNIZE_PATH, location.origin), { method: 'POST', body: text });
      const entities = (await reply.json()) as Entity[];
      times.recognizeMs += performance.now() - asked;
      return entities;
    },
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
