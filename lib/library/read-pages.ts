/**
 * Reads every saved article with its highlights in pages, by ranges of the articles' primary
 * key: the library never holds one 100,000-record answer, and it indexes each page while the
 * next is read.
 */
import type { NewsmarkDb } from '../db';
import type { ArticleRecord, HighlightRecord } from '../contracts/records';

/** One page: articles in id order, tombstones included, each with all its highlights. */
export interface RecordPage {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
}

/** Articles per page: a few hundred kilobytes of records, read in tens of milliseconds. */
export const PAGE_ARTICLES = 500;

/**
 * Calls `onPage` with each page in turn, waiting for it before giving the next; the next page
 * is already being read meanwhile. Each page is read in one transaction (a write between
 * pages is seen by the pages after it: a caller that must see one state reads again after a
 * change). Every highlight comes once, with the page whose id range holds its article's id.
 * Resolves after the last page, or at once when `stopped()` turns true.
 */
export async function readPages(
  db: NewsmarkDb,
  onPage: (page: RecordPage) => Promise<void> | void,
  { size = PAGE_ARTICLES, stopped = () => false }: { size?: number; stopped?: () => boolean } = {},
): Promise<void> {
  let next: Promise<RecordPage> | null = readPage(db, undefined, size);
  while (next) {
    const page: RecordPage = await next;
    if (stopped()) return;
    // A short page is the last: it took every highlight after the page before it.
    next = page.articles.length === size ? readPage(db, page.articles.at(-1)!.id, size) : null;
    if (page.articles.length || page.highlights.length) await onPage(page);
  }
}

/**
 * The `size` articles after id `after` (from the first when undefined) and the highlights
 * whose article ids fall in the same range, read with one key range each (IndexedDB's
 * getAll, not a cursor stepping through 100,000 records). The last page's range is open
 * upwards, the first's downwards, so a highlight whose article is gone still comes once.
 */
function readPage(db: NewsmarkDb, after: string | undefined, size: number): Promise<RecordPage> {
  return db.transaction('r', db.articles, db.highlights, async () => {
    const articles = await (after === undefined ? db.articles.toCollection() : db.articles.where(':id').above(after)).limit(size).toArray();
    const last = articles.length === size ? articles.at(-1)!.id : undefined;
    const byArticle = db.highlights.where('articleId');
    const range =
      after === undefined
        ? (last === undefined ? db.highlights.toCollection() : byArticle.belowOrEqual(last))
        : (last === undefined ? byArticle.above(after) : byArticle.between(after, last, false, true));
    return { articles, highlights: await range.toArray() };
  });
}
