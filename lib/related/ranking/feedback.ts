/**
 * Pseudo-relevance feedback (RM3-style): the best first-pass matches are mostly the same
 * story, told in other words. Words that many of them share ("bailout" next to "rescue
 * fund") are added to the query, so headlines that share few words with the article's
 * own are still found.
 */
import { idf } from './bm25';
import type { RelatedIndex } from './index-build';
import type { Candidate } from './candidate';

export interface FeedbackParams {
  /** At most this many words are added. */
  terms: number;
  /** Weight of an added word found in every feedback item, relative to a headline word. */
  weight: number;
  /** A word must be in at least this share of the feedback (score-weighted) to be added. */
  minShare: number;
}

export const DEFAULT_FEEDBACK: FeedbackParams = { terms: 10, weight: 0.5, minShare: 0.3 };

/** Returns the query with feedback words added (or strengthened, when already there). */
export function expandQuery(
  index: RelatedIndex,
  terms: Map<string, number>,
  feedback: Candidate[],
  params: FeedbackParams = DEFAULT_FEEDBACK,
): Map<string, number> {
  const total = feedback.reduce((sum, c) => sum + c.score, 0);
  if (total <= 0) return terms;
  const share = new Map<string, number>();
  for (const { doc, score } of feedback) {
    for (const term of index.titleTerms[doc]!) share.set(term, (share.get(term) ?? 0) + score / total);
  }
  const chosen = [...share]
    .filter(([term, s]) => s >= params.minShare && idf(index, term) > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, params.terms);
  const expanded = new Map(terms);
  for (const [term, s] of chosen) expanded.set(term, (expanded.get(term) ?? 0) + params.weight * s);
  return expanded;
}
