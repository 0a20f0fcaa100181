/** A scheduler for sliced-anchoring tests (no idle callbacks, no real time). */
import type { SliceScheduler } from '@/lib/anchoring';

export interface FakeScheduler extends SliceScheduler {
  waiting(): number;
  runNext(): void;
  /** Runs slices until none is waiting; answers how many ran. */
  runAll(): number;
}

/**
 * A scheduler that runs nothing until told to, with a clock that moves `step` ms each time it is
 * read: each read stands for the time one anchoring took, so slice sizes are deterministic.
 */
export function fakeScheduler(step: number): FakeScheduler {
  const queue: (() => void)[] = [];
  let clock = 0;
  return {
    schedule: (run) => void queue.push(run),
    now: () => (clock += step),
    waiting: () => queue.length,
    runNext: () => queue.shift()!(),
    runAll() {
      let slices = 0;
      for (; queue.length; slices += 1) queue.shift()!();
      return slices;
    },
  };
}
