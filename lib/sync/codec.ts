/**
 * Server documents <-> record states. In the clear a document is `kind:id` with the state's
 * fields and `updatedAt` (the record's latest clock). Encrypted, the server sees the blinded id,
 * the revision and the sealed body, padded to a size bucket; no clock, so no device id and no
 * time of edit beyond when the server itself received the write.
 */
import { latestClock, type SyncBody } from './body';
import type { CouchDoc } from './couch-client';
import { blindId, open, seal, type SyncKeys } from './crypto';
import { SyncError } from './errors';

/** Ids of sealed documents; plain ones are `kind:id`. */
const SEALED_PREFIX = 'x:';
/** The database's key-check document; not a record. */
export const KEY_CHECK_ID = 'newsmark-keycheck';
/** The database's id document, created by the first device that syncs with it; not a record. */
export const DB_ID_DOC = 'newsmark-database';

/**
 * The body's JSON followed by spaces (which JSON.parse skips) up to a size bucket, so a sealed
 * document's length tells the server a bucket, not an article's length or a note's. Buckets
 * follow Padmé (Nikitin et al., PETS 2019): at least 512 bytes, then a size keeping only its
 * top log2(log2(size)) + 1 bits, which costs at most 12% and leaks O(log log size) bits.
 */
export function padded(json: string): string {
  const bytes = new TextEncoder().encode(json).length;
  return json + ' '.repeat(paddedLength(bytes) - bytes);
}

export const MIN_SEALED_BYTES = 512;

export function paddedLength(bytes: number): number {
  const length = Math.max(bytes, MIN_SEALED_BYTES);
  const exponent = Math.floor(Math.log2(length));
  const kept = Math.floor(Math.log2(exponent)) + 1;
  const mask = 2 ** (exponent - kept) - 1;
  return Math.ceil(length / (mask + 1)) * (mask + 1);
}

export function localKey(body: Pick<SyncBody, 'kind' | 'id'>): string {
  return `${body.kind}:${body.id}`;
}

/** Is this server document one of our records (not a design doc, not the key check)? */
export function isRecordDoc(doc: CouchDoc): boolean {
  return !doc._id.startsWith('_') && doc._id.includes(':');
}

export async function encodeDoc(body: SyncBody, rev: string | undefined, keys: SyncKeys | null): Promise<CouchDoc> {
  const key = localKey(body);
  const revision = rev ? { _rev: rev } : {};
  if (!keys) return { _id: key, ...revision, updatedAt: latestClock(body), kind: body.kind, id: body.id, fields: body.fields, texts: body.texts };
  const _id = SEALED_PREFIX + (await blindId(keys, key));
  return { _id, ...revision, sealed: await seal(keys, _id, padded(JSON.stringify(body))) };
}

/** The record state in a server document; throws when it cannot be read (never guesses). */
export async function decodeDoc(doc: CouchDoc, keys: SyncKeys | null): Promise<SyncBody> {
  if (typeof doc.sealed === 'string') {
    if (!keys) throw new SyncError('encryption-mismatch', 'This database is encrypted: enter its passphrase in the sync settings.');
    const plain = await open(keys, doc._id, doc.sealed);
    if (plain === null) throw new SyncError('wrong-passphrase', `Document ${doc._id} does not open with this passphrase. Nothing was synced.`);
    return checkBody(JSON.parse(plain) as unknown, doc._id);
  }
  if (keys) throw new SyncError('encryption-mismatch', `Document ${doc._id} is not encrypted in an encrypted database.`);
  const body = checkBody({ kind: doc.kind, id: doc.id, fields: doc.fields, texts: doc.texts ?? {} }, doc._id);
  // A record is stored under its own key: one under another is a copy from elsewhere, not to be merged into that record.
  if (localKey(body) !== doc._id) throw new SyncError('bad-response', `Document ${doc._id} holds the record ${localKey(body)}.`);
  return body;
}

function checkBody(value: unknown, docId: string): SyncBody {
  const body = value as Partial<SyncBody> | null;
  const valid =
    body !== null &&
    typeof body === 'object' &&
    typeof body.kind === 'string' &&
    typeof body.id === 'string' &&
    isRecord(body.fields) &&
    Object.values(body.fields).every((f) => isRecord(f) && typeof f.c === 'string' && 'v' in f) &&
    isRecord(body.texts) &&
    Object.values(body.texts).every((t) => isRecord(t) && Array.isArray(t.versions) && isRecord(t.seen));
  if (!valid) throw new SyncError('bad-response', `Document ${docId} is not a Newsmark record.`);
  return body as SyncBody;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
