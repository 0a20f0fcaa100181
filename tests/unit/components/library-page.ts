/**
 * What the library component tests share: the real English strings for each test, the roots
 * they mount unmounted after it (before the strings go: a re-read after the last write must not
 * render without them), and waiting, act() by act(), until the page shows what a test expects.
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { englishMessage } from './english-messages';

const mounted: HTMLElement[] = [];

/** Registers, in the calling test file, the strings before each test and the clean-up after it. */
export function withLibraryPage(): void {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
  });
  afterEach(() => {
    for (const root of mounted.splice(0)) render(null, root);
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });
}

/** A root in the document for a test to render into, unmounted after the test. */
export function mountRoot(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  return root;
}

/** Lets timers, database callbacks and renders run for a moment. */
export const wait = () => act(async () => new Promise((r) => setTimeout(r, 10)));

/** Waits until `done` holds (about 3 s at most), and fails the test if it never does. */
export async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !done(); i++) await wait();
  expect(done()).toBe(true);
}
