/**
 * A real CouchDB-protocol server for tests, benches and end-to-end runs: express-pouchdb
 * ('minimumForPouchDB' mode) over PouchDB 9 with the in-memory adapter, on 127.0.0.1 at an
 * ephemeral port. Each call gets its own isolated set of databases.
 *
 * express-pouchdb's minimal mode has no authentication, so an optional gate in front of it
 * does what CouchDB documents: HTTP Basic auth, and `POST /_session` answering with an
 * `AuthSession` cookie that later requests send instead.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface PouchConstructor {
  plugin(plugin: unknown): PouchConstructor;
  defaults(options: Record<string, unknown>): PouchConstructor;
}

const require = createRequire(import.meta.url);
const PouchDB = (require('pouchdb-core') as PouchConstructor)
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce'));
const expressPouchDB = require('express-pouchdb') as (pouch: PouchConstructor, options: Record<string, unknown>) => Handler;

export interface CouchServerOptions {
  /** When set, every request needs these credentials (Basic auth or a session cookie). */
  credentials?: { user: string; password: string };
  /**
   * Answer cross-origin requests as CouchDB does with `[httpd] enable_cors` on: what an
   * extension without a host permission for the server needs (the end-to-end tests).
   */
  cors?: boolean;
}

export interface CouchServer {
  /** Server root, e.g. "http://127.0.0.1:38123" (no trailing slash). */
  url: string;
  /** Requests the server has received so far. */
  requests(): number;
  close(): Promise<void>;
}

let instances = 0;

/** Starts a fresh server; `close()` stops it and forgets its databases. */
export async function startCouchServer(options: CouchServerOptions = {}): Promise<CouchServer> {
  // A distinct name prefix keeps each server's in-memory databases apart within one process.
  const pouch = PouchDB.defaults({ adapter: 'memory', prefix: `couch-${process.pid}-${++instances}-` });
  const app = expressPouchDB(pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const gate = options.credentials ? authGate(options.credentials, app) : app;
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    if (options.cors && allowCors(req, res)) return;
    gate(req, res);
  });
  server.keepAliveTimeout = 1_000;
  return listen(server, () => count);
}

async function listen(server: Server, requests: () => number): Promise<CouchServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** CouchDB's two documented ways to sign in, in front of an app that has none. */
function authGate(credentials: { user: string; password: string }, next: Handler): Handler {
  const sessions = new Set<string>();
  const basic = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
  return (req, res) => {
    const cookie = /AuthSession=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const signedIn = req.headers.authorization === basic || (cookie !== undefined && sessions.has(cookie));
    if (req.url?.startsWith('/_session') && req.method === 'POST') {
      void readJson(req).then((body) => {
        if (body?.name !== credentials.user || body?.password !== credentials.password) return sendJson(res, 401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
        const token = randomUUID();
        sessions.add(token);
        res.setHeader('set-cookie', `AuthSession=${token}; Version=1; Path=/; HttpOnly`);
        sendJson(res, 200, { ok: true, name: credentials.user, roles: [] });
      });
      return;
    }
    if (!signedIn) return sendJson(res, 401, { error: 'unauthorized', reason: 'You are not authorized to access this db.' });
    next(req, res);
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Adds CouchDB's CORS headers; answers a preflight itself (true when it did). */
function allowCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
  res.setHeader('Access-Control-Expose-Headers', 'content-type, cache-control, etag, server');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204).end();
  return true;
}
