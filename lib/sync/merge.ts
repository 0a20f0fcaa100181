/**
 * The deterministic merge of two states of one record. It is a join: commutative,
 * associative and idempotent, so every device reaches the same state whatever the order
 * in which syncs bring the states together.
 *
 * - A plain field keeps the write with the later clock.
 * - A text keeps every version no later write replaced: two devices editing a note at the
 *   same time both keep their text; the later one is shown, the other is a conflict copy.
 * - Deletion is a field like the others (a tombstone), and an edit later than the delete
 *   counts as bringing the record back: of a delete and an edit, the later one wins.
 */
import { canonicalJson, type Clock, type FieldRegister, type SyncBody, type TextRegister, type TextVersion } from './body';

/** The state that includes everything both states have seen. */
export function mergeBodies(a: SyncBody, b: SyncBody): SyncBody {
  const fields: Record<string, FieldRegister> = {};
  for (const name of unionKeys(a.fields, b.fields)) fields[name] = laterField(a.fields[name], b.fields[name]);
  const texts: Record<string, TextRegister> = {};
  for (const name of unionKeys(a.texts, b.texts)) texts[name] = mergeTexts(a.texts[name], b.texts[name]);
  return settleDeletion({ kind: a.kind, id: a.id, fields, texts });
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
      if (holds(theirs, version) || !hasSeen(theirs, version)) kept.set(dotOf(version), version);
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

/** Of a delete and a later edit, the edit wins: the tombstone is lifted at the edit's clock. */
function settleDeletion(body: SyncBody): SyncBody {
  const tombstone = body.fields.deleted;
  if (!tombstone || tombstone.v !== true) return body;
  let latestEdit = '';
  for (const [name, field] of Object.entries(body.fields)) if (name !== 'deleted' && field.c > latestEdit) latestEdit = field.c;
  for (const text of Object.values(body.texts)) for (const v of text.versions) if (v.c > latestEdit) latestEdit = v.c;
  if (latestEdit <= tombstone.c) return body;
  return { ...body, fields: { ...body.fields, deleted: { c: latestEdit, v: false } } };
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
