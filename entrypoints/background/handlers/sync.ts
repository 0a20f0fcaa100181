/**
 * Sync in the background worker: the messages the popup and options send, and the alarms
 * that drive runs (periodic, soon after a local edit, a retry after a failure). The worker
 * may stop at any time: alarms persist in the browser and every bit of state is in storage.
 */
import { browser, type Browser } from 'wxt/browser';
import type { SyncMessages } from '@/lib/contracts/messages';
import type { HandlersOf } from '@/lib/messaging';
import type { NewsmarkDb } from '@/lib/db';
import type { SyncKeys } from '@/lib/sync/crypto';
import {
  dismissNoteConflict, listNoteConflicts, loadSyncSettings, loadSyncStatus, resolveNoteConflict, runSync, saveSyncSettings, type SyncServiceDeps,
} from '@/lib/sync/service';
import type { SyncStatus } from '@/lib/contracts/sync';
import { conflictMarks, settleRevivedHighlight } from '@/lib/sync/conflicts';
import { notifyLibraryChanged } from './popup';

export const SYNC_PERIODIC_ALARM = 'newsmark-sync';
export const SYNC_SOON_ALARM = 'newsmark-sync-soon';
export const SYNC_RETRY_ALARM = 'newsmark-sync-retry';
/** Chrome (120+) will not fire an alarm sooner than 30 s from now. */
const SOON_MINUTES = 0.5;

/** What every sync run of this worker shares: the database, the network, the key cache. */
export function createSyncDeps(db: NewsmarkDb): SyncServiceDeps {
  return {
    db,
    fetch: (input, init) => fetch(input, init),
    isOnline: () => globalThis.navigator?.onLine !== false,
    keyCache: new Map<string, SyncKeys>(),
  };
}

/** Sync's messages; the conflict choices write, so a sync follows them (see after-writes.ts). */
export function syncHandlers(deps: SyncServiceDeps): HandlersOf<SyncMessages> {
  return {
    getSyncStatus: () => loadSyncStatus(deps.db),
    syncNow: () => runAndArmRetry(deps, 'manual'),
    getSyncSettings: () => loadSyncSettings(),
    saveSyncSettings: async (settings) => {
      await saveSyncSettings(settings);
      await scheduleSyncAlarms();
      return runAndArmRetry(deps, 'manual');
    },
    listNoteConflicts: ({ kind, id }) => listNoteConflicts(deps.db, kind, id),
    dismissNoteConflict: async ({ kind, id, clock, node }) => {
      await dismissNoteConflict(deps.db, kind, id, { clock, node });
      return listNoteConflicts(deps.db, kind, id);
    },
    listConflictedRecords: ({ only }) => conflictMarks(deps.db, only),
    resolveNoteConflict: ({ kind, id, clock, node, keep }) => resolveNoteConflict(deps.db, kind, id, { clock, node }, keep),
    settleRevivedHighlight: ({ id, keep }) => settleRevivedHighlight(deps.db, id, keep),
  };
}

/** (Re)creates the periodic alarm from the settings; call on install, on startup and after settings change. */
export async function scheduleSyncAlarms(): Promise<void> {
  const settings = await loadSyncSettings();
  await browser.alarms.clear(SYNC_PERIODIC_ALARM);
  if (!settings.enabled) return;
  const period = Math.max(SOON_MINUTES, settings.intervalMinutes);
  await browser.alarms.create(SYNC_PERIODIC_ALARM, { delayInMinutes: SOON_MINUTES, periodInMinutes: period });
}

/**
 * Asks for a run shortly: call after every local library write. Re-creating the alarm
 * pushes it back, so a burst of edits makes one run.
 */
export async function syncSoon(): Promise<void> {
  if (!(await loadSyncSettings()).enabled) return;
  await browser.alarms.create(SYNC_SOON_ALARM, { delayInMinutes: SOON_MINUTES });
}

/** The `browser.alarms.onAlarm` listener's part for sync; false when the alarm is not ours. */
export async function handleSyncAlarm(alarm: Browser.alarms.Alarm, deps: SyncServiceDeps): Promise<boolean> {
  if (alarm.name === SYNC_RETRY_ALARM) await runAndArmRetry(deps, 'retry');
  else if (alarm.name === SYNC_PERIODIC_ALARM || alarm.name === SYNC_SOON_ALARM) await runAndArmRetry(deps, 'scheduled');
  else return false;
  return true;
}

async function runAndArmRetry(deps: SyncServiceDeps, why: 'scheduled' | 'retry' | 'manual'): Promise<SyncStatus> {
  const status = await runSync(deps, why);
  if (status.retryAt !== null) await browser.alarms.create(SYNC_RETRY_ALARM, { when: status.retryAt });
  else await browser.alarms.clear(SYNC_RETRY_ALARM);
  // A run that brought records from other devices: open views (the popup, the side panel) read
  // the library again, as after a local edit; they showed what it held before the run.
  if (status.state === 'idle' && (status.lastReport?.pulled ?? 0) > 0) notifyLibraryChanged();
  return status;
}
