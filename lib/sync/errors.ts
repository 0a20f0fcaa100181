/**
 * Every way a sync can fail, as one typed error. The scheduler decides from `kind`
 * whether to retry with backoff; the popup and options show `message` as it is.
 */
import type { SyncErrorKind } from '../contracts/sync';

const RETRYABLE: ReadonlySet<SyncErrorKind> = new Set(['offline', 'timeout', 'server', 'bad-response', 'conflict']);

export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    /** HTTP status where there was one. */
    readonly status?: number,
  ) {
    super(message);
  }

  /** Transient failures are retried with backoff; the others wait for the reader to change settings. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** Wraps anything thrown into a SyncError, keeping a SyncError as it is. */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SyncError('server', message);
}
