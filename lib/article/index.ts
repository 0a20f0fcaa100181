/**
 * The article pipeline in the page: gate, then detection and extraction over the live DOM.
 * Nothing here clones or changes the document: `root` and the text map's nodes are the page's own.
 */
import { SHORT_PROSE_CHARS, analyzeContentSteps, type ContentAnalysis } from './content';
import { declaredBodyText, declaredTextTest, locateDeclaredBody } from './ld-body';
import { runSteps } from './steps';
import { extractBodyTextSteps } from './body-text';
import { detectArticle } from './detect';
import { gatePage, type GateResult } from './gate';
import { readJsonLd } from './json-ld';
import { readMetaTags, readMetadata, type ArticleMetadata } from './metadata';
import { readSecondLookSignals, secondLook } from './second-look';
import type { TextMap } from './text-map';

export type { ArticleMetadata } from './metadata';
export type { TextMap, TextSegment } from './text-map';
export { rangeFromOffsets, offsetsFromRange } from './text-map';
export { runSteps, type Steps } from './steps';

export interface ArticleAnalysis {
  gate: GateResult;
  isArticle: boolean;
  /** Detection signals with their sign, e.g. ["json-ld:NewsArticle", "text:long", "url:listing"]. */
  signals: string[];
  metadata: ArticleMetadata;
  /** The live element holding the body, or null when the gate stopped or no prose was found. */
  root: Element | null;
  /** The body text (paragraphs separated by a blank line) and its map to live text nodes. */
  map: TextMap;
}

export interface AnalyzeOptions {
  /** The page's URL, for resolving a relative canonical link. */
  url?: string;
  /** Extract even when the gate or the second look would stop (the CLI reports every file in full). */
  skipGate?: boolean;
  /** The reader asked for this page: skip the gate, and when no article body stands out, take the whole body. */
  readerAsked?: boolean;
  /** Where the page's content is, when not in `doc.body`: the top element of an open shadow root holding it (see shadowPageOf). */
  body?: Element;
}

const EMPTY_MAP: TextMap = { text: '', segments: [] };
/** Share of the declared body (JSON-LD articleBody) below which the extracted text is too thin. */
const THIN_SHARE = 0.5;
/** Extracted text shorter than this, beside a declared body, is no body at all (an app shell, a script-rendered page). */
const NO_BODY_CHARS = 250;

/**
 * When the page declares a body in JSON-LD and the DOM text found is less than half of it, the
 * element holding the declared paragraphs becomes the root, if it gives more text. When the DOM
 * holds next to nothing of it (a page that renders its body by script), the declared text is
 * the body's text, with no live nodes to mark.
 */
function* fromDeclaredBody(body: Element, content: ContentAnalysis, map: TextMap, declared: string): Generator<void, TextMap> {
  const located = locateDeclaredBody(body, declared);
  if (located && located !== content.root) {
    const previous = { root: content.root, proseChars: content.proseChars };
    content.root = located;
    // The declared text is the prose the root should hold: furniture holding half of it is kept (see extractBodyTextSteps).
    content.proseChars = Math.max(content.proseOf.get(located) ?? 0, declared.length);
    const relocated = yield* extractBodyTextSteps(located, content, declaredTextTest(declared));
    // More text, and not a whole page around the declared body.
    if (relocated.text.length > map.text.length && relocated.text.length <= declared.length * 2) return relocated;
    Object.assign(content, previous);
  }
  return map.text.length < NO_BODY_CHARS ? { text: declared, segments: [] } : map;
}

/** Runs gate, detection and extraction on a live document. */
export function analyzeArticle(doc: Document, options: AnalyzeOptions = {}): ArticleAnalysis {
  return runSteps(analyzeArticleSteps(doc, options));
}

/**
 * The same analysis as a generator that pauses between its stages (gate, metadata, content
 * scoring, text extraction, detection) and every few hundred elements within the walks, so
 * a caller in a page can give the page back between them; the DOM may change at a pause, and
 * what follows reads it as it is then.
 */
export function* analyzeArticleSteps(doc: Document, options: AnalyzeOptions = {}): Generator<void, ArticleAnalysis> {
  const ld = readJsonLd(doc);
  // A page living in a shadow root makes its claims (if any) in the document's head, its prose in the root.
  const gate = options.body ? { pass: true, signals: ['shadow-root'] } : gatePage(doc, ld);
  yield;
  const tags = readMetaTags(doc);
  yield;
  const metadata = readMetadata(doc, ld, options.url, tags);
  const body = options.body ?? doc.body;
  const checked = !options.skipGate && !options.readerAsked;
  if ((!gate.pass && checked) || !body) {
    return { gate, isArticle: false, signals: gate.signals, metadata, root: null, map: EMPTY_MAP };
  }
  // Before content scoring walks the page: stop what is plainly not one article (second-look.ts).
  // A page living in a shadow root was found by its prose alone and goes on to detection.
  if (checked && !options.body) {
    const look = secondLook(readSecondLookSignals(doc, body, { ld, tags, canonicalUrl: metadata.canonicalUrl }));
    if (!look.pass) return { gate, isArticle: false, signals: [`second-look:${look.reason}`], metadata, root: null, map: EMPTY_MAP };
  }
  yield;
  let content = yield* analyzeContentSteps(body);
  // No fragment long enough for prose: the story may be told a short line a paragraph.
  if (!content.root) content = yield* analyzeContentSteps(body, SHORT_PROSE_CHARS);
  if (!content.root && options.readerAsked) content.root = body;
  yield;
  let map = content.root ? yield* extractBodyTextSteps(content.root, content) : EMPTY_MAP;
  yield;
  const declared = declaredBodyText(ld);
  if (declared && map.text.length < declared.length * THIN_SHARE) {
    map = yield* fromDeclaredBody(body, content, map, declared);
    yield;
  }
  const detection = detectArticle({ doc, ld, tags, content, map, canonicalUrl: metadata.canonicalUrl });
  return {
    gate,
    isArticle: gate.pass && detection.isArticle,
    signals: detection.signals,
    metadata,
    root: content.root,
    map,
  };
}
