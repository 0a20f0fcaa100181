// @vitest-environment node
/**
 * No edit lost to a missing clock (issue 26, item 3). Records imported with `"clocks": {}`
 * used to take the record's `updatedAt` for every field without a clock; after a colour change
 * that stamp is the colour's, so the old note went out stamped later than another device's note
 * edit and replaced it on both devices.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { updateHighlight } from '@/lib/db/library';
import type { ArticleRecord, HighlightRecord } from '@/lib/contracts/records';
import { applyImport } from '@/lib/library/import-apply';
import { parseImport } from '@/lib/library/import-parse';
import { exportLibraryJson } from '@/lib/library/json-export';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeDevice, type Device } from './support/devices';

let server: CouchServer;
let runs = 0;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());

const STAMP = '1700000000000-00000-exporter';

/** A library file as an older tool wrote it: records with an `updatedAt` and no per-field clocks. */
export function clocklessLibrary(id: string): { article: ArticleRecord; highlight: HighlightRecord; file: string } {
  const article: ArticleRecord = {
    id: `article-${id}`, url: `https://news.example/${id}`, urls: [`https://news.example/${id}`], title: 'Acme buys Beta', byline: null, publisher: null,
    publishedAt: null, language: 'en', text: 'Acme bought Beta.', entities: [], companyIds: [], tags: [], note: 'first thoughts', savedAt: 1_700_000_000_000,
    updatedAt: STAMP, deleted: false, clocks: {},
  };
  const highlight: HighlightRecord = {
    id: `highlight-${id}`, articleId: article.id, colour: 'yellow', note: 'imported note', tags: [], selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }],
    quote: 'Acme', createdAt: 1_700_000_000_000, updatedAt: STAMP, deleted: false, clocks: {},
  };
  return { article, highlight, file: exportLibraryJson([article], [highlight]) };
}

function pair(): { a: Device; b: Device } {
  const target = { serverUrl: server.url, database: `clocks-${++runs}`, auth: { kind: 'none' } as const };
  return { a: makeDevice(target), b: makeDevice(target) };
}

async function settle(a: Device, b: Device): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await a.sync();
    await b.sync();
  }
}

test('import gives every field of a record without clocks the record\'s stamp', async () => {
  const { a, b } = pair();
  const { highlight, file } = clocklessLibrary('fill');
  await applyImport(a.db, parseImport(file));
  const stored = await a.db.highlights.get(highlight.id);
  for (const field of ['articleId', 'colour', 'note', 'tags', 'selectors', 'quote', 'createdAt', 'deleted']) expect(stored!.clocks[field], field).toBe(STAMP);
  a.close();
  b.close();
});

test('imported without clocks: a note edited on one device and a colour changed later on the importing one both survive', async () => {
  const { a, b } = pair();
  const { highlight, file } = clocklessLibrary('import');
  await applyImport(a.db, parseImport(file));
  await settle(a, b);
  const t = Date.now();
  // b got the record from the server, with clocks; a holds it as imported.
  await updateHighlight(b.db, highlight.id, { note: 'edited offline on b' }, t);
  await updateHighlight(a.db, highlight.id, { colour: 'blue' }, t + 60_000);
  await settle(a, b);
  for (const device of [a, b]) {
    const record = await device.db.highlights.get(highlight.id);
    expect(record?.note, device.name).toBe('edited offline on b');
    expect(record?.colour, device.name).toBe('blue');
  }
  a.close();
  b.close();
});

test('records stored without clocks before import filled them: no field value older than an edit wins', async () => {
  // Both devices hold the record as an older import left it (clocks {}); neither has synced it yet.
  const { a, b } = pair();
  const { article, highlight } = clocklessLibrary('legacy');
  for (const device of [a, b]) {
    await device.db.articles.put(article);
    await device.db.highlights.put(highlight);
  }
  const t = Date.now();
  await updateHighlight(a.db, highlight.id, { note: 'note edited on a' }, t);
  await updateHighlight(b.db, highlight.id, { colour: 'green' }, t + 60_000);
  await updateHighlight(a.db, highlight.id, { tags: ['late'] }, t + 120_000);
  await settle(a, b);
  for (const device of [a, b]) {
    const record = await device.db.highlights.get(highlight.id);
    expect(record?.note, device.name).toBe('note edited on a');
    expect(record?.colour, device.name).toBe('green');
    expect(record?.tags, device.name).toEqual(['late']);
    const copies = (await device.db.syncRecords.get(`highlight:${highlight.id}`))?.texts.note?.versions.slice(1) ?? [];
    expect(copies.map((v) => v.t), `no stale copy on ${device.name}`).not.toContain('note edited on a');
  }
  a.close();
  b.close();
});
