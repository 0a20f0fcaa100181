// @vitest-environment node
/**
 * A Newsmark file imported into a library that has synced before is uploaded. The import keeps
 * the file's stamps, and sync finds local edits by `updatedAt` above a watermark it has moved to
 * its last look: records stamped earlier (a backup, another device's export, a file from an older
 * tool) were written below it and never left the device. Found by the three-profile e2e
 * (tests/e2e/sync-recovery.e2e.ts): the imported records reached neither the other profile nor
 * the server, nor a server refilled after losing its data.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { saveArticle } from '@/lib/db/library';
import type { ArticleRecord, HighlightRecord } from '@/lib/contracts/records';
import { applyImport } from '@/lib/library/import-apply';
import { parseImport } from '@/lib/library/import-parse';
import { exportLibraryJson } from '@/lib/library/json-export';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeDevice } from './support/devices';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());

const OLD = '1700000000000-00000-exporter';

function file(id: string, stamp: string, note: string): string {
  const article: ArticleRecord = {
    id: `article-${id}`, url: `https://news.example/${id}`, urls: [`https://news.example/${id}`], title: 'Acme buys Beta', byline: null, publisher: null,
    publishedAt: null, language: 'en', text: 'Acme bought Beta.', entities: [], companyIds: [], tags: [], note: '', savedAt: 1_700_000_000_000,
    updatedAt: stamp, deleted: false, clocks: {},
  };
  const highlight: HighlightRecord = {
    id: `highlight-${id}`, articleId: article.id, colour: 'yellow', note, tags: [], selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }],
    quote: 'Acme', createdAt: 1_700_000_000_000, updatedAt: stamp, deleted: false, clocks: {},
  };
  return exportLibraryJson([article], [highlight]);
}

test('records imported with stamps older than the last sync are uploaded, new ones and newer versions of held ones', async () => {
  const target = { serverUrl: server.url, database: 'import-after-sync', auth: { kind: 'none' } as const };
  const a = makeDevice(target);
  const b = makeDevice(target);
  await saveArticle(a.db, { url: 'https://news.example/first', title: 'Synced first', text: 'Gamma rose.' });
  await a.sync();

  // A file from before that sync: new records, stamped long ago.
  expect((await applyImport(a.db, parseImport(file('old', OLD, 'from an old backup')))).added).toBe(2);
  expect((await a.sync()).pushed).toBe(2);
  await b.sync();
  expect((await b.db.highlights.get('highlight-old'))?.note).toBe('from an old backup');

  // A newer version of a held record, still stamped before the last sync.
  const newer = '1700000000001-00000-exporter';
  expect((await applyImport(a.db, parseImport(file('old', newer, 'a later version from the file')))).updated).toBe(2);
  expect((await a.sync()).pushed).toBe(2);
  await b.sync();
  expect((await b.db.highlights.get('highlight-old'))?.note).toBe('a later version from the file');
  a.close();
  b.close();
});
