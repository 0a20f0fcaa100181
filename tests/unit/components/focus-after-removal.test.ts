/**
 * focusWhenShown waits for a restored item to appear, and never outlives its page: a retry
 * timer that reached for the global `document` after a test's page had gone crashed the run
 * ("document is not defined", from the library's undo after the test ended).
 */
import { afterEach, expect, it, vi } from 'vitest';
import { focusWhenShown } from '@/components/focus-after-removal';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

it('focuses the element once it is on the page', () => {
  vi.useFakeTimers();
  focusWhenShown('#restored');
  const button = document.createElement('button');
  button.id = 'restored';
  document.body.append(button);
  expect(document.activeElement).not.toBe(button);
  vi.advanceTimersByTime(40);
  expect(document.activeElement).toBe(button);
});

it('does nothing, and schedules nothing, for a document without a window (a page that has gone)', () => {
  const gone = document.implementation.createHTMLDocument('gone');
  expect(gone.defaultView).toBeNull();
  const timers = vi.spyOn(globalThis, 'setTimeout');
  expect(() => focusWhenShown('#restored', 5000, gone)).not.toThrow();
  expect(timers).not.toHaveBeenCalled();
});
