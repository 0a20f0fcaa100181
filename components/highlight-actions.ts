/** Highlight edits through the background (the one writer of the library), for any extension page. */
import type { HighlightRecord } from '@/lib/contracts/records';
import type { ConflictMark, RecordRef } from '@/lib/contracts/sync';
import { sendMessage } from '@/lib/messaging';
import type { HighlightActions } from './HighlightList';
import type { ConflictActions } from './NoteConflict';

export function highlightActions(jump: (highlight: HighlightRecord) => Promise<boolean>): HighlightActions {
  return {
    saveNote: async (id, note) => void (await sendMessage('updateHighlight', { id, changes: { note } })),
    remove: async (id) => void (await sendMessage('deleteHighlight', { id })),
    undoRemove: async (id) => void (await sendMessage('undoDeleteHighlight', { id })),
    jump,
    conflicts: conflictActions,
  };
}

/** Sync conflicts through the background, which holds the note versions. */
export const conflictActions: ConflictActions = {
  marks: batchedMarks((refs) => sendMessage('listConflictedRecords', { only: refs })),
  copies: (ref) => sendMessage('listNoteConflicts', ref),
  resolve: (ref, copy, keep) => sendMessage('resolveNoteConflict', { ...ref, clock: copy.clock, node: copy.node, keep }),
  settleRevived: (id, keep) => sendMessage('settleRevivedHighlight', { id, keep }),
};

interface Asker {
  refs: RecordRef[];
  resolve: (marks: ConflictMark[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Asks for the marks of every list that asks in one task with one message: a library page of
 * twenty entries asks for each entry's highlights and note once it is rendered, which would be
 * forty round trips to the background, each answer re-rendering its list.
 */
export function batchedMarks(ask: (refs: RecordRef[]) => Promise<ConflictMark[]>): (refs: RecordRef[]) => Promise<ConflictMark[]> {
  let waiting: Asker[] | null = null;
  const flush = () => {
    const askers = waiting!;
    waiting = null;
    ask(askers.flatMap((a) => a.refs)).then(
      (found) => {
        for (const asker of askers) {
          const wanted = new Set(asker.refs.map((r) => `${r.kind}:${r.id}`));
          asker.resolve(found.filter((m) => wanted.has(`${m.kind}:${m.id}`)));
        }
      },
      (error: unknown) => askers.forEach((a) => a.reject(error)),
    );
  };
  return (refs) => new Promise((resolve, reject) => {
    if (!waiting) {
      waiting = [];
      queueMicrotask(flush);
    }
    waiting.push({ refs, resolve, reject });
  });
}
