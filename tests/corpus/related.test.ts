// @vitest-environment node
/**
 * Relevance of the related-coverage ranking on ../shared/corpus/stories (Google News story
 * clusters, 2014). Floors sit a little under the measured figures so a regression fails
 * while run-to-run noise cannot (the ranking is deterministic; the floors guard changes).
 */
import { beforeAll, expect, it } from 'vitest';
import { recognize } from '@/lib/entities';
import { articleCompanies, buildIndex, rankRelated, type RelatedIndex } from '@/lib/related';
import { meanScores, scoreQuery, type QueryScore } from '@/scripts/corpus/related-score';
import { loadEpisodes, type Episode } from './related-stories';
import { describeWithShared } from '../support/shared-corpus';

let episodes: Episode[];
let indexes: RelatedIndex[];

function evaluate(options: Parameters<typeof rankRelated>[2] = {}): QueryScore {
  const scores: QueryScore[] = [];
  episodes.forEach((episode, e) => {
    for (const query of episode.queries) {
      // Companies as the CLI and the background find them: a bonus where the recogniser finds any.
      const results = rankRelated(indexes[e]!, { ...query, companies: articleCompanies(query, recognize) }, { ...options, k: 5 });
      scores.push(scoreQuery(results.map((r) => r.item), episode.relevant.get(query.id)!, 5));
    }
  });
  return meanScores(scores);
}

describeWithShared('related ranking on the stories corpus', () => {
  beforeAll(() => {
    episodes = loadEpisodes();
    indexes = episodes.map((episode) => buildIndex(episode.pool));
  }, 60_000);

  it('has 12 episodes of 15 queries with gold', () => {
    expect(episodes).toHaveLength(12);
    for (const episode of episodes) {
      expect(episode.queries).toHaveLength(15);
      for (const query of episode.queries) expect(episode.relevant.get(query.id)?.size).toBeGreaterThan(0);
    }
  });

  it('reaches P@5 >= 0.85 with >= 4.5 distinct outlets in the top 5', () => {
    const { precision, outlets } = evaluate();
    expect(precision).toBeGreaterThanOrEqual(0.85);
    expect(outlets).toBeGreaterThanOrEqual(4.5);
  });

  it('beats the README TF-IDF baseline on words alone, with no recency prior', () => {
    // The corpus times are crawl times, bunched per story: this checks the text ranking
    // carries its own weight and is not only the time prior.
    const { precision } = evaluate({ recencyHalfLifeHours: Number.POSITIVE_INFINITY });
    expect(precision).toBeGreaterThan(0.586);
  });

  it('never returns the query itself or an item from the query outlet', () => {
    const episode = episodes[0]!;
    for (const query of episode.queries) {
      for (const { item } of rankRelated(indexes[0]!, query, { k: 10 })) {
        expect(item.id).not.toBe(query.id);
        expect(item.source).not.toBe(query.source);
      }
    }
  });
}, 'corpus/stories');
