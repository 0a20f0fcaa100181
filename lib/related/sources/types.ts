/** One interface for every place related coverage comes from. */
import type { ArticleQuery, FeedItem, SourceId, SourceStatus } from '../../contracts/related';
import type { FetchLike } from './http';

export type { SourceId, SourceStatus };

export interface SearchContext {
  fetch: FetchLike;
  /** The caller giving up: sources stop retrying. */
  signal?: AbortSignal;
}

export interface RelatedSource {
  id: SourceId;
  /** Remote sources send the article's keywords to a third party: opt-in only. */
  remote: boolean;
  /** Candidate items for the article; the shared ranking picks and orders them. Throws SourceError. */
  search(article: ArticleQuery, context: SearchContext): Promise<FeedItem[]>;
}
