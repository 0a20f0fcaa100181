/** The reader's notes on companies: one per company, written on its dossier (see CompanyNoteRecord). */
import type { CompanyNoteRecord } from '../contracts/records';
import { LibraryError } from './errors';
import type { NewsmarkDb } from './schema';
import { checkNote } from './validate';
import { stampChanges, write } from './write';

const FIELDS = ['companyName', 'note', 'createdAt', 'deleted'] as const;

export interface CompanyNoteInput {
  companyId: string;
  companyName: string;
  note: string;
}

/** Writes the company's note (an empty one clears it: the record stays, so the clearing syncs too). */
export async function saveCompanyNote(db: NewsmarkDb, input: CompanyNoteInput, now = Date.now()): Promise<CompanyNoteRecord> {
  const companyId = typeof input.companyId === 'string' ? input.companyId.trim() : '';
  if (!companyId) throw new LibraryError('A company note needs the company it is about.');
  const note = checkNote(input.note)!;
  const companyName = String(input.companyName ?? '').trim() || companyId;
  return write(db, [db.companyNotes], now, async ({ stamp }) => {
    const existing = await db.companyNotes.get(companyId);
    const record: CompanyNoteRecord = existing
      ? stampChanges(existing, { note, companyName, deleted: false }, stamp)
      : { id: companyId, companyName, note, createdAt: now, deleted: false, updatedAt: stamp, clocks: Object.fromEntries(FIELDS.map((f) => [f, stamp])) };
    if (record !== existing) await db.companyNotes.put(record);
    return record;
  });
}

/** The company's note, or null when the reader wrote none (or cleared it). */
export async function getCompanyNote(db: NewsmarkDb, companyId: string): Promise<CompanyNoteRecord | null> {
  const found = await db.companyNotes.get(companyId);
  return found && !found.deleted && found.note !== '' ? found : null;
}
