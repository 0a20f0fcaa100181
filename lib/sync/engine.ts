/**
 * One sync run: pull what the server has that this device has not seen, merge it in, then
 * push what the server lacks. Pulling first means a push rarely meets a conflict; when it
 * does (another device wrote meanwhile), `_bulk_get` fetches just those documents, they are
 * merged, and the merged states go out again.
 *
 * A run with nothing to do costs one request: the `_changes` call that comes back empty.
 * Every step commits before the next one, so a worker stopped at any point resumes safely:
 * merging is idempotent and a push that was not recorded only causes a conflict and a merge.
 */
import { CouchClient, type CouchAuth } from './couch-client';
import { decodeDoc, encodeDoc, isRecordDoc, KEY_CHECK_ID, localKey } from './codec';
import { createKeyCheck, DEFAULT_ITERATIONS, unlock, type KeyCheck, type SyncKeys } from './crypto';
import { SyncError } from './errors';
import type { FetchLike } from './http';
import type { LocalStore, RemoteState } from './store';
import type { CouchDoc } from './couch-client';

export interface SyncTarget {
  serverUrl: string;
  database: string;
  auth: CouchAuth;
  /** Set to encrypt: every device syncing this database needs the same passphrase. */
  passphrase?: string;
}

export interface SyncOptions {
  fetch: FetchLike;
  /** Documents per `_changes` page and per `_bulk_docs` request. */
  batchSize?: number;
  timeoutMs?: number;
  /** PBKDF2 iterations for a database that gets encrypted now (tests lower it). */
  iterations?: number;
  /** Derived keys by passphrase and salt, kept for the worker's lifetime: PBKDF2 is slow on purpose. */
  keyCache?: Map<string, SyncKeys>;
}

export interface SyncReport {
  pulled: number;
  pushed: number;
  /** Pushes the server refused because another device wrote first; merged and pushed again. */
  conflicts: number;
  requests: number;
}

export const DEFAULT_BATCH = 500;
/** Push rounds in one run that may end in conflicts before giving up until the next run. */
const MAX_CONFLICT_ROUNDS = 5;

/** Meta name of the `_changes` position, written by `applyRemote` in the same transaction as the records. */
export const CHECKPOINT = 'checkpoint';

interface Meta {
  target: string;
  replicaId: string;
  /** Revision of the `_local/` checkpoint document on the server. */
  checkpointRev?: string;
  keyCheck?: KeyCheck | null;
}

export async function syncOnce(store: LocalStore, target: SyncTarget, options: SyncOptions): Promise<SyncReport> {
  if (!target.serverUrl || !target.database) throw new SyncError('not-configured', 'Set a server URL and a database to sync.');
  const client = new CouchClient({ serverUrl: target.serverUrl, database: target.database, auth: target.auth, fetch: options.fetch, timeoutMs: options.timeoutMs });
  const run = new SyncRun(store, target, options, client);
  return run.run();
}

class SyncRun {
  private readonly batch: number;
  private keys: SyncKeys | null = null;
  private readonly report: SyncReport = { pulled: 0, pushed: 0, conflicts: 0, requests: 0 };

  constructor(
    private readonly store: LocalStore,
    private readonly target: SyncTarget,
    private readonly options: SyncOptions,
    private readonly client: CouchClient,
  ) {
    this.batch = options.batchSize ?? DEFAULT_BATCH;
  }

  async run(): Promise<SyncReport> {
    try {
      const meta = await this.prepare();
      this.keys = await this.openKeys(meta);
      await this.pull(meta);
      await this.push();
    } finally {
      this.report.requests = this.client.requests;
    }
    return this.report;
  }

  /** Loads the bookkeeping; a new server or database starts over (the first run creates the database). */
  private async prepare(): Promise<Meta> {
    const targetId = `${this.target.serverUrl.replace(/\/+$/, '')}/${this.target.database}`;
    const meta = await this.store.getMeta<Meta>('sync');
    if (meta && meta.target === targetId) return meta;
    await this.store.resetSyncState();
    await this.client.ensureDatabase();
    const fresh: Meta = { target: targetId, replicaId: randomId() };
    fresh.keyCheck = await this.fetchOrCreateKeyCheck();
    await this.store.setMeta('sync', fresh);
    return fresh;
  }

  /** Reads the key check once per database and keeps it, so later runs need no extra request. */
  private async fetchOrCreateKeyCheck(): Promise<KeyCheck | null> {
    const existing = await this.client.getDoc(KEY_CHECK_ID);
    if (existing) {
      if (!this.target.passphrase) throw new SyncError('encryption-mismatch', 'This database is encrypted: enter its passphrase in the sync settings.');
      return existing as unknown as KeyCheck;
    }
    if (!this.target.passphrase) return null;
    if ((await this.client.docCount()) > 0) {
      throw new SyncError('encryption-mismatch', 'This database already holds unencrypted records: choose a new database to sync with encryption.');
    }
    const { keys, keyCheck } = await createKeyCheck(this.target.passphrase, this.options.iterations ?? DEFAULT_ITERATIONS);
    try {
      await this.client.putDoc({ _id: KEY_CHECK_ID, ...keyCheck });
    } catch (error) {
      // Another device encrypted the database first: use its key check.
      if (error instanceof SyncError && error.kind === 'conflict') return this.fetchOrCreateKeyCheck();
      throw error;
    }
    this.options.keyCache?.set(cacheKey(this.target.passphrase, keyCheck), keys);
    return keyCheck;
  }

  private async openKeys(meta: Meta): Promise<SyncKeys | null> {
    const passphrase = this.target.passphrase;
    if (!meta.keyCheck) {
      if (passphrase) throw new SyncError('encryption-mismatch', 'This database was first synced without encryption: choose a new database to sync with encryption.');
      return null;
    }
    if (!passphrase) throw new SyncError('encryption-mismatch', 'This database is encrypted: enter its passphrase in the sync settings.');
    const id = cacheKey(passphrase, meta.keyCheck);
    const cached = this.options.keyCache?.get(id);
    if (cached) return cached;
    const keys = await unlock(passphrase, meta.keyCheck);
    this.options.keyCache?.set(id, keys);
    return keys;
  }

  /** Pages through `_changes`; each page is merged and checkpointed in one local transaction. */
  private async pull(meta: Meta): Promise<void> {
    const start: unknown = (await this.store.getMeta<unknown>(CHECKPOINT)) ?? 0;
    let since: unknown = start;
    for (;;) {
      const page = await this.client.changes(since, this.batch);
      const states = await this.decodeAll(page.docs);
      await this.store.applyRemote(states, page.lastSeq);
      this.report.pulled += states.length;
      const moved = JSON.stringify(page.lastSeq) !== JSON.stringify(since);
      since = page.lastSeq;
      if (page.rows < this.batch || !moved) break;
    }
    if (JSON.stringify(since) !== JSON.stringify(start)) await this.saveServerCheckpoint(meta, since);
  }

  /** The `_local/` checkpoint document, as the replication protocol keeps one per replica. */
  private async saveServerCheckpoint(meta: Meta, since: unknown): Promise<void> {
    const id = `_local/newsmark-${meta.replicaId}`;
    let rev = meta.checkpointRev;
    try {
      rev = await this.client.putDoc({ _id: id, ...(rev ? { _rev: rev } : {}), last_seq: since });
    } catch (error) {
      if (!(error instanceof SyncError && error.kind === 'conflict')) throw error;
      const current = await this.client.getDoc(id);
      rev = await this.client.putDoc({ _id: id, ...(current?._rev ? { _rev: current._rev } : {}), last_seq: since });
    }
    // The local checkpoint was stored with the merged records; this keeps the server's rev.
    meta.checkpointRev = rev;
    await this.store.setMeta('sync', meta);
  }

  private async push(): Promise<void> {
    const failed = new Set<string>();
    let conflictRounds = 0;
    let lastError: SyncError | null = null;
    for (;;) {
      const outgoing = await this.store.outgoing(this.batch, failed);
      if (outgoing.length === 0) break;
      const docs = await Promise.all(outgoing.map((s) => encodeDoc(s.body, s.rev, this.keys)));
      const results = await this.client.bulkDocs(docs);
      const accepted: RemoteState[] = [];
      const conflicted: string[] = [];
      results.forEach((result, i) => {
        const state = outgoing[i]!;
        if (result.ok) accepted.push({ key: state.key, rev: result.rev, body: state.body });
        else if (result.error === 'conflict') conflicted.push(docs[i]!._id);
        else {
          failed.add(state.key);
          lastError = new SyncError(result.error === 'forbidden' || result.error === 'unauthorized' ? 'unauthorized' : 'server', `The server refused ${state.key}: ${result.reason || result.error}.`);
        }
      });
      await this.store.markPushed(accepted);
      this.report.pushed += accepted.length;
      if (conflicted.length > 0) {
        this.report.conflicts += conflicted.length;
        if (++conflictRounds > MAX_CONFLICT_ROUNDS) throw new SyncError('conflict', 'Other devices keep writing the same records; will retry.');
        await this.store.applyRemote(await this.decodeAll(await this.client.bulkGet(conflicted)));
      }
    }
    if (lastError) throw lastError;
  }

  private async decodeAll(docs: CouchDoc[]): Promise<RemoteState[]> {
    const records = docs.filter(isRecordDoc);
    const bodies = await Promise.all(records.map((doc) => decodeDoc(doc, this.keys)));
    return bodies.map((body, i) => ({ key: localKey(body), rev: records[i]!._rev!, body }));
  }
}

function cacheKey(passphrase: string, keyCheck: KeyCheck): string {
  return `${keyCheck.salt}:${keyCheck.iterations}:${passphrase}`;
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}
