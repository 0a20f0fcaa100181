/** Why an import was refused; the message is for the reader, and nothing was changed. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/**
 * Largest file read (bytes). Chrome refuses extension messages over 64 MiB and the import
 * travels to the background in one; a JSON export of 10,000 articles with text is about 30 MB.
 */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

/** Refuses a file by its size before reading it. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(
      `The file is ${megabytes(bytes)} MB; Newsmark imports files of at most ${megabytes(MAX_IMPORT_BYTES)} MB.`,
    );
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}
