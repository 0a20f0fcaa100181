/**
 * BM25 over a RelatedIndex. Headlines are short and nearly all the same length, so
 * length normalisation is mild (b = 0.5) and term saturation quick (k1 = 1.2).
 */
import type { RelatedIndex } from './index-build';

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.5 };

/** Robertson–Sparck Jones idf, floored at 0 so a term in most items cannot count against a match. */
export function idf(index: RelatedIndex, term: string): number {
  const df = index.postings.get(term)?.docs.length ?? 0;
  const n = index.items.length;
  return Math.max(0, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
}

/** Sparse scores: only the items that share a term with the query. */
export interface SparseScores {
  docs: number[];
  scores: Float64Array;
}

/** Scores every item against `queryTerms` (term -> weight). */
export function scoreBm25(
  index: RelatedIndex,
  queryTerms: Map<string, number>,
  params: Bm25Params = DEFAULT_BM25,
): SparseScores {
  const scores = new Float64Array(index.items.length);
  const docs: number[] = [];
  const { k1, b } = params;
  const average = index.averageLength || 1;
  for (const [term, weight] of queryTerms) {
    const list = index.postings.get(term);
    if (!list) continue;
    const termIdf = idf(index, term) * weight;
    if (termIdf === 0) continue;
    for (let i = 0; i < list.docs.length; i++) {
      const doc = list.docs[i]!;
      const tf = list.tfs[i]!;
      const norm = k1 * (1 - b + (b * index.lengths[doc]!) / average);
      if (scores[doc] === 0) docs.push(doc);
      scores[doc]! += (termIdf * tf * (k1 + 1)) / (tf + norm);
    }
  }
  return { docs, scores };
}
