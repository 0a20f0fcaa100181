// @vitest-environment node
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { addHighlight, saveArticle, updateHighlight } from '@/lib/db/library';
import { makeDevice } from './support/devices';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());

test('a highlight made on one device arrives on another', async () => {
  const target = { serverUrl: server.url, database: 'smoke', auth: { kind: 'none' } as const };
  const a = makeDevice(target);
  const b = makeDevice(target);
  const article = await saveArticle(a.db, { url: 'https://news.example/a', title: 'T', text: 'Acme bought Beta for $5 million.' });
  const h = await addHighlight(a.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: ' bought' }] as never, note: 'first' });
  await a.sync();
  await b.sync();
  expect((await b.db.highlights.get(h.id))?.note).toBe('first');
  await updateHighlight(b.db, h.id, { note: 'second' });
  await b.sync();
  await a.sync();
  expect((await a.db.highlights.get(h.id))?.note).toBe('second');
  const idle = await a.sync();
  expect(idle).toEqual({ pulled: 0, pushed: 0, conflicts: 0, requests: 2 }); // the server's checkpoint, then _changes
});
