// @vitest-environment node
/**
 * A server that lost its data is refilled (issue 26, item 1): two devices sync, then the
 * server's database is deleted and recreated empty, or replaced by an older copy of its data
 * (a subset of its documents and the `_local` checkpoints as they were then). The next runs
 * upload what the server lacks; every record on every device and on the server is compared
 * field by field: nothing lost, nothing duplicated, no device reverted.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addHighlight, saveArticle, updateHighlight } from '@/lib/db/library';
import { bodyOf } from '@/lib/sync/record-body';
import { recoveryNotice } from '@/lib/sync/engine';
import { succeeded } from '@/lib/sync/schedule';
import { INITIAL_SYNC_STATUS } from '@/lib/contracts/sync';
import type { SyncedRecord } from '@/lib/contracts/records';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeDevice, type Device } from './support/devices';

let server: CouchServer;
let runs = 0;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());

const HIGHLIGHTS = 40;

async function http(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

/** Two devices holding the same synced library of one article and HIGHLIGHTS highlights. */
async function syncedPair(): Promise<{ a: Device; b: Device; database: string; ids: string[] }> {
  const database = `recover-${++runs}`;
  const target = { serverUrl: server.url, database, auth: { kind: 'none' } as const };
  const a = makeDevice(target, { batchSize: 7 });
  const b = makeDevice(target, { batchSize: 7 });
  const article = await saveArticle(a.db, { url: `https://news.example/${runs}`, title: 'Ünïcode 漢字 🙂', text: 'Acme bought Beta for $5 million.' });
  await a.sync();
  await b.sync(); // b needs the article first
  const ids: string[] = [];
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const device = i % 2 === 0 ? a : b;
    const made = await addHighlight(device.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: `note ${i} <b>ü</b> 漢字 🙂` });
    ids.push(made.id);
  }
  await a.sync();
  await b.sync();
  await a.sync();
  return { a, b, database, ids };
}

async function records(device: Device): Promise<Map<string, SyncedRecord>> {
  const out = new Map<string, SyncedRecord>();
  for (const r of await device.db.articles.toArray()) out.set(`article:${r.id}`, r as unknown as SyncedRecord);
  for (const r of await device.db.highlights.toArray()) out.set(`highlight:${r.id}`, r as unknown as SyncedRecord);
  return out;
}

/** Every device holds the same records as `expected`, and the server one document per record with the same fields. */
async function expectEverywhere(database: string, devices: Device[], expected: Map<string, SyncedRecord>): Promise<void> {
  for (const device of devices) {
    const held = await records(device);
    expect([...held.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, record] of expected) expect(held.get(key), `${device.name} ${key}`).toEqual(record);
  }
  const all = await http('GET', `/${database}/_all_docs?include_docs=true`);
  const docs = (all.json.rows as Array<{ id: string; doc: any }>).filter((row) => row.id.includes(':'));
  expect(docs.map((row) => row.id).sort()).toEqual([...expected.keys()].sort()); // nothing missing, nothing twice
  const texts = new Map((await devices[0]!.db.syncRecords.toArray()).map((row) => [row.key, row.texts]));
  for (const { id, doc } of docs) {
    const record = expected.get(id)!;
    const body = bodyOf(doc.kind, record, texts.get(id) ?? {});
    expect(doc.fields, id).toEqual(body.fields);
    expect(doc.texts.note?.versions[0]?.t ?? '', id).toBe((record as unknown as { note?: string }).note ?? '');
  }
}

async function settle(a: Device, b: Device): Promise<Array<Awaited<ReturnType<Device['sync']>>>> {
  return [await a.sync(), await b.sync(), await a.sync(), await b.sync()];
}

test('a server emptied (database deleted and recreated) is refilled from the devices, without duplicates', async () => {
  const { a, b, database, ids } = await syncedPair();
  const before = await records(a);
  expect([...(await records(b)).values()]).toEqual([...before.values()]);

  expect((await http('DELETE', `/${database}`)).status).toBe(200);
  expect((await http('PUT', `/${database}`)).status).toBe(201);
  // One note edited on a since the loss: it must reach the server and b (issue: it never left the device).
  await updateHighlight(a.db, ids[3]!, { note: 'edited after the loss' });

  const first = await a.sync();
  expect(first.recovered).toEqual({ uploaded: HIGHLIGHTS + 1 });
  expect(first.pushed).toBe(HIGHLIGHTS + 1);
  const reports = await settle(a, b);
  // b found the server refilled: nothing of its own to upload, nothing duplicated.
  expect(reports[1]!.recovered).toEqual({ uploaded: 0 });
  expect(reports.slice(2).every((r) => r.recovered === undefined && r.pushed === 0)).toBe(true);

  const expected = await records(a);
  expect((expected.get(`highlight:${ids[3]}`) as unknown as { note: string }).note).toBe('edited after the loss');
  for (const [key, record] of before) if (!key.endsWith(ids[3]!)) expect(expected.get(key)).toEqual(record);
  await expectEverywhere(database, [a, b], expected);
});

test('a third device recreating the empty database does not make the others believe it is in sync', async () => {
  const { a, b, database, ids } = await syncedPair();
  const before = await records(a);
  await http('DELETE', `/${database}`);
  const c = makeDevice({ serverUrl: server.url, database, auth: { kind: 'none' } }, { batchSize: 7 });
  expect((await c.sync()).pulled).toBe(0); // creates the database anew
  await updateHighlight(a.db, ids[5]!, { note: 'a, offline meanwhile' });

  const fromB = await b.sync();
  expect(fromB.recovered).toEqual({ uploaded: HIGHLIGHTS + 1 });
  // a's edit goes out, with no false "Other devices keep writing the same records".
  const fromA = await a.sync();
  expect(fromA.recovered).toEqual({ uploaded: 1 });
  await settle(a, b);
  await c.sync();
  const expected = await records(a);
  expect(expected.size).toBe(before.size);
  expect((expected.get(`highlight:${ids[5]}`) as unknown as { note: string }).note).toBe('a, offline meanwhile');
  await expectEverywhere(database, [a, b, c], expected);
});

test('a server restored from an older copy of its data is refilled and no device reverts or drops a record', async () => {
  const { a, b, database, ids } = await syncedPair();
  // The backup: every document, and the devices' checkpoints as they were then.
  const backup = (await http('GET', `/${database}/_all_docs?include_docs=true`)).json.rows.map((row: { doc: unknown }) => row.doc);
  const checkpoints = [];
  for (const device of [a, b]) {
    const replicaId = (await device.store.getMeta<{ replicaId: string }>('sync'))!.replicaId;
    const doc = await http('GET', `/${database}/_local/newsmark-${replicaId}`);
    expect(doc.status).toBe(200);
    checkpoints.push(doc.json);
  }

  // After the backup: edits and new records on both devices, synced everywhere.
  await updateHighlight(a.db, ids[0]!, { note: 'newer on a' });
  await updateHighlight(b.db, ids[1]!, { colour: 'green' });
  const article = (await a.db.articles.toArray())[0]!;
  const added = await addHighlight(b.db, { articleId: article.id, colour: 'blue', selectors: [{ type: 'TextQuoteSelector', exact: 'Beta', prefix: '', suffix: '' }], note: 'made after the backup' });
  await settle(a, b);
  const expected = await records(a);
  expect(expected.size).toBe(HIGHLIGHTS + 2);

  // The server is replaced by part of the older copy: half its documents, its old checkpoints.
  await http('DELETE', `/${database}`);
  await http('PUT', `/${database}`);
  const kept = backup.filter((doc: { _id: string }, i: number) => !doc._id.includes(':') || i % 2 === 0);
  expect((await http('POST', `/${database}/_bulk_docs`, { docs: kept, new_edits: false })).status).toBe(201);
  for (const { _rev, ...checkpoint } of checkpoints) expect((await http('PUT', `/${database}/${checkpoint._id}`, checkpoint)).status).toBe(201);

  const reports = await settle(a, b);
  expect(reports[0]!.recovered?.uploaded).toBeGreaterThan(0);
  expect(reports[1]!.recovered).toBeDefined();
  // Then a pulls back its own uploads once, and nothing is left to do.
  expect(reports.slice(2).every((r) => r.recovered === undefined && r.pushed === 0)).toBe(true);
  expect(reports[3]).toEqual({ pulled: 0, pushed: 0, conflicts: 0, requests: 2 });

  // No revert: the newer note, the newer colour and the later record are still there, everywhere.
  const held = await records(b);
  expect((held.get(`highlight:${ids[0]}`) as unknown as { note: string }).note).toBe('newer on a');
  expect((held.get(`highlight:${ids[1]}`) as unknown as { colour: string }).colour).toBe('green');
  expect(held.has(`highlight:${added.id}`)).toBe(true);
  await expectEverywhere(database, [a, b], expected);
});

test('an idle run checks the server is the one it synced with, in two requests', async () => {
  const { a } = await syncedPair();
  expect(await a.sync()).toEqual({ pulled: 0, pushed: 0, conflicts: 0, requests: 2 });
});

test('an encrypted database emptied is refilled: the key check is put back and the other device still reads everything', async () => {
  const database = `recover-sealed-${++runs}`;
  const target = { serverUrl: server.url, database, auth: { kind: 'none' } as const, passphrase: 'correct horse battery staple' };
  const a = makeDevice(target);
  const b = makeDevice(target);
  const article = await saveArticle(a.db, { url: 'https://news.example/sealed', title: 'Sealed 漢字', text: 'Acme bought Beta.' });
  const h = await addHighlight(a.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: 'secret 🙂' });
  await a.sync();
  await b.sync();
  await http('DELETE', `/${database}`);
  await updateHighlight(b.db, h.id, { note: 'secret, edited on b' });

  expect((await b.sync()).recovered).toEqual({ uploaded: 2 });
  expect((await a.sync()).recovered).toEqual({ uploaded: 0 });
  expect((await a.db.highlights.get(h.id))!.note).toBe('secret, edited on b');
  const fresh = makeDevice(target);
  await fresh.sync();
  expect((await fresh.db.highlights.get(h.id))!.note).toBe('secret, edited on b');
  const all = await http('GET', `/${database}/_all_docs?include_docs=true`);
  expect(JSON.stringify(all.json)).not.toContain('secret');
  expect((all.json.rows as Array<{ id: string }>).filter((row) => row.id.startsWith('x:'))).toHaveLength(2);
});

test('bookkeeping from before the check (no session) is trusted while the server holds its checkpoint, and refills when it does not', async () => {
  const { a, b, database } = await syncedPair();
  for (const device of [a, b]) {
    const meta = (await device.store.getMeta<Record<string, unknown>>('sync'))!;
    delete meta.session;
    delete meta.dbId;
    await device.store.setMeta('sync', meta);
  }
  const idle = await a.sync();
  expect(idle.recovered).toBeUndefined();
  expect(idle.pushed).toBe(0);
  const expected = await records(a);
  await http('DELETE', `/${database}`); // the server, restarted on an empty data directory
  expect((await b.sync()).recovered).toEqual({ uploaded: HIGHLIGHTS + 1 });
  expect((await a.sync()).recovered).toEqual({ uploaded: 0 });
  await expectEverywhere(database, [a, b], expected);
});

test('the reader is told once what happened', () => {
  expect(recoveryNotice({ recovered: { uploaded: 2525 } })).toBe('The sync server had lost its data; 2,525 records were uploaded again.');
  expect(recoveryNotice({ recovered: { uploaded: 1 } })).toBe('The sync server had lost its data; 1 record was uploaded again.');
  expect(recoveryNotice({})).toBeNull();
  const report = { pulled: 0, pushed: 2525, conflicts: 0, requests: 9, recovered: { uploaded: 2525 } };
  const after = succeeded(INITIAL_SYNC_STATUS, report, 0, 1);
  expect(after.notice).toBe('The sync server had lost its data; 2,525 records were uploaded again.');
  expect(succeeded(after, { pulled: 0, pushed: 0, conflicts: 0, requests: 2 }, 0, 2).notice).toBeNull();
});

test('an edit to a record whose document the server no longer holds is written anew, not retried as a false conflict', async () => {
  const { a, b, database, ids } = await syncedPair();
  // Someone deleted one document on the server; the checkpoints still match, so this is no restart.
  const key = `highlight:${ids[7]}`;
  const doc = await http('GET', `/${database}/${encodeURIComponent(key)}`);
  expect((await http('DELETE', `/${database}/${encodeURIComponent(key)}?rev=${doc.json._rev}`)).status).toBe(200);
  await updateHighlight(a.db, ids[7]!, { note: 'edited, its document gone' });
  const report = await a.sync();
  expect(report.recovered).toBeUndefined();
  expect(report.pushed).toBe(1);
  await b.sync();
  expect((await b.db.highlights.get(ids[7]!))!.note).toBe('edited, its document gone');
  await expectEverywhere(database, [a, b], await records(a));
});
