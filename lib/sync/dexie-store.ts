/**
 * The LocalStore over Newsmark's Dexie database: articles, highlights and company notes are synced; each has
 * a row in `syncRecords` with its server revision, note versions and a pending marker.
 *
 * Local edits are found by `updatedAt` above a watermark, then marked pending. This is safe
 * because every write ticks the one persisted clock (lib/db/write.ts) and merging remote
 * states moves that clock past their stamps (here), so a later edit always has a greater stamp;
 * an import, which keeps its file's older stamps, lowers the watermark (watermark.ts).
 * Every method is one transaction; nothing but Dexie calls is awaited inside.
 */
import type { Table } from 'dexie';
import { observeStamp } from '../db/write';
import type { SyncedRecord } from '../contracts/records';
import type { NewsmarkDb } from '../db/schema';
import { canonicalJson, latestClock, sameBody, type SyncBody } from './body';
import type { SyncRecordState, TextRegister } from '../contracts/sync';
import { mergeBodies, mergeTexts } from './merge';
import { bodyOf, recordOf, revivedAt, type ShownRecord } from './record-body';
import type { LocalStore, OutgoingState, RemoteState } from './store';
import { watermarkName } from './watermark';

/** Synced kinds and their tables. */
const TABLES = { article: 'articles', highlight: 'highlights', companyNote: 'companyNotes' } as const;
type Kind = keyof typeof TABLES;
const META_PREFIX = 'sync:';

export class DexieSyncStore implements LocalStore {
  constructor(
    private readonly db: NewsmarkDb,
    private readonly now: () => number = Date.now,
  ) {}

  async getMeta<T>(name: string): Promise<T | undefined> {
    const entry = await this.db.meta.get(META_PREFIX + name);
    return entry ? (JSON.parse(entry.value) as T) : undefined;
  }

  async setMeta(name: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key: META_PREFIX + name, value: JSON.stringify(value) });
  }

  async applyRemote(states: RemoteState[], checkpoint?: unknown): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [...this.syncedTables(), db.syncRecords, db.meta], async () => {
      const known = states.filter((s) => s.body.kind in TABLES);
      const syncRows = await db.syncRecords.bulkGet(known.map((s) => s.key));
      const records = await this.loadRecords(known.map((s) => s.body));
      const rows: SyncRecordState[] = [];
      const writes = new Map<Kind, SyncedRecord[]>();
      known.forEach((state, i) => {
        const record = records[i];
        const local = record ? bodyOf(state.body.kind, record, syncRows[i]?.texts ?? {}) : null;
        const merged = mergeBodies(local ?? state.body, state.body);
        let stamp = record?.updatedAt ?? '';
        // A highlight shown again after a deletion (or no longer) is a change to show, even where the state is the same.
        if (!local || !sameBody(merged, local) || (record as ShownRecord).revived !== revivedAt(merged)) {
          const next = recordOf<SyncedRecord>(merged);
          stamp = next.updatedAt;
          const kind = state.body.kind as Kind;
          writes.set(kind, [...(writes.get(kind) ?? []), next]);
        }
        rows.push({ key: state.key, rev: state.rev, texts: merged.texts, synced: sameBody(merged, state.body) ? 1 : 0, stamp });
      });
      for (const [kind, list] of writes) await this.table(kind).bulkPut(list);
      await db.syncRecords.bulkPut(rows);
      await this.observeClock(known.map((s) => latestClock(s.body)));
      if (checkpoint !== undefined) await this.setMeta('checkpoint', checkpoint);
    });
  }

  async outgoing(limit: number, exclude: ReadonlySet<string>): Promise<OutgoingState[]> {
    await this.collectLocalEdits();
    const db = this.db;
    return db.transaction('r', [...this.syncedTables(), db.syncRecords], async () => {
      // A plain limited range read (no filter callback) lets IndexedDB answer in one getAll.
      const candidates = await db.syncRecords.where('synced').equals(0).limit(limit + exclude.size).toArray();
      const rows = candidates.filter((row) => !exclude.has(row.key)).slice(0, limit);
      const records = await this.loadRecords(rows.map(splitKey));
      const out: OutgoingState[] = [];
      rows.forEach((row, i) => {
        const record = records[i];
        if (record) out.push({ key: row.key, rev: row.rev, body: bodyOf(splitKey(row).kind, record, row.texts) });
      });
      return out;
    });
  }

  async markPushed(pushed: RemoteState[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [...this.syncedTables(), db.syncRecords], async () => {
      const rows = await db.syncRecords.bulkGet(pushed.map((p) => p.key));
      const records = await this.loadRecords(pushed.map((p) => p.body));
      const updates: SyncRecordState[] = [];
      pushed.forEach((state, i) => {
        const record = records[i];
        if (!record) return;
        const row = rows[i];
        // A dismissal made while the push was on the wire must survive: join, don't overwrite.
        const texts = joinTexts(row?.texts ?? {}, state.body.texts);
        // Unchanged since it was marked pending (same stamp, same texts): the server now has it.
        // A record edited meanwhile stays pending; at worst an identical state goes out again.
        const unchanged = row !== undefined && row.stamp === record.updatedAt && canonicalJson(texts) === canonicalJson(state.body.texts);
        updates.push({ key: state.key, rev: state.rev, texts, synced: unchanged ? 1 : 0, stamp: record.updatedAt });
      });
      await db.syncRecords.bulkPut(updates);
    });
  }

  async countOutgoing(): Promise<number> {
    await this.collectLocalEdits();
    return this.db.syncRecords.where('synced').equals(0).count();
  }

  async restartSync(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [...this.syncedTables(), db.syncRecords, db.meta], async () => {
      await db.syncRecords.toCollection().modify((row) => {
        delete row.rev;
        row.synced = 0;
      });
      await db.meta.delete(META_PREFIX + 'checkpoint');
    });
    // Records never synced before (no row yet) are pending too: collected as local edits.
    await this.collectLocalEdits();
  }

  async forgetRevisions(keys: string[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.syncRecords, async () => {
      await db.syncRecords.where('key').anyOf(keys).modify((row) => {
        delete row.rev;
      });
    });
  }

  async resetSyncState(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.syncRecords, db.meta], async () => {
      // Note versions and conflict copies are kept: they are the reader's text, not bookkeeping.
      await db.syncRecords.toCollection().modify((row) => {
        delete row.rev;
        row.synced = 0;
      });
      await db.meta.where('key').startsWith(META_PREFIX).delete();
    });
  }

  /** Marks records edited since the last look as pending, and moves the watermarks past them. */
  private async collectLocalEdits(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [...this.syncedTables(), db.syncRecords, db.meta], async () => {
      for (const kind of Object.keys(TABLES) as Kind[]) {
        const mark = watermarkName(kind);
        const since = (await this.getMeta<string>(mark)) ?? '';
        const edited = await this.table(kind).where('updatedAt').above(since).toArray();
        if (edited.length === 0) continue;
        const rows = await db.syncRecords.bulkGet(edited.map((r) => `${kind}:${r.id}`));
        const pending: SyncRecordState[] = [];
        edited.forEach((record, i) => {
          const row = rows[i];
          if (row && row.synced === 1 && row.stamp === record.updatedAt) return;
          pending.push({ key: `${kind}:${record.id}`, ...(row?.rev ? { rev: row.rev } : {}), texts: row?.texts ?? {}, synced: 0, stamp: record.updatedAt });
        });
        await db.syncRecords.bulkPut(pending);
        await this.setMeta(mark, edited.reduce((max, r) => (r.updatedAt > max ? r.updatedAt : max), since));
      }
    });
  }

  /** Moves the persisted clock past every remote stamp, so later local edits sort after them. */
  private async observeClock(stamps: string[]): Promise<void> {
    const latest = stamps.reduce((max, s) => (s > max ? s : max), '');
    if (!latest) return;
    await observeStamp(this.db, latest, this.now());
  }

  /** Every synced kind's table, for the transactions that read or write records of any kind. */
  private syncedTables(): Table[] {
    return (Object.keys(TABLES) as Kind[]).map((kind) => this.table(kind));
  }

  private table(kind: Kind): Table<SyncedRecord, string> {
    return this.db[TABLES[kind]] as unknown as Table<SyncedRecord, string>;
  }

  /** The local records for these ids, in order (undefined where there is none). */
  private async loadRecords(refs: Array<Pick<SyncBody, 'kind' | 'id'>>): Promise<Array<SyncedRecord | undefined>> {
    const out: Array<SyncedRecord | undefined> = new Array(refs.length);
    for (const kind of Object.keys(TABLES) as Kind[]) {
      const positions = refs.flatMap((ref, i) => (ref.kind === kind ? [i] : []));
      if (positions.length === 0) continue;
      const found = await this.table(kind).bulkGet(positions.map((i) => refs[i]!.id));
      positions.forEach((position, j) => (out[position] = found[j]));
    }
    return out;
  }
}

function splitKey(row: Pick<SyncRecordState, 'key'>): { kind: string; id: string } {
  const colon = row.key.indexOf(':');
  return { kind: row.key.slice(0, colon), id: row.key.slice(colon + 1) };
}

function joinTexts(a: Record<string, TextRegister>, b: Record<string, TextRegister>): Record<string, TextRegister> {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return Object.fromEntries(names.map((name) => [name, mergeTexts(a[name], b[name])]));
}
