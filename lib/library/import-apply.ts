/**
 * Writing an import: one read-write transaction over articles, highlights and the clock, so
 * the library gets all of the file or none of it. Records from our own export keep their ids
 * and clocks; where the library already has a record, the more recently changed one stays.
 * Annotations from other tools become highlights on the article saved under their URL, or on
 * an article record made for that URL (without text until the reader saves the page).
 */
import type { EntityTable } from 'dexie';
import { articleIdFor } from '../db/articles';
import type { ArticleRecord, HighlightRecord } from '../contracts/records';
import type { NewsmarkDb } from '../db/schema';
import { urlVariants } from '../url/article-key';
import { cleanTags } from '../db/validate';
import { write } from '../db/write';
import { lookAgainAt } from '../sync/watermark';
import type { ImportSummary } from '../contracts/messages/library';
import type { Selector } from '../contracts/selectors';
import { skipMessages, type ArticleMeta, type ForeignAnnotations, type ForeignHighlight } from './import-annotations';
import { ImportError } from './import-errors';
import { storedPosition } from './w3c-selectors';
import type { ForeignFormat, ImportPlan } from './import-parse';
import type { LibraryRecords } from './import-newsmark';

const ARTICLE_FIELDS = ['url', 'urls', 'title', 'byline', 'publisher', 'publishedAt', 'language', 'text', 'entities', 'companyIds', 'tags', 'note', 'savedAt', 'deleted'];
const HIGHLIGHT_FIELDS = ['articleId', 'colour', 'note', 'tags', 'selectors', 'quote', 'createdAt', 'deleted'];

export async function applyImport(db: NewsmarkDb, plan: ImportPlan, now = Date.now()): Promise<ImportSummary> {
  return run(db, plan, now, (summary) => summary);
}

/**
 * What importing `plan` would do, without doing it: the import runs in its transaction as it
 * would, and the transaction is then aborted. The counts (or the refusal) are the import's own,
 * so the library can show them, "updated" being records of the reader's the file would
 * replace, and ask before importing.
 */
export async function previewImport(db: NewsmarkDb, plan: ImportPlan, now = Date.now()): Promise<ImportSummary> {
  try {
    await run(db, plan, now, (summary) => {
      throw new Rollback(summary);
    });
  } catch (error) {
    if (error instanceof Rollback) return error.summary;
    throw error;
  }
  throw new Error('previewImport: the import was not rolled back');
}

/** Thrown at the end of a previewed import: IndexedDB aborts the transaction, writing nothing. */
class Rollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('import previewed');
  }
}

/** `finish` is called inside the transaction with the outcome; what it throws aborts the transaction. */
type Finish = (summary: ImportSummary) => ImportSummary;

function run(db: NewsmarkDb, plan: ImportPlan, now: number, finish: Finish): Promise<ImportSummary> {
  if (plan.format === 'newsmark') return applyRecords(db, plan, now, finish);
  return applyForeign(db, plan, now, finish);
}

async function applyRecords(db: NewsmarkDb, { articles, highlights, companyNotes }: LibraryRecords, now: number, finish: Finish): Promise<ImportSummary> {
  return write(db, [db.articles, db.highlights, db.companyNotes], now, async () => {
    const summary: ImportSummary = { format: 'newsmark', added: 0, updated: 0, unchanged: 0, skipped: 0, remarks: [] };
    await refuseCollisions(db, articles, highlights);
    // The file's stamps are kept, and may be older than sync's last look: it looks again.
    await lookAgainAt(db, 'article', await mergeInto(db.articles, articles, summary));
    await lookAgainAt(db, 'highlight', await mergeInto(db.highlights, highlights, summary));
    await lookAgainAt(db, 'companyNote', await mergeInto(db.companyNotes, companyNotes, summary));
    return finish(summary);
  });
}

/**
 * A record of the file with the id of a different record of the library (an article at another
 * address, a highlight on another article) is not a version of it: the file is refused rather
 * than one of the two lost.
 */
async function refuseCollisions(db: NewsmarkDb, articles: ArticleRecord[], highlights: HighlightRecord[]): Promise<void> {
  const oldArticles = await db.articles.bulkGet(articles.map((a) => a.id));
  articles.forEach((article, i) => {
    const old = oldArticles[i];
    if (old && !old.urls.some((key) => article.urls.includes(key))) {
      throw new ImportError(
        `articles[${i}] has the id "${article.id}" of an article your library keeps at another address (${old.url.slice(0, 100)}), but is at ${article.url.slice(0, 100)}.`,
      );
    }
  });
  const oldHighlights = await db.highlights.bulkGet(highlights.map((h) => h.id));
  highlights.forEach((highlight, i) => {
    const old = oldHighlights[i];
    if (old && old.articleId !== highlight.articleId) {
      throw new ImportError(
        `highlights[${i}] has the id "${highlight.id}" of a highlight your library keeps on another article ("${old.quote.slice(0, 60)}").`,
      );
    }
  });
}

/** Puts each record unless the table has one with the same id changed as recently or later; answers the stamps put. */
async function mergeInto<R extends { id: string; updatedAt: string }>(table: EntityTable<R, 'id'>, records: R[], summary: ImportSummary): Promise<string[]> {
  const existing = await table.bulkGet(records.map((r) => r.id) as never[]);
  const put = records.filter((record, i) => {
    const old = existing[i];
    if (!old) summary.added++;
    else if (record.updatedAt > old.updatedAt) summary.updated++;
    else return void summary.unchanged++;
    return true;
  });
  await table.bulkPut(put);
  return put.map((record) => record.updatedAt);
}

async function applyForeign(db: NewsmarkDb, plan: { format: ForeignFormat } & ForeignAnnotations, now: number, finish: Finish): Promise<ImportSummary> {
  const { format, highlights } = plan;
  // Ids are digests (crypto.subtle): computed before the transaction, which must await only Dexie.
  const urls = [...new Set(highlights.map((h) => h.url))];
  const keysOf = new Map(urls.map((url) => [url, urlVariants(url)]));
  const newIdOf = new Map(await Promise.all(urls.map(async (url) => [url, await articleIdFor(keysOf.get(url)![0]!)] as const)));
  return write(db, [db.articles, db.highlights], now, async ({ stamp }) => {
    const skipped = Object.values(plan.skipped).reduce((a, b) => a + b, 0);
    const summary: ImportSummary = { format, added: 0, updated: 0, unchanged: 0, skipped, remarks: skipMessages(plan.skipped) };
    const articleOf = new Map<string, ArticleRecord>();
    for (const url of urls) {
      const found = await db.articles.where('urls').anyOf(keysOf.get(url)!).toArray();
      let article = found.find((a) => !a.deleted) ?? found[0];
      if (article?.deleted) await db.articles.put((article = revive(article, stamp)));
      if (!article) {
        article = newArticle(newIdOf.get(url)!, url, keysOf.get(url)!, metaOf(highlights.filter((h) => h.url === url)), stamp, now);
        await db.articles.add(article);
        summary.added++;
      }
      articleOf.set(url, article);
    }
    const existing = await db.highlights.bulkGet(highlights.map((h) => h.id));
    const seen = new Set<string>();
    let positionsDropped = 0;
    const fresh: HighlightRecord[] = [];
    highlights.forEach((h, i) => {
      const article = articleOf.get(h.url)!;
      const old = existing[i];
      if (old && old.articleId !== article.id) {
        throw new ImportError(
          `${h.where} has the id "${h.id}" of a highlight your library keeps on another article ("${old.quote.slice(0, 60)}").`,
        );
      }
      if (old || seen.has(h.id)) return void summary.unchanged++;
      seen.add(h.id);
      const selectors = onText(h.selectors, article.text);
      if (selectors.length < h.selectors.length) positionsDropped++;
      fresh.push(newHighlight({ ...h, selectors }, article.id, stamp, now));
    });
    summary.added += fresh.length;
    if (positionsDropped) {
      summary.remarks.push(`${positionsDropped} ${positionsDropped === 1 ? 'position points' : 'positions point'} past the saved text of its article and ${positionsDropped === 1 ? 'was' : 'were'} left out; the quoted text places ${positionsDropped === 1 ? 'that highlight' : 'those highlights'}`);
    }
    await db.highlights.bulkAdd(fresh);
    return finish(summary);
  });
}

/**
 * The file's positions (code points) as the library keeps them: UTF-16 offsets into the saved
 * text. An article without text (made by this import) keeps them as given until the reader
 * saves the page; a position past the saved text cannot be of it and is dropped.
 */
function onText(selectors: Selector[], text: string): Selector[] {
  if (!text) return selectors;
  return selectors.flatMap((s): Selector[] => {
    if (s.type !== 'TextPositionSelector') return [s];
    const stored = storedPosition(s, text);
    return stored ? [stored] : [];
  });
}

/** Each field of the article as the first of its annotations that says it. */
function metaOf(highlights: readonly ForeignHighlight[]): ArticleMeta {
  const first = <K extends keyof ArticleMeta>(key: K) => highlights.find((h) => h.article[key])?.article[key] ?? null;
  const tags = highlights.find((h) => h.article.tags?.length)?.article.tags ?? [];
  return { title: first('title'), byline: first('byline'), publisher: first('publisher'), publishedAt: first('publishedAt'), language: first('language'), tags };
}

function revive(article: ArticleRecord, stamp: string): ArticleRecord {
  return { ...article, deleted: false, updatedAt: stamp, clocks: { ...article.clocks, deleted: stamp } };
}

function newArticle(id: string, url: string, urls: string[], meta: ArticleMeta, stamp: string, now: number): ArticleRecord {
  return {
    id, url, urls, ...meta, title: meta.title ?? url, text: '', entities: [], companyIds: [],
    tags: cleanTags(meta.tags), note: '', savedAt: now, deleted: false, updatedAt: stamp, clocks: Object.fromEntries(ARTICLE_FIELDS.map((f) => [f, stamp])),
  };
}

function newHighlight(h: ForeignHighlight, articleId: string, stamp: string, now: number): HighlightRecord {
  const modified = h.modifiedAt === undefined ? {} : { modifiedAt: h.modifiedAt };
  const fields = [...HIGHLIGHT_FIELDS, ...Object.keys(modified)];
  return {
    id: h.id, articleId, colour: h.colour, note: h.note, tags: cleanTags(h.tags), selectors: h.selectors, quote: h.quote,
    createdAt: h.createdAt || now, ...modified, deleted: false, updatedAt: stamp, clocks: Object.fromEntries(fields.map((f) => [f, stamp])),
  };
}
