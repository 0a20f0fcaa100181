/** The page's scheduler for sliced anchoring: the marking pipeline's idle callbacks, with a clock. */
import type { SliceScheduler } from '../anchoring';
import { idleScheduler } from '../marking/watch';

/** Longest wait for an idle period before a slice runs anyway (a busy page still gets its highlights). */
const IDLE_TIMEOUT_MS = 200;

export function idleSliceScheduler(win: Window & typeof globalThis): SliceScheduler {
  const idle = idleScheduler(win, IDLE_TIMEOUT_MS);
  return {
    schedule: (run) => void idle(run),
    now: () => win.performance.now(),
  };
}
