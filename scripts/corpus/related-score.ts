/**
 * Relevance figures of ../shared/corpus/stories (see its README): P@k is the share of the
 * top k results that are relevant; outlets@k is how many distinct outlets those relevant
 * results come from.
 */
import { outletKey } from '../../lib/related/text';
import type { FeedItem } from '../../lib/contracts/related';

export interface QueryScore {
  precision: number;
  outlets: number;
}

/** Scores one query's ranked results against the ids judged relevant. */
export function scoreQuery(results: readonly FeedItem[], relevant: ReadonlySet<string>, k = 5): QueryScore {
  const hits = results.slice(0, k).filter((item) => relevant.has(item.id));
  return {
    precision: hits.length / k,
    outlets: new Set(hits.map((item) => outletKey(item.source, item.url))).size,
  };
}

/** Averages of per-query scores. */
export function meanScores(scores: readonly QueryScore[]): QueryScore {
  const n = scores.length || 1;
  return {
    precision: scores.reduce((sum, s) => sum + s.precision, 0) / n,
    outlets: scores.reduce((sum, s) => sum + s.outlets, 0) / n,
  };
}
