/**
 * Reading a dossier from the database at the cost of what the page shows. The company's mention
 * rows (lib/db/company-mentions.ts) give its facts, counts and chart over every article; only the
 * newest articles and highlights the page lays out are read whole. A company named by thousands
 * of saved articles, each with a dozen highlights, is read in a few small requests.
 */
import type { ArticleRecord, CompanyMention, CompanySummary, HighlightRecord } from '../contracts/records';
import type { NewsmarkDb } from '../db/schema';
import { companyIdsFor } from '../entities/company-ids';
import { articleIdOfKey, mentionRange } from '../db/company-mentions';
import { buildDossier, dossierOf, type Dossier } from './model';
import { companiesNamedMost, type NamedCompany } from './top';

/** How many of the newest articles and highlights the page lays out. */
export interface Shown {
  articles: number;
  highlights: number;
}

/** The dossier with its newest `shown` articles and highlights, or null when no live article names the company. */
export function loadDossier(db: NewsmarkDb, companyId: string, shown: Shown): Promise<Dossier | null> {
  return db.transaction('r', [db.companySummaries, db.companyMentions, db.articles, db.highlights], async () => {
    // Under any id the company has had: a gazetteer update may have renamed it (company-ids.ts).
    const ids = companyIdsFor(companyId);
    const { summaries, rows, articleIds } = await companyRecord(db, ids, shown.articles);
    if (summaries.length === 0) return null;
    const newest = [...new Set(rows.sort((a, b) => b.time - a.time).map((row) => row.articleId))].slice(0, shown.articles);
    const articles = (await db.articles.bulkGet(newest)).filter((a): a is ArticleRecord => a !== undefined);
    const inArticles = summaries.reduce((sum, summary) => sum + summary.highlights, 0);
    const highlights = inArticles === 0 ? [] : await newestHighlights(db, new Set(articleIds), inArticles, shown.highlights);
    // The rows of the articles those highlights sit in, for their titles.
    const known = new Set(rows.map((row) => row.articleId));
    const elsewhere = [...new Set(highlights.map((h) => h.articleId))].filter((id) => !known.has(id));
    const theirRows = elsewhere.length ? (await db.companyMentions.where('articleId').anyOf(elsewhere).toArray()).filter((row) => ids.includes(row.companyId)) : [];
    return dossierOf(companyId, summaries, [...rows.filter((row) => newest.includes(row.articleId)), ...theirRows], articles, highlights);
  });
}

/** The summaries and newest rows of one company under the ids it has had (company-ids.ts): the dossier's read. */
async function companyRecord(db: NewsmarkDb, companyIds: readonly string[], newest: number): Promise<{ summaries: CompanySummary[]; rows: CompanyMention[]; articleIds: string[] }> {
  const summaries = (await db.companySummaries.bulkGet([...companyIds])).filter((s): s is CompanySummary => s !== undefined && s.articles > 0);
  const ranges = summaries.map((s) => db.companyMentions.where(':id').between(...mentionRange(s.companyId)));
  const rows = (await Promise.all(ranges.map((range) => range.clone().limit(newest).toArray()))).flat();
  const keys = (await Promise.all(ranges.map((range) => range.primaryKeys()))).flat();
  return { summaries, rows, articleIds: [...new Set(keys.map(articleIdOfKey))] };
}

/**
 * Up to this many highlights in the company's articles are read by article; more, and the
 * library's highlights are walked newest first until enough are theirs. The walk reads about
 * wanted × (library ÷ theirs) highlights, few when the company's articles hold many of them.
 * (Not the library's count to decide by: IndexedDB counts a store by walking it in Chromium,
 * 100 ms for 100,000 highlights.)
 */
const READ_BY_ARTICLE = 1_000;

/** The newest `wanted` live highlights in `articleIds`, which hold `inArticles` of them. */
async function newestHighlights(db: NewsmarkDb, articleIds: Set<string>, inArticles: number, wanted: number): Promise<HighlightRecord[]> {
  if (inArticles > READ_BY_ARTICLE) {
    return db.highlights.orderBy('createdAt').reverse().filter((h) => !h.deleted && articleIds.has(h.articleId)).limit(wanted).toArray();
  }
  const theirs = await db.highlights.where('articleId').anyOf([...articleIds]).toArray();
  return theirs.filter((h) => !h.deleted).sort((a, b) => b.createdAt - a.createdAt).slice(0, wanted);
}

/** The whole dossier, every article and highlight in it: for exports. */
export function loadWholeDossier(db: NewsmarkDb, companyId: string): Promise<Dossier | null> {
  return db.transaction('r', [db.articles, db.highlights], async () => {
    const articles = (await db.articles.where('companyIds').anyOf(companyIdsFor(companyId)).toArray()).filter((a) => !a.deleted);
    const highlights = await db.highlights.where('articleId').anyOf(articles.map((a) => a.id)).toArray();
    return buildDossier(companyId, articles, highlights);
  });
}

/** The companies the library names most, from their summaries alone. */
export async function loadNamedMost(db: NewsmarkDb): Promise<NamedCompany[]> {
  return companiesNamedMost(await db.companySummaries.toArray());
}
