/** Highlight edits through the background (the one writer of the library), for any extension page. */
import type { HighlightRecord } from '@/lib/db/library-records';
import { sendMessage } from '@/lib/messaging';
import type { HighlightActions } from './HighlightList';

export function highlightActions(jump: (highlight: HighlightRecord) => Promise<boolean>): HighlightActions {
  return {
    saveNote: async (id, note) => void (await sendMessage('updateHighlight', { id, changes: { note } })),
    remove: async (id) => void (await sendMessage('deleteHighlight', { id })),
    undoRemove: async (id) => void (await sendMessage('undoDeleteHighlight', { id })),
    jump,
  };
}
