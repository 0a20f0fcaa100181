/**
 * The shapes sync settings and status take in storage and in messages to the popup/options.
 * Settings stay in `storage.local`: they hold a password and a passphrase, which must not
 * travel to the browser vendor's servers through `storage.sync`.
 */
import type { SyncErrorKind } from './errors';

export type SyncAuthKind = 'none' | 'basic' | 'session';

export interface SyncSettings {
  enabled: boolean;
  /** Server root, e.g. "https://couch.example.org:6984". */
  serverUrl: string;
  database: string;
  auth: SyncAuthKind;
  user: string;
  password: string;
  /** Empty: no end-to-end encryption. */
  passphrase: string;
  /** Minutes between periodic syncs (alarms allow 0.5 and more). */
  intervalMinutes: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  enabled: false,
  serverUrl: '',
  database: 'newsmark',
  auth: 'basic',
  user: '',
  password: '',
  passphrase: '',
  intervalMinutes: 15,
};

export type SyncState = 'disabled' | 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Last run that ended without error, ms since the epoch. */
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  /** Records changed here that the server does not have yet. */
  pending: number;
  lastError: { kind: SyncErrorKind; message: string } | null;
  /** Failed runs in a row: drives the backoff. */
  failures: number;
  /** When the next retry is due after a failure, ms since the epoch. */
  retryAt: number | null;
  /** Set while a run is under way; a stale lease (a stopped worker) is ignored. */
  runningSince: number | null;
  lastReport: { pulled: number; pushed: number; conflicts: number; requests: number; recovered?: { uploaded: number } } | null;
  /**
   * Something the reader should be told once about the last successful run, e.g. "The sync
   * server had lost its data; 2,525 records were uploaded again." Cleared by the next one.
   */
  notice?: string | null;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  state: 'disabled',
  lastSyncAt: null,
  lastAttemptAt: null,
  pending: 0,
  lastError: null,
  failures: 0,
  retryAt: null,
  runningSince: null,
  lastReport: null,
  notice: null,
};

/** A note text kept beside the shown one after concurrent edits, for the reader to see or dismiss. */
export interface NoteConflictCopy {
  /** Clock and device of the version: together they name it. */
  clock: string;
  node: string;
  text: string;
}
