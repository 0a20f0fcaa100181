/**
 * The part of the CouchDB replication protocol Newsmark needs, over plain HTTP+JSON:
 * database info/creation, `_changes` in batches, `_bulk_docs`, `_bulk_get`, single
 * documents (the key-check document, `_local/` checkpoints) and the `_session` cookie.
 * Only documented endpoints and fields are used, so CouchDB 3 (and clusters), Cloudant
 * and PouchDB Server all work the same.
 */
import { SyncError } from './errors';
import { pathOf, requestJson, statusError, type FetchLike, type JsonResponse } from './http';

export type CouchAuth =
  | { kind: 'none' }
  | { kind: 'basic'; user: string; password: string }
  /** Logs in once with POST /_session and sends the AuthSession cookie afterwards. */
  | { kind: 'session'; user: string; password: string };

export interface CouchClientOptions {
  /** Server root, e.g. "https://couch.example.org:6984". */
  serverUrl: string;
  database: string;
  auth: CouchAuth;
  fetch: FetchLike;
  /** Per request; a slow server fails with a 'timeout' SyncError instead of hanging a sync. */
  timeoutMs?: number;
}

/** A document as the server stores it; `_rev` is absent for a first write. */
export interface CouchDoc {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

export interface ChangesBatch {
  docs: CouchDoc[];
  /** Opaque: a number on PouchDB, a string on CouchDB 2+ clusters. Pass it back as it came. */
  lastSeq: unknown;
  /** How many result rows the server returned (deleted rows included). */
  rows: number;
}

export type BulkResult = { id: string; ok: true; rev: string } | { id: string; ok: false; error: string; reason: string };

/** A CouchDB-protocol client bound to one database. Counts its requests for benchmarks and tests. */
export class CouchClient {
  /** Requests sent so far (a session renewal counts). */
  requests = 0;
  private cookie: string | null = null;
  private readonly dbUrl: string;
  private readonly root: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: CouchClientOptions) {
    this.root = options.serverUrl.replace(/\/+$/, '');
    this.dbUrl = `${this.root}/${encodeURIComponent(options.database)}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Creates the database when it does not exist yet (needs admin rights on CouchDB; fine if it exists). */
  async ensureDatabase(): Promise<void> {
    const info = await this.send('GET', this.dbUrl);
    if (info.status === 200) return;
    if (info.status !== 404) throw statusError(info.status, info.json, 'Database');
    const created = await this.send('PUT', this.dbUrl);
    // 412: created meanwhile by another device.
    if (created.status !== 201 && created.status !== 202 && created.status !== 412) throw statusError(created.status, created.json, 'Creating the database');
  }

  /** Number of documents in the database (deleted ones excluded), from GET /db. */
  async docCount(): Promise<number> {
    const info = await this.expectOk('GET', this.dbUrl, undefined, 'Database');
    const count = (info as { doc_count?: unknown }).doc_count;
    if (typeof count !== 'number') throw new SyncError('bad-response', 'Database info without doc_count.');
    return count;
  }

  /** One batch of changes after `since`, with the documents' current bodies. */
  async changes(since: unknown, limit: number): Promise<ChangesBatch> {
    const seq = typeof since === 'string' ? since : JSON.stringify(since ?? 0);
    const url = `${this.dbUrl}/_changes?since=${encodeURIComponent(seq)}&include_docs=true&limit=${limit}`;
    const body = (await this.expectOk('GET', url, undefined, 'Changes')) as { results?: unknown; last_seq?: unknown };
    if (!Array.isArray(body.results) || body.last_seq === undefined) throw new SyncError('bad-response', 'The changes feed answer lacks results or last_seq.');
    const docs: CouchDoc[] = [];
    for (const row of body.results as Array<{ doc?: CouchDoc; deleted?: boolean }>) {
      if (row && isDoc(row.doc) && !row.deleted) docs.push(row.doc);
    }
    return { docs, lastSeq: body.last_seq, rows: body.results.length };
  }

  /** Writes documents in one request; each gets its own result (409 conflicts come back per document). */
  async bulkDocs(docs: CouchDoc[]): Promise<BulkResult[]> {
    const body = await this.expectOk('POST', `${this.dbUrl}/_bulk_docs`, { docs }, 'Saving documents');
    if (!Array.isArray(body) || body.length !== docs.length) throw new SyncError('bad-response', 'The _bulk_docs answer does not list every document.');
    return (body as Array<Record<string, unknown>>).map((row, i) =>
      typeof row.rev === 'string' && !row.error
        ? { id: String(row.id ?? docs[i]!._id), ok: true, rev: row.rev }
        : { id: String(row.id ?? docs[i]!._id), ok: false, error: String(row.error ?? 'unknown'), reason: String(row.reason ?? '') },
    );
  }

  /** The current (winning) revision of each id, in one request; missing ids are left out. */
  async bulkGet(ids: string[]): Promise<CouchDoc[]> {
    const body = (await this.expectOk('POST', `${this.dbUrl}/_bulk_get`, { docs: ids.map((id) => ({ id })) }, 'Reading documents')) as { results?: unknown };
    if (!Array.isArray(body.results)) throw new SyncError('bad-response', 'The _bulk_get answer lacks results.');
    const found: CouchDoc[] = [];
    for (const result of body.results as Array<{ docs?: Array<{ ok?: CouchDoc }> }>) {
      for (const entry of result.docs ?? []) if (isDoc(entry.ok) && entry.ok._deleted !== true) found.push(entry.ok);
    }
    return found;
  }

  /** A document by id (also `_local/...`), or null when there is none. */
  async getDoc(id: string): Promise<CouchDoc | null> {
    const response = await this.send('GET', this.docUrl(id));
    if (response.status === 404) return null;
    if (response.status !== 200) throw statusError(response.status, response.json, `Reading ${id}`);
    if (!isDoc(response.json)) throw new SyncError('bad-response', `Reading ${id}: not a document.`);
    return response.json;
  }

  /** Writes one document; returns its new revision. A 409 throws a 'conflict' SyncError. */
  async putDoc(doc: CouchDoc): Promise<string> {
    const body = (await this.expectOk('PUT', this.docUrl(doc._id), doc, `Saving ${doc._id}`)) as { rev?: unknown };
    if (typeof body.rev !== 'string') throw new SyncError('bad-response', `Saving ${doc._id}: no revision in the answer.`);
    return body.rev;
  }

  private docUrl(id: string): string {
    // `_local/` is a path prefix, not part of an id to escape.
    return id.startsWith('_local/') ? `${this.dbUrl}/_local/${encodeURIComponent(id.slice(7))}` : `${this.dbUrl}/${encodeURIComponent(id)}`;
  }

  private async expectOk(method: 'GET' | 'PUT' | 'POST', url: string, body: unknown, what: string): Promise<unknown> {
    const response = await this.send(method, url, body);
    if (response.status < 200 || response.status >= 300) throw statusError(response.status, response.json, what);
    return response.json;
  }

  /** Sends with credentials; a session that expired is renewed once. */
  private async send(method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown): Promise<JsonResponse> {
    const auth = this.options.auth;
    if (auth.kind === 'session' && this.cookie === null) await this.login(auth.user, auth.password);
    let response = await this.raw(method, url, body);
    if (response.status === 401 && auth.kind === 'session') {
      await this.login(auth.user, auth.password);
      response = await this.raw(method, url, body);
    }
    return response;
  }

  private raw(method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<JsonResponse> {
    this.requests++;
    return requestJson(this.options.fetch, { method, url, body, headers: this.authHeaders(), timeoutMs: this.timeoutMs });
  }

  private authHeaders(): Record<string, string> {
    const auth = this.options.auth;
    if (auth.kind === 'basic') return { authorization: `Basic ${base64Utf8(`${auth.user}:${auth.password}`)}` };
    // Browsers drop a script-set Cookie header and send their own jar (credentials: 'include');
    // elsewhere (Node, tests) the cookie read from Set-Cookie is sent by hand.
    if (auth.kind === 'session' && this.cookie) return { cookie: this.cookie };
    return {};
  }

  /** POST /_session; CouchDB answers with `Set-Cookie: AuthSession=...`. */
  private async login(user: string, password: string): Promise<void> {
    this.requests++;
    const response = await requestJson(this.options.fetch, {
      method: 'POST',
      url: `${this.root}/_session`,
      headers: {},
      body: { name: user, password },
      timeoutMs: this.timeoutMs,
    });
    if (response.status !== 200) throw statusError(response.status, response.json, `Signing in at ${pathOf(this.root + '/_session')}`);
    const match = /AuthSession=[^;]*/.exec(response.headers.get('set-cookie') ?? '');
    this.cookie = match ? match[0] : '';
  }
}

function isDoc(value: unknown): value is CouchDoc {
  return typeof value === 'object' && value !== null && typeof (value as CouchDoc)._id === 'string';
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
