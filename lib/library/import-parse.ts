/**
 * Reading an import file: its size, its JSON, which of the formats we read it is, and every
 * record in it. Pure: nothing is written here, so a refused file cannot change anything.
 */
import type { ImportFormat } from '../contracts/messages/library';
import { isObject, type Json } from './check';
import { isHypothesisExport, isWebAnnotation, readHypothesisExport, readWebAnnotations, type ForeignAnnotations } from './import-annotations';
import { checkImportSize, ImportError } from './import-errors';
import { firstDuplicateKey } from './json-duplicates';
import { readLibraryFile, type LibraryRecords } from './import-newsmark';
import { isOmnivoreExport, isOmnivoreItemList, readOmnivoreExport } from './import-omnivore';
import { LIBRARY_FORMAT } from './json-export';

export type ImportPlan =
  | ({ format: 'newsmark' } & LibraryRecords)
  | ({ format: ForeignFormat } & ForeignAnnotations);

/** The formats of other tools (the contract's list without our own). */
export type ForeignFormat = Exclude<ImportFormat, 'newsmark'>;

/** The header of Readwise's CSV export (it has no column for a page's address). */
const READWISE_CSV = /^"?Highlight"?,"?Book Title"?,"?Book Author"?,/;

/** The records a file would import; throws ImportError with the reason when it is refused. */
export function parseImport(text: string): ImportPlan {
  // UTF-16 length is at most the UTF-8 byte count for the characters JSON files hold mostly.
  checkImportSize(text.length);
  // A byte-order mark is not JSON, but editors on Windows write one.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (READWISE_CSV.test(json)) {
    throw new ImportError(
      "This is Readwise's CSV export. It names the book or article of each highlight but no web address, so Newsmark cannot place its highlights on pages.",
    );
  }
  let value: Json;
  try {
    value = JSON.parse(json) as Json;
  } catch (error) {
    throw new ImportError(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const duplicate = firstDuplicateKey(json);
  if (duplicate) {
    throw new ImportError(
      `The file names the key "${duplicate.key.slice(0, 60)}" twice in one object (at character ${duplicate.at + 1}), so which value it means is unclear.`,
    );
  }
  if (isObject(value) && value.format === LIBRARY_FORMAT) return { format: 'newsmark', ...readLibraryFile(value) };
  if (isHypothesisExport(value)) return { format: 'hypothesis', ...readHypothesisExport(value as Record<string, Json>) };
  if (isWebAnnotation(value)) return { format: 'w3c', ...readWebAnnotations(value) };
  if (isOmnivoreExport(value)) return { format: 'omnivore', ...readOmnivoreExport(value) };
  if (isOmnivoreItemList(value)) {
    throw new ImportError("This is the list of articles in Omnivore's export; their highlights are in the export's highlights folder. Import the export's zip file itself.");
  }
  throw new ImportError(
    "Newsmark does not recognise this file. It imports its own JSON export, W3C Web Annotation JSON-LD, Hypothesis JSON exports and Omnivore's export zip.",
  );
}
