/**
 * `npm run bench -- related`: relevance of the related-coverage ranking on
 * ../shared/corpus/stories (P@5, outlets@5, as its README defines them) next to the README's
 * baseline, a TF-IDF cosine over titles measured in the same run; then the time to rank a
 * 12,000-item pool for one query, and the time to build that pool's index.
 */
import { recognize } from '@/lib/entities';
import { articleCompanies, buildIndex, rankRelated, type RelatedIndex } from '@/lib/related';
import type { FeedItem } from '@/lib/contracts/related';
import { meanScores, scoreQuery, type QueryScore } from '@/scripts/corpus/related-score';
import { outletKey, tokenize } from '@/lib/related/text';
import { loadEpisodes, type Episode } from '../tests/corpus/related-stories';
import type { BenchLine } from './types';

/** The README's baseline: cosine of TF-IDF title vectors, the query's outlet skipped. */
function tfidfBaseline(pool: FeedItem[]): (query: FeedItem, k: number) => FeedItem[] {
  const docs = pool.map((item) => tokenize(item.title));
  const df = new Map<string, number>();
  for (const terms of docs) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const vector = (terms: string[]): Map<string, number> => {
    const v = new Map<string, number>();
    for (const term of terms) v.set(term, (v.get(term) ?? 0) + Math.log(pool.length / (df.get(term) ?? 1)));
    const norm = Math.hypot(...v.values()) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  };
  const vectors = docs.map(vector);
  return (query, k) => {
    const q = vector(tokenize(query.title));
    const own = outletKey(query.source, query.url);
    return pool
      .map((item, i) => ({ item, score: [...q].reduce((s, [t, w]) => s + w * (vectors[i]!.get(t) ?? 0), 0) }))
      .filter(({ item }) => outletKey(item.source, item.url) !== own)
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map(({ item }) => item);
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export default function* relatedBench(): Iterable<BenchLine> {
  const episodes: Episode[] = loadEpisodes();
  const ours: QueryScore[] = [];
  const baseline: QueryScore[] = [];
  const wordsOnly: QueryScore[] = [];
  const rankMs: number[] = [];
  const buildMs: number[] = [];
  for (const episode of episodes) {
    const started = performance.now();
    const index: RelatedIndex = buildIndex(episode.pool);
    buildMs.push(performance.now() - started);
    const tfidf = tfidfBaseline(episode.pool);
    for (const plain of episode.queries) {
      // Companies as the CLI and the background find them (recognised outside the timed part).
      const query = { ...plain, companies: articleCompanies(plain, recognize) };
      const relevant = episode.relevant.get(query.id)!;
      const t0 = performance.now();
      const results = rankRelated(index, query, { k: 5 });
      rankMs.push(performance.now() - t0);
      ours.push(scoreQuery(results.map((r) => r.item), relevant));
      const untimed = rankRelated(index, query, { k: 5, recencyHalfLifeHours: Number.POSITIVE_INFINITY });
      wordsOnly.push(scoreQuery(untimed.map((r) => r.item), relevant));
      baseline.push(scoreQuery(tfidf({ ...query, publishedAt: query.publishedAt ?? '' }, 5), relevant));
    }
  }
  const mine = meanScores(ours);
  const base = meanScores(baseline);
  const name = 'TF-IDF cosine over titles';
  yield { metric: 'P@5', value: round(mine.precision), unit: 'share', baseline: round(base.precision), baselineName: name };
  yield { metric: 'outlets@5', value: round(mine.outlets), unit: 'outlets', baseline: round(base.outlets), baselineName: name };
  // The corpus times are crawl times, bunched per story; this line shows the words' share.
  const words = meanScores(wordsOnly);
  yield { metric: 'P@5 (no recency prior)', value: round(words.precision), unit: 'share', baseline: round(base.precision), baselineName: name };
  yield { metric: 'outlets@5 (no recency prior)', value: round(words.outlets), unit: 'outlets', baseline: round(base.outlets), baselineName: name };
  rankMs.sort((a, b) => a - b);
  buildMs.sort((a, b) => a - b);
  const poolSize = Math.round(episodes.reduce((s, e) => s + e.pool.length, 0) / episodes.length);
  yield { metric: `rank.median (pool ~${poolSize})`, value: round(percentile(rankMs, 0.5)), unit: 'ms' };
  yield { metric: `rank.p95 (pool ~${poolSize})`, value: round(percentile(rankMs, 0.95)), unit: 'ms' };
  yield { metric: `buildIndex.median (pool ~${poolSize})`, value: round(percentile(buildMs, 0.5)), unit: 'ms' };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
