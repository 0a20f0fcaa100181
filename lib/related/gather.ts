/**
 * Asks every enabled source at once and ranks what comes back together. A source that
 * fails (timeout, HTTP error, broken answer) is reported on its own; the others' results
 * still show.
 */
import { groupByStory } from './ranking/group';
import { buildIndex } from './ranking/index-build';
import { rankRelated } from './ranking/rank';
import { SourceError } from './sources/http';
import type { RelatedSource, SearchContext } from './sources/types';
import type { ArticleQuery, FeedItem, RelatedResult, SourceStatus } from '../contracts/related';

export type { RelatedResult };

export interface GatherOptions {
  /** Results to rank before grouping. */
  k?: number;
  now?: () => number;
}

/** Searches `sources` for `article`, ranks the union, groups it by story. */
export async function gatherRelated(
  sources: readonly RelatedSource[],
  article: ArticleQuery,
  context: SearchContext,
  options: GatherOptions = {},
): Promise<RelatedResult> {
  const answers = await Promise.all(sources.map((source) => searchOne(source, article, context)));
  const byUrl = new Map<string, FeedItem>();
  for (const { items } of answers) {
    for (const item of items) {
      // The same article found by two sources is one candidate; the first source listed wins.
      if (byUrl.has(item.url)) continue;
      byUrl.set(item.url, item);
    }
  }
  const ranked = rankRelated(buildIndex([...byUrl.values()]), article, { k: options.k ?? 20 });
  return {
    articleUrl: article.url,
    fetchedAt: (options.now ?? Date.now)(),
    groups: groupByStory(ranked),
    sources: answers.map((a) => a.status),
  };
}

/** One source's items for `article`, or how it failed (a failure never throws: the others still count). */
export async function searchOne(
  source: RelatedSource,
  article: ArticleQuery,
  context: SearchContext,
): Promise<{ items: FeedItem[]; status: SourceStatus }> {
  try {
    const items = await source.search(article, context);
    return { items, status: { id: source.id, ok: true, count: items.length } };
  } catch (error) {
    const failure = error instanceof SourceError ? error : new SourceError('service', error instanceof Error ? error.message : String(error));
    return { items: [], status: { id: source.id, ok: false, kind: failure.kind, error: failure.message } };
  }
}
