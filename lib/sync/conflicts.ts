/**
 * The sync conflicts the reader settles, as the library and the popup mark them: notes with a
 * conflict copy (service.ts keeps the copies and the choice), and highlights deleted on one
 * device while edited on another, shown again with the edit (record-body.ts) until the reader
 * keeps or deletes them here.
 */
import type { ConflictMark, NoteConflictCopy, RecordConflicts, RecordRef, SyncRecordState } from '../contracts/sync';
import type { HighlightRecord } from '../contracts/records';
import { decodeHlc } from '../db/hlc';
import type { NewsmarkDb } from '../db/schema';
import { write } from '../db/write';
import { conflictCopies } from './merge';
import type { ShownRecord } from './record-body';

type Shown = HighlightRecord & ShownRecord;

/**
 * The records with a conflict to settle, among `only` when given (a list on screen asks for its
 * own records: a few keyed reads), else all of them (one pass over the sync rows and highlights).
 */
export async function conflictMarks(db: NewsmarkDb, only?: readonly RecordRef[]): Promise<ConflictMark[]> {
  return db.transaction('r', [db.syncRecords, db.highlights, db.meta], async () => {
    const here = (await db.meta.get('node'))?.value;
    const rows = only ? await db.syncRecords.bulkGet(only.map((r) => `${r.kind}:${r.id}`)) : await db.syncRecords.toArray();
    const highlightIds = only ? only.filter((r) => r.kind === 'highlight').map((r) => r.id) : null;
    const highlights = highlightIds ? await db.highlights.bulkGet(highlightIds) : await db.highlights.filter((h) => (h as Shown).revived !== undefined).toArray();
    const marks = new Map<string, ConflictMark>();
    for (const row of rows) {
      if (!row || !hasNoteCopy(row)) continue;
      const ref = refOf(row.key);
      if (ref) marks.set(row.key, { ...ref, note: true });
    }
    for (const h of highlights as Array<Shown | undefined>) {
      if (h?.revived === undefined || h.deleted) continue;
      const key = `highlight:${h.id}`;
      const revived = decodeHlc(h.revived).node === here ? 'here' : 'elsewhere';
      marks.set(key, { ...(marks.get(key) ?? { kind: 'highlight', id: h.id, note: false }), revived });
    }
    return [...marks.values()];
  });
}

function hasNoteCopy(row: SyncRecordState): boolean {
  return noteCopiesOf(row).length > 0;
}

/** Note texts kept beside a record's shown note after concurrent edits (empty and duplicate texts left out). */
export function noteCopiesOf(row: Pick<SyncRecordState, 'texts'> | undefined): NoteConflictCopy[] {
  const register = row?.texts.note;
  const shown = register?.versions[0]?.t;
  return conflictCopies(register)
    .filter((v) => v.t.trim() !== '' && v.t !== shown)
    .map((v) => ({ clock: v.c, node: v.n, text: v.t }));
}

function refOf(key: string): RecordRef | null {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  return kind === 'article' || kind === 'highlight' || kind === 'companyNote' ? { kind, id: key.slice(colon + 1) } : null;
}

/**
 * The reader settled a highlight shown again after a deletion: keep it (an undelete) or delete
 * it (again). Either is a new write of the tombstone, later than the edit, so every device
 * shows the same choice after the next sync and the mark goes.
 */
export async function settleRevivedHighlight(db: NewsmarkDb, id: string, keep: boolean, now = Date.now()): Promise<void> {
  await write(db, [db.highlights], now, async ({ stamp }) => {
    const found = (await db.highlights.get(id)) as Shown | undefined;
    if (!found || found.revived === undefined) return;
    const { revived: _settled, ...highlight } = found;
    await db.highlights.put({ ...highlight, deleted: !keep, clocks: { ...highlight.clocks, deleted: stamp }, updatedAt: stamp });
  });
}

/** Every record's conflicts as the exports write them: note copies with their clocks, and revived highlights. */
export async function conflictsForExport(db: NewsmarkDb): Promise<RecordConflicts[]> {
  return db.transaction('r', [db.syncRecords, db.highlights, db.meta], async () => {
    const out: RecordConflicts[] = [];
    for (const mark of await conflictMarks(db)) {
      const copies = mark.note ? noteCopiesOf(await db.syncRecords.get(`${mark.kind}:${mark.id}`)) : [];
      const revived = mark.revived ? ((await db.highlights.get(mark.id)) as Shown | undefined)?.revived : undefined;
      out.push({ kind: mark.kind, id: mark.id, copies, ...(revived ? { revived } : {}) });
    }
    return out;
  });
}
