/**
 * The `companyMentions` and `companySummaries` tables: one small row per saved article and company
 * it names (CompanyMention), and per company id the sum of its rows (CompanySummary). A dossier
 * reads one summary and its newest few rows, whether one article names the company or 50,000.
 *
 * Both are derived (lib/db/derived.ts): after each write the rows of the articles it touched are
 * rewritten from what the transaction now holds, the old rows taken off their summaries and the
 * new added.
 */
import type { DBCore, DBCoreTransaction } from 'dexie';
import { ARTICLES, HIGHLIGHTS, onArticle, type Derivation } from './derived';
import type { ArticleRecord, CompanyMention, CompanySummary, HighlightRecord } from '../contracts/records';

export const COMPANY_MENTIONS = 'companyMentions';
export const COMPANY_SUMMARIES = 'companySummaries';
const DAY = 86_400_000;
/** Times are kept between 1970 and 2286 in keys, where 13 digits of milliseconds hold them. */
const LAST_TIME = 9_999_999_999_999;
const FACTS = ['ticker', 'country', 'industry', 'website'] as const;

/**
 * The company first, then the time counted back from the latest a key can hold: a company's rows
 * are neighbours in the table's own key order, newest first. Reading its newest is one short
 * range of the store, not a lookup per row through an index (four times slower in Chromium).
 */
export function mentionKey(companyId: string, time: number, articleId: string): string {
  const clamped = Math.min(LAST_TIME, Math.max(0, Math.round(time)));
  return `${companyId}\n${String(LAST_TIME - clamped).padStart(13, '0')}\n${articleId}`;
}

/** The key range of every row of `companyId`. */
export function mentionRange(companyId: string): [string, string] {
  return [`${companyId}\n`, `${companyId}\n\uffff`];
}

/** The article id a row's key ends with. */
export function articleIdOfKey(key: string): string {
  return key.slice(key.indexOf('\n', key.indexOf('\n') + 1) + 1);
}

/** The rows of `article` with `highlights` live highlights on it: none for a deleted article. */
export function mentionRows(article: ArticleRecord, highlights: number): CompanyMention[] {
  if (article.deleted || !Array.isArray(article.entities)) return [];
  const published = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  const dated = Number.isNaN(published) ? 'saved' : 'published';
  const time = dated === 'published' ? published : article.savedAt;
  const rows = new Map<string, CompanyMention>();
  for (const entity of article.entities) {
    if (entity.type !== 'company' || !entity.id) continue;
    let row = rows.get(entity.id);
    if (!row) {
      row = { key: mentionKey(entity.id, time, article.id), companyId: entity.id, articleId: article.id, title: article.title, time, dated, savedAt: article.savedAt, mentions: 0, highlights, names: {}, written: {} };
      rows.set(entity.id, row);
    }
    row.mentions++;
    const name = entity.name ?? entity.text;
    row.names[name] = (row.names[name] ?? 0) + 1;
    const printed = entity.text.replace(/['’]s$/, '');
    row.written[printed] = (row.written[printed] ?? 0) + 1;
    for (const fact of FACTS) if (entity[fact] && !row[fact]) row[fact] = entity[fact];
  }
  return [...rows.values()];
}

export function emptySummary(companyId: string): CompanySummary {
  return { companyId, articles: 0, mentions: 0, highlights: 0, names: {}, written: {}, days: {}, facts: {}, factsSavedAt: 0 };
}

function addCounts(into: Record<string, number>, from: Record<string, number>, sign: 1 | -1): void {
  for (const [key, count] of Object.entries(from)) {
    const sum = (into[key] ?? 0) + sign * count;
    if (sum > 0) into[key] = sum;
    else delete into[key];
  }
}

/**
 * Adds a row to its company's summary (sign 1) or takes it off (-1). The facts follow the most
 * recently saved article that gave any; taking a row off leaves them (they are the gazetteer's,
 * the same in every article of the company until its data changes).
 */
export function applyRow(summary: CompanySummary, row: CompanyMention, sign: 1 | -1): void {
  summary.articles += sign;
  summary.mentions += sign * row.mentions;
  summary.highlights += sign * row.highlights;
  addCounts(summary.names, row.names, sign);
  addCounts(summary.written, row.written, sign);
  const day = String(Math.floor(row.time / DAY));
  const [articles, mentions] = summary.days[day] ?? [0, 0];
  if (articles + sign > 0) summary.days[day] = [articles + sign, mentions + sign * row.mentions];
  else delete summary.days[day];
  if (sign < 0 || !FACTS.some((fact) => row[fact])) return;
  const newer = row.savedAt >= summary.factsSavedAt;
  for (const fact of FACTS) if (row[fact] && (newer || !summary.facts[fact])) summary.facts[fact] = row[fact];
  if (newer) summary.factsSavedAt = row.savedAt;
}

/** The most used of a summary's names; on a tie, the first in alphabetical order (the same on every device). */
export function mostUsedName(counts: Record<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [name, count] of Object.entries(counts)) if (count > bestCount || (count === bestCount && name < best)) [best, bestCount] = [name, count];
  return best;
}

/** The summaries of `rows`, by company id (for a library read whole: the upgrade, exports). */
export function summariesOf(rows: readonly CompanyMention[]): Map<string, CompanySummary> {
  const summaries = new Map<string, CompanySummary>();
  for (const row of rows) {
    const summary = summaries.get(row.companyId) ?? emptySummary(row.companyId);
    applyRow(summary, row, 1);
    summaries.set(row.companyId, summary);
  }
  return summaries;
}

const liveCount = (highlights: HighlightRecord[]) => highlights.filter((h) => !h.deleted).length;

/** Rewrites the rows of `articleIds` from the articles and highlights `trans` holds now, and their summaries with them. */
async function rewriteRows(core: DBCore, trans: DBCoreTransaction, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const rows = core.table(COMPANY_MENTIONS);
  const articles: (ArticleRecord | undefined)[] = await core.table(ARTICLES).getMany({ trans, keys: [...articleIds] });
  const stale: CompanyMention[] = [];
  const fresh: CompanyMention[] = [];
  for (const [i, id] of articleIds.entries()) {
    stale.push(...((await onArticle(rows, trans, id)).result as CompanyMention[]));
    const article = articles[i];
    if (!article || article.deleted) continue;
    const made = mentionRows(article, 0);
    // Highlights are counted only on an article naming a company: most saved pages' writes read none.
    if (made.length === 0) continue;
    const live = liveCount((await onArticle(core.table(HIGHLIGHTS), trans, id)).result);
    fresh.push(...made.map((row) => ({ ...row, highlights: live })));
  }
  if (stale.length === 0 && fresh.length === 0) return;
  const summaryTable = core.table(COMPANY_SUMMARIES);
  const companyIds = [...new Set([...stale, ...fresh].map((row) => row.companyId))];
  const found: (CompanySummary | undefined)[] = await summaryTable.getMany({ trans, keys: companyIds });
  const summaries = new Map(companyIds.map((id, i) => [id, found[i] ?? emptySummary(id)]));
  for (const row of stale) applyRow(summaries.get(row.companyId)!, row, -1);
  for (const row of fresh) applyRow(summaries.get(row.companyId)!, row, 1);
  if (stale.length) await rows.mutate({ type: 'delete', trans, keys: stale.map((row) => row.key) });
  if (fresh.length) await rows.mutate({ type: 'put', trans, values: fresh });
  const [kept, gone] = [[...summaries.values()].filter((s) => s.articles > 0), [...summaries.values()].filter((s) => s.articles <= 0)];
  if (gone.length) await summaryTable.mutate({ type: 'delete', trans, keys: gone.map((s) => s.companyId) });
  if (kept.length) await summaryTable.mutate({ type: 'put', trans, values: kept });
}

/**
 * After a write of highlights alone: the articles' rows keep everything but their count of live
 * highlights, counted again (and the change carried to their summaries). An article naming no
 * company has no rows, and its highlights are not read at all.
 */
async function recountHighlights(core: DBCore, trans: DBCoreTransaction, articleIds: readonly string[]): Promise<void> {
  const rowTable = core.table(COMPANY_MENTIONS);
  const changed: CompanyMention[] = [];
  const deltas = new Map<string, number>();
  for (const id of articleIds) {
    const rows = (await onArticle(rowTable, trans, id)).result as CompanyMention[];
    if (rows.length === 0) continue;
    const live = liveCount((await onArticle(core.table(HIGHLIGHTS), trans, id)).result);
    for (const row of rows) {
      if (row.highlights === live) continue;
      deltas.set(row.companyId, (deltas.get(row.companyId) ?? 0) + live - row.highlights);
      changed.push({ ...row, highlights: live });
    }
  }
  if (changed.length === 0) return;
  const summaryTable = core.table(COMPANY_SUMMARIES);
  const companyIds = [...deltas.keys()];
  const summaries: (CompanySummary | undefined)[] = await summaryTable.getMany({ trans, keys: companyIds });
  const updated = summaries.flatMap((summary, i) => (summary ? [{ ...summary, highlights: summary.highlights + deltas.get(companyIds[i]!)! }] : []));
  await rowTable.mutate({ type: 'put', trans, values: changed });
  if (updated.length) await summaryTable.mutate({ type: 'put', trans, values: updated });
}

/** The company mentions and their summaries, as one derivation of the derived-tables middleware. */
export const companyMentionsDerivation: Derivation = {
  tables: [COMPANY_MENTIONS, COMPANY_SUMMARIES],
  afterWrite: (core, trans, source, articleIds) => (source === ARTICLES ? rewriteRows(core, trans, articleIds) : recountHighlights(core, trans, articleIds)),
};
