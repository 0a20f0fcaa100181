/**
 * Reads every saved article with its highlights in pages, by ranges of the articles' primary
 * key: the library never holds one 100,000-record answer, and it indexes each page while the
 * next is read.
 */
import type { NewsmarkDb } from '../db';
import type { ArticleRecord, HighlightRecord } from '../db/library-records';

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
 * change). Resolves after the last page, or at once when `stopped()` turns true.
 */
export async function readPages(
  db: NewsmarkDb,
  onPage: (page: RecordPage) => Promise<void> | void,
  { size = PAGE_ARTICLES, stopped = () => false }: { size?: number; stopped?: () => boolean } = {},
): Promise<void> {
  let next = readPage(db, undefined, size);
  for (;;) {
    const page = await next;
    if (!page.articles.length || stopped()) return;
    if (page.articles.length === size) next = readPage(db, page.articles.at(-1)!.id, size);
    else next = Promise.resolve({ articles: [], highlights: [] });
    await onPage(page);
  }
}

/** The `size` articles after id `after` (from the first when undefined) and their highlights. */
function readPage(db: NewsmarkDb, after: string | undefined, size: number): Promise<RecordPage> {
  return db.transaction('r', db.articles, db.highlights, async () => {
    const range = after === undefined ? db.articles.toCollection() : db.articles.where(':id').above(after);
    const articles = await range.limit(size).toArray();
    const highlights = articles.length ? await db.highlights.where('articleId').anyOf(articles.map((a) => a.id)).toArray() : [];
    return { articles, highlights };
  });
}
