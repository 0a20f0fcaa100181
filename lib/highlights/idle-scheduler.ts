/** The page's scheduler for sliced anchoring: idle callbacks where the browser has them. */
import type { SliceScheduler } from '../anchoring';

/** Longest wait for an idle period before a slice runs anyway (a busy page still gets its highlights). */
const IDLE_TIMEOUT_MS = 200;

/**
 * Slices run in `requestIdleCallback` (Chrome and Firefox both have it), with a timeout so a
 * page that is never idle still gets its highlights; a plain timer where there is none.
 */
export function idleScheduler(win: Window & typeof globalThis): SliceScheduler {
  return {
    schedule(run) {
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
      else win.setTimeout(run, 0);
    },
    now: () => win.performance.now(),
  };
}
