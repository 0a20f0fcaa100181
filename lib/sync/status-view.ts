/**
 * What the sync line tells the reader, as a pure function of the stored status and whether the
 * browser says it is online. One function for the options page and the popup, so they cannot
 * disagree: offline only when the browser says so; a server that cannot be reached, or that
 * answers with an error (in its own words), is said to be that; a run under way shows how far
 * it got; a finished one when it ended and what it moved.
 */
import type { LiveSyncStatus, SyncProgress } from '../contracts/sync';
import { isRunning } from './schedule';

export type SyncLineKind = 'off' | 'offline' | 'syncing' | 'unreachable' | 'server-error' | 'error' | 'synced' | 'never';

export interface SyncLine {
  kind: SyncLineKind;
  /** Last successful run (for every kind but off and syncing, which say it otherwise). */
  lastSyncAt: number | null;
  /** Received and sent: by the run under way (syncing), else by the last successful run. */
  counts: SyncProgress | null;
  pending: number;
  /** The error in the words it came with (the server's, where it answered). */
  detail: string | null;
  /** When a failed run is tried again. */
  retryAt: number | null;
}

/** Errors that mean the server was not reached, or did not answer in time. */
const UNREACHED = new Set(['offline', 'timeout']);
/** Errors the server itself answered with (a status, an error page, a broken answer). */
const SERVER_SIDE = new Set(['server', 'bad-response', 'not-found', 'conflict']);

export function syncLine(status: LiveSyncStatus, browserOnline: boolean, now: number): SyncLine {
  const last = status.lastReport ? { pulled: status.lastReport.pulled, pushed: status.lastReport.pushed } : null;
  const line: SyncLine = { kind: 'never', lastSyncAt: status.lastSyncAt, counts: last, pending: status.pending, detail: null, retryAt: null };
  if (status.state === 'disabled') return { ...line, kind: 'off', pending: 0, counts: null };
  // A run is under way while its lease is fresh (a worker stopped mid-run leaves a stale one).
  if (status.state === 'syncing' && isRunning(status, now)) return { ...line, kind: 'syncing', counts: status.progress ?? { pulled: 0, pushed: 0 } };
  if (!browserOnline) return { ...line, kind: 'offline' };
  if (status.state === 'error' && status.lastError) {
    const kind = status.lastError.kind;
    return { ...line, kind: UNREACHED.has(kind) ? 'unreachable' : SERVER_SIDE.has(kind) ? 'server-error' : 'error', detail: status.lastError.message, retryAt: status.retryAt };
  }
  // 'offline' stored by a run the browser was offline for, and online now: the next run is due.
  return { ...line, kind: status.lastSyncAt ? 'synced' : 'never' };
}
