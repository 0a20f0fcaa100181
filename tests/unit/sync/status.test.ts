// @vitest-environment node
/**
 * The sync line tells the truth (issue 26, item 4): offline only when the browser says so; a
 * server that is down is "cannot reach", one that answers with an error is shown with its own
 * words; while a run hangs the stored status is "syncing" (what the options page and the popup
 * watch), with progress for long runs; a finished run says when and what moved.
 */
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/db';
import { addHighlight, saveArticle } from '@/lib/db/library';
import { runSync, saveSyncSettings, type SyncServiceDeps } from '@/lib/sync/service';
import { watchSyncStatus } from '@/lib/sync/status-item';
import { syncStatusItem } from '@/lib/contracts/storage';
import { syncLine } from '@/lib/sync/status-view';
import { DEFAULT_SYNC_SETTINGS, INITIAL_SYNC_STATUS, type LiveSyncStatus } from '@/lib/contracts/sync';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { makeDevice } from './support/devices';

let server: CouchServer;
let proxy: FaultProxy;
let deps: SyncServiceDeps;
let runs = 0;

beforeAll(async () => {
  server = await startCouchServer();
  proxy = await startFaultProxy(server.url);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});
beforeEach(async () => {
  fakeBrowser.reset();
  proxy.clear();
  deps = { db: openDb(`status-${++runs}`), fetch: (input, init) => fetch(input, init), isOnline: () => true, keyCache: new Map() };
  const article = await saveArticle(deps.db, { url: `https://news.example/status-${runs}`, title: 'T', text: 'Acme bought Beta.' });
  await addHighlight(deps.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: 'n' });
});

async function useServer(serverUrl: string): Promise<void> {
  await saveSyncSettings({ ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl, database: `status-${runs}`, auth: 'none' });
}

const now = () => Date.now();

test('the browser offline: "offline", no request', async () => {
  await useServer(proxy.url);
  const before = proxy.requests();
  const status = await runSync({ ...deps, isOnline: () => false }, 'manual');
  expect(syncLine(status, false, now()).kind).toBe('offline');
  expect(proxy.requests()).toBe(before);
});

test('a server that is down, with the browser online, is "cannot reach the server", never "offline"', async () => {
  const gone = await startCouchServer();
  const url = gone.url;
  await gone.close();
  await useServer(url);
  const status = await runSync(deps, 'manual');
  const line = syncLine(status, true, now());
  expect(line.kind).toBe('unreachable');
  expect(line.detail).toMatch(/Cannot reach the sync server/);
  expect(line.retryAt).toBeGreaterThan(now());
});

test('a server error is shown in the server\'s words', async () => {
  await useServer(proxy.url);
  proxy.inject({ kind: 'status', status: 500 });
  const line = syncLine(await runSync(deps, 'manual'), true, now());
  expect(line.kind).toBe('server-error');
  expect(line.detail).toContain('injected 500');
});

test('while the server hangs the stored status is "syncing"; then "synced" with the time and what moved', async () => {
  await useServer(proxy.url);
  proxy.inject({ kind: 'slow', delayMs: 1_500 }, { path: /_bulk_docs/ });
  const seen: LiveSyncStatus[] = [];
  const unwatch = watchSyncStatus((status) => seen.push(status));
  const run = runSync(deps, 'manual');
  await new Promise((resolve) => setTimeout(resolve, 700));
  const during = (await syncStatusItem.getValue())!;
  expect(syncLine(during, true, now()).kind).toBe('syncing');
  const done = await run;
  unwatch();
  const line = syncLine(done, true, now());
  expect(line.kind).toBe('synced');
  expect(line.lastSyncAt).not.toBeNull();
  expect(line.counts).toEqual({ pulled: 0, pushed: 2 });
  // The watchers saw the run start, move and end, in that order.
  const kinds = seen.map((s) => syncLine(s, true, now()).kind);
  expect(kinds[0]).toBe('syncing');
  expect(kinds.at(-1)).toBe('synced');
  expect(seen.some((s) => s.progress?.pushed === 2)).toBe(true);
});

test('a long run reports its progress page by page', async () => {
  const target = { serverUrl: server.url, database: `status-progress-${runs}`, auth: { kind: 'none' } as const };
  const a = makeDevice(target, { batchSize: 7 });
  const b = makeDevice(target, { batchSize: 7 });
  const article = await saveArticle(a.db, { url: 'https://news.example/long', title: 'T', text: 'Acme bought Beta.' });
  for (let i = 0; i < 30; i++) await addHighlight(a.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: `${i}` });
  const steps: Array<{ pulled: number; pushed: number }> = [];
  const { syncOnce } = await import('@/lib/sync/engine');
  const pushed = await syncOnce(a.store, target, { fetch, batchSize: 7, onProgress: (p) => void steps.push(p) });
  const sent = steps.map((s) => s.pushed);
  expect(sent.length).toBeGreaterThanOrEqual(5); // a step per batch of 7
  expect(sent).toEqual([...sent].sort((x, y) => x - y));
  expect(steps.at(-1)).toEqual({ pulled: pushed.pulled, pushed: 31 });
  const pulls: number[] = [];
  await syncOnce(b.store, target, { fetch, batchSize: 7, onProgress: (p) => void pulls.push(p.pulled) });
  expect(pulls.length).toBeGreaterThanOrEqual(5);
  expect(pulls).toEqual([...pulls].sort((x, y) => x - y));
  expect(pulls.at(-1)).toBe(31);
  a.close();
  b.close();
});

test('the line, state by state', () => {
  const base: LiveSyncStatus = { ...INITIAL_SYNC_STATUS, state: 'idle' };
  const t = 1_000_000;
  expect(syncLine({ ...base, state: 'disabled', pending: 4 }, true, t)).toMatchObject({ kind: 'off', pending: 0 });
  expect(syncLine({ ...base, state: 'syncing', runningSince: t - 1_000, progress: { pulled: 500, pushed: 0 } }, true, t)).toMatchObject({ kind: 'syncing', counts: { pulled: 500, pushed: 0 } });
  // A lease left by a stopped worker is not a run under way.
  expect(syncLine({ ...base, state: 'syncing', runningSince: t - 3_600_000, lastSyncAt: t - 7_200_000 }, true, t).kind).toBe('synced');
  expect(syncLine({ ...base, state: 'offline', lastSyncAt: t }, false, t).kind).toBe('offline');
  // Stored while the browser was offline; online now: the next run is due, the line says when the last one was.
  expect(syncLine({ ...base, state: 'offline', lastSyncAt: t }, true, t).kind).toBe('synced');
  expect(syncLine({ ...base, state: 'error', lastError: { kind: 'timeout', message: 'm' } }, true, t).kind).toBe('unreachable');
  expect(syncLine({ ...base, state: 'error', lastError: { kind: 'bad-response', message: 'm' } }, true, t).kind).toBe('server-error');
  expect(syncLine({ ...base, state: 'error', lastError: { kind: 'wrong-passphrase', message: 'm' } }, true, t)).toMatchObject({ kind: 'error', detail: 'm' });
  expect(syncLine(base, true, t).kind).toBe('never');
});
