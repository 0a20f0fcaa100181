// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { anchorInSlices, prepareText, type Anchoring } from '@/lib/anchoring';
import type { Selector } from '@/lib/contracts/selectors';
import { fakeScheduler } from './fake-scheduler';

const WORDS = Array.from({ length: 10_000 }, (_, i) => `w${i.toString(36)}`);
const TEXT = WORDS.join(' ');

/** One highlight per word; every tenth quote is missing from the text, so it must come back an orphan. */
function highlights(): { id: number; selectors: Selector[] }[] {
  let at = 0;
  return WORDS.map((word, id) => {
    const start = TEXT.indexOf(word, at);
    at = start + word.length;
    const exact = id % 10 === 9 ? `gone${id}` : word;
    return {
      id,
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(at, at + 32) },
        { type: 'TextPositionSelector', start, end: at },
      ],
    };
  });
}

describe('anchorInSlices', () => {
  it('splits 10,000 highlights into slices within the budget, and anchors or orphans every one exactly once', async () => {
    const scheduler = fakeScheduler(1);
    const slices: Anchoring<{ id: number }>[][] = [];
    const pass = anchorInSlices(prepareText(TEXT), highlights(), scheduler, (slice) => slices.push(slice), 8);
    expect(slices).toHaveLength(0); // nothing runs before the scheduler gives a moment
    scheduler.runAll();
    await expect(pass.done).resolves.toBe(true);
    expect(slices.length).toBeGreaterThan(1000);
    // A slice stops once the clock says its 8 ms are used: at most 8 anchorings at 1 ms each.
    expect(Math.max(...slices.map((s) => s.length))).toBeLessThanOrEqual(8);
    const results = slices.flat();
    expect(results.map((r) => r.item.id)).toEqual(WORDS.map((_, i) => i));
    const orphans = results.filter((r) => r.result.kind === 'orphan').map((r) => r.item.id);
    expect(orphans).toEqual(WORDS.map((_, i) => i).filter((i) => i % 10 === 9));
    const placed = results.filter((r) => r.result.kind === 'anchored');
    expect(placed).toHaveLength(9000);
    for (const { item, result } of placed.slice(0, 50)) expect(result).toMatchObject({ start: TEXT.indexOf(WORDS[item.id]!) });
  });

  it('stops at once when cancelled, and says so', async () => {
    const scheduler = fakeScheduler(1);
    let seen = 0;
    const pass = anchorInSlices(prepareText(TEXT), highlights().slice(0, 100), scheduler, (slice) => (seen += slice.length), 8);
    scheduler.runNext();
    scheduler.runNext();
    pass.cancel();
    scheduler.runAll();
    expect(seen).toBe(16);
    await expect(pass.done).resolves.toBe(false);
  });

  it('runs at least one anchoring per slice however slow, and finishes an empty list at once', async () => {
    const slow = fakeScheduler(100);
    const counts: number[] = [];
    const pass = anchorInSlices(prepareText(TEXT), highlights().slice(0, 3), slow, (slice) => counts.push(slice.length), 8);
    slow.runAll();
    expect(counts).toEqual([1, 1, 1]);
    await expect(pass.done).resolves.toBe(true);
    await expect(anchorInSlices(prepareText(TEXT), [], slow, () => undefined).done).resolves.toBe(true);
  });
});
