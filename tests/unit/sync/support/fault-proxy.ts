/**
 * An HTTP proxy on 127.0.0.1 in front of a test server that breaks requests on demand:
 * an HTTP status, a body that is not JSON, a body cut off half-way, a reset connection,
 * or a slow answer. Faults apply to the requests whose path matches, `times` times.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'garbage' }
  | { kind: 'truncate' }
  | { kind: 'reset' }
  | { kind: 'slow'; delayMs: number }
  /** The server's JSON answer, changed by `edit` (a misbehaving server). */
  | { kind: 'rewrite'; edit: (json: any) => unknown };

interface ArmedFault {
  fault: Fault;
  path: RegExp;
  remaining: number;
}

export interface FaultProxy {
  url: string;
  /** Breaks the next `times` requests whose path matches (every path by default). */
  inject(fault: Fault, options?: { path?: RegExp; times?: number }): void;
  /** Removes every armed fault. */
  clear(): void;
  /** Requests seen so far, faulted or not. */
  requests(): number;
  close(): Promise<void>;
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const armed: ArmedFault[] = [];
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    const path = req.url ?? '/';
    const hit = armed.find((a) => a.remaining > 0 && a.path.test(path));
    if (hit) hit.remaining--;
    void forward(req, res, target, hit?.fault);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject: (fault, options = {}) => void armed.push({ fault, path: options.path ?? /./, remaining: options.times ?? Infinity }),
    clear: () => void armed.splice(0),
    requests: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function forward(req: IncomingMessage, res: ServerResponse, target: URL, fault: Fault | undefined): Promise<void> {
  if (fault?.kind === 'reset') return void req.socket.destroy();
  if (fault?.kind === 'status') {
    req.resume();
    return void res.writeHead(fault.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'injected', reason: `injected ${fault.status}` }));
  }
  if (fault?.kind === 'garbage') {
    req.resume();
    return void res.writeHead(200, { 'content-type': 'application/json' }).end('<html><body>Bad gateway</body></html>');
  }
  if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  // An answer to rewrite is asked for uncompressed.
  const headers = fault?.kind === 'rewrite' ? { ...req.headers, 'accept-encoding': 'identity' } : req.headers;
  const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
    if (fault?.kind === 'truncate') return void truncate(answer, res);
    if (fault?.kind === 'rewrite') return void rewrite(answer, res, fault.edit);
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

function rewrite(answer: IncomingMessage, res: ServerResponse, edit: (json: any) => unknown): void {
  const chunks: Buffer[] = [];
  answer.on('data', (chunk: Buffer) => chunks.push(chunk));
  answer.on('end', () => {
    const body = JSON.stringify(edit(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    res.writeHead(answer.statusCode ?? 200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
}

/** Sends the status line and half the body with the full length announced, then hangs up. */
function truncate(answer: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  answer.on('data', (chunk: Buffer) => chunks.push(chunk));
  answer.on('end', () => {
    const body = Buffer.concat(chunks);
    const headers = { ...answer.headers, 'content-length': String(Math.max(body.length, 2)) };
    delete headers['transfer-encoding'];
    res.writeHead(answer.statusCode ?? 200, headers);
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    res.socket?.destroy();
  });
}
