/**
 * The options page's sync section follows the status the background stores, live: a run that
 * hangs shows "Syncing…" with the button busy (it did not: the page showed only the answer to
 * its own request, which came at the end); a server that is down with the browser online says
 * so rather than "Offline"; a finished run says when and what moved.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SyncOptions, type SyncStore } from '@/components/SyncOptions';
import { DEFAULT_SYNC_SETTINGS, INITIAL_SYNC_STATUS, type LiveSyncStatus } from '@/lib/contracts/sync';
import { englishMessage } from '../components/english-messages';

let root: HTMLElement;
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function liveStore(initial: LiveSyncStatus): SyncStore & { push(status: LiveSyncStatus): Promise<void> } {
  const listeners = new Set<(status: LiveSyncStatus) => void>();
  return {
    load: async () => ({ ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: 'http://127.0.0.1:5984', auth: 'none' }),
    save: async () => initial,
    status: async () => initial,
    syncNow: () => new Promise(() => undefined), // the worker's answer comes at the run's end
    watch: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push: async (status) => act(async () => listeners.forEach((listener) => listener(status))),
  };
}

const line = () => root.querySelector<HTMLElement>('[data-testid="sync-status"]')!;
const syncNow = () => root.querySelector<HTMLButtonElement>('[data-testid="sync-now"]')!;

test('a run started elsewhere, its progress, a server that is down, and the end of a run show as they are stored', async () => {
  const idle: LiveSyncStatus = { ...INITIAL_SYNC_STATUS, state: 'idle', pending: 3 };
  const store = liveStore(idle);
  await act(async () => render(<SyncOptions store={store} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  expect(line().textContent).toBe('Not synced yet · 3 changes waiting');
  expect(syncNow().disabled).toBe(false);

  const started = Date.now();
  await store.push({ ...idle, state: 'syncing', runningSince: started, progress: { pulled: 0, pushed: 0 } });
  expect(line().dataset.state).toBe('syncing');
  expect(line().textContent).toBe('Syncing…');
  expect(syncNow().disabled).toBe(true);
  expect(syncNow().getAttribute('aria-busy')).toBe('true');
  await store.push({ ...idle, state: 'syncing', runningSince: started, progress: { pulled: 1_500, pushed: 0 } });
  expect(line().textContent).toBe('Syncing… · 1,500 received, 0 sent');

  await store.push({ ...idle, state: 'error', lastError: { kind: 'offline', message: 'Cannot reach the sync server (fetch failed).' }, retryAt: started + 60_000 });
  expect(line().dataset.state).toBe('unreachable');
  expect(line().textContent).toMatch(/^Cannot reach the sync server · next try .+ · 3 changes waiting · Cannot reach the sync server \(fetch failed\)\.$/);
  expect(line().textContent).not.toMatch(/Offline/);
  expect(root.querySelector('[role="alert"]')?.textContent).toContain('fetch failed');

  await store.push({ ...idle, state: 'idle', pending: 0, lastSyncAt: started, lastReport: { pulled: 4, pushed: 3, conflicts: 0, requests: 5 } });
  expect(line().dataset.state).toBe('synced');
  expect(line().textContent).toMatch(/^Last synced .+ · 4 received, 3 sent$/);
  expect(syncNow().disabled).toBe(false);
});

test('"Sync now" is busy from the click until the worker answers', async () => {
  const store = liveStore({ ...INITIAL_SYNC_STATUS, state: 'idle' });
  await act(async () => render(<SyncOptions store={store} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  await act(async () => syncNow().click());
  expect(syncNow().disabled).toBe(true);
  expect(syncNow().textContent).toBe('Syncing…');
});
