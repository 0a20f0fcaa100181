/**
 * Upgrades from saved dumps of older databases: every record must survive, readable by the
 * current schema. A new schema version adds a dump of the version before it here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, recordPageVisit } from '@/lib/db';
import { getArticleByUrl, listHighlights, saveArticle, addHighlight, deleteHighlight, unsaveArticle } from '@/lib/db/library';
import { saveCompanyNote } from '@/lib/db/company-notes';
import type { SavedEntity } from '@/lib/contracts/records';
import { describe as describeSpan } from '@/lib/anchoring';
import { searchLibrary } from '@/lib/library/search';
import { libraryServices } from '@/components/library-services';

interface Dump {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** Creates a database exactly as an older release left it: its schema, its records. */
async function restore(dump: Dump): Promise<string> {
  const name = `migration-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  old.version(dump.version).stores(dump.stores);
  await old.open();
  for (const [table, rows] of Object.entries(dump.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

/** Vitest runs from the repository root (happy-dom gives import.meta.url no file: scheme). */
const fixture = (file: string): string => join(process.cwd(), 'tests/unit/db/fixtures', file);

function load(file: string): Dump {
  return JSON.parse(readFileSync(fixture(file), 'utf8')) as Dump;
}

/** Every record of the dump is in the upgraded database, and no table holds more of them. */
async function expectEveryRecordKept(db: Dexie, dump: Dump): Promise<void> {
  for (const [table, rows] of Object.entries(dump.tables)) {
    expect(await db.table(table).toArray()).toEqual(expect.arrayContaining(rows));
    expect(await db.table(table).count()).toBe(rows.length);
  }
}

describe('schema migrations', () => {
  it('upgrades a version 1 database keeping every page visit, and the new tables work', async () => {
    const dump = load('v1.json');
    const db = openDb(await restore(dump));
    expect(await db.pageVisits.orderBy('url').toArray()).toEqual(
      [...dump.tables.pageVisits!].sort((a, b) => String(a.url).localeCompare(String(b.url))),
    );
    expect(await db.pageVisits.where('seenAt').above(1715000050000).count()).toBe(2);
    const article = await saveArticle(db, { url: 'https://news.example/a', title: 'A', text: 'Some text here.' });
    expect(await getArticleByUrl(db, 'https://www.news.example/a')).toEqual(article);
    db.close();
  });

  it('upgrades a version 2 database keeping articles, highlights and the clock', async () => {
    const dump = load('v2.json');
    const db = openDb(await restore(dump));
    await expectEveryRecordKept(db, dump);
    db.close();
  });

  it('upgrades a version 3 database keeping the library and its sync bookkeeping', async () => {
    const dump = load('v3.json');
    const db = openDb(await restore(dump));
    await expectEveryRecordKept(db, dump);
    expect(await db.feeds.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 4 database keeping the library, its sync bookkeeping and the feeds; company notes and the index queue start empty', async () => {
    const dump = load('v4.json');
    const db = openDb(await restore(dump));
    await expectEveryRecordKept(db, dump);
    expect(await db.companyNotes.count()).toBe(0);
    expect(await db.indexQueue.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 5 database keeping every record, and fills the company mentions from the saved articles and their live highlights', async () => {
    const dump = load('v5.json');
    const db = openDb(await restore(dump));
    await expectEveryRecordKept(db, dump);
    const rows = await db.companyMentions.orderBy('key').toArray();
    // The unsaved article has none; the saved one a row per company, counting its one live highlight (a deleted one does not count).
    expect(rows.map((r) => [r.companyId, r.mentions, r.highlights])).toEqual([['baltic-grid', 1, 1], ['nordwind', 2, 1]]);
    expect(rows[1]!.written).toEqual({ 'Nordwind Energy': 1, Nordwind: 1 });
    expect(await db.companySummaries.get('nordwind')).toMatchObject({ articles: 1, mentions: 2, highlights: 1, facts: { country: 'Germany' } });
    // And the middleware keeps them from here on.
    await unsaveArticle(db, rows[0]!.articleId);
    expect([await db.companyMentions.count(), await db.companySummaries.count()]).toEqual([0, 0]);
    db.close();
  });

  it('upgrades a version 6 database keeping every record, and fills the library index from the live articles and highlights', async () => {
    const dump = load('v6.json');
    const db = openDb(await restore(dump));
    await expectEveryRecordKept(db, dump);
    // The unsaved article has no row; the saved one lists its live highlight's colour and tag, not the deleted one's.
    const [row, ...others] = await db.libraryRows.toArray();
    expect(others).toEqual([]);
    expect(row).toMatchObject({ title: 'Kestrel turns cautious', site: 'markets.example', tags: ['Banks', 'Chips'], highlights: 1, colours: ['green', 'green\tchips'], companies: [{ id: 'tessel', name: 'Tessel Semiconductor' }] });
    const found = async (query: string) => [...(await searchLibrary(query, new Map([[row!.articleId, row!]]), libraryServices(db).readTerms)).scores.keys()];
    expect(await found('guidance second')).toEqual([row!.articleId]);
    // Neither the deleted highlight's note nor the unsaved article is found.
    expect(await found('zeppelin')).toEqual([]);
    // And the middleware keeps the index from here on.
    await unsaveArticle(db, row!.articleId);
    expect([await db.libraryRows.count(), await db.searchDocs.count(), await db.searchTerms.count()]).toEqual([0, 0, 0]);
    db.close();
  });

  it('has a dump of the version before the current one', () => {
    const current = openDb('never-opened').verno;
    expect(load(`v${current - 1}.json`).version).toBe(current - 1);
  });
});

/** Writes the fixtures (WRITE_DB_FIXTURES=1); kept as tests so a dump can be regenerated the day its shape changes. */
describe.skipIf(!process.env.WRITE_DB_FIXTURES)('fixture writer', () => {
  it('dumps a version 2 database', async () => {
    const name = `fixture-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    await recordPageVisit(db, { url: 'https://news.example/a', title: 'A', isArticle: true, signals: ['json-ld'] }, 1715000000000);
    const text = 'Shares of Acme Corp rose 4 percent on Tuesday after strong results.';
    const article = await saveArticle(db, { url: 'https://news.example/a?utm_source=x', title: 'A', text, tags: ['earnings'] }, 1715000000001);
    await addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: describeSpan(text, 0, 20), note: '<b>keep</b>' }, 1715000000002);
    expect(await listHighlights(db, article.id)).toHaveLength(1);
    // Only the tables version 2 had (later versions add their own).
    const v2 = db.tables.filter((t) => ['pageVisits', 'articles', 'highlights', 'meta'].includes(t.name));
    const tables = Object.fromEntries(await Promise.all(v2.map(async (t) => [t.name, await t.toArray()] as const)));
    const stores = Object.fromEntries(v2.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    writeFileSync(fixture('v2.json'), `${JSON.stringify({ name: 'newsmark', version: 2, stores, tables }, null, 2)}\n`);
    db.close();
  });

  it('dumps a version 3 database', async () => {
    const name = `fixture-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    const text = 'Huawei Technologies will invest 100 million euros in AI research in Europe.';
    const article = await saveArticle(db, { url: 'https://news.example/huawei', title: 'Huawei', text, tags: ['ai'] }, 1716000000001);
    const highlight = await addHighlight(db, { articleId: article.id, colour: 'green', selectors: describeSpan(text, 32, 49), note: 'figure' }, 1716000000002);
    await db.syncRecords.bulkPut([
      { key: `article:${article.id}`, rev: '1-4f1d2c', texts: {}, synced: 1, stamp: article.updatedAt },
      { key: `highlight:${highlight.id}`, texts: {}, synced: 0, stamp: highlight.updatedAt },
    ]);
    const v3 = db.tables.filter((t) => ['pageVisits', 'articles', 'highlights', 'meta', 'syncRecords'].includes(t.name));
    const tables = Object.fromEntries(await Promise.all(v3.map(async (t) => [t.name, await t.toArray()] as const)));
    const stores = Object.fromEntries(v3.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    writeFileSync(fixture('v3.json'), `${JSON.stringify({ name: 'newsmark', version: 3, stores, tables }, null, 2)}\n`);
    db.close();
  });

  it('dumps a version 4 database', async () => {
    const name = `fixture-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    // Saved before entities were kept with articles: no company ids (the dossier's indexing finds them).
    const text = 'Siemens Energy won a 2.1 billion euro order to build converter stations for the North Sea grid.';
    const article = await saveArticle(db, { url: 'https://news.example/siemens', title: 'Siemens Energy order', text, tags: ['grid'] }, 1717000000001);
    await addHighlight(db, { articleId: article.id, colour: 'blue', selectors: describeSpan(text, 0, 14), note: 'order book' }, 1717000000002);
    await db.syncRecords.put({ key: `article:${article.id}`, rev: '1-9a0b1c', texts: {}, synced: 1, stamp: article.updatedAt });
    await db.feeds.put({ url: 'https://feeds.example/energy.xml', title: 'Energy wire', addedAt: 1717000000003, failures: 0, nextFetchAt: 1717000900000 });
    const v4 = db.tables.filter((t) => ['pageVisits', 'articles', 'highlights', 'meta', 'syncRecords', 'feeds', 'feedItems', 'relatedCache'].includes(t.name));
    const tables = Object.fromEntries(await Promise.all(v4.map(async (t) => [t.name, await t.toArray()] as const)));
    const stores = Object.fromEntries(v4.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    writeFileSync(fixture('v4.json'), `${JSON.stringify({ name: 'newsmark', version: 4, stores, tables }, null, 2)}\n`);
    db.close();
  });

  it('dumps a version 5 database', async () => {
    const name = `fixture-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    const text = "Nordwind Energy agreed to buy Baltic Grid for 2.4 billion euros. Nordwind's shares rose 3 percent.";
    const entities: SavedEntity[] = [
      { type: 'company', id: 'nordwind', name: 'Nordwind Energy', text: 'Nordwind Energy', start: 0, end: 15, country: 'Germany' },
      { type: 'company', id: 'baltic-grid', name: 'Baltic Grid', text: 'Baltic Grid', start: 30, end: 41 },
      { type: 'money', text: '2.4 billion euros', start: 46, end: 63, value: 2.4e9, currency: 'EUR' },
      { type: 'company', id: 'nordwind', name: 'Nordwind Energy', text: "Nordwind's", start: 65, end: 75 },
    ];
    const article = await saveArticle(db, { url: 'https://news.example/nordwind', title: 'Nordwind buys Baltic Grid', text, entities, publishedAt: '2024-06-03T07:00:00Z' }, 1718000000001);
    await addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: describeSpan(text, 46, 63), note: 'price' }, 1718000000002);
    const gone = await addHighlight(db, { articleId: article.id, colour: 'pink', selectors: describeSpan(text, 0, 15) }, 1718000000003);
    await deleteHighlight(db, gone.id, 1718000000004);
    const unsaved = await saveArticle(db, { url: 'https://news.example/old', title: 'Old', text, entities }, 1718000000005);
    await unsaveArticle(db, unsaved.id, 1718000000006);
    await saveCompanyNote(db, { companyId: 'nordwind', companyName: 'Nordwind Energy', note: 'Watch the debt.' }, 1718000000007);
    await db.indexQueue.put({ articleId: 'a-none', waiting: 0 });
    const v5 = db.tables.filter((t) => !['companyMentions', 'companySummaries', ...V7_TABLES].includes(t.name));
    const tables = Object.fromEntries(await Promise.all(v5.map(async (t) => [t.name, await t.toArray()] as const)));
    const stores = Object.fromEntries(v5.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    writeFileSync(fixture('v5.json'), `${JSON.stringify({ name: 'newsmark', version: 5, stores, tables }, null, 2)}\n`);
    db.close();
  });

  it('dumps a version 6 database', async () => {
    const name = `fixture-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    const text = 'Kestrel Bank cut its outlook after Tessel Semiconductor missed its guidance. Analysts called the drop steep.';
    const entities: SavedEntity[] = [{ type: 'company', id: 'tessel', name: 'Tessel Semiconductor', text: 'Tessel Semiconductor', start: 35, end: 55 }];
    const article = await saveArticle(db, { url: 'https://markets.example/kestrel', title: 'Kestrel turns cautious', text, entities, tags: ['Banks'] }, 1719000000001);
    await addHighlight(db, { articleId: article.id, colour: 'green', selectors: describeSpan(text, 35, 76), note: 'second miss this year', tags: ['Chips'] }, 1719000000002);
    const gone = await addHighlight(db, { articleId: article.id, colour: 'pink', selectors: describeSpan(text, 0, 12), note: 'zeppelin' }, 1719000000003);
    await deleteHighlight(db, gone.id, 1719000000004);
    const unsaved = await saveArticle(db, { url: 'https://markets.example/old', title: 'Old airship story', text: 'Zeppelin freight returns.' }, 1719000000005);
    await unsaveArticle(db, unsaved.id, 1719000000006);
    const v6 = db.tables.filter((t) => !V7_TABLES.includes(t.name));
    const tables = Object.fromEntries(await Promise.all(v6.map(async (t) => [t.name, await t.toArray()] as const)));
    const stores = Object.fromEntries(v6.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    writeFileSync(fixture('v6.json'), `${JSON.stringify({ name: 'newsmark', version: 6, stores, tables }, null, 2)}\n`);
    db.close();
  });
});

/** The tables version 7 added: the library's index. */
const V7_TABLES = ['libraryRows', 'searchDocs', 'searchTerms'];
