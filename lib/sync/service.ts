/**
 * One sync run as the background worker does it: read settings and status from storage,
 * skip when disabled, offline or already running, run, and store the outcome. Nothing lives
 * only in memory but the derived-key cache, so a worker stopped at any point loses nothing.
 */
import type { NewsmarkDb } from '../db/schema';
import type { SyncKeys } from './crypto';
import { DexieSyncStore } from './dexie-store';
import { syncOnce, type SyncTarget } from './engine';
import { SyncError, toSyncError } from './errors';
import type { FetchLike } from './http';
import { failed, isRunning, started, succeeded, wentOffline } from './schedule';
import { DEFAULT_SYNC_SETTINGS, INITIAL_SYNC_STATUS, type LiveSyncStatus, type NoteChoice, type NoteConflictCopy, type RecordRef, type SyncSettings, type SyncStatus } from '../contracts/sync';
import { conflictCopies, dismissCopy } from './merge';
import { noteCopiesOf } from './conflicts';
import { updateArticle } from '../db/articles';
import { updateHighlight } from '../db/highlights';
import { saveCompanyNote } from '../db/company-notes';

import { syncSettingsItem, syncStatusItem } from '../contracts/storage';

export interface SyncServiceDeps {
  db: NewsmarkDb;
  fetch: FetchLike;
  /** `navigator.onLine` in the worker. */
  isOnline: () => boolean;
  now?: () => number;
  random?: () => number;
  /** Derived keys for the worker's lifetime (PBKDF2 at 600,000 iterations takes a while). */
  keyCache: Map<string, SyncKeys>;
}

export async function loadSyncSettings(): Promise<SyncSettings> {
  return { ...DEFAULT_SYNC_SETTINGS, ...(await syncSettingsItem.getValue()) };
}

/** Stores new settings; a run starts over against a new server or database by itself. */
export async function saveSyncSettings(settings: SyncSettings): Promise<void> {
  await syncSettingsItem.setValue({ ...DEFAULT_SYNC_SETTINGS, ...settings, serverUrl: settings.serverUrl.trim().replace(/\/+$/, ''), database: settings.database.trim() });
}

/**
 * The status with its count of changes waiting. With sync off nothing is counted: counting first
 * marks every record edited since the last look as pending, in one write transaction over the
 * library, which after an import of thousands of articles held the popup's and the library's
 * reads for seconds, for a number "Sync off" does not show. The first run after sync is turned
 * on collects every edit since then all the same.
 */
export async function loadSyncStatus(db: NewsmarkDb): Promise<SyncStatus> {
  const status = { ...INITIAL_SYNC_STATUS, ...(await syncStatusItem.getValue()) };
  if (!(await loadSyncSettings()).enabled) return offStatus(status);
  return { ...status, pending: await new DexieSyncStore(db).countOutgoing() };
}

function offStatus(status: SyncStatus): SyncStatus {
  return { ...status, state: 'disabled', runningSince: null, pending: 0 };
}

let inFlight: Promise<SyncStatus> | null = null;

/**
 * Runs one sync unless one is under way (here, or in a worker instance whose lease is fresh).
 * `why` "scheduled" (periodic alarm, soon after an edit) waits out a pending backoff;
 * "retry" and "manual" do not.
 */
export function runSync(deps: SyncServiceDeps, why: 'scheduled' | 'retry' | 'manual'): Promise<SyncStatus> {
  inFlight ??= runOnce(deps, why).finally(() => (inFlight = null));
  return inFlight;
}

async function runOnce(deps: SyncServiceDeps, why: 'scheduled' | 'retry' | 'manual'): Promise<SyncStatus> {
  const now = deps.now ?? Date.now;
  const store = new DexieSyncStore(deps.db);
  const settings = await loadSyncSettings();
  let status: SyncStatus = { ...INITIAL_SYNC_STATUS, ...(await syncStatusItem.getValue()) };
  if (!settings.enabled) return save(offStatus(status));
  if (isRunning(status, now())) return status;
  if (why === 'scheduled' && status.retryAt !== null && status.retryAt > now()) return status;
  if (!deps.isOnline()) return save(wentOffline(status, await store.countOutgoing()));
  status = await save(started(status, now()));
  const running = status;
  // The line the popup and options watch moves with the run, not only at its end.
  const onProgress = async (progress: { pulled: number; pushed: number }) => void (await save({ ...running, progress }));
  try {
    const report = await syncOnce(store, targetOf(settings), { fetch: deps.fetch, keyCache: deps.keyCache, onProgress });
    return save(succeeded(status, report, await store.countOutgoing(), now()));
  } catch (error) {
    return save(failed(status, toSyncError(error), await store.countOutgoing(), now(), deps.random));
  }
}

async function save(status: LiveSyncStatus): Promise<LiveSyncStatus> {
  await syncStatusItem.setValue(status);
  return status;
}

export function targetOf(settings: SyncSettings): SyncTarget {
  if (!/^https?:\/\//.test(settings.serverUrl)) throw new SyncError('not-configured', 'The server URL must start with http:// or https://.');
  const credentials = { user: settings.user, password: settings.password };
  return {
    serverUrl: settings.serverUrl,
    database: settings.database,
    auth: settings.auth === 'none' ? { kind: 'none' } : { kind: settings.auth, ...credentials },
    ...(settings.passphrase ? { passphrase: settings.passphrase } : {}),
  };
}

/** Note texts kept beside a record's shown note after concurrent edits (empty and duplicate texts left out). */
export async function listNoteConflicts(db: NewsmarkDb, kind: RecordRef['kind'], id: string): Promise<NoteConflictCopy[]> {
  return noteCopiesOf(await db.syncRecords.get(`${kind}:${id}`));
}

/**
 * Every record whose note has a conflict copy to show (for the library's and popup's marks).
 * One read of the sync rows; rows hold copies only after concurrent edits, so it stays short.
 */
export async function listConflictedRecords(db: NewsmarkDb): Promise<Array<{ kind: RecordRef['kind']; id: string }>> {
  const out: Array<{ kind: RecordRef['kind']; id: string }> = [];
  await db.syncRecords.each((row) => {
    const register = row.texts.note;
    const shown = register?.versions[0]?.t;
    if (!conflictCopies(register).some((v) => v.t.trim() !== '' && v.t !== shown)) return;
    const colon = row.key.indexOf(':');
    const kind = row.key.slice(0, colon);
    if (kind === 'article' || kind === 'highlight' || kind === 'companyNote') out.push({ kind, id: row.key.slice(colon + 1) });
  });
  return out;
}

/** The reader dismissed a conflict copy: it is dropped here and, at the next sync, everywhere. */
export async function dismissNoteConflict(db: NewsmarkDb, kind: RecordRef['kind'], id: string, copy: Pick<NoteConflictCopy, 'clock' | 'node'>): Promise<void> {
  await db.transaction('rw', db.syncRecords, async () => {
    const row = await db.syncRecords.get(`${kind}:${id}`);
    const register = row?.texts.note;
    if (!row || !register) return;
    await db.syncRecords.put({ ...row, texts: { ...row.texts, note: dismissCopy(register, { c: copy.clock, n: copy.node }) }, synced: 0 });
  });
}

/**
 * The reader chose between the note shown and one conflict copy: keep the shown text, the copy's,
 * or both (the shown one first, then the copy, as two paragraphs). The copy is dismissed; a choice
 * that changes the text is a note edit like any other, so it syncs, and every device drops the copy.
 * Returns the copies still kept.
 */
export async function resolveNoteConflict(
  db: NewsmarkDb,
  kind: RecordRef['kind'],
  id: string,
  copy: Pick<NoteConflictCopy, 'clock' | 'node'>,
  keep: NoteChoice,
): Promise<NoteConflictCopy[]> {
  const found = (await listNoteConflicts(db, kind, id)).find((c) => c.clock === copy.clock && c.node === copy.node);
  if (found && keep !== 'shown') {
    const record = kind === 'article' ? await db.articles.get(id) : kind === 'companyNote' ? await db.companyNotes.get(id) : await db.highlights.get(id);
    const shown = record?.note ?? '';
    const note = keep === 'copy' ? found.text : `${shown.trimEnd()}\n\n${found.text.trimStart()}`;
    if (kind === 'article') await updateArticle(db, id, { note });
    else if (kind === 'companyNote') await saveCompanyNote(db, { companyId: id, companyName: (record as { companyName?: string } | undefined)?.companyName ?? id, note });
    else await updateHighlight(db, id, { note });
  }
  await dismissNoteConflict(db, kind, id, copy);
  return listNoteConflicts(db, kind, id);
}
