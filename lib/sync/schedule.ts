/**
 * When to sync, as pure functions of the stored status: after a failure, retry with
 * exponential backoff and full jitter; a run that finds the worker already syncing waits
 * unless the other run's lease is stale (the worker was stopped half-way).
 */
import type { SyncError } from './errors';
import { recoveryNotice, unreadableNotice, type SyncReport } from './engine';
import type { LiveSyncStatus, SyncStatus } from '../contracts/sync';

/** First retry after about this long; doubles with each failure in a row. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 60 * 60_000;
/** A run older than this is taken for one a stopped worker left behind. */
export const LEASE_MS = 5 * 60_000;

/**
 * Delay before retry number `failures` (1 for the first): base * 2^(failures-1), capped,
 * then "full jitter" over its upper half so many devices do not retry in step.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function isRunning(status: SyncStatus, now: number): boolean {
  return status.runningSince !== null && now - status.runningSince < LEASE_MS;
}

export function started(status: SyncStatus, now: number): LiveSyncStatus {
  return { ...status, state: 'syncing', runningSince: now, lastAttemptAt: now, progress: { pulled: 0, pushed: 0 } };
}

export function succeeded(status: SyncStatus, report: SyncReport, pending: number, now: number): LiveSyncStatus {
  return { ...status, progress: null, state: 'idle', lastSyncAt: now, pending, lastError: null, failures: 0, retryAt: null, runningSince: null, lastReport: report, notice: [recoveryNotice(report), unreadableNotice(report)].filter(Boolean).join(' ') || null };
}

/** Records the failure; retryable ones get a retry time, others wait for new settings or the next period. */
export function failed(status: SyncStatus, error: SyncError, pending: number, now: number, random: () => number = Math.random): LiveSyncStatus {
  const failures = status.failures + 1;
  return {
    ...status,
    progress: null,
    // 'offline' is the browser's word (wentOffline): a server that cannot be reached is an error to show as such.
    state: 'error',
    pending,
    lastError: { kind: error.kind, message: error.message },
    failures,
    retryAt: error.retryable ? now + backoffDelay(failures, random) : null,
    runningSince: null,
  };
}

/** The browser says there is no network: no request, no failure counted, wait for the next alarm. */
export function wentOffline(status: SyncStatus, pending: number): LiveSyncStatus {
  return { ...status, progress: null, state: 'offline', pending, runningSince: null, lastError: { kind: 'offline', message: 'The browser is offline; sync will resume when it is back online.' } };
}
