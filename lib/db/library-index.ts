/**
 * The library's index, kept in the database so that the library page rebuilds nothing when it
 * opens: a row per live article with what the page lists, filters, sorts and counts
 * (`libraryRows`), the words each article is found under (`searchDocs`), and per word the
 * articles holding it with its weight in each (`searchTerms`). Derived from the articles and
 * highlights by the derived-tables middleware (derived.ts) on every write; filled for a library
 * saved before it by the schema's upgrade (`fillLibraryIndex`).
 */
import type { DBCore, DBCoreTransaction, EntityTable } from 'dexie';
import type { ArticleRecord, HighlightRecord, LibraryRow, SearchDocRow, SearchTermRow } from '../contracts/records';
import { applyTermChanges, changedTermKeys, libraryRow, termKey, termWeights, type TermChange } from '../search-index/terms';
import { ARTICLES, HIGHLIGHTS, onArticle, type Derivation } from './derived';

export const LIBRARY_ROWS = 'libraryRows';
export const SEARCH_DOCS = 'searchDocs';
export const SEARCH_TERMS = 'searchTerms';

/** What one write changes in the index, worked out from the records as they are now. */
interface IndexWrite {
  rows: LibraryRow[];
  rowsGone: string[];
  docs: SearchDocRow[];
  docsGone: string[];
  changes: TermChange[];
}

/** The index's new rows for `articles` (undefined: gone), given their old search docs. */
function planWrite(ids: readonly string[], articles: readonly (ArticleRecord | undefined)[], highlightsOf: (id: string) => HighlightRecord[], oldDocs: readonly (SearchDocRow | undefined)[]): IndexWrite {
  const plan: IndexWrite = { rows: [], rowsGone: [], docs: [], docsGone: [], changes: [] };
  ids.forEach((articleId, i) => {
    const article = articles[i];
    const before = oldDocs[i]?.terms;
    if (!article || article.deleted) {
      plan.rowsGone.push(articleId);
      if (before) plan.docsGone.push(articleId);
      plan.changes.push({ articleId, before, after: undefined });
      return;
    }
    const highlights = highlightsOf(articleId).filter((h) => !h.deleted);
    const { terms, length } = termWeights(article, highlights);
    plan.rows.push(libraryRow(article, highlights, length));
    // Most writes change no word (a tag, a note's conflict, the companies found): nothing to rewrite.
    if (sameTerms(before, terms)) return;
    plan.docs.push({ articleId, terms: Object.fromEntries(terms) });
    plan.changes.push({ articleId, before, after: terms });
  });
  return plan;
}

function sameTerms(before: Record<string, number> | undefined, after: Map<string, number>): boolean {
  if (!before) return false;
  let count = 0;
  for (const term in before) {
    if (after.get(term) !== before[term]) return false;
    count++;
  }
  return count === after.size;
}

/** Rewrites the index of `articleIds` from what `trans` holds now. */
async function reindex(core: DBCore, trans: DBCoreTransaction, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const ids = [...articleIds];
  const articles: (ArticleRecord | undefined)[] = await core.table(ARTICLES).getMany({ trans, keys: ids });
  const oldDocs: (SearchDocRow | undefined)[] = await core.table(SEARCH_DOCS).getMany({ trans, keys: ids });
  const highlights = new Map<string, HighlightRecord[]>();
  for (const [i, id] of ids.entries()) {
    if (!articles[i] || articles[i]!.deleted) continue;
    const found = await onArticle(core.table(HIGHLIGHTS), trans, id);
    highlights.set(id, found.result as HighlightRecord[]);
  }
  const plan = planWrite(ids, articles, (id) => highlights.get(id) ?? [], oldDocs);
  const keys = changedTermKeys(plan.changes);
  const termTable = core.table(SEARCH_TERMS);
  const { put, emptied } = applyTermChanges(keys, keys.length ? await termTable.getMany({ trans, keys }) : [], plan.changes);
  if (plan.rowsGone.length) await core.table(LIBRARY_ROWS).mutate({ type: 'delete', trans, keys: plan.rowsGone });
  if (plan.rows.length) await core.table(LIBRARY_ROWS).mutate({ type: 'put', trans, values: plan.rows });
  if (plan.docsGone.length) await core.table(SEARCH_DOCS).mutate({ type: 'delete', trans, keys: plan.docsGone });
  if (plan.docs.length) await core.table(SEARCH_DOCS).mutate({ type: 'put', trans, values: plan.docs });
  if (emptied.length) await termTable.mutate({ type: 'delete', trans, keys: emptied });
  if (put.length) await termTable.mutate({ type: 'put', trans, values: put });
}

/** The library index as one derivation of the derived-tables middleware. */
export const libraryIndexDerivation: Derivation = {
  tables: [LIBRARY_ROWS, SEARCH_DOCS, SEARCH_TERMS],
  afterWrite: (core, trans, _source, articleIds) => reindex(core, trans, articleIds),
};

/** The tables `fillLibraryIndex` reads and writes: an upgrade's (`tx.table`) or the database's. */
export interface IndexTables {
  articles: EntityTable<ArticleRecord, 'id'>;
  highlights: EntityTable<HighlightRecord, 'id'>;
  libraryRows: EntityTable<LibraryRow, 'articleId'>;
  searchDocs: EntityTable<SearchDocRow, 'articleId'>;
  searchTerms: EntityTable<SearchTermRow, 'key'>;
}

/** Articles read per slice of a fill: each slice is a few tens of milliseconds of work. */
const FILL_SLICE = 100;
/** Articles whose postings a fill gathers before adding them to the index: its memory stays bounded. */
const FILL_FLUSH = 5_000;
/** Blocks written per call: each call's copying stays a short task. */
const WRITE_SLICE = 200;

/**
 * Indexes every saved article, a slice at a time in primary-key order (each slice's database
 * calls give the worker its turn between them), the postings of a few thousand articles
 * gathered in memory, then added to their blocks, each block written once per gathering. Used by
 * the upgrade that created the index, inside its transaction, over the empty index.
 */
export async function fillLibraryIndex(tables: IndexTables, onProgress?: (done: number) => void): Promise<void> {
  let gathered = new Map<string, Record<string, number>>();
  let pending = 0;
  // The first gathering goes into an empty index: nothing to read back and add to.
  let empty = true;
  let after: string | undefined;
  let done = 0;
  for (;;) {
    const slice = await (after === undefined ? tables.articles.orderBy(':id') : tables.articles.where(':id').above(after)).limit(FILL_SLICE).toArray();
    if (slice.length === 0) break;
    after = slice.at(-1)!.id;
    const ids = slice.map((a) => a.id);
    const highlights = await tables.highlights.where('articleId').anyOf(ids).toArray();
    const byArticle = new Map<string, HighlightRecord[]>();
    for (const h of highlights) {
      const list = byArticle.get(h.articleId);
      if (list) list.push(h);
      else byArticle.set(h.articleId, [h]);
    }
    const plan = planWrite(ids, slice, (id) => byArticle.get(id) ?? [], []);
    for (const { articleId, after: terms } of plan.changes) {
      for (const [term, weight] of terms ?? []) {
        const key = termKey(term, articleId);
        const block = gathered.get(key);
        if (block) block[articleId] = weight;
        else gathered.set(key, { [articleId]: weight });
      }
    }
    await tables.libraryRows.bulkPut(plan.rows);
    await tables.searchDocs.bulkPut(plan.docs);
    done += slice.length;
    pending += slice.length;
    onProgress?.(done);
    if (pending >= FILL_FLUSH) {
      await addPostings(tables, gathered, empty);
      [gathered, pending, empty] = [new Map(), 0, false];
    }
  }
  await addPostings(tables, gathered, empty);
}

/** Adds gathered postings to their blocks (none yet when `empty`), a few blocks per call. */
async function addPostings(tables: IndexTables, gathered: Map<string, Record<string, number>>, empty: boolean): Promise<void> {
  const keys = [...gathered.keys()];
  for (let from = 0; from < keys.length; from += WRITE_SLICE) {
    const slice = keys.slice(from, from + WRITE_SLICE);
    const found = empty ? [] : await tables.searchTerms.bulkGet(slice);
    await tables.searchTerms.bulkPut(slice.map((key, i) => ({ key, postings: Object.assign(found[i]?.postings ?? {}, gathered.get(key)) })));
  }
}
