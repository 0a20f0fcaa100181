/**
 * Sync's watermarks over the library. DexieSyncStore finds local edits by `updatedAt` above the
 * highest stamp it has looked at, one watermark per synced kind. A write that keeps an older
 * stamp (an import keeps its file's: a backup, another device's export) lands below it and would
 * never be uploaded; such a write lowers the watermark here, in its own transaction, so the next
 * run looks at its records.
 */
import type { NewsmarkDb } from '../db/schema';

export type SyncedKind = 'article' | 'highlight' | 'companyNote';

/** A kind's watermark among DexieSyncStore's meta entries (whose `meta` keys start with "sync:"; values are JSON). */
export const watermarkName = (kind: SyncedKind): string => `watermark:${kind}`;
const watermarkKey = (kind: SyncedKind): string => `sync:${watermarkName(kind)}`;

/**
 * Makes the next sync look at the records of `kind` written with `stamps`, wherever its
 * watermark stands. Call inside a read-write transaction on `meta`.
 */
export async function lookAgainAt(db: NewsmarkDb, kind: SyncedKind, stamps: readonly string[]): Promise<void> {
  if (stamps.length === 0) return;
  const oldest = stamps.reduce((min, s) => (s < min ? s : min));
  const entry = await db.meta.get(watermarkKey(kind));
  if (!entry || (JSON.parse(entry.value) as string) < oldest) return;
  // Watermarks are exclusive (`above`): a proper prefix of the oldest stamp sorts just before it.
  await db.meta.put({ key: watermarkKey(kind), value: JSON.stringify(oldest.slice(0, -1)) });
}
