/**
 * What of a reader's selection can become a highlight: the part inside the article text.
 * A selection that starts in the byline and ends mid-paragraph, or covers the whole page, is
 * clipped to the article text; one that holds none of it (navigation, comments, an iframe, a
 * widget's shadow root) gives nothing, so the toolbar does not offer to highlight it.
 */
import { offsetsFromRange, type TextMap } from '../article/text-map';

export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The article-text span the selection covers, with surrounding whitespace trimmed, or null
 * when it covers no article text. Only a selection in `doc` itself counts: ranges whose ends
 * lie in another document (an iframe) or inside a shadow root are ignored.
 */
export function selectedSpan(doc: Document, map: TextMap, selection: Selection | null): TextSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!inDocumentTree(doc, range.startContainer) || !inDocumentTree(doc, range.endContainer)) return null;
  const offsets = offsetsFromRange(map, range);
  return offsets ? trimSpan(map.text, offsets) : null;
}

/** The span without leading and trailing whitespace; null when nothing else is left. */
export function trimSpan(text: string, { start, end }: TextSpan): TextSpan | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** In this document's own tree: not another document's node, not inside a shadow root. */
function inDocumentTree(doc: Document, node: Node): boolean {
  return node.ownerDocument === doc && node.getRootNode() === doc;
}
