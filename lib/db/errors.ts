/**
 * Storage errors the reader must hear about. IndexedDB reports a full disk as a
 * QuotaExceededError, which Dexie passes on as is, or wraps (an AbortError whose `inner` is
 * the quota error, a BulkError whose `failures` hold it); any of them becomes a StorageFullError.
 */

/** Text the UI shows (and can recognise: errors cross message boundaries as text). */
export const STORAGE_FULL_MESSAGE =
  'Newsmark could not save: the browser has no room left for its data. Nothing was changed. Free some disk space or remove saved articles, then try again.';

export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(override readonly cause: unknown) {
    super(STORAGE_FULL_MESSAGE);
  }
}

/** A request that names a record that does not exist, or input the library refuses. */
export class LibraryError extends Error {
  override readonly name = 'LibraryError';
}

interface MaybeWrapped {
  name?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** Whether `error`, or any error it wraps, is a quota error. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as MaybeWrapped;
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError') return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return [e.inner, e.cause, ...failures].some((inner) => isQuotaError(inner, depth + 1));
}

/** Rethrows a quota error as a StorageFullError, anything else as it is. */
export function translateStorageError(error: unknown): never {
  throw isQuotaError(error) ? new StorageFullError(error) : error;
}
