/**
 * Where sync's settings and status live: `storage.local` (the settings hold a password and a
 * passphrase, which must not travel to the browser vendor through `storage.sync`). Kept apart
 * from the engine so the popup and the options page can watch the status without loading it.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SYNC_SETTINGS, INITIAL_SYNC_STATUS, type LiveSyncStatus, type SyncSettings } from '../contracts/sync';

export const syncSettingsItem = storage.defineItem<SyncSettings>('local:syncSettings', { fallback: DEFAULT_SYNC_SETTINGS, version: 1 });
export const syncStatusItem = storage.defineItem<LiveSyncStatus>('local:syncStatus', { fallback: INITIAL_SYNC_STATUS, version: 1 });

/**
 * Calls `listener` with every status the background stores (a run starting, its progress, its
 * outcome), so a page shows the same state as the worker, live. Returns the unwatch function.
 */
export function watchSyncStatus(listener: (status: LiveSyncStatus) => void): () => void {
  return syncStatusItem.watch((status) => listener({ ...INITIAL_SYNC_STATUS, ...status }));
}
