/**
 * Every way a sync can fail, as one typed error. The scheduler decides from `kind`
 * whether to retry with backoff; the popup and options show `message` as it is.
 */
export type SyncErrorKind =
  /** The server could not be reached (no network, refused connection, DNS). */
  | 'offline'
  /** The server took longer than the client's timeout. */
  | 'timeout'
  /** 401/403: wrong user or password, or the session expired and could not be renewed. */
  | 'unauthorized'
  /** 404 on the database itself. */
  | 'not-found'
  /** 409 where no retry could resolve it. */
  | 'conflict'
  /** 5xx or another unexpected status. */
  | 'server'
  /** A body that is not the JSON the protocol promises: garbage, or cut off half-way. */
  | 'bad-response'
  /** The passphrase does not open this database's key-check document. */
  | 'wrong-passphrase'
  /** Encryption settings and the database disagree (e.g. encrypted data and no passphrase). */
  | 'encryption-mismatch'
  /** Settings are incomplete (no server URL, no database). */
  | 'not-configured';

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
