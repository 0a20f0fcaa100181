/**
 * Library records <-> sync states. A record's plain fields become last-writer-wins registers
 * stamped with the record's per-field clocks; its note becomes a text register whose shown
 * version is the record's note. A note stamped differently from the shown version is a local
 * edit not yet seen by sync: it becomes a new version that replaces the shown one.
 */
import { decodeHlc } from '../db/hlc';
import type { SyncedRecord } from '../db/library-records';
import { latestClock, type FieldRegister, type Json, type SyncBody, type TextRegister } from './body';
import { shownText, writeText } from './merge';

/** Fields the reader writes as free text: kept as multi-value registers, never silently lost. */
export const TEXT_FIELDS: readonly string[] = ['note'];
/** Record bookkeeping rebuilt from the state rather than synced as fields. */
const DERIVED = new Set(['id', 'updatedAt', 'clocks']);

export function bodyOf(kind: string, record: SyncedRecord, texts: Record<string, TextRegister>): SyncBody {
  const fields: Record<string, FieldRegister> = {};
  const merged: Record<string, TextRegister> = { ...texts };
  for (const [name, value] of Object.entries(record)) {
    if (DERIVED.has(name) || value === undefined) continue;
    const clock = record.clocks[name] ?? record.updatedAt;
    if (TEXT_FIELDS.includes(name)) merged[name] = withLocalText(texts[name], clock, String(value));
    else fields[name] = { c: clock, v: value as Json };
  }
  return { kind, id: record.id, fields, texts: merged };
}

function withLocalText(register: TextRegister | undefined, clock: string, text: string): TextRegister {
  if (register?.versions[0]?.c === clock) return register;
  return writeText(register, decodeHlc(clock).node, clock, text);
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
  return record as unknown as R;
}
