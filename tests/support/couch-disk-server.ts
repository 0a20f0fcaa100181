/**
 * A CouchDB-protocol server in a child process that keeps its databases in a data directory,
 * for end-to-end runs where `kill -9` and a restart must be real: the same express-pouchdb as
 * couch-server.ts, over PouchDB's LevelDB adapter on a store that is memdown in memory plus an
 * append-only log per database on disk. Every write (a put, a delete, a whole batch) is one
 * line appended with a synchronous write before PouchDB is told it is done, so a process killed
 * at any moment leaves on disk what it had acknowledged to itself; a line cut short by the kill
 * is dropped when the log is read again, as a write-ahead log's torn tail is. Test-only: nothing
 * the extension loads imports this.
 *
 * The parent side starts the child on a data directory and a port (the same port again after a
 * restart, so the browsers' settings still point at it), kills it with SIGKILL, and can ask it
 * to hold the next `_bulk_docs` answer back (after saving the batch, or before) so a test can
 * kill it in the middle of an upload. The next start's process is started ahead and loads its
 * packages while the current one serves: a restart after a kill waits only for the listening.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import type { FromChild, HoldPoint, ToChild } from './couch-disk-child';

export type { HoldPoint };

export interface CouchDiskServer {
  /** Server root, e.g. "http://127.0.0.1:38123". */
  url: string;
  port: number;
  dataDir: string;
  /**
   * Arms the next `_bulk_docs` to stop at `point` (answers once the server has it armed); `reached`
   * resolves when a request has got there. Its answer never comes: kill the server.
   */
  holdNextUpload(point: HoldPoint): Promise<{ reached: Promise<void> }>;
  /** kill -9, and waits for the process to be gone. */
  kill(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./couch-disk-child.ts', import.meta.url));
let compiled: string | null = null;

/**
 * The child's source as plain JavaScript: `node --import tsx` costs 1.5 s a start on a
 * loaded machine, and a test restarts the server several times. Compiled once per test process.
 */
function childScript(): string {
  if (!compiled) {
    compiled = join(mkdtempSync(join(tmpdir(), 'newsmark-couch-disk-')), 'server.mjs');
    writeFileSync(compiled, transformSync(readFileSync(CHILD, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20' }).code);
  }
  return compiled;
}

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
}

/**
 * A child with its packages loaded (about 1 s, 3 s on a loaded machine), waiting for a data
 * directory. It does not keep the test process alive, and ends when that process does.
 */
function spawnChild(): Child {
  const child = fork(childScript(), ['--child', CHILD], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  child.unref();
  child.channel?.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    void exited.then(() => reject(new Error('The disk-backed CouchDB server exited as it started')));
    child.on('message', (message: FromChild) => 'ready' in message && resolve());
  });
  ready.catch(() => undefined); // a spare nobody used
  return { process: child, ready, exited };
}

/** The next start's process, loading while the current server serves. */
let spare: Child | null = null;

/** Starts the server on `dataDir` (created if missing) at `port` (0: any free port). */
export async function startCouchDiskServer(dataDir: string, port = 0): Promise<CouchDiskServer> {
  mkdirSync(dataDir, { recursive: true });
  const { process: child, ready, exited } = spare ?? spawnChild();
  spare = null;
  // Serving: it keeps the test process alive until killed, as a server in the test process would.
  child.ref();
  child.channel?.ref();
  await ready;
  const listening = await new Promise<number>((resolve, reject) => {
    void exited.then(() => reject(new Error(`The disk-backed CouchDB server on ${dataDir} exited before listening`)));
    child.on('message', (message: FromChild) => {
      if ('listening' in message) resolve(message.listening);
    });
    child.send({ serve: { dataDir, port } } satisfies ToChild);
  });
  spare = spawnChild();
  return {
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    dataDir,
    holdNextUpload: async (point) => {
      const heard = (what: 'armed' | 'held') =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (message: FromChild) => {
            if (what in message && (message as Record<string, unknown>)[what] === point) {
              child.off('message', onMessage);
              resolve();
            }
          };
          child.on('message', onMessage);
          void exited.then(() => reject(new Error(`The server exited before an upload was ${what}`)));
        });
      const armed = heard('armed');
      const reached = heard('held');
      reached.catch(() => undefined); // a test may kill the server without waiting for it
      child.send({ hold: point } satisfies ToChild);
      await armed;
      return { reached };
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
