// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHlc, decodeHlc, encodeHlc, initialHlc, receiveHlc, tickHlc } from '@/lib/db/hlc';

describe('hybrid logical clock', () => {
  it('round-trips through its string form', () => {
    const clock = { wall: 1715000000000, counter: 42, node: 'abc123' };
    expect(decodeHlc(encodeHlc(clock))).toEqual(clock);
    expect(() => decodeHlc('yesterday')).toThrow();
  });

  it('never goes backwards, even when wall time does, and strings sort like the clock', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 1, maxLength: 50 }), (times) => {
        let clock = initialHlc('node-a');
        let previous = encodeHlc(clock);
        for (const now of times) {
          clock = tickHlc(clock, now);
          const stamp = encodeHlc(clock);
          expect(compareHlc(stamp, previous)).toBeGreaterThan(0);
          expect(clock.wall).toBeGreaterThanOrEqual(now);
          previous = stamp;
        }
      }),
    );
  });

  it('moves past a remote stamp from a device whose clock runs ahead', () => {
    const local = tickHlc(initialHlc('a'), 1000);
    const remote = { wall: 5000, counter: 3, node: 'b' };
    const merged = receiveHlc(local, remote, 1001);
    expect(merged).toEqual({ wall: 5000, counter: 4, node: 'a' });
    expect(compareHlc(encodeHlc(tickHlc(merged, 1002)), encodeHlc(remote))).toBeGreaterThan(0);
  });

  it('breaks ties between devices by node id', () => {
    const a = encodeHlc({ wall: 1, counter: 0, node: 'a' });
    const b = encodeHlc({ wall: 1, counter: 0, node: 'b' });
    expect(compareHlc(a, b)).toBeLessThan(0);
  });
});
