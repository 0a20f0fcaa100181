/** The library's export files and import reading, for the Library component. */
import { strToU8, zipSync } from 'fflate';
import type { ArticleRecord, CompanyNoteRecord, HighlightRecord } from '@/lib/contracts/records';
import { exportAnnotations } from '@/lib/library/annotation-export';
import { exportLibraryJson } from '@/lib/library/json-export';
import { companyNotesToMarkdown, libraryToMarkdown } from '@/lib/library/markdown-export';
import { conflictsByRecord } from '@/lib/library/conflict-export';
import type { RecordConflicts } from '@/lib/contracts/sync';
import { checkImportSize } from '@/lib/library/import-errors';
import { readImportBytes } from '@/lib/library/import-omnivore';
import { buildModel, type LibraryModel } from '@/lib/library/model';
import { localDayValue } from '@/lib/i18n/format';

export type ExportKind = 'markdown' | 'json' | 'w3c';

export interface AllRecords {
  /** Every record as stored, tombstones included (the JSON export is complete). */
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
  /** The reader's notes on companies, written on their dossiers (the JSON export carries them). */
  companyNotes?: CompanyNoteRecord[];
}

/**
 * The export file of `kind`: its name and contents. Markdown is written from the library's
 * model plus the reader's notes on companies; JSON and W3C, which hold every record whole
 * (article text, tombstones), from `loadAll`'s answer: the library page keeps no article text. Markdown and JSON write the sync
 * conflicts the reader has not settled (`loadConflicts`), where the page can read them.
 */
export async function exportFile(
  kind: ExportKind,
  loadAll: () => Promise<AllRecords>,
  { now = new Date(), bodyLanguage, loadConflicts }: { now?: Date; bodyLanguage?: string; loadConflicts?: () => Promise<RecordConflicts[]> } = {},
): Promise<{ name: string; blob: Blob }> {
  // The reader's day, not UTC's: an export made late in the evening is named for that evening.
  const day = localDayValue(now.getTime());
  const conflicts = kind === 'w3c' ? [] : ((await loadConflicts?.()) ?? []);
  const records = await loadAll();
  if (kind === 'markdown') return markdownFile(buildModel(records.articles, records.highlights), day, conflicts, records.companyNotes ?? []);
  if (kind === 'json') {
    return { name: `newsmark-library-${day}.json`, blob: new Blob([exportLibraryJson(records.articles, records.highlights, now, conflicts, records.companyNotes)], { type: 'application/json' }) };
  }
  if (kind === 'w3c') {
    const collection = exportAnnotations(records.articles, records.highlights, { bodyLanguage });
    return { name: `newsmark-annotations-${day}.jsonld`, blob: new Blob([JSON.stringify(collection, null, 1)], { type: 'application/ld+json' }) };
  }
  return markdownFile(buildModel(records.articles, records.highlights), day, conflicts, records.companyNotes ?? []);
}

function markdownFile(model: LibraryModel, day: string, conflicts: readonly RecordConflicts[], companyNotes: readonly CompanyNoteRecord[]): { name: string; blob: Blob } {
  const conflictsOf = conflictsByRecord(conflicts);
  const notes = companyNotesToMarkdown(companyNotes, conflictsOf);
  const files = [...libraryToMarkdown(model.articles, (id) => model.highlightsByArticle.get(id) ?? [], conflictsOf), ...(notes ? [notes] : [])];
  const zip = zipSync(Object.fromEntries(files.map((f) => [`newsmark/${f.name}`, strToU8(f.content)])));
  return { name: `newsmark-markdown-${day}.zip`, blob: new Blob([zip], { type: 'application/zip' }) };
}

/**
 * Reads a chosen file as import text, refusing one over the size limit before reading it: an
 * Omnivore export zip is unpacked into its items, any other file read as UTF-8.
 */
export async function readImportFile(file: File): Promise<string> {
  checkImportSize(file.size);
  return readImportBytes(new Uint8Array(await file.arrayBuffer()));
}
