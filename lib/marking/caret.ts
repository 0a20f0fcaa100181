/**
 * The text position under a point, in both engines: `caretPositionFromPoint` (standard;
 * Firefox, Chrome 128+) or WebKit's `caretRangeFromPoint`. Only text nodes count.
 */
export interface Caret {
  node: Text;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAtPoint(doc: Document, x: number, y: number): Caret | null {
  const d = doc as CaretDocument;
  let node: Node | undefined;
  let offset = 0;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    node = position?.offsetNode;
    offset = position?.offset ?? 0;
  } else if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    node = range?.startContainer;
    offset = range?.startOffset ?? 0;
  }
  return node && node.nodeType === Node.TEXT_NODE ? { node: node as Text, offset } : null;
}

/** Is the point inside one of the range's line boxes? A caret lookup snaps to the nearest text even in margins. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
