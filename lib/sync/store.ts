/**
 * What the sync engine needs from local storage. The Dexie adapter implements it over the
 * library tables; tests may implement it in memory. Every method that writes is atomic:
 * a worker stopped half-way leaves either the old or the new state, never a mix.
 */
import type { SyncBody } from './body';

/** A record's state as the server has it, at revision `rev`. */
export interface RemoteState {
  /** `kind:id`: the local key (the server id may be blinded). */
  key: string;
  rev: string;
  body: SyncBody;
}

/** A local state the server does not have yet; `rev` is the server revision it replaces. */
export interface OutgoingState {
  key: string;
  rev?: string;
  body: SyncBody;
}

export interface LocalStore {
  /** Sync bookkeeping (checkpoint, replica id, ...) kept with the data, so they commit together. */
  getMeta<T>(name: string): Promise<T | undefined>;
  setMeta(name: string, value: unknown): Promise<void>;
  /**
   * Merges states from the server into local records in one transaction, and stores the
   * feed checkpoint (meta "checkpoint") in the same transaction when one is given. Local edits made meanwhile
   * are merged, never overwritten.
   */
  applyRemote(states: RemoteState[], checkpoint?: unknown): Promise<void>;
  /** Up to `limit` states the server lacks, skipping `exclude` keys. */
  outgoing(limit: number, exclude: ReadonlySet<string>): Promise<OutgoingState[]>;
  /** The server accepted these states at these revisions. */
  markPushed(pushed: RemoteState[]): Promise<void>;
  /** How many records the server lacks (for the status line). */
  countOutgoing(): Promise<number>;
  /**
   * The server lost data (emptied, recreated, restored from an older copy): forgets every server
   * revision and the feed position, and marks every record as one the server may lack. Records,
   * note versions and the rest of the bookkeeping are kept; the next pull merges what the server has.
   */
  restartSync(): Promise<void>;
  /** The server holds no document for these keys any more: their next push creates it anew. */
  forgetRevisions(keys: string[]): Promise<void>;
  /** Forgets every revision, checkpoint and meta value (new server or database): the next sync starts over and merges. */
  resetSyncState(): Promise<void>;
}
