/**
 * The complete library as one JSON file: every article, highlight and company note record exactly as stored
 * (ids, clocks and tombstones included), so that importing it back restores the same library.
 * Records and their keys are sorted: two exports of the same library are the same text.
 */
import type { ArticleRecord, CompanyNoteRecord, HighlightRecord } from '../contracts/records';
import type { RecordConflicts } from '../contracts/sync';
import { exportedConflicts, type ExportedConflict } from './conflict-export';

/** Tells our export apart from other JSON files. */
export const LIBRARY_FORMAT = 'newsmark-library';
/** Bumped when the file's shape changes; an older Newsmark refuses files with a larger number. */
export const LIBRARY_FORMAT_VERSION = 1;

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  version: number;
  /** ISO 8601. */
  exportedAt: string;
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
  /**
   * Sync conflicts the reader has not settled yet (other versions of notes, highlights shown
   * again after a deletion); absent when there are none. Importing the file leaves them out:
   * the records hold the shown notes.
   */
  conflicts?: ExportedConflict[];
  /** The reader's notes on companies (written on their dossiers); absent when there are none, as in files before them. */
  companyNotes?: CompanyNoteRecord[];
}

/** The library as a JSON document (records sorted by id, so two exports of one library are equal), with its sync conflicts. */
export function exportLibraryJson(
  articles: readonly ArticleRecord[],
  highlights: readonly HighlightRecord[],
  now = new Date(),
  conflicts: readonly RecordConflicts[] = [],
  companyNotes: readonly CompanyNoteRecord[] = [],
): string {
  const unsettled = exportedConflicts(conflicts);
  const file: LibraryFile = {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    articles: [...articles].sort(byId),
    highlights: [...highlights].sort(byId),
    ...(unsettled.length ? { conflicts: unsettled } : {}),
    ...(companyNotes.length ? { companyNotes: [...companyNotes].sort(byId) } : {}),
  };
  return JSON.stringify(file, sortedKeys, 1);
}

/** Writes object keys in sorted order, so equal records give equal text whatever order their fields were set in. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
