/**
 * Text mutations that keep track of where a highlighted span ends up, for the anchoring
 * benchmark and its unit tests. A span is the ground truth: after every edit it covers the
 * same words (edits inside it, such as whitespace or one changed word, stretch it).
 */

export interface Span {
  start: number;
  end: number;
}

export interface Doc {
  text: string;
  span: Span;
}

/** A seeded PRNG (mulberry32), so every run sees the same highlights and edits. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Replaces text[from, to) with `insert`, moving the span; edits may not straddle a span edge. */
export function edit(doc: Doc, from: number, to: number, insert: string): Doc {
  const { span } = doc;
  const delta = insert.length - (to - from);
  const text = doc.text.slice(0, from) + insert + doc.text.slice(to);
  if (to <= span.start) {
    return { text, span: { start: span.start + delta, end: span.end + delta } };
  }
  if (from >= span.end) return { text, span };
  if (from >= span.start && to <= span.end) return { text, span: { start: span.start, end: span.end + delta } };
  throw new Error(`Edit [${from}, ${to}) straddles the span [${span.start}, ${span.end})`);
}

/** Paragraphs as [start, end) offsets of their text (separators excluded). */
export function paragraphs(text: string): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) found.push({ start: m.index, end: m.index + m[0].length });
  return found;
}

/** Words as [start, end) offsets. */
export function words(text: string, from = 0, to = text.length): Span[] {
  const found: Span[] = [];
  for (const m of text.slice(from, to).matchAll(/\S+/g)) found.push({ start: from + m.index, end: from + m.index + m[0].length });
  return found;
}

const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;
const disjoint = (a: Span, b: Span): boolean => a.end <= b.start || b.end <= a.start;

/** Paragraph indexes within `reach` paragraphs of the span, nearest first. */
function nearbyParagraphs(doc: Doc, reach: number): { list: Span[]; around: number[] } {
  const list = paragraphs(doc.text);
  const first = Math.max(0, list.findIndex((p) => p.end > doc.span.start));
  const around = list.map((_, i) => i).filter((i) => Math.abs(i - first) <= reach);
  return { list, around };
}

/** Inserts a paragraph (from `pool`) at a paragraph boundary near the span, never inside it. */
export function insertParagraph(doc: Doc, random: Random, pool: readonly string[]): Doc {
  const { list, around } = nearbyParagraphs(doc, 3);
  const boundaries = around.flatMap((i) => [list[i]!.start, list[i]!.end]).filter((b) => b <= doc.span.start || b >= doc.span.end);
  if (!boundaries.length) return doc;
  const at = pick(random, boundaries);
  const isStart = list.some((p) => p.start === at);
  const paragraph = pick(random, pool);
  return edit(doc, at, at, isStart ? `${paragraph}\n\n` : `\n\n${paragraph}`);
}

/** Deletes a nearby paragraph that does not hold any of the span. */
export function deleteParagraph(doc: Doc, random: Random): Doc {
  const { list, around } = nearbyParagraphs(doc, 3);
  const free = around.map((i) => list[i]!).filter((p) => disjoint(p, doc.span));
  if (!free.length) return doc;
  const p = pick(random, free);
  const to = doc.text.slice(p.end).match(/^\n*/)![0].length + p.end;
  return to <= doc.span.start || p.start >= doc.span.end ? edit(doc, p.start, to, '') : doc;
}

/** Replaces 1-3 words within 64 characters before or after the span (never inside it). */
export function editWordsNear(doc: Doc, random: Random, vocabulary: readonly string[]): Doc {
  let next = doc;
  for (let n = intBetween(random, 1, 3); n > 0; n -= 1) {
    const { span, text } = next;
    const near = [...words(text, Math.max(0, span.start - 64), span.start), ...words(text, span.end, span.end + 64)].filter(
      (w) => disjoint(w, span) && w.start !== span.end,
    );
    if (!near.length) break;
    const w = pick(random, near);
    next = edit(next, w.start, w.end, pick(random, vocabulary));
  }
  return next;
}

/** Changes whitespace anywhere (inside the span too): doubled spaces, line breaks, collapsed blank lines. */
export function changeWhitespace(doc: Doc, random: Random): Doc {
  let next = doc;
  const gaps = [...doc.text.matchAll(/\s+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const count = Math.max(1, Math.floor(gaps.length * 0.2));
  // Right to left so earlier offsets stay valid.
  const chosen = [...new Set(Array.from({ length: count }, () => intBetween(random, 0, gaps.length - 1)))].sort((a, b) => b - a);
  for (const i of chosen) {
    const gap = gaps[i]!;
    const replacement = gap.end - gap.start > 1 ? pick(random, ['\n', ' ', '\n \n']) : pick(random, ['  ', '\n', ' \t ']);
    const inside = gap.start >= next.span.start && gap.end <= next.span.end;
    const outside = gap.end <= next.span.start || gap.start >= next.span.end;
    if (inside || outside) next = edit(next, gap.start, gap.end, replacement);
  }
  return next;
}

/** Inserts page furniture between nearby paragraphs ("Advertisement", a caption, a related link). */
export function insertFurniture(doc: Doc, random: Random): Doc {
  const furniture = ['Advertisement', 'ADVERTISEMENT', 'Continue reading the main story', 'Photo: Reuters', 'Read more:', 'Share this article'];
  return insertParagraph(doc, random, furniture);
}

/** Moves a paragraph (possibly the one holding the span) to another paragraph boundary. */
export function moveBlock(doc: Doc, random: Random): Doc {
  const list = paragraphs(doc.text);
  if (list.length < 3) return doc;
  const block = pick(random, list);
  if (!contains(block, doc.span) && !disjoint(block, doc.span)) return doc;
  // Never drop a block into the middle of the span: the quote would no longer be intact.
  const targets = list.filter((p) => p !== block && (p.start <= doc.span.start || p.start >= doc.span.end));
  if (!targets.length) return doc;
  const target = pick(random, targets);
  const blockText = doc.text.slice(block.start, block.end);
  const moving = contains(block, doc.span);
  // Cut the block and its separator, then insert it before the target paragraph.
  const cutEnd = block.end + doc.text.slice(block.end).match(/^\n*/)![0].length;
  const withoutBlock = doc.text.slice(0, block.start) + doc.text.slice(cutEnd);
  const removed = cutEnd - block.start;
  const shiftAfterCut = (x: number): number => (x >= cutEnd ? x - removed : x);
  const insertAt = shiftAfterCut(target.start);
  const inserted = `${blockText}\n\n`;
  const text = withoutBlock.slice(0, insertAt) + inserted + withoutBlock.slice(insertAt);
  const shiftAfterInsert = (x: number): number => (x >= insertAt ? x + inserted.length : x);
  const span = moving
    ? { start: insertAt + doc.span.start - block.start, end: insertAt + doc.span.end - block.start }
    : { start: shiftAfterInsert(shiftAfterCut(doc.span.start)), end: shiftAfterInsert(shiftAfterCut(doc.span.end)) };
  return { text, span };
}

/** Replaces one word strictly inside the span (not its first or last word) with a different word. */
export function changeWordInside(doc: Doc, random: Random, vocabulary: readonly string[]): Doc | undefined {
  const inner = words(doc.text, doc.span.start, doc.span.end).slice(1, -1);
  if (!inner.length) return undefined;
  const w = pick(random, inner);
  const old = doc.text.slice(w.start, w.end);
  let replacement = pick(random, vocabulary);
  while (replacement === old) replacement = pick(random, vocabulary);
  return edit(doc, w.start, w.end, replacement);
}
