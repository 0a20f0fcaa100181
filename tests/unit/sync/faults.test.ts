// @vitest-environment node
/** Faults between device and server: a clear typed error, local data intact, no duplicates after recovery. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addHighlight, saveArticle, updateHighlight } from '@/lib/db/library';
import { SyncError } from '@/lib/sync/errors';
import { goesBack } from '@/lib/sync/engine';
import type { FetchLike } from '@/lib/sync/http';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy';
import { makeDevice, type Device } from './support/devices';

let server: CouchServer;
let proxy: FaultProxy;
let databases = 0;

beforeAll(async () => {
  server = await startCouchServer();
  proxy = await startFaultProxy(server.url);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

async function deviceWithHighlights(count: number): Promise<{ device: Device; target: Parameters<typeof makeDevice>[0] }> {
  const target = { serverUrl: proxy.url, database: `faults-${++databases}`, auth: { kind: 'none' } as const };
  const device = makeDevice(target, { batchSize: 4, timeoutMs: 1_000 });
  const article = await saveArticle(device.db, { url: `https://news.example/f${databases}`, title: 'T', text: 'Acme bought Beta.' });
  for (let i = 0; i < count; i++) {
    await addHighlight(device.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: `n${i}` });
  }
  return { device, target };
}

async function syncError(run: Promise<unknown>): Promise<SyncError> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

/** Library contents as a comparable value. */
async function library(device: Device): Promise<unknown> {
  return { articles: await device.db.articles.toArray(), highlights: await device.db.highlights.orderBy('id').toArray() };
}

/** Record documents on the server (the database's id document left out), each counted once. */
async function serverDocCount(database: string): Promise<number> {
  const all = (await (await fetch(`${server.url}/${database}/_all_docs`)).json()) as { rows: Array<{ id: string }> };
  return all.rows.filter((row) => row.id.includes(':')).length;
}

const cases: Array<{ name: string; fault: Fault; path?: RegExp; kind: SyncError['kind'] }> = [
  { name: '401', fault: { kind: 'status', status: 401 }, kind: 'unauthorized' },
  { name: '409 on the whole request', fault: { kind: 'status', status: 409 }, path: /_bulk_docs/, kind: 'conflict' },
  { name: '500', fault: { kind: 'status', status: 500 }, kind: 'server' },
  { name: 'garbage JSON', fault: { kind: 'garbage' }, path: /_changes/, kind: 'bad-response' },
  { name: 'a response cut off half-way', fault: { kind: 'truncate' }, path: /_changes/, kind: 'bad-response' },
  { name: 'a connection reset', fault: { kind: 'reset' }, kind: 'bad-response' },
  { name: 'a very slow server', fault: { kind: 'slow', delayMs: 2_500 }, path: /_bulk_docs/, kind: 'timeout' },
];

describe('each fault gives a typed error, keeps local data, and the next sync recovers without duplicates', () => {
  for (const { name, fault, path, kind } of cases) {
    test(name, async () => {
      const { device, target } = await deviceWithHighlights(6);
      const before = await library(device);
      proxy.inject(fault, { path, times: 1 });
      const error = await syncError(device.sync());
      proxy.clear();
      expect(error.kind).toBe(kind);
      expect(error.message.length).toBeGreaterThan(10);
      expect(await library(device)).toEqual(before);
      await device.sync();
      expect(await device.store.countOutgoing()).toBe(0);
      expect(await serverDocCount(target.database)).toBe(7);
      const other = makeDevice(target);
      await other.sync();
      expect(await library(other)).toEqual(await library(device));
    });
  }

  test('a push whose answer is cut off (the server did store it) leaves no duplicate and no pending change', async () => {
    const { device, target } = await deviceWithHighlights(9);
    proxy.inject({ kind: 'truncate' }, { path: /_bulk_docs/, times: 2 });
    expect((await syncError(device.sync())).kind).toBe('bad-response');
    proxy.clear();
    // The next run pulls what the server stored (learning its revisions) and pushes only the rest.
    const report = await device.sync();
    expect(report.pulled + report.pushed).toBe(10);
    expect(await serverDocCount(target.database)).toBe(10);
    expect(await device.store.countOutgoing()).toBe(0);
  });

  test('a server that is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { device } = await deviceWithHighlights(2);
    const before = await library(device);
    const error = await syncError(device.sync({ serverUrl: `http://127.0.0.1:${port}` }));
    expect(error.kind).toBe('offline');
    expect(error.retryable).toBe(true);
    expect(await library(device)).toEqual(before);
  });
});

test('two devices pushing the same record: the loser of the race merges through _bulk_get and keeps both notes', async () => {
  const { device: a, target } = await deviceWithHighlights(1);
  await a.sync();
  const b = makeDevice(target);
  await b.sync();
  const id = (await a.db.highlights.toCollection().first())!.id;
  await updateHighlight(b.db, id, { note: 'from B' });
  // A writes the same record between B's pull and B's push, so B's push meets a 409.
  let raced = false;
  const racing: FetchLike = async (url, init) => {
    if (!raced && url.includes('_bulk_docs')) {
      raced = true;
      await updateHighlight(a.db, id, { note: 'from A' });
      await a.sync();
    }
    return fetch(url, init);
  };
  const report = await b.sync({}, racing);
  expect(raced).toBe(true);
  expect(report.conflicts).toBe(1);
  await a.sync();
  const versions = (await a.db.syncRecords.get(`highlight:${id}`))!.texts.note!.versions.map((v) => v.t).sort();
  expect(versions).toEqual(['from A', 'from B']);
  expect((await a.db.highlights.get(id))!.note).toBe((await b.db.highlights.get(id))!.note);
  expect(await serverDocCount(target.database)).toBe(2);
});

test('a _changes feed whose sequence goes backwards is not trusted: the device starts over as for a rolled-back server, losing and duplicating nothing', async () => {
  const { device: a, target } = await deviceWithHighlights(8);
  const b = makeDevice(target, { batchSize: 4, timeoutMs: 1_000 });
  await a.sync();
  await b.sync();
  const article = (await a.db.articles.toArray())[0]!;
  await addHighlight(a.db, { articleId: article.id, colour: 'green', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: 'after' });
  await a.sync();
  const edited = (await b.db.highlights.toArray())[0]!;
  await updateHighlight(b.db, edited.id, { note: 'edited on b' });
  const before = (await b.store.getMeta<number>('checkpoint'))!;
  // The next _changes answer claims a position before the one b asked from, with nothing in it.
  proxy.inject({ kind: 'rewrite', edit: (json) => ({ ...json, results: [], last_seq: 1 }) }, { path: /_changes/, times: 1 });
  const report = await b.sync();
  proxy.clear();
  expect(report.recovered).toBeDefined();
  expect((await b.store.getMeta<number>('checkpoint'))!).toBeGreaterThanOrEqual(before);
  await a.sync();
  expect(await library(b)).toEqual(await library(a));
  expect(await b.db.highlights.count()).toBe(9);
  expect((await a.db.highlights.get(edited.id))?.note).toBe('edited on b');
  expect(await serverDocCount(target.database)).toBe(10);
  expect(await b.store.countOutgoing()).toBe(0);
});

test('sequences compare by their leading number (CouchDB 2+ "N-…", CouchDB 1 and PouchDB N); anything else is not judged', () => {
  expect(goesBack('12-g1AAAA', '9-g1AAAB')).toBe(true);
  expect(goesBack('12-g1AAAA', '12-g1AAAB')).toBe(false);
  expect(goesBack(12, 13)).toBe(false);
  expect(goesBack(12, 3)).toBe(true);
  expect(goesBack('opaque', '1-x')).toBe(false);
  expect(goesBack(0, 0)).toBe(false);
});
