/**
 * Every library write: one read-write transaction over the tables it touches plus `meta`
 * (where the clock lives), a fresh HLC stamp for the changes, and quota errors turned into
 * StorageFullError. IndexedDB aborts the whole transaction on any error, so a failed write
 * leaves nothing half-written.
 *
 * Inside `change`, await only Dexie calls: awaiting anything else (fetch, crypto.subtle)
 * lets IndexedDB commit the transaction early.
 */
import type { Table } from 'dexie';
import { translateStorageError } from './errors';
import { decodeHlc, encodeHlc, initialHlc, receiveHlc, tickHlc, type Hlc } from './hlc';
import type { NewsmarkDb } from './schema';

const NODE_KEY = 'node';
const CLOCK_KEY = 'clock';

export interface WriteContext {
  /** The HLC stamp of this write: every field it changes gets it. */
  stamp: string;
  now: number;
}

export async function write<T>(
  db: NewsmarkDb,
  tables: Table[],
  now: number,
  change: (context: WriteContext) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction('rw', [...tables, db.meta], async () => change({ stamp: await nextStamp(db, now), now }));
  } catch (error) {
    return translateStorageError(error);
  }
}

/** Ticks the persisted clock (its node id made on first use). Call inside a transaction on `meta`. */
async function nextStamp(db: NewsmarkDb, now: number): Promise<string> {
  const stamp = encodeHlc(tickHlc(await persistedClock(db), now));
  await db.meta.put({ key: CLOCK_KEY, value: stamp });
  return stamp;
}

/**
 * Moves the persisted clock past a stamp written elsewhere (sync merging another device's
 * edits), so that later local edits sort after it. Call inside a transaction on `meta`.
 */
export async function observeStamp(db: NewsmarkDb, stamp: string, now: number): Promise<void> {
  const clock = receiveHlc(await persistedClock(db), decodeHlc(stamp), now);
  await db.meta.put({ key: CLOCK_KEY, value: encodeHlc(clock) });
}

/** The last persisted clock, or a fresh one on a node id made on first use. */
async function persistedClock(db: NewsmarkDb): Promise<Hlc> {
  let node = (await db.meta.get(NODE_KEY))?.value;
  if (!node) {
    node = crypto.randomUUID().replaceAll('-', '').slice(0, 16);
    await db.meta.put({ key: NODE_KEY, value: node });
  }
  const last = (await db.meta.get(CLOCK_KEY))?.value;
  return last ? decodeHlc(last) : initialHlc(node);
}

/**
 * Applies `changes` to `record`, stamping each field whose value differs (and `updatedAt`
 * if any did). Returns the record unchanged when nothing differs.
 */
export function stampChanges<R extends { updatedAt: string; clocks: Record<string, string> }>(
  record: R,
  changes: Partial<R>,
  stamp: string,
): R {
  const changed = (Object.keys(changes) as (keyof R & string)[]).filter(
    (field) => changes[field] !== undefined && JSON.stringify(changes[field]) !== JSON.stringify(record[field]),
  );
  if (!changed.length) return record;
  const clocks = { ...record.clocks };
  for (const field of changed) clocks[field] = stamp;
  const picked = Object.fromEntries(changed.map((field) => [field, changes[field]])) as Partial<R>;
  return { ...record, ...picked, clocks, updatedAt: stamp };
}
