// @vitest-environment node
/**
 * Documents from a newer Newsmark (issue 26, bad input): a record with fields this version does
 * not know, or of a kind it does not know, is kept — on this device and on the server — and a
 * local edit of a known field does not drop the unknown ones. A document stored under an id that
 * is not its record's is reported, not merged.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addHighlight, saveArticle, updateHighlight } from '@/lib/db/library';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeDevice } from './support/devices';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());

async function doc(database: string, id: string): Promise<any> {
  return (await fetch(`${server.url}/${database}/${encodeURIComponent(id)}`)).json();
}

test('unknown fields and unknown kinds from a newer version are kept, here and on the server', async () => {
  const target = { serverUrl: server.url, database: 'future', auth: { kind: 'none' } as const };
  const a = makeDevice(target);
  const article = await saveArticle(a.db, { url: 'https://news.example/future', title: 'T', text: 'Acme bought Beta.' });
  const made = await addHighlight(a.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: 'n' });
  await a.sync();
  // A newer version wrote a field this one does not know, and a record of a kind it does not know.
  const key = `highlight:${made.id}`;
  const current = await doc('future', key);
  const stamp = `${Date.now() + 1_000}-00000-newer`;
  current.fields.emphasis = { c: stamp, v: { level: 2, marks: ['strong'] } };
  const put = (body: unknown, id: string) => fetch(`${server.url}/future/${encodeURIComponent(id)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await put(current, key)).ok).toBe(true);
  const collection = { _id: 'collection:c1', kind: 'collection', id: 'c1', fields: { name: { c: stamp, v: 'Reading list' } }, texts: {} };
  expect((await put(collection, 'collection:c1')).ok).toBe(true);

  const b = makeDevice(target);
  await b.sync();
  expect(((await b.db.highlights.get(made.id)) as unknown as Record<string, unknown>).emphasis).toEqual({ level: 2, marks: ['strong'] });
  await updateHighlight(b.db, made.id, { colour: 'blue' });
  expect((await b.sync()).pushed).toBe(1);
  const after = await doc('future', key);
  expect(after.fields.colour.v).toBe('blue');
  expect(after.fields.emphasis).toEqual({ c: stamp, v: { level: 2, marks: ['strong'] } });
  expect((await doc('future', 'collection:c1')).fields.name.v).toBe('Reading list');
  await a.sync();
  expect(((await a.db.highlights.get(made.id)) as unknown as Record<string, unknown>).emphasis).toEqual({ level: 2, marks: ['strong'] });
  a.close();
  b.close();
});

test('a plain document stored under another record\'s id is reported and not merged into that record', async () => {
  const target = { serverUrl: server.url, database: 'misplaced', auth: { kind: 'none' } as const };
  const a = makeDevice(target);
  const article = await saveArticle(a.db, { url: 'https://news.example/misplaced', title: 'T', text: 'Acme bought Beta.' });
  const quote = { type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' } as const;
  const [one, two] = [await addHighlight(a.db, { articleId: article.id, colour: 'yellow', selectors: [quote], note: 'one' }), await addHighlight(a.db, { articleId: article.id, colour: 'green', selectors: [quote], note: 'two' })];
  await a.sync();
  // The server answers for `one` with the body of `two` (as a server mixing up documents would).
  const first = await doc('misplaced', `highlight:${one.id}`);
  const second = await doc('misplaced', `highlight:${two.id}`);
  const put = await fetch(`${server.url}/misplaced/${encodeURIComponent(first._id)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...second, _id: first._id, _rev: first._rev }) });
  expect(put.ok).toBe(true);
  const b = makeDevice(target);
  const report = await b.sync();
  expect(report.unreadable).toEqual([`highlight:${one.id}`]);
  expect((await b.db.highlights.get(two.id))?.note).toBe('two');
  expect(await b.db.highlights.count()).toBe(1);
  a.close();
  b.close();
});
