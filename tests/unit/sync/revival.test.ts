// @vitest-environment node
/**
 * A highlight deleted on one device while edited on another (issue 26, item 2): after sync it is
 * back on both with the edit, marked as such, and the reader keeps it or deletes it; the choice
 * syncs and the mark goes. Over a real CouchDB-protocol server on 127.0.0.1.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addHighlight, deleteHighlight, listHighlights, saveArticle, updateHighlight } from '@/lib/db/library';
import { conflictMarks, settleRevivedHighlight } from '@/lib/sync/conflicts';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeDevice, type Device } from './support/devices';

let server: CouchServer;
let runs = 0;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());

async function settle(a: Device, b: Device): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await a.sync();
    await b.sync();
  }
}

/** Two synced devices holding one highlight. */
async function twoDevices() {
  const target = { serverUrl: server.url, database: `revival-${++runs}`, auth: { kind: 'none' } as const };
  const a = makeDevice(target);
  const b = makeDevice(target);
  const article = await saveArticle(a.db, { url: `https://news.example/revival-${runs}`, title: 'T', text: 'Acme bought Beta.' });
  const made = await addHighlight(a.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: 'first' });
  await settle(a, b);
  return { a, b, article, made };
}

const live = async (d: Device, articleId: string) => (await listHighlights(d.db, articleId)).map((h) => ({ id: h.id, note: h.note, colour: h.colour }));

test('deleted on one device, edited later on the other: back on both with the edit, marked on each', async () => {
  const { a, b, article, made } = await twoDevices();
  const t = Date.now();
  await deleteHighlight(a.db, made.id, t);
  await updateHighlight(b.db, made.id, { note: 'edited on b', colour: 'green' }, t + 1_000);
  await settle(a, b);
  for (const d of [a, b]) expect(await live(d, article.id), d.name).toEqual([{ id: made.id, note: 'edited on b', colour: 'green' }]);
  expect(await conflictMarks(a.db)).toEqual([{ kind: 'highlight', id: made.id, note: false, revived: 'here' }]);
  expect(await conflictMarks(b.db)).toEqual([{ kind: 'highlight', id: made.id, note: false, revived: 'elsewhere' }]);
  expect(await conflictMarks(b.db, [{ kind: 'highlight', id: made.id }, { kind: 'article', id: article.id }])).toEqual([{ kind: 'highlight', id: made.id, note: false, revived: 'elsewhere' }]);
  // The same state everywhere: nothing left to send, and another round changes nothing.
  for (const d of [a, b]) expect(await d.store.countOutgoing()).toBe(0);
  a.close();
  b.close();
});

for (const keep of [true, false]) {
  test(`the reader ${keep ? 'keeps' : 'deletes'} it: every device shows the choice, and the mark goes`, async () => {
    const { a, b, article, made } = await twoDevices();
    const t = Date.now();
    await deleteHighlight(b.db, made.id, t);
    await updateHighlight(a.db, made.id, { note: 'edited on a' }, t + 1_000);
    await settle(a, b);
    expect((await conflictMarks(a.db)).map((m) => m.revived)).toEqual(['elsewhere']);
    await settleRevivedHighlight(a.db, made.id, keep);
    expect(await conflictMarks(a.db)).toEqual([]);
    await settle(a, b);
    for (const d of [a, b]) {
      expect(await live(d, article.id), d.name).toEqual(keep ? [{ id: made.id, note: 'edited on a', colour: 'yellow' }] : []);
      expect(await conflictMarks(d.db), d.name).toEqual([]);
      expect((await d.db.highlights.get(made.id))?.deleted).toBe(!keep);
      expect(await d.store.countOutgoing()).toBe(0);
    }
    a.close();
    b.close();
  });
}

test('an edit before the deletion is not brought back: the deletion was the later choice', async () => {
  const { a, b, article, made } = await twoDevices();
  const t = Date.now();
  await updateHighlight(b.db, made.id, { note: 'edited on b' }, t);
  await deleteHighlight(a.db, made.id, t + 1_000);
  await settle(a, b);
  for (const d of [a, b]) {
    expect(await live(d, article.id)).toEqual([]);
    expect(await conflictMarks(d.db)).toEqual([]);
    // The edit is still inside the tombstone: an undo of the delete brings it back.
    expect((await d.db.highlights.get(made.id))?.note).toBe('edited on b');
  }
  a.close();
  b.close();
});

test('a note conflict on a highlight is marked with its kind and id', async () => {
  const { a, b, made } = await twoDevices();
  const t = Date.now();
  await updateHighlight(a.db, made.id, { note: 'from a' }, t);
  await updateHighlight(b.db, made.id, { note: 'from b' }, t + 1_000);
  await settle(a, b);
  for (const d of [a, b]) expect(await conflictMarks(d.db, [{ kind: 'highlight', id: made.id }])).toEqual([{ kind: 'highlight', id: made.id, note: true }]);
  a.close();
  b.close();
});
