/**
 * The reader's own feeds as a source: items already fetched and stored on the device,
 * so it sends nothing anywhere and works offline. Storage is passed in as a function.
 */
import type { ArticleQuery, FeedItem } from '../../contracts/related';
import type { RelatedSource } from './types';

/** Stored items published within `windowMs` of `around` (all items when `around` is NaN). */
export type LoadStoredItems = (around: number, windowMs: number) => Promise<FeedItem[]>;

/** Items further than this from the article's time are not considered at all. */
export const LOCAL_WINDOW_MS = 7 * 24 * 3_600_000;

export function localFeedsSource(load: LoadStoredItems): RelatedSource {
  return {
    id: 'feeds',
    remote: false,
    search: (article: ArticleQuery) => load(article.publishedAt ? Date.parse(article.publishedAt) : Date.now(), LOCAL_WINDOW_MS),
  };
}
