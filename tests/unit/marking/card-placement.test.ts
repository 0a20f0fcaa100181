// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { lineAt, placeCard, selectionAnchor } from '@/lib/marking/card-placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 280, height: 160 };

function overlaps(a: { left: number; top: number; width: number; height: number }, b: typeof a): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('placeCard', () => {
  it('goes below the words when there is room', () => {
    const anchor = { left: 100, top: 100, width: 80, height: 20 };
    const p = placeCard(anchor, card, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThanOrEqual(120);
    expect(overlaps(anchor, { ...p, ...card })).toBe(false);
  });

  it('goes above the words near the bottom of the viewport', () => {
    const anchor = { left: 100, top: 740, width: 80, height: 20 };
    const p = placeCard(anchor, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBeLessThanOrEqual(740);
    expect(overlaps(anchor, { ...p, ...card })).toBe(false);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeCard({ left: 950, top: 100, width: 40, height: 20 }, card, viewport).left).toBe(1000 - 280 - 8);
    expect(placeCard({ left: -30, top: 100, width: 40, height: 20 }, card, viewport).left).toBe(8);
  });

  it('never covers the words, wherever they are', () => {
    for (let top = 0; top < 800; top += 37) {
      const anchor = { left: 300, top, width: 60, height: 18 };
      expect(overlaps(anchor, { ...placeCard(anchor, card, viewport), ...card })).toBe(false);
    }
  });

  it('on a right-to-left page, lines up with the right edge of the words', () => {
    const anchor = { left: 600, top: 100, width: 80, height: 20 };
    expect(placeCard(anchor, card, viewport, { rtl: true }).left).toBe(680 - 280);
  });

  it('goes beside words that leave no room above or below, inside the viewport', () => {
    const tall = { width: 280, height: 500 };
    const anchor = { left: 100, top: 300, width: 80, height: 20 };
    const p = placeCard(anchor, tall, viewport);
    expect(p.side).toBe('beside');
    expect(p.left).toBeGreaterThanOrEqual(186);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + tall.height).toBeLessThanOrEqual(792);
    expect(overlaps(anchor, { ...p, ...tall })).toBe(false);
  });
});

describe('lineAt', () => {
  const lines = [
    { left: 500, top: 100, width: 200, height: 20 },
    { left: 40, top: 122, width: 60, height: 20 },
  ];
  it('answers the line under the pointer of a mark that wraps', () => {
    expect(lineAt(lines, 60, 130)).toBe(lines[1]);
    expect(lineAt(lines, 600, 110)).toBe(lines[0]);
  });
  it('answers the first line when the pointer is on none, and null without lines', () => {
    expect(lineAt(lines, 0, 0)).toBe(lines[0]);
    expect(lineAt([{ left: 0, top: 0, width: 0, height: 0 }], 0, 0)).toBeNull();
  });
});

describe('selectionAnchor', () => {
  const toolbar = { width: 200, height: 36 };
  const line = (top: number) => ({ left: 100, top, width: 500, height: 20 });
  it('is the whole selection when the toolbar fits above or below it', () => {
    expect(selectionAnchor([line(300), line(322)], false, toolbar, viewport)).toEqual({ left: 100, top: 300, width: 500, height: 42 });
  });
  it('is the line where the drag ended when the selection fills the viewport', () => {
    const lines = Array.from({ length: 40 }, (_, i) => line(i * 21 - 10));
    expect(selectionAnchor(lines, false, toolbar, viewport)).toBe(lines[39]);
    expect(selectionAnchor(lines, true, toolbar, viewport)).toBe(lines[0]);
  });
});

