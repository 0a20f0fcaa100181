/**
 * The library whole, as the Markdown export writes it: the live records, each article's
 * highlights in reading order.
 */
import type { ArticleRecord, HighlightRecord } from '../contracts/records';

/** What the library lists of an article: everything but its text, which only the search index reads. */
export type ListedArticle = Omit<ArticleRecord, 'text'>;

/** The live records, with each article's highlights in reading order. */
export interface LibraryModel<A extends ListedArticle = ArticleRecord> {
  articles: A[];
  /** The same articles by id: a search's hits are looked up, not searched for among all. */
  articleById: Map<string, A>;
  highlightsByArticle: Map<string, HighlightRecord[]>;
}

/** Builds the model from all records as stored (tombstones dropped). */
export function buildModel<A extends ListedArticle>(articles: readonly A[], highlights: readonly HighlightRecord[]): LibraryModel<A> {
  const live = articles.filter((a) => !a.deleted);
  const byArticle = new Map<string, HighlightRecord[]>();
  for (const h of highlights) {
    if (h.deleted) continue;
    const list = byArticle.get(h.articleId);
    if (list) list.push(h);
    else byArticle.set(h.articleId, [h]);
  }
  for (const list of byArticle.values()) list.sort((a, b) => positionOf(a) - positionOf(b) || a.createdAt - b.createdAt);
  return { articles: live, articleById: new Map(live.map((a) => [a.id, a])), highlightsByArticle: byArticle };
}

function positionOf(h: HighlightRecord): number {
  const position = h.selectors.find((s) => s.type === 'TextPositionSelector');
  return position?.type === 'TextPositionSelector' ? position.start : Infinity;
}
