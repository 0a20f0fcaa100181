/**
 * Ranks a pool of feed items for one article: BM25 over headlines (plus summary and URL
 * slug), one round of pseudo-relevance feedback, a recency prior around the article's
 * time, then a diversity pass that spreads results over outlets and folds wire copies.
 * Pure: same index and query, same answer; usable from the CLI and the background.
 */
import { outletKey } from '../text';
import { queryTerms } from '../query';
import type { ArticleQuery, RankedItem } from '../../contracts/related';
import { DEFAULT_BM25, scoreBm25, type Bm25Params, type SparseScores } from './bm25';
import { diversify } from './diversify';
import { DEFAULT_FEEDBACK, expandQuery, type FeedbackParams } from './feedback';
import type { Candidate } from './candidate';
import type { RelatedIndex } from './index-build';

export interface RankOptions {
  /** How many results to return. */
  k?: number;
  /** Hours from the article's time at which an item's score is halved. */
  recencyHalfLifeHours?: number;
  /** Items taken as relevant for query expansion; 0 turns feedback off. */
  feedbackDocs?: number;
  feedback?: FeedbackParams;
  bm25?: Bm25Params;
}

const DEFAULTS: Required<RankOptions> = {
  k: 10,
  recencyHalfLifeHours: 12,
  feedbackDocs: 10,
  feedback: DEFAULT_FEEDBACK,
  bm25: DEFAULT_BM25,
};

/** How many top-scored items the diversity pass may reorder. */
const DIVERSITY_WINDOW = 200;

/** Ranks `index` for `article`: best first, the article's own outlet and the article itself left out. */
export function rankRelated(index: RelatedIndex, article: ArticleQuery, options: RankOptions = {}): RankedItem[] {
  const settings = { ...DEFAULTS, ...options };
  const excluded = excludedDocs(index, article);
  const prior = recencyPrior(index, article.publishedAt, settings.recencyHalfLifeHours);
  let terms = queryTerms(article);
  if (settings.feedbackDocs > 0) {
    const first = topDocs(index, scoreBm25(index, terms, settings.bm25), excluded, prior, settings.feedbackDocs);
    terms = expandQuery(index, terms, first, settings.feedback);
  }
  const candidates = topDocs(index, scoreBm25(index, terms, settings.bm25), excluded, prior, DIVERSITY_WINDOW);
  return diversify(index, candidates, settings.k);
}

function topDocs(
  index: RelatedIndex,
  { docs, scores }: SparseScores,
  excluded: (doc: number) => boolean,
  prior: (doc: number) => number,
  limit: number,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const doc of docs) {
    if (excluded(doc)) continue;
    candidates.push({ doc, score: scores[doc]! * prior(doc) });
  }
  candidates.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return candidates.slice(0, limit);
}

/** The article itself and everything from its outlet: the reader wants other outlets' takes. */
function excludedDocs(index: RelatedIndex, article: ArticleQuery): (doc: number) => boolean {
  const ownOutlet = outletKey(article.source, article.url);
  return (doc) => {
    const item = index.items[doc]!;
    return index.outlets[doc] === ownOutlet || item.url === article.url || (article.id !== undefined && item.id === article.id);
  };
}

/**
 * A multiplier in (0, 1]: 1 at the article's time, 1/2 at `halfLifeHours` before or after,
 * 1/3 at twice that. Most outlets cover an event within the same news cycle; an item days
 * away that shares words is more often another story on the same subject (the next
 * recall, the next earnings report).
 * Items or articles without a time get no penalty.
 */
function recencyPrior(index: RelatedIndex, publishedAt: string | undefined, halfLifeHours: number): (doc: number) => number {
  const at = publishedAt ? Date.parse(publishedAt) : NaN;
  if (Number.isNaN(at)) return () => 1;
  const scale = halfLifeHours * 3_600_000;
  return (doc) => {
    const time = index.times[doc]!;
    if (Number.isNaN(time)) return 1;
    return 1 / (1 + Math.abs(time - at) / scale);
  };
}
