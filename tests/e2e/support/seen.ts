/**
 * What a reader would check about a piece of Newsmark's UI on a page, asserted the way a
 * reader sees it: its box lies inside the viewport, next to the words it belongs to without
 * covering them, its region of the screenshot is painted (differs from the same region with
 * the UI closed), and its words can be selected with the mouse and read.
 */
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import type { RealInput } from './input';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface LookingPage extends RealInput {
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
}

/** The viewport box of Newsmark's UI host of this kind (`card`, `highlight-panel`, `highlight-toast`), or null while it is not displayed. */
export function uiBox(page: LookingPage, kind: string): Promise<Box | null> {
  return page.evaluate((k: string) => {
    const host = document.querySelector(`newsmark-ui[data-kind="${k}"]`);
    if (!host || getComputedStyle(host).display === 'none') return null;
    const { left, top, width, height } = host.getBoundingClientRect();
    return { left, top, width, height };
  }, kind);
}

/** The viewport's CSS size less scroll bars, and `frameWidth` with them (a screenshot's width, in CSS pixels). */
export function viewportOf(page: LookingPage): Promise<{ width: number; height: number; frameWidth: number }> {
  return page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight, frameWidth: innerWidth }));
}

/** Waits until the UI of this kind is displayed, and answers its box. */
export async function waitForUi(page: LookingPage, kind: string, timeoutMs = 5_000): Promise<Box> {
  // Polled by hand, not with expect.poll: the demo uses this outside a test run.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const box = await uiBox(page, kind);
    if (box) return box;
    if (Date.now() > deadline) throw new Error(`The ${kind} never opened (waited ${timeoutMs} ms)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the UI of this kind is no longer displayed (a drag begun under it would end on it). */
export async function waitForUiGone(page: LookingPage, kind: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await uiBox(page, kind)) {
    if (Date.now() > deadline) throw new Error(`The ${kind} never closed (waited ${timeoutMs} ms)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Distance between two boxes' nearest edges; 0 when they touch or overlap. */
export function gap(a: Box, b: Box): number {
  const dx = Math.max(0, b.left - (a.left + a.width), a.left - (b.left + b.width));
  const dy = Math.max(0, b.top - (a.top + a.height), a.top - (b.top + b.height));
  return Math.hypot(dx, dy);
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width - 0.5 && b.left < a.left + a.width - 0.5 && a.top < b.top + b.height - 0.5 && b.top < a.top + a.height - 0.5;
}

/** The UI is on screen, has a size, sits within `nearPx` of the words it belongs to, and does not cover them. */
export async function expectBesideAndVisible(page: LookingPage, ui: Box, words: Box, nearPx = 24): Promise<void> {
  const viewport = await viewportOf(page);
  const where = `UI at ${JSON.stringify(ui)}, words at ${JSON.stringify(words)}, viewport ${viewport.width}×${viewport.height}`;
  expect(ui.width * ui.height, `the UI has no size: ${where}`).toBeGreaterThan(100);
  expect(ui.left >= 0 && ui.top >= 0 && ui.left + ui.width <= viewport.width && ui.top + ui.height <= viewport.height, `the UI is not inside the viewport: ${where}`).toBe(true);
  expect(gap(ui, words), `the UI is not next to its words: ${where}`).toBeLessThanOrEqual(nearPx);
  expect(overlaps(ui, words), `the UI covers its words: ${where}`).toBe(false);
}

/**
 * Share of the box's pixels that differ between two screenshots of the same viewport. With
 * `open` taken while the UI shows and `closed` after it closed, a UI that is painted scores
 * high; one that is off-screen, transparent or empty scores 0.
 */
export function paintedShare(open: Buffer, closed: Buffer, box: Box, frameWidth: number): number {
  const a = PNG.sync.read(open);
  const b = PNG.sync.read(closed);
  // Screenshots are in device pixels (twice the CSS pixels at devicePixelRatio 2).
  const scale = a.width / frameWidth;
  const left = Math.max(0, Math.floor(box.left * scale));
  const top = Math.max(0, Math.floor(box.top * scale));
  const right = Math.min(a.width, b.width, Math.ceil((box.left + box.width) * scale));
  const bottom = Math.min(a.height, b.height, Math.ceil((box.top + box.height) * scale));
  let differing = 0;
  let total = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      total++;
      if (Math.abs(a.data[i]! - b.data[j]!) + Math.abs(a.data[i + 1]! - b.data[j + 1]!) + Math.abs(a.data[i + 2]! - b.data[j + 2]!) > 24) differing++;
    }
  }
  return total === 0 ? 0 : differing / total;
}

/** Drags the mouse from one point to another with the button held, as a reader selects text. */
export async function dragSelect(page: LookingPage, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouseMove(from.x, from.y);
  await page.mouseDown();
  await page.mouseMove((from.x + to.x) / 2, (from.y + to.y) / 2, 4);
  await page.mouseMove(to.x, to.y, 4);
  await page.mouseUp();
}

/**
 * The UI's words, read as a reader copying them would: drag-select across its box and read
 * the selection. The closed shadow root keeps page scripts out; the selection is what the
 * screen shows (text-transform included).
 */
export async function readBySelecting(page: LookingPage, box: Box): Promise<string> {
  await dragSelect(page, { x: box.left + 3, y: box.top + 3 }, { x: box.left + box.width - 3, y: box.top + box.height - 3 });
  const text = await page.evaluate(() => getSelection()?.toString() ?? '');
  await page.evaluate(() => getSelection()?.removeAllRanges());
  return text.replace(/\s+/g, ' ').trim();
}

/** The line boxes of `quote` in the page's article paragraphs, scrolled into view: where a reader drags across it. */
export function quoteLines(page: LookingPage, quote: string): Promise<Box[]> {
  return page.evaluate((q: string) => {
    for (const p of document.querySelectorAll('article p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(q);
        if (at < 0) continue;
        p.scrollIntoView({ block: 'center', behavior: 'instant' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.length);
        return [...range.getClientRects()].filter((r) => r.width > 0).map(({ left, top, width, height }) => ({ left, top, width, height }));
      }
    }
    throw new Error(`no article paragraph says "${q}" in one text node`);
  }, quote);
}

/** Selects `quote` by dragging the mouse from its first letter to its last, as a reader does; answers the selection's box. */
export async function selectByDragging(page: LookingPage, quote: string): Promise<Box> {
  const lines = await quoteLines(page, quote);
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  await dragSelect(page, { x: first.left + 1, y: first.top + first.height / 2 }, { x: last.left + last.width - 1, y: last.top + last.height / 2 });
  const left = Math.min(...lines.map((l) => l.left));
  const right = Math.max(...lines.map((l) => l.left + l.width));
  return { left, top: first.top, width: right - left, height: last.top + last.height - first.top };
}
