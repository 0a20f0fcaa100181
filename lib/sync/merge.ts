/**
 * The deterministic merge of two states of one record. It is a join: commutative,
 * associative and idempotent, so every device reaches the same state whatever the order
 * in which syncs bring the states together.
 *
 * - A plain field keeps the write with the later clock.
 * - A text keeps every version no later write replaced: two devices editing a note at the
 *   same time both keep their text; the later one is shown, the other is a conflict copy.
 * - Deletion is a field like the others (a tombstone): the later of delete and undelete wins.
 *   An edit made elsewhere to a deleted record is kept inside the tombstone, so undoing the
 *   delete brings it back. (Letting a later edit revive the record here would not be a join;
 *   a highlight edited after its deletion is shown again by the view, record-body.ts.)
 */
import { canonicalJson, type FieldRegister, type SyncBody } from './body';
import type { Clock, TextRegister, TextVersion } from '../contracts/sync';

/** The state that includes everything both states have seen. */
export function mergeBodies(a: SyncBody, b: SyncBody): SyncBody {
  const fields: Record<string, FieldRegister> = {};
  for (const name of unionKeys(a.fields, b.fields)) fields[name] = laterField(a.fields[name], b.fields[name]);
  const texts: Record<string, TextRegister> = {};
  for (const name of unionKeys(a.texts, b.texts)) texts[name] = mergeTexts(a.texts[name], b.texts[name]);
  return { kind: a.kind, id: a.id, fields, texts };
}

function unionKeys(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function laterField(a: FieldRegister | undefined, b: FieldRegister | undefined): FieldRegister {
  if (!a) return b!;
  if (!b) return a;
  if (a.c !== b.c) return a.c > b.c ? a : b;
  // One clock, two values can only come from a misbehaving writer; still pick the same one everywhere.
  return canonicalJson(a.v) >= canonicalJson(b.v) ? a : b;
}

const EMPTY_TEXT: TextRegister = { versions: [], seen: {} };

/** Multi-value register join: keep a version both hold, or one the other side has not seen yet. */
export function mergeTexts(a: TextRegister = EMPTY_TEXT, b: TextRegister = EMPTY_TEXT): TextRegister {
  const kept = new Map<string, TextVersion>();
  for (const [mine, theirs] of [[a, b], [b, a]] as const) {
    for (const version of mine.versions) {
      if (!holds(theirs, version) && hasSeen(theirs, version)) continue;
      // One dot, two texts can only come from a misbehaving writer; still keep the same one everywhere.
      const dot = dotOf(version);
      const other = kept.get(dot);
      if (!other || version.t > other.t) kept.set(dot, version);
    }
  }
  const seen: Record<string, Clock> = { ...a.seen };
  for (const [node, clock] of Object.entries(b.seen)) if (!(node in seen) || clock > seen[node]!) seen[node] = clock;
  return { versions: [...kept.values()].sort(newestFirst), seen: sortKeys(seen) };
}

function dotOf(version: TextVersion): string {
  return `${version.n}\u0000${version.c}`;
}

function holds(register: TextRegister, version: TextVersion): boolean {
  return register.versions.some((v) => v.n === version.n && v.c === version.c);
}

function hasSeen(register: TextRegister, version: TextVersion): boolean {
  const seen = register.seen[version.n];
  return seen !== undefined && seen >= version.c;
}

function newestFirst(a: TextVersion, b: TextVersion): number {
  if (a.c !== b.c) return a.c > b.c ? -1 : 1;
  return a.n > b.n ? -1 : a.n < b.n ? 1 : 0;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([x], [y]) => (x < y ? -1 : 1)));
}

/** The text the reader sees: the latest version kept (empty when there is none). */
export function shownText(register: TextRegister | undefined): string {
  return register?.versions[0]?.t ?? '';
}

/** Versions kept beside the shown one: texts written concurrently that lost to a later one. */
export function conflictCopies(register: TextRegister | undefined): TextVersion[] {
  return register?.versions.slice(1) ?? [];
}

/**
 * A local edit of the text: the new version replaces the shown one; conflict copies stay
 * until the reader dismisses them (an edit should not silently drop them).
 */
export function writeText(register: TextRegister = EMPTY_TEXT, node: string, clock: Clock, text: string): TextRegister {
  const [, ...copies] = register.versions;
  const seen = { ...register.seen };
  if (!(node in seen) || clock > seen[node]!) seen[node] = clock;
  return { versions: [{ c: clock, n: node, t: text }, ...copies].sort(newestFirst), seen: sortKeys(seen) };
}

/** The reader dismissed a conflict copy: it goes, and stays gone after every merge (it is still "seen"). */
export function dismissCopy(register: TextRegister, copy: Pick<TextVersion, 'c' | 'n'>): TextRegister {
  return { versions: register.versions.filter((v, i) => i === 0 || v.c !== copy.c || v.n !== copy.n), seen: register.seen };
}
