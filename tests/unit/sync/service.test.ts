// @vitest-environment node
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/db';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from '@/lib/sync/schedule';
import { saveArticle } from '@/lib/db/articles';
import { DexieSyncStore } from '@/lib/sync/dexie-store';
import { loadSyncStatus, runSync, saveSyncSettings, type SyncServiceDeps } from '@/lib/sync/service';
import { syncStatusItem } from '@/lib/contracts/storage';
import { DEFAULT_SYNC_SETTINGS } from '@/lib/contracts/sync';

let deps: SyncServiceDeps;
let requests = 0;
let clock = 1_000_000;

beforeEach(() => {
  fakeBrowser.reset();
  requests = 0;
  deps = {
    db: openDb(`service-${Math.random()}`),
    fetch: async () => {
      requests++;
      throw new TypeError('fetch failed');
    },
    isOnline: () => true,
    now: () => clock,
    random: () => 0.5,
    keyCache: new Map(),
  };
});

test('backoff doubles per failure, stays within its jitter band, and is capped', () => {
  expect(backoffDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2);
  expect(backoffDelay(1, () => 1)).toBe(BACKOFF_BASE_MS);
  expect(backoffDelay(3, () => 1)).toBe(BACKOFF_BASE_MS * 4);
  expect(backoffDelay(30, () => 1)).toBe(BACKOFF_MAX_MS);
  const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(4)));
  expect(spread.size).toBeGreaterThan(1);
});

test('disabled sync makes no request', async () => {
  const status = await runSync(deps, 'scheduled');
  expect(status.state).toBe('disabled');
  expect(requests).toBe(0);
});

test('with sync off, the status counts nothing and marks nothing pending; turned on, every edit made meanwhile is collected', async () => {
  await saveArticle(deps.db, { url: 'https://news.example/off', title: 'T', text: 'Acme bought Beta.' });
  for (const status of [await loadSyncStatus(deps.db), await runSync(deps, 'scheduled')]) {
    expect(status.state).toBe('disabled');
    expect(status.pending).toBe(0);
  }
  // No write over the library for a count "Sync off" does not show.
  expect(await deps.db.syncRecords.count()).toBe(0);
  await saveSyncSettings({ ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: 'http://127.0.0.1:9', auth: 'none' });
  expect((await loadSyncStatus(deps.db)).pending).toBe(1);
  expect(await new DexieSyncStore(deps.db).countOutgoing()).toBe(1);
});

test('offline: no request, no failure counted', async () => {
  await saveSyncSettings({ ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: 'http://127.0.0.1:9', auth: 'none' });
  const status = await runSync({ ...deps, isOnline: () => false }, 'scheduled');
  expect(status.state).toBe('offline');
  expect(status.failures).toBe(0);
  expect(requests).toBe(0);
});

test('a failure is stored with a retry time; scheduled runs wait for it, a retry does not', async () => {
  await saveSyncSettings({ ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: 'http://127.0.0.1:9', auth: 'none' });
  const first = await runSync(deps, 'scheduled');
  // The browser is online: a server not reached is an error, not "offline".
  expect(first.state).toBe('error');
  expect(first.lastError?.kind).toBe('offline');
  expect(first.retryAt).toBe(clock + backoffDelay(1, () => 0.5));
  expect(await syncStatusItem.getValue()).toEqual(first);
  const before = requests;
  await runSync(deps, 'scheduled');
  expect(requests).toBe(before);
  const second = await runSync(deps, 'retry');
  expect(requests).toBeGreaterThan(before);
  expect(second.failures).toBe(2);
  expect(second.retryAt! - clock).toBe(backoffDelay(2, () => 0.5));
});
