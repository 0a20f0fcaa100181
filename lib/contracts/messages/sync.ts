/** Sync as the popup and the options page see it: status, settings, and kept conflict copies of notes. */
import type { ConflictMark, NoteChoice, NoteConflictCopy, RecordRef, SyncSettings, SyncStatus } from '../sync';
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
  listNoteConflicts: Message<RecordRef, NoteConflictCopy[]>;
  /** popup, options: the reader dismissed one conflict copy (the record's kept versions change). */
  dismissNoteConflict: Message<RecordRef & { clock: string; node: string }, NoteConflictCopy[], true>;
  /** library, popup: the records with a conflict to settle, among `only` when given (else all of them). */
  listConflictedRecords: Message<{ only?: RecordRef[] }, ConflictMark[]>;
  /** library, popup: the reader kept the shown note, the copy's, or both; the copy goes on every device. */
  resolveNoteConflict: Message<RecordRef & { clock: string; node: string; keep: NoteChoice }, NoteConflictCopy[], true>;
  /** library, popup: a highlight deleted on one device and edited on another: the reader keeps it or deletes it. */
  settleRevivedHighlight: Message<{ id: string; keep: boolean }, void, true>;
};
