/** Sync as the popup and the options page see it: status, settings, and kept conflict copies of notes. */
import type { NoteConflictCopy, SyncSettings, SyncStatus } from '../sync';
import type { Message, NoData } from './message';

export type SyncMessages = {
  /** popup, options: last sync, pending changes, last error. */
  getSyncStatus: Message<NoData, SyncStatus>;
  /** popup, options: sync now (answers when the run ends). */
  syncNow: Message<NoData, SyncStatus>;
  /** options: the sync settings. */
  getSyncSettings: Message<NoData, SyncSettings>;
  /** options: store sync settings, reschedule, and sync once with them. */
  saveSyncSettings: Message<SyncSettings, SyncStatus>;
  /** popup, options: note texts kept beside a record's note after concurrent edits. */
  listNoteConflicts: Message<{ kind: 'article' | 'highlight'; id: string }, NoteConflictCopy[]>;
  /** popup, options: the reader dismissed one conflict copy (the record's kept versions change). */
  dismissNoteConflict: Message<{ kind: 'article' | 'highlight'; id: string; clock: string; node: string }, NoteConflictCopy[], true>;
};
