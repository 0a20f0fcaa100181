/**
 * Injected into benchmark pages: the content script's marking pipeline as it runs there (the
 * real PageMarker: extraction and painting in idle slices, recognition asked of the background,
 * which the bench stands in for with a request to RECOGNIZE_PATH, answered by Node), and the
 * baseline, Readability.parse on a clone of the document as Readability's README says to call it.
 */
import { Readability } from '@mozilla/readability';
import { analyzeArticleSteps, rangeFromOffsets } from '@/lib/article';
import { firstLook, pageAddress } from '@/lib/article/first-look';
import { TextMapBuilder } from '@/lib/article/text-map';
import type { Entity } from '@/lib/contracts/entities';
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
  /** Where the article root is, as element-child indices from <html>, for the floor's run. */
  rootPath: number[] | null;
}

let marker: PageMarker | null = null;

/** The background's recognition, stood in for by Node behind RECOGNIZE_PATH. */
async function askRecognition(text: string): Promise<Entity[]> {
  // Absolute: a page's <base href> would send a relative request to its own site.
  const reply = await fetch(new URL(RECOGNIZE_PATH, location.origin), { method: 'POST', body: text });
  return (await reply.json()) as Entity[];
}

async function runPipeline(): Promise<PipelineRun> {
  const times = { extractMs: 0, recognizeMs: 0 };
  let isArticle = false;
  let rootPath: number[] | null = null;
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
      const entities = await askRecognition(text);
      times.recognizeMs += performance.now() - asked;
      return entities;
    },
    card: { show: () => undefined, hide: () => undefined, isOwnUi: () => false },
    onMarked: (_count, analysis) => {
      isArticle = analysis.isArticle;
      rootPath = analysis.root ? pathOf(analysis.root) : null;
    },
  });
  const marks = Math.max(0, await marker.run());
  return { ...times, marks, isArticle, rootPath };
}

/**
 * What the extension runs on a page now: the first stage's look (entrypoints/first-stage.ts),
 * then the pipeline only where it passes. The pipeline's loading (a message to the background,
 * which injects the built script) is not in here: the bench's bundle is in the page already.
 */
async function runExtension(): Promise<PipelineRun> {
  if (!firstLook(document, pageAddress(document, location.href)).pass) return { extractMs: 0, recognizeMs: 0, marks: 0, isArticle: false, rootPath: null };
  return runPipeline();
}

function pathOf(el: Element): number[] {
  const path: number[] = [];
  for (let at = el; at.parentElement; at = at.parentElement) {
    let index = 0;
    for (let before = at.previousElementSibling; before; before = before.previousElementSibling) index++;
    path.push(index);
  }
  return path.reverse();
}

const inIdleTime = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));

/**
 * A floor for any in-page pipeline that, like ours and like Readability, decides from the whole
 * page: read every node of the body once from script, with no gate, scoring or detection (the
 * article root is handed in, found by the pipeline's run in another copy of the page), gather
 * the root's text, ask for recognition and paint the answer, in the same idle slices. What ours
 * costs beyond this is its logic; what this costs is reading the page, asking and painting.
 */
async function readRecognisePaintFloor(rootPath: number[] | null): Promise<number> {
  let root: Element | null = rootPath ? document.documentElement : null;
  for (const index of rootPath ?? []) root = root?.children[index] ?? null;
  const text = new TextMapBuilder();
  const stack: Array<ChildNode | null> = [document.body.firstChild];
  let rootDepth = -1;
  while (stack.length) {
    const node = stack[stack.length - 1];
    if (!node) {
      stack.pop();
      if (stack.length === rootDepth) rootDepth = -1;
      continue;
    }
    stack[stack.length - 1] = node.nextSibling;
    if (node.nodeType === Node.TEXT_NODE) {
      if (rootDepth >= 0) text.appendText(node as Text);
    } else if (node.nodeType === Node.ELEMENT_NODE && !OPAQUE.has((node as Element).localName)) {
      if (node === root) rootDepth = stack.length;
      else if (rootDepth >= 0 && BLOCKS.has((node as Element).localName)) text.blockBreak();
      stack.push(node.firstChild);
    }
  }
  const map = text.build();
  if (!root || !map.text) return 0;
  await inIdleTime();
  const entities = await askRecognition(map.text);
  await inIdleTime();
  const byType = new Map<string, Range[]>();
  for (const entity of entities) {
    const range = rangeFromOffsets(map, entity.start, entity.end);
    if (!range) continue;
    const ranges = byType.get(entity.type);
    if (ranges) ranges.push(range);
    else byType.set(entity.type, [range]);
  }
  for (const [type, ranges] of byType) CSS.highlights.set(`newsmark-floor-${type}`, new Highlight(...ranges));
  return entities.length;
}

const OPAQUE = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'td', 'tr', 'ul', 'ol']);

function readabilityBaseline(): void {
  new Readability(document.cloneNode(true) as Document).parse();
}

(window as unknown as { __newsmarkBench: unknown }).__newsmarkBench = { runPipeline, runExtension, readabilityBaseline, readRecognisePaintFloor };
