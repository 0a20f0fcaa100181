/**
 * Library import in the background, where every library write happens: the file is parsed
 * and checked in full, then written in one transaction (lib/library/import-apply.ts).
 */
import type { LibraryImportMessages } from '@/lib/contracts/messages';
import type { HandlersOf } from '@/lib/messaging';
import type { NewsmarkDb } from '@/lib/db';
import { parseImport } from '@/lib/library/import-parse';
import { applyImport, previewImport } from '@/lib/library/import-apply';

export function libraryIoHandlers(db: NewsmarkDb): HandlersOf<LibraryImportMessages> {
  return {
    importLibrary: ({ text }) => applyImport(db, parseImport(text)),
    previewImport: ({ text }) => previewImport(db, parseImport(text)),
  };
}
