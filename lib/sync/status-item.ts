/**
 * Watching sync's status (stored in `local:syncStatus`, lib/contracts/storage.ts). Kept apart
 * from the engine so the popup and the options page can watch the status without loading it.
 */
import { syncStatusItem } from '../contracts/storage';
import { INITIAL_SYNC_STATUS, type LiveSyncStatus } from '../contracts/sync';

/**
 * Calls `listener` with every status the background stores (a run starting, its progress, its
 * outcome), so a page shows the same state as the worker, live. Returns the unwatch function.
 */
export function watchSyncStatus(listener: (status: LiveSyncStatus) => void): () => void {
  return syncStatusItem.watch((status) => listener({ ...INITIAL_SYNC_STATUS, ...status }));
}
