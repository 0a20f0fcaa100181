/** Two device databases in one test: a sync run's carrying of states, and the conflict actions over one of them. */
import type { ConflictActions } from '@/components/NoteConflict';
import type { NewsmarkDb } from '@/lib/db';
import { DexieSyncStore } from '@/lib/sync/dexie-store';
import { conflictMarks, settleRevivedHighlight } from '@/lib/sync/conflicts';
import { listNoteConflicts, resolveNoteConflict } from '@/lib/sync/service';

/** What a sync run carries one way: `from`'s pending states, merged into `to`. */
export async function carry(from: NewsmarkDb, to: NewsmarkDb): Promise<void> {
  const states = await new DexieSyncStore(from).outgoing(1_000, new Set());
  await new DexieSyncStore(to).applyRemote(states.map((s, i) => ({ key: s.key, rev: `${i + 1}-x`, body: s.body })));
}

/** The conflict actions the background answers, called on `db` directly. */
export function conflictActions(db: NewsmarkDb): ConflictActions {
  return {
    marks: (refs) => conflictMarks(db, refs),
    copies: (ref) => listNoteConflicts(db, ref.kind, ref.id),
    resolve: (ref, copy, keep) => resolveNoteConflict(db, ref.kind, ref.id, copy, keep),
    settleRevived: (id, keep) => settleRevivedHighlight(db, id, keep),
  };
}
