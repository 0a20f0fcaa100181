/**
 * One JSON request to a CouchDB-protocol server, with a timeout and every failure
 * turned into a typed SyncError. `fetch` is passed in so tests and benches can count,
 * slow down or break requests, and so nothing here touches a global.
 */
import { SyncError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface JsonRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  /** The parsed body; `undefined` for an empty one. */
  json: unknown;
}

/** Sends the request and parses the answer; throws SyncError for transport and parse failures only. */
export async function requestJson(fetchFn: FetchLike, request: JsonRequest): Promise<JsonResponse> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const init: RequestInit = {
    method: request.method,
    headers: { accept: 'application/json', ...request.headers },
    signal,
    // Browsers keep CouchDB's AuthSession cookie themselves; Node's fetch ignores this.
    credentials: 'include',
  };
  if (request.body !== undefined) {
    init.body = JSON.stringify(request.body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetchFn(request.url, init);
  } catch (error) {
    throw transportError(error, signal, request, 'connect');
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw transportError(error, signal, request, 'read');
  }
  return { status: response.status, headers: response.headers, json: parseBody(text, response.status, request) };
}

function transportError(error: unknown, signal: AbortSignal, request: JsonRequest, phase: 'connect' | 'read'): SyncError {
  const what = `${request.method} ${pathOf(request.url)}`;
  if (signal.aborted) return new SyncError('timeout', `The server did not answer within ${formatMs(request.timeoutMs)} (${what}).`);
  // A failure after the status line arrived, or a connection the server closed mid-answer
  // (Node reports it as a socket error; browsers cannot tell it from no network).
  if (phase === 'read' || socketClosed(error)) return new SyncError('bad-response', `The connection to the server broke off before its answer was complete (${what}).`);
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncError('offline', `Cannot reach the sync server (${detail}).`);
}

function socketClosed(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET';
}

function formatMs(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 1_000)} s`;
}

function parseBody(text: string, status: number, request: JsonRequest): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const what = status >= 500 ? `an error page (HTTP ${status})` : 'something that is not JSON';
    throw new SyncError('bad-response', `The server sent ${what} for ${request.method} ${pathOf(request.url)}.`, status);
  }
}

/** The path only: URLs may carry credentials and are not for status lines. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Maps a non-2xx status to the SyncError the reader sees. */
export function statusError(status: number, body: unknown, what: string): SyncError {
  const reason = typeof body === 'object' && body !== null && 'reason' in body ? String((body as { reason: unknown }).reason) : '';
  const suffix = reason ? `: ${reason}` : '';
  if (status === 401 || status === 403) return new SyncError('unauthorized', `The server refused the user name or password (HTTP ${status})${suffix}.`, status);
  if (status === 404) return new SyncError('not-found', `${what}: not found on the server${suffix}.`, status);
  if (status === 409) return new SyncError('conflict', `${what}: update conflict${suffix}.`, status);
  return new SyncError('server', `${what}: the server answered HTTP ${status}${suffix}.`, status);
}
