// @vitest-environment node
/** End-to-end encryption over the real server, and CouchDB's two ways to sign in. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addHighlight, saveArticle } from '@/lib/db/library';
import { SyncError } from '@/lib/sync/errors';
import { paddedLength } from '@/lib/sync/codec';
import { unreadableNotice } from '@/lib/sync/engine';
import { blindId, unlock } from '@/lib/sync/crypto';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeDevice, type Device } from './support/devices';

let server: CouchServer;
let secured: CouchServer;
const credentials = { user: 'reader', password: 's3cret' };

beforeAll(async () => {
  server = await startCouchServer();
  secured = await startCouchServer({ credentials });
});
afterAll(async () => {
  await server.close();
  await secured.close();
});

async function addNote(device: Device, note: string): Promise<string> {
  const article = await saveArticle(device.db, { url: 'https://news.example/secret-story', title: 'Secret title', text: 'Acme bought Beta.' });
  return (await addHighlight(device.db, { articleId: article.id, colour: 'green', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note })).id;
}

async function allDocs(database: string): Promise<Array<Record<string, unknown>>> {
  const body = (await (await fetch(`${server.url}/${database}/_all_docs?include_docs=true`)).json()) as { rows: Array<{ doc: Record<string, unknown> }> };
  return body.rows.map((r) => r.doc);
}

async function rejection(run: Promise<unknown>): Promise<SyncError> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

describe('end-to-end encryption', () => {
  const target = { serverUrl: '', database: 'sealed', auth: { kind: 'none' } as const, passphrase: 'correct horse battery staple' };

  test('the server sees only blinded ids, revisions and padded sealed bodies; a device with the passphrase reads everything', async () => {
    target.serverUrl = server.url;
    const a = makeDevice(target);
    const id = await addNote(a, 'my private note');
    await a.sync();
    const docs = await allDocs('sealed');
    const raw = JSON.stringify(docs);
    for (const secret of ['my private note', 'Secret title', 'news.example', id, 'Acme']) expect(raw).not.toContain(secret);
    for (const doc of docs.filter((d) => String(d._id).startsWith('x:'))) expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'sealed']);
    const b = makeDevice(target);
    await b.sync();
    expect((await b.db.highlights.get(id))?.note).toBe('my private note');
  });

  test('metadata: no device id or edit time in clear, sizes in buckets, a different pseudonym for each database', async () => {
    const sizes = { serverUrl: server.url, database: 'sealed-sizes', auth: { kind: 'none' } as const, passphrase: 'pad me' };
    const a = makeDevice(sizes);
    const quote = { type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' } as const;
    // Ten articles from 8,200 to 10,000 characters long, each with a highlight whose note is 1 to 150 characters.
    for (let i = 0; i < 10; i++) {
      const article = await saveArticle(a.db, { url: `https://news.example/sizes-${i}`, title: 'T', text: `Acme bought Beta. ${'w'.repeat(8_200 + 200 * i)}` });
      await addHighlight(a.db, { articleId: article.id, colour: 'green', selectors: [quote], note: 'n'.repeat(1 + 16 * i) });
    }
    await a.sync();
    const node = (await a.db.meta.get('node'))!.value;
    const replicaId = (JSON.parse((await a.db.meta.get('sync:sync'))!.value) as { replicaId: string }).replicaId;
    const checkpoint = await (await fetch(`${server.url}/sealed-sizes/_local/newsmark-${replicaId}`)).json();
    const docs = await allDocs('sealed-sizes');
    const everything = JSON.stringify([docs, checkpoint]);
    expect(everything).not.toContain(node);
    expect(everything).not.toMatch(/\d{13}-[0-9a-z]{5}-/); // no clock stamp at all
    // Every sealed body is a bucket's size (IV 12 bytes and GCM tag 16 around the padded text).
    const sealed = docs.filter((d) => String(d._id).startsWith('x:')).map((d) => Buffer.from(String(d.sealed), 'base64').length - 28);
    expect(sealed).toHaveLength(20);
    for (const size of sealed) expect(paddedLength(size)).toBe(size);
    // Twenty records of twenty different lengths: at most half as many sizes on the server (9 here).
    expect(new Set(sealed).size).toBeLessThanOrEqual(10);
    // The same device syncing another database is another pseudonym there.
    await a.sync({ database: 'sealed-sizes-2' });
    const other = (JSON.parse((await a.db.meta.get('sync:sync'))!.value) as { replicaId: string }).replicaId;
    expect(other).not.toBe(replicaId);
  });

  test('a sealed document that does not open is reported by its id; the rest syncs', async () => {
    const broken = { serverUrl: server.url, database: 'sealed-broken', auth: { kind: 'none' } as const, passphrase: 'one key' };
    const a = makeDevice(broken);
    const article = await saveArticle(a.db, { url: 'https://news.example/broken', title: 'T', text: 'Acme bought Beta.' });
    const quote = { type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' } as const;
    const ids: string[] = [];
    for (const note of ['one', 'two', 'three']) ids.push((await addHighlight(a.db, { articleId: article.id, colour: 'green', selectors: [quote], note })).id);
    await a.sync();
    const docs = await allDocs('sealed-broken');
    const keys = await unlock('one key', docs.find((d) => d._id === 'newsmark-keycheck') as never);
    const docOf = async (id: string) => {
      const blinded = `x:${await blindId(keys, `highlight:${id}`)}`;
      return docs.find((d) => d._id === blinded)!;
    };
    // One highlight's body altered on the server, and another's copied under a new id (a seal is bound to its id).
    const [altered, moved] = [await docOf(ids[0]!), await docOf(ids[1]!)];
    const flip = (text: string) => text.slice(0, 40) + (text[40] === 'A' ? 'B' : 'A') + text.slice(41);
    const put = (doc: Record<string, unknown>) => fetch(`${server.url}/sealed-broken/${encodeURIComponent(String(doc._id))}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
    expect((await put({ ...altered, sealed: flip(String(altered.sealed)) })).ok).toBe(true);
    expect((await put({ _id: 'x:moved-here', sealed: moved.sealed })).ok).toBe(true);
    const b = makeDevice(broken);
    const report = await b.sync();
    expect(report.unreadable?.sort()).toEqual([altered._id, 'x:moved-here'].sort());
    expect(await b.db.highlights.count()).toBe(2);
    expect(await b.db.articles.count()).toBe(1);
    expect(unreadableNotice(report)).toContain(String(altered._id));
    // Left as it is on the server, and the next run does not stop on it either.
    expect(JSON.stringify(await allDocs('sealed-broken'))).toContain(flip(String(altered.sealed)));
    await addHighlight(b.db, { articleId: article.id, colour: 'blue', selectors: [quote], note: 'four' });
    expect((await b.sync()).pushed).toBe(1);
  });

  test('a wrong passphrase is reported and writes nothing, here or on the server', async () => {
    const before = JSON.stringify(await allDocs('sealed'));
    const wrong = makeDevice({ ...target, passphrase: 'wrong horse' });
    await addNote(wrong, 'should stay local');
    const error = await rejection(wrong.sync());
    expect(error.kind).toBe('wrong-passphrase');
    expect(error.message).toMatch(/passphrase/);
    expect(JSON.stringify(await allDocs('sealed'))).toBe(before);
    expect(await wrong.db.highlights.count()).toBe(1);
    const none = makeDevice({ ...target, passphrase: undefined });
    expect((await rejection(none.sync())).kind).toBe('encryption-mismatch');
    expect(await none.db.highlights.count()).toBe(0);
  });
});

describe('signing in', () => {
  const base = { database: 'private' };

  test('Basic auth works; a wrong password is a clear unauthorized error', async () => {
    const ok = makeDevice({ ...base, serverUrl: secured.url, auth: { kind: 'basic', ...credentials } });
    await addNote(ok, 'hello');
    await ok.sync();
    const bad = makeDevice({ ...base, serverUrl: secured.url, auth: { kind: 'basic', user: 'reader', password: 'nope' } });
    const error = await rejection(bad.sync());
    expect(error.kind).toBe('unauthorized');
    expect(error.retryable).toBe(false);
  });

  test('a cookie session signs in once per run and the cookie carries the requests', async () => {
    const device = makeDevice({ ...base, serverUrl: secured.url, auth: { kind: 'session', ...credentials } });
    const first = await device.sync();
    expect(first.pulled).toBeGreaterThan(0);
    const idle = await device.sync();
    // One _session login, the server's checkpoint, the empty _changes call.
    expect(idle.requests).toBe(3);
    const bad = makeDevice({ ...base, serverUrl: secured.url, auth: { kind: 'session', user: 'reader', password: 'nope' } });
    expect((await rejection(bad.sync())).kind).toBe('unauthorized');
  });
});
