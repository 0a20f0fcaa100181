/**
 * Why a search found an article: the words of the search emphasised in a text, and the
 * passage of a long text where they stand closest together. Pure functions over strings; the
 * words are read as the search index reads them (lib/search-index/terms.ts: split on
 * spaces and punctuation, lower-cased; the last word also matches as a prefix).
 */

/** A piece of text, and whether it is one of the words the search found. */
export interface Segment {
  text: string;
  found: boolean;
}

/** The search's words, as the index reads them, the last one flagged as a prefix. */
export interface SearchWords {
  words: string[];
  /** Whether the last word also matches the start of a longer word (as the search reads it). */
  lastIsPrefix: boolean;
}

/** A run of characters between separators (spaces and punctuation), as the search index splits words. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** The words of `query`; the last is a prefix once it has two letters, as in search.ts. */
export function searchWords(query: string): SearchWords {
  const words = [...query.matchAll(WORD)].map((m) => m[0].toLowerCase());
  return { words, lastIsPrefix: (words.at(-1)?.length ?? 0) > 1 };
}

interface Hit {
  start: number;
  end: number;
  /** Which of the search's words this is. */
  word: number;
}

/** Every word of `text` that is one of the search's words, in order. */
function hitsIn(text: string, { words, lastIsPrefix }: SearchWords): Hit[] {
  const hits: Hit[] = [];
  if (!words.length) return hits;
  for (const m of text.matchAll(WORD)) {
    const token = m[0].toLowerCase();
    const word = words.findIndex((w, i) => token === w || (lastIsPrefix && i === words.length - 1 && token.startsWith(w)));
    if (word >= 0) hits.push({ start: m.index, end: m.index + m[0].length, word });
  }
  return hits;
}

/** Whether `text` holds any of the search's words. */
export function holdsAny(text: string, words: SearchWords): boolean {
  return hitsIn(text, words).length > 0;
}

/** `text` cut into segments, the search's words marked as found. */
export function emphasise(text: string, words: SearchWords): Segment[] {
  return segmentsOf(text, hitsIn(text, words), 0, text.length, false);
}

/** The shape of a passage: how much text it shows at most, and how much before its first word. */
export interface PassageSize {
  length: number;
  lead: number;
}

const DEFAULT_SIZE: PassageSize = { length: 220, lead: 60 };

/**
 * The passage of `text` that holds the most different words of the search within `size.length`
 * characters (the first such), from a word's start to a word's end, with "…" where the text
 * goes on; the words emphasised. Null when the text holds none of them.
 */
export function passage(text: string, words: SearchWords, size: PassageSize = DEFAULT_SIZE): Segment[] | null {
  const hits = hitsIn(text, words);
  if (!hits.length) return null;
  const focus = densest(hits, size.length - size.lead);
  let start = Math.max(0, focus - size.lead);
  let end = Math.min(text.length, start + size.length);
  if (end === text.length) start = Math.max(0, end - size.length);
  // Whole words only: move the cuts to the nearest spaces inside the window.
  if (start > 0) start = nextSpaceEnd(text, start, focus);
  if (end < text.length) end = lastSpaceStart(text, end, start);
  const segments = segmentsOf(text, hits, start, end, true);
  if (start > 0) segments.unshift({ text: '…', found: false });
  if (end < text.length) segments.push({ text: '…', found: false });
  return segments;
}

/** The start of the hit beginning the window of `span` characters with the most different words. */
function densest(hits: Hit[], span: number): number {
  let best = hits[0]!.start;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<number>();
    for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= span; j++) seen.add(hits[j]!.word);
    if (seen.size > bestCount) {
      bestCount = seen.size;
      best = hits[i]!.start;
    }
  }
  return best;
}

/** The first position after a space at or after `from` (not past `limit`), else `from`. */
function nextSpaceEnd(text: string, from: number, limit: number): number {
  for (let i = from - 1; i < limit; i++) if (/\s/.test(text[i]!)) return i + 1;
  return from;
}

/** The position of the last space before `to` (not before `limit`), else `to`. */
function lastSpaceStart(text: string, to: number, limit: number): number {
  if (/\s/.test(text[to]!)) return to;
  for (let i = to - 1; i > limit; i--) if (/\s/.test(text[i]!)) return i;
  return to;
}

/** text[from, to) cut at the hits inside it; with `oneLine`, whitespace runs become one space (a passage is one line). */
function segmentsOf(text: string, hits: Hit[], from: number, to: number, oneLine: boolean): Segment[] {
  const segments: Segment[] = [];
  const push = (piece: string, found: boolean) => piece && segments.push({ text: oneLine && !found ? piece.replace(/\s+/g, ' ') : piece, found });
  let at = from;
  for (const hit of hits) {
    if (hit.start < from || hit.end > to) continue;
    push(text.slice(at, hit.start), false);
    push(text.slice(hit.start, hit.end), true);
    at = hit.end;
  }
  push(text.slice(at, to), false);
  return segments;
}

/** Whether `text` holds every word of the search. */
export function holdsAll(text: string, words: SearchWords): boolean {
  const seen = new Set(hitsIn(text, words).map((hit) => hit.word));
  return words.words.length > 0 && seen.size === new Set(words.words).size;
}
