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
  /** Offset inside `node.data` that corresponds to `start` (non-zero when leading whitespace was folded). */
  nodeOffset: number;
}

export interface TextMap {
  text: string;
  /** Ordered by `start`, non-overlapping. Text between segments (block separators, folded spaces) maps to no node. */
  segments: TextSegment[];
}
