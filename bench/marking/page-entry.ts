/**
 * Injected into benchmark pages: the content script's whole marking pipeline (gate,
 * extraction, recognition, painting) and the baseline, Readability.parse on a clone of the
 * document as Readability's README says to call it.
 */
import { Readability } from '@mozilla/readability';
import { analyzeArticle } from '@/lib/article';
import { recognize } from '@/lib/entities';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { highlightApiOf } from '@/lib/marking/highlight-api';
import { MarkSet } from '@/lib/marking/mark-set';

interface RunResult {
  ms: number;
  extractMs: number;
  recognizeMs: number;
  marks: number;
  isArticle: boolean;
}

let marks: MarkSet | null = null;

function runPipeline(): RunResult {
  const t0 = performance.now();
  const analysis = analyzeArticle(document, { url: location.href });
  const t1 = performance.now();
  let t2 = t1;
  let count = 0;
  if (analysis.isArticle && analysis.root) {
    marks ??= new MarkSet(highlightApiOf(window), document);
    const entities = recognize(analysis.map.text);
    t2 = performance.now();
    count = marks.sync(analysis.map, entities, DEFAULT_SETTINGS.markTypes, DEFAULT_SETTINGS.markStyle).length;
  }
  return { ms: performance.now() - t0, extractMs: t1 - t0, recognizeMs: t2 - t1, marks: count, isArticle: analysis.isArticle };
}

function clearMarks(): void {
  marks?.clear();
}

function readabilityBaseline(): { ms: number } {
  const t0 = performance.now();
  new Readability(document.cloneNode(true) as Document).parse();
  return { ms: performance.now() - t0 };
}

(window as unknown as { __newsmarkBench: unknown }).__newsmarkBench = { runPipeline, clearMarks, readabilityBaseline };
