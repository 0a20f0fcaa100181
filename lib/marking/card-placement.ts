/**
 * Where page UI (the hover card, the highlight toolbar and editor) goes, in viewport
 * coordinates: below the words it describes if it fits, else above, else beside them, and
 * always inside the viewport. It covers its words only when no side of the viewport has room.
 * Pure geometry: the DOM's rectangles are passed in.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above' | 'beside';
}

const GAP = 6;
const MARGIN = 8;

/** `rtl`: right-to-left pages align the UI's right edge with the words' right edge. */
export function placeCard(anchor: Rect, card: Size, viewport: Size, { rtl = false } = {}): Placement {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - card.height;
  const fitsBelow = below + card.height <= viewport.height - MARGIN;
  const fitsAbove = above >= MARGIN;
  const aligned = rtl ? anchor.left + anchor.width - card.width : anchor.left;
  const left = clamp(aligned, MARGIN, viewport.width - card.width - MARGIN);
  if (fitsBelow) return { left, top: below, side: 'below' };
  if (fitsAbove) return { left, top: above, side: 'above' };
  // Neither fits: beside the words, on the side with more room, as high as the viewport allows.
  const top = clamp(anchor.top, MARGIN, viewport.height - card.height - MARGIN);
  const roomRight = viewport.width - (anchor.left + anchor.width) - GAP - MARGIN;
  const roomLeft = anchor.left - GAP - MARGIN;
  const besideLeft = roomRight >= card.width || roomRight >= roomLeft ? anchor.left + anchor.width + GAP : anchor.left - GAP - card.width;
  return { left: clamp(besideLeft, MARGIN, viewport.width - card.width - MARGIN), top, side: 'beside' };
}

/** Where several rectangles (a selection's or a mark's line boxes) sit together. */
export function unionRect(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.left + r.width));
  const bottom = Math.max(...rects.map((r) => r.top + r.height));
  return { left, top, width: right - left, height: bottom - top };
}

/** The line box under a point (a mark that wraps has one per line), else the first. */
export function lineAt(lines: readonly Rect[], x: number, y: number): Rect | null {
  const visible = lines.filter((r) => r.width > 0 && r.height > 0);
  return visible.find((r) => x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height) ?? visible[0] ?? null;
}

/**
 * What a selection's toolbar stands next to: the whole selection when the toolbar fits
 * above or below it, else the line where the reader's drag ended (a selection taller than
 * the viewport leaves no room around it, and the reader's eyes are at its end).
 */
export function selectionAnchor(lines: readonly Rect[], backward: boolean, toolbar: Size, viewport: Size): Rect | null {
  const visible = lines.filter((r) => r.width > 0 && r.height > 0);
  const whole = unionRect(visible);
  if (!whole) return null;
  const roomBelow = viewport.height - MARGIN - (whole.top + whole.height + GAP);
  const roomAbove = whole.top - GAP - MARGIN;
  if (Math.max(roomBelow, roomAbove) >= toolbar.height) return whole;
  return (backward ? visible[0] : visible[visible.length - 1]) ?? whole;
}

/** Does any part of the rectangle lie inside the viewport? */
export function isInViewport(rect: Rect, viewport: Size): boolean {
  return rect.top + rect.height > 0 && rect.top < viewport.height && rect.left + rect.width > 0 && rect.left < viewport.width;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
