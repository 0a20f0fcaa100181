/**
 * Library records <-> sync states. A record's plain fields become last-writer-wins registers
 * stamped with the record's per-field clocks; its note becomes a text register whose shown
 * version is the record's note. A note stamped differently from the shown version is a local
 * edit not yet seen by sync: it becomes a new version that replaces the shown one.
 *
 * A highlight deleted on one device and edited later on another is shown again, with the edit,
 * and marked `revived` (the deletion's clock) until the reader keeps or deletes it (see
 * conflicts.ts). This is a view of the merged state, not a write: the tombstone stays in the
 * state as it is, so the merge stays a join, and every device shows the same.
 */
import { decodeHlc } from '../db/hlc';
import type { SyncedRecord } from '../contracts/records';
import { latestClock, type FieldRegister, type Json, type SyncBody } from './body';
import type { Clock, TextRegister } from '../contracts/sync';
import { shownText, writeText } from './merge';

/** Fields the reader writes as free text: kept as multi-value registers, never silently lost. */
export const TEXT_FIELDS: readonly string[] = ['note'];
/** Record bookkeeping rebuilt from the state rather than synced as fields. */
const DERIVED = new Set(['id', 'updatedAt', 'clocks', 'revived']);

/** A record as sync shows it: `revived` is set on a highlight shown again after a deletion (see above). */
export type ShownRecord = SyncedRecord & { revived?: Clock };

export function bodyOf(kind: string, record: ShownRecord, texts: Record<string, TextRegister>): SyncBody {
  const fields: Record<string, FieldRegister> = {};
  const merged: Record<string, TextRegister> = { ...texts };
  const missing = missingClock(record);
  const first = Object.entries(record).some(([name, value]) => !DERIVED.has(name) && value !== undefined && !(name in record.clocks)) ? AFTER_FLOOR : EMPTY;
  for (const [name, value] of Object.entries(record)) {
    if (DERIVED.has(name) || value === undefined) continue;
    const own = record.clocks[name];
    if (TEXT_FIELDS.includes(name)) merged[name] = withLocalText(texts[name], own ?? missing, String(value), own === undefined, first);
    else fields[name] = { c: own ?? missing, v: value as Json };
  }
  // Shown again, not undeleted: the state keeps the tombstone it was shown from.
  if (record.revived !== undefined && !record.deleted && record.clocks.deleted === record.revived) fields.deleted = { c: record.revived, v: true };
  return { kind, id: record.id, fields, texts: merged };
}

/**
 * Below every clock a device ever writes: the stamp of a field whose write time is unknown,
 * so that any edit of that field, made anywhere, wins over it.
 */
export const FLOOR_CLOCK: Clock = '0000000000000-00000-0';

/**
 * The stamp of a field the record keeps no clock for (records imported before the import
 * filled them). A record with no field clock at all was not written since it was stored, so
 * its `updatedAt` is when its fields were written, or later. Once any field was written,
 * `updatedAt` is that write's stamp and says nothing about the others: taking it let an old
 * note borrow a colour change's stamp and replace another device's newer note.
 */
function missingClock(record: SyncedRecord): Clock {
  return Object.keys(record.clocks).length === 0 ? record.updatedAt : FLOOR_CLOCK;
}

const EMPTY: TextRegister = { versions: [], seen: {} };
/**
 * Where a record lacks clocks, a register first built here has seen the floor version: a device
 * that edits a note whose earlier text had no clock replaces that text; it is not a concurrent
 * edit to keep a copy of.
 */
const AFTER_FLOOR: TextRegister = { versions: [], seen: { [decodeHlc(FLOOR_CLOCK).node]: FLOOR_CLOCK } };

function withLocalText(register: TextRegister | undefined, clock: Clock, text: string, unstamped: boolean, first: TextRegister): TextRegister {
  const shown = register?.versions[0];
  if (shown?.c === clock) return register!;
  // No clock of its own, and the text sync last saw: not an edit.
  if (unstamped && shown?.t === text) return register!;
  return writeText(register ?? first, decodeHlc(clock).node, clock, text);
}

/** The record a state shows: field values, the latest version of each text, the clocks. */
export function recordOf<R extends SyncedRecord>(body: SyncBody): R {
  const record: Record<string, unknown> = { id: body.id };
  const clocks: Record<string, string> = {};
  for (const [name, field] of Object.entries(body.fields)) {
    record[name] = field.v;
    clocks[name] = field.c;
  }
  for (const [name, register] of Object.entries(body.texts)) {
    const shown = register.versions[0];
    if (!shown) continue;
    record[name] = shownText(register);
    clocks[name] = shown.c;
  }
  record.clocks = clocks;
  record.updatedAt = latestClock(body);
  const revived = revivedAt(body);
  if (revived !== undefined) {
    record.deleted = false;
    record.revived = revived;
  }
  return record as unknown as R;
}

/**
 * The deletion's clock when `body` is a highlight deleted before its latest edit: the device
 * that edited it had not seen the deletion (a deleted highlight offers no edit), so the reader
 * chooses. Undefined otherwise.
 */
export function revivedAt(body: SyncBody): Clock | undefined {
  const deleted = body.fields.deleted;
  if (body.kind !== 'highlight' || deleted?.v !== true) return undefined;
  const edited = Object.entries(body.fields).some(([name, field]) => name !== 'deleted' && field.c > deleted.c)
    || Object.values(body.texts).some((text) => text.versions.some((v) => v.c > deleted.c));
  return edited ? deleted.c : undefined;
}
