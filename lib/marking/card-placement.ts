/**
 * Where the hover card goes: below the marked words if it fits, else above, else on the
 * side with more room, shifted horizontally to stay inside the viewport. The card never
 * covers the words it describes.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

const GAP = 6;
const MARGIN = 8;

export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - card.height;
  const roomBelow = viewport.height - below - MARGIN;
  const roomAbove = anchor.top - GAP - MARGIN;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const maxLeft = Math.max(MARGIN, viewport.width - card.width - MARGIN);
  const left = Math.min(Math.max(anchor.left, MARGIN), maxLeft);
  return { left, top: side === 'below' ? below : above, side };
}
