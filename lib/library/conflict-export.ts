/**
 * Sync conflicts in the exports: a note's other versions (written on two devices at once) and a
 * highlight shown again after a deletion, as plain data the JSON file holds and the Markdown
 * writes under what they are about. Times are ISO 8601, read from the versions' clocks.
 */
import type { RecordConflicts, RecordRef } from '../contracts/sync';
import { decodeHlc } from '../db/hlc';

/** One record's conflicts as the JSON export writes them. */
export interface ExportedConflict extends RecordRef {
  /** The note's other versions, newest first: the reader has not chosen between them and the note yet. */
  otherNotes: Array<{ text: string; writtenAt: string }>;
  /** A highlight deleted on one device at this time and edited later on another: shown again until the reader keeps or deletes it. */
  deletedAt?: string;
}

/** The conflicts as the exports write them, by kind then id (two exports of one library are the same text). */
export function exportedConflicts(conflicts: readonly RecordConflicts[]): ExportedConflict[] {
  return conflicts
    .map((c) => ({
      kind: c.kind,
      id: c.id,
      otherNotes: c.copies.map((copy) => ({ text: copy.text, writtenAt: isoOf(copy.clock) })),
      ...(c.revived ? { deletedAt: isoOf(c.revived) } : {}),
    }))
    .filter((c) => c.otherNotes.length > 0 || c.deletedAt !== undefined)
    .sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : a.kind + a.id > b.kind + b.id ? 1 : 0));
}

/** Looks up a record's exported conflicts. */
export function conflictsByRecord(conflicts: readonly RecordConflicts[]): (kind: RecordRef['kind'], id: string) => ExportedConflict | undefined {
  const byKey = new Map(exportedConflicts(conflicts).map((c) => [`${c.kind}:${c.id}`, c]));
  return (kind, id) => byKey.get(`${kind}:${id}`);
}

function isoOf(clock: string): string {
  return new Date(decodeHlc(clock).wall).toISOString();
}
