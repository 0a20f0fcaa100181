/**
 * Writing an import: one read-write transaction over articles, highlights and the clock, so
 * the library gets all of the file or none of it. Records from our own export keep their ids
 * and clocks; where the library already has a record, the more recently changed one stays.
 * Annotations from other tools become highlights on the article saved under their URL, or on
 * an article record made for that URL (without text until the reader saves the page).
 */
import type { EntityTable } from 'dexie';
import { articleIdFor } from '../db/articles';
import type { ArticleRecord, HighlightRecord } from '../db/library-records';
import type { NewsmarkDb } from '../db/schema';
import { urlVariants } from '../db/url';
import { cleanTags } from '../db/validate';
import { write } from '../db/write';
import type { ForeignHighlight } from './import-annotations';
import type { ImportPlan } from './import-parse';

export interface ImportSummary {
  format: ImportPlan['format'];
  added: number;
  updated: number;
  unchanged: number;
  /** Annotations without quoted text, left out. */
  skipped: number;
}

const ARTICLE_FIELDS = ['url', 'urls', 'title', 'byline', 'publisher', 'publishedAt', 'language', 'text', 'entities', 'companyIds', 'tags', 'note', 'savedAt', 'deleted'];
const HIGHLIGHT_FIELDS = ['articleId', 'colour', 'note', 'tags', 'selectors', 'quote', 'createdAt', 'deleted'];

export async function applyImport(db: NewsmarkDb, plan: ImportPlan, now = Date.now()): Promise<ImportSummary> {
  if (plan.format === 'newsmark') return applyRecords(db, plan.articles, plan.highlights, now);
  return applyForeign(db, plan.format, plan.highlights, plan.skipped, now);
}

async function applyRecords(db: NewsmarkDb, articles: ArticleRecord[], highlights: HighlightRecord[], now: number): Promise<ImportSummary> {
  return write(db, [db.articles, db.highlights], now, async () => {
    const summary: ImportSummary = { format: 'newsmark', added: 0, updated: 0, unchanged: 0, skipped: 0 };
    await mergeInto(db.articles, articles, summary);
    await mergeInto(db.highlights, highlights, summary);
    return summary;
  });
}

/** Puts each record unless the table has one with the same id changed as recently or later. */
async function mergeInto<R extends { id: string; updatedAt: string }>(table: EntityTable<R, 'id'>, records: R[], summary: ImportSummary): Promise<void> {
  const existing = await table.bulkGet(records.map((r) => r.id) as never[]);
  const put = records.filter((record, i) => {
    const old = existing[i];
    if (!old) summary.added++;
    else if (record.updatedAt > old.updatedAt) summary.updated++;
    else return void summary.unchanged++;
    return true;
  });
  await table.bulkPut(put);
}

async function applyForeign(db: NewsmarkDb, format: 'w3c' | 'hypothesis', highlights: ForeignHighlight[], skipped: number, now: number): Promise<ImportSummary> {
  // Ids are digests (crypto.subtle): computed before the transaction, which must await only Dexie.
  const urls = [...new Set(highlights.map((h) => h.url))];
  const keysOf = new Map(urls.map((url) => [url, urlVariants(url)]));
  const newIdOf = new Map(await Promise.all(urls.map(async (url) => [url, await articleIdFor(keysOf.get(url)![0]!)] as const)));
  return write(db, [db.articles, db.highlights], now, async ({ stamp }) => {
    const summary: ImportSummary = { format, added: 0, updated: 0, unchanged: 0, skipped };
    const articleIdOf = new Map<string, string>();
    for (const url of urls) {
      const found = await db.articles.where('urls').anyOf(keysOf.get(url)!).toArray();
      const article = found.find((a) => !a.deleted) ?? found[0];
      if (article?.deleted) await db.articles.put(revive(article, stamp));
      if (!article) {
        const title = highlights.find((h) => h.url === url && h.title)?.title ?? url;
        await db.articles.add(newArticle(newIdOf.get(url)!, url, keysOf.get(url)!, title, stamp, now));
        summary.added++;
      }
      articleIdOf.set(url, article?.id ?? newIdOf.get(url)!);
    }
    const existing = await db.highlights.bulkGet(highlights.map((h) => h.id));
    const seen = new Set<string>();
    const fresh = highlights.filter((h, i) => !existing[i] && !seen.has(h.id) && seen.add(h.id));
    summary.unchanged += highlights.length - fresh.length;
    summary.added += fresh.length;
    await db.highlights.bulkAdd(fresh.map((h) => newHighlight(h, articleIdOf.get(h.url)!, stamp, now)));
    return summary;
  });
}

function revive(article: ArticleRecord, stamp: string): ArticleRecord {
  return { ...article, deleted: false, updatedAt: stamp, clocks: { ...article.clocks, deleted: stamp } };
}

function newArticle(id: string, url: string, urls: string[], title: string, stamp: string, now: number): ArticleRecord {
  return {
    id, url, urls, title, byline: null, publisher: null, publishedAt: null, language: null, text: '', entities: [], companyIds: [],
    tags: [], note: '', savedAt: now, deleted: false, updatedAt: stamp, clocks: Object.fromEntries(ARTICLE_FIELDS.map((f) => [f, stamp])),
  };
}

function newHighlight(h: ForeignHighlight, articleId: string, stamp: string, now: number): HighlightRecord {
  return {
    id: h.id, articleId, colour: h.colour, note: h.note, tags: cleanTags(h.tags), selectors: h.selectors, quote: h.quote,
    createdAt: h.createdAt || now, deleted: false, updatedAt: stamp, clocks: Object.fromEntries(HIGHLIGHT_FIELDS.map((f) => [f, stamp])),
  };
}
