/** Highlight edits through the background (the one writer of the library), for any extension page. */
import type { HighlightRecord } from '@/lib/contracts/records';
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
  marks: (refs) => sendMessage('listConflictedRecords', { only: refs }),
  copies: (ref) => sendMessage('listNoteConflicts', ref),
  resolve: (ref, copy, keep) => sendMessage('resolveNoteConflict', { ...ref, clock: copy.clock, node: copy.node, keep }),
  settleRevived: (id, keep) => sendMessage('settleRevivedHighlight', { id, keep }),
};
