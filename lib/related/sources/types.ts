/** One interface for every place related coverage comes from. */
import type { ArticleQuery, FeedItem } from '../types';
import type { FetchLike, SourceErrorKind } from './http';

export type SourceId = 'feeds' | 'google-news' | 'bing-news' | 'gdelt';

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

/** How one source did for one article, shown next to its results. */
export type SourceStatus =
  | { id: SourceId; ok: true; count: number }
  | { id: SourceId; ok: false; kind: SourceErrorKind; error: string };
