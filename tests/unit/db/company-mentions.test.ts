// @vitest-environment node
/**
 * The company-mention rows a dossier reads (lib/db/company-mentions.ts): kept by every kind of
 * write to the library, in the write's own transaction, over fake-indexeddb's IndexedDB semantics.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb, type NewsmarkDb } from '@/lib/db';
import { addHighlight, deleteHighlight, saveArticle, undeleteHighlight, undoUnsaveArticle, unsaveArticle } from '@/lib/db/library';
import { write } from '@/lib/db/write';
import { describe as describeSpan } from '@/lib/anchoring';
import type { ArticleRecord, SavedEntity } from '@/lib/contracts/records';
import { mentionRows, summariesOf } from '@/lib/db/company-mentions';

const dbs: NewsmarkDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function fresh(): NewsmarkDb {
  const db = openDb(`mentions-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

const text = "Nordwind Energy agreed to buy Baltic Grid for €2.4 billion. Nordwind's shares rose 3%. Baltic Grid had revenue of €640 million.";
const company = (name: string, id: string, start: number, extra: Partial<SavedEntity> = {}): SavedEntity => ({ type: 'company', id, name, text: text.slice(start, start + name.length), start, end: start + name.length, ...extra });
const entities: SavedEntity[] = [
  company('Nordwind Energy', 'nordwind', 0, { ticker: 'XETRA: NWE', country: 'Germany' }),
  company('Baltic Grid', 'baltic-grid', 30),
  { type: 'company', id: 'nordwind', name: 'Nordwind Energy', text: "Nordwind's", start: 61, end: 71 },
  company('Baltic Grid', 'baltic-grid', 88),
];

async function save(db: NewsmarkDb, url = 'https://news.example/deal', publishedAt: string | null = '2026-11-02T08:00:00Z') {
  return saveArticle(db, { url, title: 'Nordwind buys Baltic Grid', text, entities, publishedAt }, 1_790_000_000_000);
}

describe('company mention rows', () => {
  it('are written with the article: one row per company, its mentions, names as printed and facts', async () => {
    const db = fresh();
    const article = await save(db);
    const rows = await db.companyMentions.where('articleId').equals(article.id).sortBy('companyId');
    expect(rows.map((r) => [r.companyId, r.mentions, r.highlights])).toEqual([['baltic-grid', 2, 0], ['nordwind', 2, 0]]);
    const nordwind = rows[1]!;
    expect(nordwind).toMatchObject({ title: 'Nordwind buys Baltic Grid', dated: 'published', time: Date.parse('2026-11-02T08:00:00Z'), savedAt: 1_790_000_000_000, ticker: 'XETRA: NWE', country: 'Germany' });
    expect(nordwind.names).toEqual({ 'Nordwind Energy': 2 });
    expect(nordwind.written).toEqual({ 'Nordwind Energy': 1, Nordwind: 1 });
    expect(await db.companySummaries.get('nordwind')).toMatchObject({
      articles: 1, mentions: 2, highlights: 0, names: { 'Nordwind Energy': 2 }, written: { 'Nordwind Energy': 1, Nordwind: 1 },
      days: { [String(Math.floor(Date.parse('2026-11-02T08:00:00Z') / 86_400_000))]: [1, 2] }, facts: { ticker: 'XETRA: NWE', country: 'Germany' },
    });
  });

  it('stay what the articles and highlights say after any mix of writes: the rows and their sums match a fresh reading', async () => {
    const db = fresh();
    let seed = 11;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const ids: string[] = [];
    const highlightIds: string[] = [];
    for (let step = 0; step < 60; step++) {
      const op = random(6);
      if (op === 0 || ids.length === 0) {
        const picked = entities.filter(() => random(2) === 0);
        const saved = await saveArticle(db, { url: `https://news.example/${random(8)}`, title: `T${step}`, text, entities: picked, publishedAt: random(3) ? `2026-0${1 + random(9)}-1${random(9)}T00:00:00Z` : null }, 1_790_000_000_000 + step);
        ids.push(saved.id);
      } else if (op === 1) await unsaveArticle(db, ids[random(ids.length)]!).catch(() => undefined);
      else if (op === 2) await undoUnsaveArticle(db, ids[random(ids.length)]!).catch(() => undefined);
      else if (op === 3) highlightIds.push((await addHighlight(db, { articleId: ids[random(ids.length)]!, colour: 'yellow', selectors: describeSpan(text, 0, 15) })).id);
      else if (op === 4 && highlightIds.length) await deleteHighlight(db, highlightIds[random(highlightIds.length)]!).catch(() => undefined);
      else {
        // As sync writes another device's version: a new date moves the rows in the key order.
        const article = (await db.articles.get(ids[random(ids.length)]!))!;
        await db.articles.bulkPut([{ ...article, publishedAt: `2025-0${1 + random(9)}-01T00:00:00Z` }]);
      }
    }
    const live = new Map<string, number>();
    for (const h of await db.highlights.toArray()) if (!h.deleted) live.set(h.articleId, (live.get(h.articleId) ?? 0) + 1);
    const expected = (await db.articles.toArray()).flatMap((a) => mentionRows(a, live.get(a.id) ?? 0));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect((await db.companyMentions.toArray()).sort(byKey)).toEqual(expected.sort(byKey));
    const sums = [...summariesOf(expected).values()].map(({ factsSavedAt: _, ...rest }) => rest);
    expect((await db.companySummaries.toArray()).map(({ factsSavedAt: _, ...rest }) => rest)).toEqual(expect.arrayContaining(sums));
    expect(await db.companySummaries.count()).toBe(sums.length);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('count the live highlights on the article as they are added, deleted and restored', async () => {
    const db = fresh();
    const article = await save(db);
    const count = async () => (await db.companyMentions.where('articleId').equals(article.id).toArray()).map((r) => r.highlights);
    const first = await addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: describeSpan(text, 0, 15) });
    await addHighlight(db, { articleId: article.id, colour: 'green', selectors: describeSpan(text, 30, 41) });
    expect(await count()).toEqual([2, 2]);
    await deleteHighlight(db, first.id);
    expect(await count()).toEqual([1, 1]);
    await undeleteHighlight(db, first.id);
    expect(await count()).toEqual([2, 2]);
    expect((await db.companySummaries.get('baltic-grid'))!.highlights).toBe(2);
  });

  it('go with an unsaved article and come back with its undo', async () => {
    const db = fresh();
    const article = await save(db);
    await unsaveArticle(db, article.id);
    expect(await db.companyMentions.count()).toBe(0);
    expect(await db.companySummaries.count()).toBe(0);
    await undoUnsaveArticle(db, article.id);
    expect(await db.companyMentions.where('articleId').equals(article.id).count()).toBe(2);
  });

  it('follow a record written by a table call of its own (as sync and imports write), and a hard delete', async () => {
    const db = fresh();
    const article = await save(db);
    const changed: ArticleRecord = { ...article, entities: entities.filter((e) => e.id === 'baltic-grid'), companyIds: ['baltic-grid'], publishedAt: null };
    await db.articles.bulkPut([changed]);
    const rows = await db.companyMentions.toArray();
    expect(rows.map((r) => [r.companyId, r.dated, r.time])).toEqual([['baltic-grid', 'saved', article.savedAt]]);
    await db.articles.delete(article.id);
    expect(await db.companyMentions.count()).toBe(0);
  });

  it('are not written when the write fails: the transaction takes them back with the article', async () => {
    const db = fresh();
    const record = { ...(await save(fresh())), id: 'a-failing' };
    const failing = write(db, [db.articles], 1, async () => {
      await db.articles.put(record);
      expect(await db.companyMentions.where('articleId').equals('a-failing').count()).toBe(2);
      throw new Error('disk on fire');
    });
    await expect(failing).rejects.toThrow('disk on fire');
    expect(await db.articles.count()).toBe(0);
    expect(await db.companyMentions.count()).toBe(0);
  });

  it('keep an article naming no company out, and a record without entities does not stop the write', async () => {
    const db = fresh();
    await saveArticle(db, { url: 'https://news.example/weather', title: 'Rain', text: 'It will rain on Tuesday.' });
    const odd = { ...(await save(fresh())), id: 'a-odd', entities: undefined } as unknown as ArticleRecord;
    await db.articles.put(odd);
    expect(await db.articles.count()).toBe(2);
    expect(await db.companyMentions.count()).toBe(0);
  });
});
