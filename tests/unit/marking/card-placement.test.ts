import { describe, expect, it } from 'vitest';
import { placeCard } from '@/lib/marking/card-placement';

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
});
