/**
 * "Jump to" from the popup: finds the text a highlight's selectors describe in the article as
 * it is now (re-anchoring, so a changed page still works), scrolls to it and selects it, so the
 * reader sees where it is and the keyboard continues from there.
 */
import { anchor } from '@/lib/anchoring';
import type { Selector } from '@/lib/contracts/selectors';
import { rangeFromOffsets } from '@/lib/article';
import type { PageMarker } from '@/lib/marking/page-marker';

export function showHighlight(marker: PageMarker, selectors: Selector[], win: Window = window): boolean {
  const map = marker.article?.map;
  if (!map?.text) return false;
  const found = anchor(map.text, selectors);
  if (found.kind !== 'anchored') return false;
  const range = rangeFromOffsets(map, found.start, found.end);
  if (!range) return false;
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const selection = win.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}
