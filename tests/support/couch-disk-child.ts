/**
 * The child process of couch-disk-server.ts: express-pouchdb over PouchDB's LevelDB core, on
 * memdown with an append-only log per database in the data directory (see there). It loads its
 * packages as it starts, says it is ready, and waits to be told which data directory and port to
 * serve: a spare process is started ahead, so a restart after a kill does not wait for the loading.
 * Imports only Node's own modules: it runs compiled to plain JavaScript outside the repository,
 * and finds the packages from the path of this source file, given on the command line.
 */
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** When the held upload stops: the batch received but not saved, or saved but not answered. */
export type HoldPoint = 'before-save' | 'after-save';
export type ToChild = { serve: { dataDir: string; port: number } } | { hold: HoldPoint };
export type FromChild = { ready: true } | { listening: number } | { armed: HoldPoint } | { held: HoldPoint };

interface LevelOp {
  type: 'put' | 'del';
  key: unknown;
  value?: unknown;
}
type Encoded = string | { b: string };

const encode = (value: unknown): Encoded => (Buffer.isBuffer(value) ? { b: value.toString('base64') } : String(value));
const decode = (value: Encoded): string | Buffer => (typeof value === 'string' ? value : Buffer.from(value.b, 'base64'));

/**
 * Reads a database's log into `apply` and returns its file descriptor for appending. A last
 * line the kill cut short is not applied and is cut off the file, so the next line starts clean.
 */
function replayLog(path: string, apply: (ops: LevelOp[]) => void): number {
  if (existsSync(path)) {
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    let good = 0;
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf('\n', start);
      if (end < 0) break; // torn tail: written in part when the process died
      const ops = (JSON.parse(text.slice(start, end)) as Array<[0 | 1, Encoded, Encoded?]>).map(([del, key, value]): LevelOp =>
        del ? { type: 'del', key: decode(key) } : { type: 'put', key: decode(key), value: decode(value!) });
      apply(ops);
      start = good = end + 1;
    }
    const kept = Buffer.byteLength(text.slice(0, good)); // whole lines only: valid UTF-8, so the byte count is exact
    if (kept !== bytes.length) truncateSync(path, kept);
  }
  return openSync(path, 'a');
}

type Callback = (error?: Error | null) => void;
interface MemDown {
  _put(key: unknown, value: unknown, options: object, callback: Callback): void;
  _del(key: unknown, options: object, callback: Callback): void;
  _batch(ops: LevelOp[], options: object, callback: Callback): void;
}
interface PouchConstructor {
  plugin(plugin: unknown): PouchConstructor;
  adapter(name: string, adapter: unknown, preferred: boolean): void;
  defaults(options: Record<string, unknown>): PouchConstructor;
}
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The packages, loaded before the child says it is ready. `source` names this file in the repository: they are found from there. */
function load(source: string) {
  const require = createRequire(source);
  return {
    MemDOWN: require('memdown') as { (this: MemDown, location: string): void; prototype: MemDown; destroy(name: string, callback: Callback): void },
    CoreLevelPouch: require('pouchdb-adapter-leveldb-core') as { call(self: unknown, opts: object, callback: unknown): void },
    PouchDB: (require('pouchdb-core') as PouchConstructor)
      .plugin(require('pouchdb-adapter-http'))
      .plugin(require('pouchdb-replication'))
      .plugin(require('pouchdb-mapreduce')),
    expressPouchDB: require('express-pouchdb') as (pouch: PouchConstructor, options: Record<string, unknown>) => Handler,
  };
}

// Not once the test process is gone (a spare still loading then has no one to tell).
const send = (message: FromChild) => void (process.connected && process.send?.(message));

function serve({ MemDOWN, CoreLevelPouch, PouchDB, expressPouchDB }: ReturnType<typeof load>, dataDir: string, port: number): { hold(point: HoldPoint): void } {
  const logs = new Map<string, number>();
  const logPath = (location: string) => join(dataDir, `${encodeURIComponent(location)}.log`);

  // A leveldown for PouchDB's LevelDB core: memdown's tree, filled from the log at open, and every write logged first.
  function DiskDown(this: MemDown & { _log: number }, location: string): void {
    if (!(this instanceof DiskDown)) return new (DiskDown as unknown as new (l: string) => unknown)(location) as void;
    MemDOWN.call(this, location);
    let log = logs.get(location);
    if (log === undefined) {
      log = replayLog(logPath(location), (ops) => MemDOWN.prototype._batch.call(this, ops, {}, () => undefined));
      logs.set(location, log);
    }
    this._log = log;
  }
  Object.setPrototypeOf(DiskDown.prototype, MemDOWN.prototype);
  const write = (self: { _log: number }, ops: LevelOp[]) =>
    appendFileSync(self._log, `${JSON.stringify(ops.filter(Boolean).map((op) => (op.type === 'del' ? [1, encode(op.key)] : [0, encode(op.key), encode(op.value ?? '')])))}\n`);
  Object.assign(DiskDown.prototype, {
    _put(this: MemDown & { _log: number }, key: unknown, value: unknown, options: object, callback: Callback) {
      write(this, [{ type: 'put', key, value }]);
      MemDOWN.prototype._put.call(this, key, value, options, callback);
    },
    _del(this: MemDown & { _log: number }, key: unknown, options: object, callback: Callback) {
      write(this, [{ type: 'del', key }]);
      MemDOWN.prototype._del.call(this, key, options, callback);
    },
    _batch(this: MemDown & { _log: number }, ops: LevelOp[], options: object, callback: Callback) {
      write(this, ops);
      MemDOWN.prototype._batch.call(this, ops, options, callback);
    },
  });
  (DiskDown as unknown as { destroy(name: string, callback: Callback): void }).destroy = (location, callback) => {
    const log = logs.get(location);
    if (log !== undefined) closeSync(log);
    logs.delete(location);
    rmSync(logPath(location), { force: true });
    MemDOWN.destroy(location, callback);
  };

  function DiskPouch(this: unknown, opts: object, callback: unknown): void {
    CoreLevelPouch.call(this, { ...opts, db: DiskDown }, callback);
  }
  Object.assign(DiskPouch, { valid: () => true, use_prefix: false });
  PouchDB.adapter('disk', DiskPouch, true);
  const app = expressPouchDB(PouchDB.defaults({ adapter: 'disk' }), { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });

  let hold: HoldPoint | null = null;

  const server = createServer((req, res) => {
    // CouchDB's CORS answers ([httpd] enable_cors): the extension has no host permission for the server.
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
    res.setHeader('Access-Control-Expose-Headers', 'content-type, cache-control, etag, server');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (hold && req.method === 'POST' && /^\/[^/]+\/_bulk_docs/.test(req.url ?? '')) {
      const point = hold;
      hold = null;
      if (point === 'before-save') {
        // Take the whole body, save none of it, never answer.
        req.resume();
        req.once('end', () => send({ held: point }));
        return;
      }
      // Let PouchDB save the batch; swallow the answer it then writes.
      res.write = (() => true) as never;
      res.end = (() => (send({ held: point }), res)) as never;
    }
    app(req, res);
  });
  server.keepAliveTimeout = 1_000;
  server.listen(port, '127.0.0.1', () => send({ listening: (server.address() as AddressInfo).port }));
  return {
    hold: (point) => {
      hold = point;
      send({ armed: point });
    },
  };
}

if (process.argv[2] === '--child') {
  const modules = load(process.argv[3]!);
  let serving: ReturnType<typeof serve> | null = null;
  process.on('message', (message: ToChild) => {
    if ('serve' in message) serving = serve(modules, message.serve.dataDir, message.serve.port);
    else serving?.hold(message.hold);
  });
  // The test process is gone (ended, or crashed before killing this one): so is this one.
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}
