/** Devices for sync tests: each a separate Dexie database on fake-indexeddb with its own store. */
import { openDb, type NewsmarkDb } from '@/lib/db';
import { DexieSyncStore } from '@/lib/sync/dexie-store';
import { syncOnce, type SyncReport, type SyncTarget } from '@/lib/sync/engine';
import type { FetchLike } from '@/lib/sync/http';
import type { SyncKeys } from '@/lib/sync/crypto';

export interface Device {
  name: string;
  db: NewsmarkDb;
  store: DexieSyncStore;
  sync(overrides?: Partial<SyncTarget>, fetchFn?: FetchLike): Promise<SyncReport>;
  close(): void;
}

let made = 0;

export function makeDevice(target: SyncTarget, options: { batchSize?: number; timeoutMs?: number } = {}): Device {
  const name = `device-${process.pid}-${++made}`;
  const db = openDb(name);
  const store = new DexieSyncStore(db);
  const keyCache = new Map<string, SyncKeys>();
  return {
    name,
    db,
    store,
    sync: (overrides = {}, fetchFn = fetch) =>
      syncOnce(store, { ...target, ...overrides }, { fetch: fetchFn, iterations: 1_000, keyCache, timeoutMs: options.timeoutMs ?? 5_000, batchSize: options.batchSize }),
    close: () => db.close(),
  };
}
