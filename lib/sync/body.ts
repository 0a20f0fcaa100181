/**
 * What one synced record looks like on the wire (before optional encryption): a state
 * that devices merge, not a snapshot that overwrites. Plain fields are last-writer-wins
 * registers stamped with a hybrid logical clock; text the reader writes (notes) is a
 * multi-value register so concurrent edits are both kept, the later one shown.
 */
import type { Clock, TextRegister } from '../contracts/sync';

/** JSON values, the only thing a field may hold. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A last-writer-wins field: the value written at clock `c`. */
export interface FieldRegister {
  c: Clock;
  v: Json;
}

/** The mergeable state of one record. `fields.deleted` is the tombstone. */
export interface SyncBody {
  kind: string;
  id: string;
  fields: Record<string, FieldRegister>;
  texts: Record<string, TextRegister>;
}

/** The latest clock anywhere in the body: the record's "updated at" as the server may see it. */
export function latestClock(body: SyncBody): Clock {
  let latest = '';
  for (const field of Object.values(body.fields)) if (field.c > latest) latest = field.c;
  for (const text of Object.values(body.texts)) for (const version of text.versions) if (version.c > latest) latest = version.c;
  return latest;
}

/** JSON with object keys sorted, so equal states give equal strings on every device. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameBody(a: SyncBody, b: SyncBody): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
