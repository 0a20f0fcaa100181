/**
 * Sync's shapes that leave lib/sync: the bookkeeping row stored beside each library record,
 * and the settings and status kept in storage and sent to the popup and options. Settings
 * stay in `storage.local`: they hold a password and a passphrase, which must not travel to
 * the browser vendor's servers through `storage.sync`.
 */

/** A hybrid logical clock value. Clocks compare as strings: later is greater. */
export type Clock = string;

/** One written version of a text: its clock, the device that wrote it, the text. */
export interface TextVersion {
  c: Clock;
  n: string;
  t: string;
}

/**
 * A multi-value register: the versions no later write has replaced, and for each device
 * the latest of its writes this state has seen (a version vector). A version the other side
 * has seen but no longer holds was replaced there, so a merge drops it.
 */
export interface TextRegister {
  versions: TextVersion[];
  seen: Record<string, Clock>;
}

/**
 * Sync bookkeeping for one library record, in the `syncRecords` table (schema v3) beside it.
 * The record itself keeps its plain shape; what only sync needs lives here.
 */
export interface SyncRecordState {
  /** `kind:id`, e.g. "highlight:6f1c...". */
  key: string;
  /** The server revision this record was last merged with or pushed as; absent before its first push. */
  rev?: string;
  /** Every kept version of the record's texts (notes), conflict copies included. */
  texts: Record<string, TextRegister>;
  /** 1 when the server holds exactly this record's state at `rev`; 0 while a push is due. */
  synced: 0 | 1;
  /** The record's `updatedAt` when `synced` was decided: a later stamp means a local edit since. */
  stamp: Clock;
}

/** Every way a sync can fail (see SyncError in lib/sync/errors.ts). */
export type SyncErrorKind =
  /** The server could not be reached (no network, refused connection, DNS). */
  | 'offline'
  /** The server took longer than the client's timeout. */
  | 'timeout'
  /** 401/403: wrong user or password, or the session expired and could not be renewed. */
  | 'unauthorized'
  /** 404 on the database itself. */
  | 'not-found'
  /** 409 where no retry could resolve it. */
  | 'conflict'
  /** 5xx or another unexpected status. */
  | 'server'
  /** A body that is not the JSON the protocol promises: garbage, or cut off half-way. */
  | 'bad-response'
  /** The passphrase does not open this database's key-check document. */
  | 'wrong-passphrase'
  /** Encryption settings and the database disagree (e.g. encrypted data and no passphrase). */
  | 'encryption-mismatch'
  /** Settings are incomplete (no server URL, no database). */
  | 'not-configured';

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

/** How far the run under way got: records received and sent so far. */
export interface SyncProgress {
  pulled: number;
  pushed: number;
}

/** The stored status as lib/sync writes it: the status, and the progress of a run under way. */
export type LiveSyncStatus = SyncStatus & { progress?: SyncProgress | null };

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

/** What the reader kept of a note and one of its conflict copies: the shown text, the copy's, or both. */
export type NoteChoice = 'shown' | 'copy' | 'both';

/** A library record by kind and id. */
export interface RecordRef {
  /** companyNote: the reader's note on a company (its id is the company id). */
  kind: 'article' | 'highlight' | 'companyNote';
  id: string;
}

/**
 * A record the reader has a sync conflict to settle on: a note with a conflict copy, and/or a
 * highlight deleted on one device and edited on another, back with the edit ("here": this
 * device deleted it; "elsewhere": another one did).
 */
export interface ConflictMark extends RecordRef {
  note: boolean;
  revived?: 'here' | 'elsewhere';
}

/** A record's sync conflicts as stored, for the exports: its note's conflict copies, and the deletion it was shown again after. */
export interface RecordConflicts extends RecordRef {
  copies: NoteConflictCopy[];
  /** The clock of the deletion a highlight edited later elsewhere was shown again after. */
  revived?: Clock;
}

/** A note text kept beside the shown one after concurrent edits, for the reader to see or dismiss. */
export interface NoteConflictCopy {
  /** Clock and device of the version: together they name it. */
  clock: string;
  node: string;
  text: string;
}
