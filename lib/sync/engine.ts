/**
 * One sync run: pull what the server has that this device has not seen, merge it in, then
 * push what the server lacks. Pulling first means a push rarely meets a conflict; when it
 * does (another device wrote meanwhile), `_bulk_get` fetches just those documents, they are
 * merged, and the merged states go out again.
 *
 * A run with nothing to do costs two requests: reading this replica's `_local/` checkpoint on
 * the server, and the `_changes` call that comes back empty. Every step commits before the next
 * one, so a worker stopped at any point resumes safely: merging is idempotent and a push that
 * was not recorded only causes a conflict and a merge.
 *
 * The server is checked on every run as CouchDB's replicator does it: the checkpoint is kept on
 * both sides, each save under a new session id, with the id of the server database (our own id
 * document, created on the first sync). When the server's checkpoint is missing or does not
 * match ours, the server was emptied, recreated or restored from an older copy: the device
 * forgets every revision and position, pulls the whole database and merges it (merging never
 * takes an older state over a newer one, so nothing is reverted or dropped), and pushes every
 * record the server lacks or holds in an older state. Nothing is duplicated: record ids are the
 * documents' ids.
 */
import { CouchClient, type CouchAuth } from './couch-client';
import { DB_ID_DOC, decodeDoc, encodeDoc, isRecordDoc, KEY_CHECK_ID, localKey } from './codec';
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
  /** Told after each page received and each batch sent, with the run's totals so far (awaited, so a late call cannot outrun the outcome). */
  onProgress?: (progress: { pulled: number; pushed: number }) => void | Promise<void>;
}

export interface SyncReport {
  pulled: number;
  pushed: number;
  /** Pushes the server refused because another device wrote first; merged and pushed again. */
  conflicts: number;
  requests: number;
  /**
   * Set when this run found the server had lost data it had before (emptied, recreated, or
   * restored from an older copy) and refilled it: how many records this device uploaded again.
   */
  recovered?: { uploaded: number };
  /**
   * Ids of server documents this run could not read (a sealed body that does not open with this
   * database's key, a body that is not a Newsmark record): left as they are, the rest synced.
   */
  unreadable?: string[];
}

/** What to tell the reader about documents a run could not read: how many, and their ids. */
export function unreadableNotice(report: Pick<SyncReport, 'unreadable'>): string | null {
  const ids = report.unreadable ?? [];
  if (ids.length === 0) return null;
  const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
  return ids.length === 1
    ? `One document on the sync server could not be read and was left as it is: ${shown}.`
    : `${ids.length.toLocaleString('en-US')} documents on the sync server could not be read and were left as they are: ${shown}.`;
}

/** What to tell the reader after a run that refilled the server (shown once, with that run's outcome). */
export function recoveryNotice(report: Pick<SyncReport, 'recovered'>): string | null {
  if (!report.recovered) return null;
  const n = report.recovered.uploaded;
  if (n === 0) return 'The sync server had lost its data; another device had already uploaded everything this device holds.';
  return `The sync server had lost its data; ${n.toLocaleString('en-US')} ${n === 1 ? 'record was' : 'records were'} uploaded again.`;
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
  /** The server database's id, from its id document (absent in bookkeeping older than the check). */
  dbId?: string;
  /** Session id of the last checkpoint saved on both sides: the server's must carry the same. */
  session?: string;
  /** A session being written to the server when the local save had not committed yet. */
  nextSession?: string;
}

/** The `_local/` checkpoint document as this client writes it. */
interface ServerCheckpoint {
  last_seq?: unknown;
  session?: unknown;
  db?: unknown;
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
      const { meta, fresh } = await this.prepare();
      this.keys = await this.openKeys(meta);
      let restart = fresh;
      let lost = false;
      if (!fresh && !(await this.serverMatches(meta))) {
        // Bookkeeping that never saved a checkpoint is a first sync that was cut short, not a loss.
        lost = meta.session !== undefined || (await this.store.getMeta<unknown>(CHECKPOINT)) !== undefined;
        await this.restart(meta);
        restart = true;
      }
      let pulled = await this.pull();
      if (pulled === 'backwards' && !restart) {
        // The feed went back past where this device had read it: the server is not where it was left (rolled back, or misbehaving). Start over as for a server that lost data.
        lost = true;
        await this.restart(meta);
        restart = true;
        pulled = await this.pull();
      }
      if (pulled === 'backwards') throw new SyncError('bad-response', 'The server\'s change feed went backwards; nothing was changed here. Will retry.');
      const moved = pulled === 'moved';
      await this.push();
      if (restart || moved || this.report.pushed > 0) await this.saveCheckpoints(meta);
      if (lost) this.report.recovered = { uploaded: this.report.pushed };
    } finally {
      this.report.requests = this.client.requests;
    }
    return this.report;
  }

  /** Loads the bookkeeping; a new server or database starts over (the first run creates the database). */
  private async prepare(): Promise<{ meta: Meta; fresh: boolean }> {
    const targetId = `${this.target.serverUrl.replace(/\/+$/, '')}/${this.target.database}`;
    const meta = await this.store.getMeta<Meta>('sync');
    if (meta && meta.target === targetId) return { meta, fresh: false };
    await this.store.resetSyncState();
    await this.client.ensureDatabase();
    const fresh: Meta = { target: targetId, replicaId: randomId() };
    const idDoc = await this.client.getDoc(DB_ID_DOC);
    fresh.keyCheck = await this.fetchOrCreateKeyCheck(idDoc ? 1 : 0);
    fresh.dbId = await this.databaseId(idDoc, randomId());
    await this.store.setMeta('sync', fresh);
    return { meta: fresh, fresh: true };
  }

  /** The server database's id from its id document, created with `proposed` when there is none. */
  private async databaseId(existing: CouchDoc | null, proposed: string): Promise<string> {
    if (existing && typeof existing.db === 'string') return existing.db;
    try {
      await this.client.putDoc({ _id: DB_ID_DOC, ...(existing?._rev ? { _rev: existing._rev } : {}), db: proposed });
      return proposed;
    } catch (error) {
      // Another device created it first: use its id.
      if (error instanceof SyncError && error.kind === 'conflict') return this.databaseId(await this.client.getDoc(DB_ID_DOC), proposed);
      throw error;
    }
  }

  /**
   * Is the server the one this device synced with, where it left it? Its copy of our checkpoint
   * must exist and carry our last session and the database id. (Bookkeeping from before sessions
   * were kept compares the feed position instead.)
   */
  private async serverMatches(meta: Meta): Promise<boolean> {
    const doc = (await this.client.getDoc(checkpointId(meta))) as (CouchDoc & ServerCheckpoint) | null;
    if (!doc) return false;
    meta.checkpointRev = doc._rev;
    if (meta.session === undefined) {
      const local: unknown = (await this.store.getMeta<unknown>(CHECKPOINT)) ?? 0;
      if (JSON.stringify(doc.last_seq ?? 0) !== JSON.stringify(local)) return false;
      // Once: learn (or give) the database its id; the next checkpoint carries it with a session.
      meta.dbId ??= await this.databaseId(await this.client.getDoc(DB_ID_DOC), randomId());
      await this.store.setMeta('sync', meta);
      return true;
    }
    return (doc.session === meta.session || doc.session === meta.nextSession) && doc.db === meta.dbId;
  }

  /**
   * The server lost data this device had synced: check it is still the same kind of database
   * (the key check put back if it is gone), then forget every revision and feed position, so
   * this run pulls everything the server has, merges it, and pushes whatever the server lacks.
   */
  private async restart(meta: Meta): Promise<void> {
    await this.client.ensureDatabase();
    const keyCheck = await this.client.getDoc(KEY_CHECK_ID);
    if (meta.keyCheck && !keyCheck) {
      try {
        const { salt, iterations, check } = meta.keyCheck;
        await this.client.putDoc({ _id: KEY_CHECK_ID, salt, iterations, check });
      } catch (error) {
        if (!(error instanceof SyncError && error.kind === 'conflict')) throw error;
        return this.restart(meta);
      }
    } else if (!sameKeyCheck(meta.keyCheck ?? null, keyCheck)) {
      throw new SyncError('encryption-mismatch', 'The sync database was replaced by one with other encryption settings: choose a new database, or set its passphrase.');
    }
    meta.dbId = await this.databaseId(await this.client.getDoc(DB_ID_DOC), meta.dbId ?? randomId());
    delete meta.session;
    delete meta.nextSession;
    await this.store.restartSync();
    await this.store.setMeta('sync', meta);
  }

  /** Reads the key check once per database and keeps it, so later runs need no extra request. */
  private async fetchOrCreateKeyCheck(ownDocs: number): Promise<KeyCheck | null> {
    const existing = await this.client.getDoc(KEY_CHECK_ID);
    if (existing) {
      if (!this.target.passphrase) throw new SyncError('encryption-mismatch', 'This database is encrypted: enter its passphrase in the sync settings.');
      return existing as unknown as KeyCheck;
    }
    if (!this.target.passphrase) return null;
    if ((await this.client.docCount()) > ownDocs) {
      throw new SyncError('encryption-mismatch', 'This database already holds unencrypted records: choose a new database to sync with encryption.');
    }
    const { keys, keyCheck } = await createKeyCheck(this.target.passphrase, this.options.iterations ?? DEFAULT_ITERATIONS);
    try {
      await this.client.putDoc({ _id: KEY_CHECK_ID, ...keyCheck });
    } catch (error) {
      // Another device encrypted the database first: use its key check.
      if (error instanceof SyncError && error.kind === 'conflict') return this.fetchOrCreateKeyCheck(ownDocs);
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

  /**
   * Pages through `_changes`; each page is merged and checkpointed in one local transaction.
   * Says whether the position moved, or whether the feed answered with a position before the one
   * asked from (then nothing of that page is kept: a position that goes back is not trusted).
   */
  private async pull(): Promise<'moved' | 'still' | 'backwards'> {
    const start: unknown = (await this.store.getMeta<unknown>(CHECKPOINT)) ?? 0;
    let since: unknown = start;
    for (;;) {
      const page = await this.client.changes(since, this.batch);
      if (goesBack(since, page.lastSeq)) return 'backwards';
      const states = await this.decodeReadable(page.docs);
      await this.store.applyRemote(states, page.lastSeq);
      this.report.pulled += states.length;
      await this.progress();
      const moved = JSON.stringify(page.lastSeq) !== JSON.stringify(since);
      since = page.lastSeq;
      if (page.rows < this.batch || !moved) break;
    }
    return JSON.stringify(since) !== JSON.stringify(start) ? 'moved' : 'still';
  }

  /**
   * The `_local/` checkpoint document, as the replication protocol keeps one per replica, under a
   * new session id that the local bookkeeping records too. The session is noted as coming first,
   * so a worker stopped between the two writes does not take its own checkpoint for a stranger's.
   */
  private async saveCheckpoints(meta: Meta): Promise<void> {
    const id = checkpointId(meta);
    const session = randomId();
    const since: unknown = (await this.store.getMeta<unknown>(CHECKPOINT)) ?? 0;
    meta.nextSession = session;
    await this.store.setMeta('sync', meta);
    const doc = { _id: id, last_seq: since, session, db: meta.dbId };
    let rev: string;
    try {
      rev = await this.client.putDoc({ ...doc, ...(meta.checkpointRev ? { _rev: meta.checkpointRev } : {}) });
    } catch (error) {
      if (!(error instanceof SyncError && error.kind === 'conflict')) throw error;
      const current = await this.client.getDoc(id);
      rev = await this.client.putDoc({ ...doc, ...(current?._rev ? { _rev: current._rev } : {}) });
    }
    meta.checkpointRev = rev;
    meta.session = session;
    delete meta.nextSession;
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
      await this.progress();
      if (conflicted.length > 0) {
        this.report.conflicts += conflicted.length;
        if (++conflictRounds > MAX_CONFLICT_ROUNDS) throw new SyncError('conflict', 'Other devices keep writing the same records; will retry.');
        const current = await this.decodeAll(await this.client.bulkGet(conflicted));
        await this.store.applyRemote(current);
        // A revision the server does not hold at all (the document is gone): the next push writes it anew.
        const found = new Set(current.map((state) => state.key));
        const gone = outgoing.filter((state, i) => conflicted.includes(docs[i]!._id) && !found.has(state.key)).map((state) => state.key);
        if (gone.length > 0) await this.store.forgetRevisions(gone);
      }
    }
    if (lastError) throw lastError;
  }

  private async progress(): Promise<void> {
    await this.options.onProgress?.({ pulled: this.report.pulled, pushed: this.report.pushed });
  }

  /**
   * The pulled documents this device can read. One that does not open or is not a record is
   * reported by its id and left on the server as it is; it does not stop the others.
   */
  private async decodeReadable(docs: CouchDoc[]): Promise<RemoteState[]> {
    const records = docs.filter(isRecordDoc);
    const decoded = await Promise.all(records.map((doc) => decodeDoc(doc, this.keys).catch((error: unknown) => (error instanceof SyncError || error instanceof SyntaxError ? null : Promise.reject(error)))));
    const states: RemoteState[] = [];
    decoded.forEach((body, i) => {
      const doc = records[i]!;
      if (body) states.push({ key: localKey(body), rev: doc._rev!, body });
      else (this.report.unreadable ??= []).push(doc._id);
    });
    return states;
  }

  private async decodeAll(docs: CouchDoc[]): Promise<RemoteState[]> {
    const records = docs.filter(isRecordDoc);
    const bodies = await Promise.all(records.map((doc) => decodeDoc(doc, this.keys)));
    return bodies.map((body, i) => ({ key: localKey(body), rev: records[i]!._rev!, body }));
  }
}

/**
 * Does `next` come before `since`? Sequences are opaque, but every CouchDB-protocol server starts
 * them with a number that grows (CouchDB 2+: "N-…", CouchDB 1 and PouchDB: N); where either has
 * none, nothing is concluded.
 */
export function goesBack(since: unknown, next: unknown): boolean {
  const a = seqNumber(since);
  const b = seqNumber(next);
  return a !== null && b !== null && b < a;
}

function seqNumber(seq: unknown): number | null {
  if (typeof seq === 'number') return seq;
  const match = typeof seq === 'string' ? /^(\d+)(?:-|$)/.exec(seq) : null;
  return match ? Number(match[1]) : null;
}

function checkpointId(meta: Meta): string {
  return `_local/newsmark-${meta.replicaId}`;
}

function sameKeyCheck(ours: KeyCheck | null, theirs: CouchDoc | null): boolean {
  if (!ours || !theirs) return !ours && !theirs;
  const other = theirs as unknown as KeyCheck;
  return other.salt === ours.salt && other.iterations === ours.iterations;
}

function cacheKey(passphrase: string, keyCheck: KeyCheck): string {
  return `${keyCheck.salt}:${keyCheck.iterations}:${passphrase}`;
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}
