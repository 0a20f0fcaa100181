/**
 * The article body as plain text, with the way back from text offsets to the live DOM.
 * Extraction builds it; marking and highlight anchoring use it to turn offsets into Ranges.
 */
export interface TextSegment {
  /** A live text node inside the article root. */
  node: Text;
  /** Where this node's contributed text starts and ends in `TextMap.text` (UTF-16 offsets). */
  start: number;
  end: number;
  /**
   * Offset inside `node.data` that corresponds to `start`. Within a segment text and node
   * agree character for character, so `nodeOffset + (i - start)` is the node offset of text
   * offset `i`. A node whose whitespace was folded contributes several segments.
   */
  nodeOffset: number;
}

export interface TextMap {
  text: string;
  /** Ordered by `start`, non-overlapping. Text between segments (block separators, folded spaces) maps to no node. */
  segments: TextSegment[];
}

/** Whitespace HTML folds; the no-break space is content and stays. */
const FOLDABLE_RUN = /[ \t\n\r\f]+/g;

/**
 * Builds a TextMap the way a browser lays text out, in one forward pass: runs of
 * whitespace fold to one space, blocks are separated by a blank line, `<br>` by a newline
 * (two in a row by a blank line), and nothing leads or trails a line.
 */
export class TextMapBuilder {
  private readonly parts: string[] = [];
  private readonly segments: TextSegment[] = [];
  private length = 0;
  /** The break owed before the next visible character: none, a space, a newline or a blank line. */
  private pending: '' | ' ' | '\n' | '\n\n' = '';

  /** Appends the text of a live Text node (all of `node.data`), folding its whitespace. */
  appendText(node: Text): void {
    const data = node.data;
    // Runs of foldable whitespace found by one native regex scan, not a test per character.
    FOLDABLE_RUN.lastIndex = 0;
    let from = 0;
    for (let run = FOLDABLE_RUN.exec(data); run; run = FOLDABLE_RUN.exec(data)) {
      if (run.index > from) this.emit(node, data, from, run.index);
      if (this.pending === '' && this.length > 0) this.pending = ' ';
      from = run.index + run[0].length;
    }
    if (from < data.length) this.emit(node, data, from, data.length);
  }

  /** Ends the current paragraph: the next text starts after a blank line. */
  blockBreak(): void {
    if (this.length > 0) this.pending = '\n\n';
  }

  /**
   * A `<br>`: the next text starts on a new line (unless a blank line is already owed). A second
   * `<br>` with nothing visible since the first ends a paragraph: pages that set their text with
   * `<br><br>` instead of `<p>` mean a paragraph by it, and readers (Readability too) take it so.
   */
  lineBreak(): void {
    if (this.length === 0) return;
    this.pending = this.pending === '\n' || this.pending === '\n\n' ? '\n\n' : '\n';
  }

  /** Characters emitted so far (without any pending separator). */
  get size(): number {
    return this.length;
  }

  build(): TextMap {
    return { text: this.parts.join(''), segments: this.segments };
  }

  private emit(node: Text, data: string, from: number, to: number): void {
    if (this.pending) {
      this.parts.push(this.pending);
      this.length += this.pending.length;
      this.pending = '';
    }
    const chunk = data.slice(from, to);
    const last = this.segments[this.segments.length - 1];
    // One space folded from a single source space keeps the segment contiguous.
    if (last && last.node === node && last.end === this.length - 1 && last.nodeOffset + (last.end - last.start) === from - 1 && data[from - 1] === ' ') {
      last.end = this.length + chunk.length;
    } else {
      this.segments.push({ node, start: this.length, end: this.length + chunk.length, nodeOffset: from });
    }
    this.parts.push(chunk);
    this.length += chunk.length;
  }
}

/** Index of the first segment whose end is after `offset` (or equal, when `atEnd`). */
function segmentIndexAt(segments: TextSegment[], offset: number, atEnd: boolean): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = segments[mid]!.end;
    if (end < offset || (!atEnd && end === offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A live DOM Range covering text offsets [start, end) of `map.text`, or null when the
 * offsets are out of bounds, empty, or cover no mapped text. Offsets that fall on a
 * separator snap inwards to the nearest mapped character.
 */
export function rangeFromOffsets(map: TextMap, start: number, end: number): Range | null {
  if (!(start >= 0 && end <= map.text.length && start < end)) return null;
  const first = segmentIndexAt(map.segments, start, false);
  const startSeg = map.segments[first];
  if (!startSeg || startSeg.start >= end) return null;
  let lastIndex = segmentIndexAt(map.segments, end, true);
  if (lastIndex >= map.segments.length || map.segments[lastIndex]!.start >= end) lastIndex--;
  const endSeg = map.segments[lastIndex]!;
  const range = startSeg.node.ownerDocument.createRange();
  range.setStart(startSeg.node, startSeg.nodeOffset + Math.max(0, start - startSeg.start));
  range.setEnd(endSeg.node, endSeg.nodeOffset + Math.min(end, endSeg.end) - endSeg.start);
  return range;
}

/**
 * The text offsets a live Range covers, or null when it covers no mapped text. Boundaries
 * inside unmapped parts of the DOM (skipped boilerplate, element boundaries) move to the
 * nearest mapped text inside the range.
 */
export function offsetsFromRange(map: TextMap, range: Range): { start: number; end: number } | null {
  const start = boundaryOffset(map, range.startContainer, range.startOffset, 'start');
  const end = boundaryOffset(map, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

function boundaryOffset(map: TextMap, container: Node, offset: number, side: 'start' | 'end'): number | null {
  const { segments } = map;
  if (segments.length === 0) return null;
  const probe = container.ownerDocument!.createRange();
  probe.setStart(container, offset);
  // Segments are in document order: find the first whose end point lies after the boundary.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid]!;
    const segEnd = seg.nodeOffset + (seg.end - seg.start);
    const cmp = probe.comparePoint(seg.node, segEnd);
    if (cmp < 0 || (cmp === 0 && side === 'start')) lo = mid + 1;
    else hi = mid;
  }
  const seg = segments[lo];
  if (side === 'start') {
    // The boundary lies before this segment's end: inside its node, or before the node altogether.
    return seg ? seg.start + (seg.node === container ? Math.max(0, offset - seg.nodeOffset) : 0) : null;
  }
  // This segment ends at or after the boundary; it holds the boundary only when the boundary is inside its node.
  if (seg && seg.node === container && offset > seg.nodeOffset) {
    return seg.start + Math.min(seg.end - seg.start, offset - seg.nodeOffset);
  }
  const previous = segments[lo - 1];
  return previous ? previous.end : null;
}
