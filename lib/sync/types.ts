/** Sync settings and status are contracts (lib/contracts/sync.ts): storage, the popup and the options read them. */
export {
  DEFAULT_SYNC_SETTINGS, INITIAL_SYNC_STATUS,
  type NoteConflictCopy, type SyncAuthKind, type SyncSettings, type SyncState, type SyncStatus,
} from '../contracts/sync';
