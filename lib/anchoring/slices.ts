/**
 * Anchoring many highlights without freezing the page: the work is cut into slices of a few
 * milliseconds, each run when the scheduler says the page has a moment, and each reported as
 * it completes so that what is placed can be drawn at once. A newer pass cancels an older one.
 * Time and scheduling come in as a {@link SliceScheduler} (an idle callback in the page, a
 * fake in tests), so this file touches no browser API.
 */
import { anchor } from './anchor';
import type { PreparedText } from './prepared-text';
import type { AnchorResult } from './types';
import type { Selector } from '../contracts/selectors';

/** Hands out moments to work in. */
export interface SliceScheduler {
  /** Calls `run` once, soon: when the page is idle, in the browser. */
  schedule(run: () => void): void;
  /** A monotonic clock in milliseconds. */
  now(): number;
}

/** Work per slice, in milliseconds: well inside a 16 ms frame, so input and painting go on. */
export const SLICE_BUDGET_MS = 8;

export interface Anchoring<T> {
  item: T;
  result: AnchorResult;
}

/** A pass under way. `done` resolves true once every item is anchored or orphaned, false if cancelled first. */
export interface AnchorPass {
  readonly done: Promise<boolean>;
  cancel(): void;
}

/**
 * Anchors every item against `text`, a slice at a time: a slice ends as soon as it has used
 * `budgetMs` (at least one item is anchored per slice, so every pass ends). `onSlice` gets
 * each slice's results in order; after `cancel()` it is not called again.
 */
export function anchorInSlices<T extends { selectors: readonly Selector[] }>(
  text: PreparedText,
  items: readonly T[],
  scheduler: SliceScheduler,
  onSlice: (results: Anchoring<T>[]) => void,
  budgetMs = SLICE_BUDGET_MS,
): AnchorPass {
  let next = 0;
  let cancelled = false;
  let finish: (complete: boolean) => void = () => undefined;
  const done = new Promise<boolean>((resolve) => (finish = resolve));
  const slice = (): void => {
    if (cancelled) return;
    const started = scheduler.now();
    const results: Anchoring<T>[] = [];
    do {
      const item = items[next++]!;
      results.push({ item, result: anchor(text, item.selectors) });
    } while (next < items.length && scheduler.now() - started < budgetMs);
    onSlice(results);
    if (next < items.length) scheduler.schedule(slice);
    else finish(true);
  };
  if (items.length) scheduler.schedule(slice);
  else finish(true);
  return {
    done,
    cancel() {
      if (cancelled || next >= items.length) return;
      cancelled = true;
      finish(false);
    },
  };
}
