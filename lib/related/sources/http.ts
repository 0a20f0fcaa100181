/**
 * Fetching for related-coverage sources: a timeout per attempt, retries with exponential
 * backoff on network errors, timeouts, 429 and 5xx (honouring Retry-After), a cap on the
 * body size, and errors that say what went wrong in words a reader can act on.
 */
import type { SourceErrorKind } from '../../contracts/related';

/** The part of `fetch` the sources use; tests and the background pass the real one. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type { SourceErrorKind };

/** A failure of one source; its message is shown next to that source in the popup. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface FetchPolicy {
  /** Per attempt. */
  timeoutMs: number;
  /** Further attempts after the first. */
  retries: number;
  /** Wait before the first retry; doubled for each next one. */
  backoffMs: number;
  /** Longest Retry-After honoured; a longer one fails at once as rate-limited. */
  maxRetryAfterMs: number;
  maxBytes: number;
}

export const DEFAULT_POLICY: FetchPolicy = {
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 1_000,
  maxRetryAfterMs: 10_000,
  maxBytes: 4 * 1024 * 1024,
};

export interface TextResponse {
  status: number;
  /** Where the answer came from, after redirects. */
  url: string;
  headers: Headers;
  text: string;
}

export interface FetchTextOptions {
  headers?: Record<string, string>;
  /** The caller giving up (the popup closed): no further attempts. */
  signal?: AbortSignal;
  /** Replaced in tests to observe the backoff. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GETs `url` as text under `policy`. Resolves with 2xx and 304 answers; throws a
 * SourceError for everything else once the retries are spent.
 */
export async function fetchText(fetch: FetchLike, url: string, policy: FetchPolicy, options: FetchTextOptions = {}): Promise<TextResponse> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(fetch, url, policy, options);
    } catch (error) {
      const failure = asSourceError(error, policy);
      const wait = retryDelay(failure, attempt, policy);
      if (wait === undefined || options.signal?.aborted) throw failure;
      await sleep(wait);
    }
  }
}

/** A Retry-After the server asked for, kept on the error for `retryDelay`. */
class RetryAfter extends SourceError {
  constructor(
    message: string,
    status: number,
    readonly afterMs: number | undefined,
  ) {
    super(status === 429 ? 'rate-limited' : 'http', message, status);
  }
}

async function attemptOnce(fetch: FetchLike, url: string, policy: FetchPolicy, options: FetchTextOptions): Promise<TextResponse> {
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const response = await fetch(url, { headers: options.headers, signal, redirect: 'follow', credentials: 'omit' });
  const from = response.url || url;
  if (response.status === 304) return { status: 304, url: from, headers: response.headers, text: '' };
  if (!response.ok) {
    await response.body?.cancel();
    const message = response.status === 429 ? 'The service says too many requests (HTTP 429); try again later' : `The server answered HTTP ${response.status}`;
    throw new RetryAfter(message, response.status, parseRetryAfter(response.headers.get('retry-after')));
  }
  return { status: response.status, url: from, headers: response.headers, text: await readCapped(response, policy.maxBytes) };
}

/** Reads the body, stopping as soon as it passes `maxBytes` rather than after downloading it all. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder(charsetOf(response.headers.get('content-type'))).decode(bytes);
}

function tooLarge(maxBytes: number): SourceError {
  return new SourceError('too-large', `The answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB and was not read`);
}

function charsetOf(contentType: string | null): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return charset ? new TextDecoder(charset).encoding : 'utf-8';
  } catch {
    return 'utf-8';
  }
}

function asSourceError(error: unknown, policy: FetchPolicy): SourceError {
  if (error instanceof SourceError) return error;
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new SourceError('timeout', `No answer within ${policy.timeoutMs / 1000} s`);
  }
  return new SourceError('network', `Could not reach the server (${error instanceof Error ? error.message : String(error)})`);
}

/** How long to wait before the next attempt, or undefined to give up. */
function retryDelay(error: SourceError, attempt: number, policy: FetchPolicy): number | undefined {
  if (attempt >= policy.retries) return undefined;
  const retriable = error.kind === 'network' || error.kind === 'timeout' || error.kind === 'rate-limited' || (error.kind === 'http' && (error.status ?? 0) >= 500);
  if (!retriable) return undefined;
  const backoff = policy.backoffMs * 2 ** attempt;
  if (error instanceof RetryAfter && error.afterMs !== undefined) {
    return error.afterMs > policy.maxRetryAfterMs ? undefined : Math.max(error.afterMs, backoff);
  }
  return backoff;
}

/** Retry-After as seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
