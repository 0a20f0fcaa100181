/** Renders a component into the document and waits (polled, a few ms a step) until `done` holds. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect } from 'vitest';

export async function mountUntil(vnode: preact.VNode, done: (root: HTMLElement) => boolean): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(vnode, root));
  await settleUntil(root, done);
  expect(done(root), root.textContent ?? '').toBe(true);
  return root;
}

/** Lets effects and timers run until `done` holds for `root`, for at most about a second. */
export async function settleUntil(root: HTMLElement, done: (root: HTMLElement) => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(root); i++) await act(async () => new Promise((r) => setTimeout(r, 5)));
}
