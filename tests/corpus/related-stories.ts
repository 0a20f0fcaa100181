/**
 * Loads ../shared/corpus/stories: per episode the pool of headlines, the queries, and for
 * each query the ids of the same-story items from other outlets. Shared by the corpus
 * test and the bench.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArticleQuery, FeedItem } from '@/lib/contracts/related';

/** `../shared` next to the repository, which tests and benches run from. */
export const STORIES_DIR = resolve(process.cwd(), '../shared/corpus/stories/episodes');

export interface Episode {
  name: string;
  pool: FeedItem[];
  queries: (ArticleQuery & { id: string })[];
  relevant: Map<string, Set<string>>;
}

function jsonLines<T>(text: string): T[] {
  return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);
}

/** Every episode of the corpus, in name order. */
export function loadEpisodes(dir = STORIES_DIR): Episode[] {
  const gold = jsonLines<{ episode: string; query: string; relevant: string[] }>(readFileSync(`${dir}/gold.jsonl`, 'utf8'));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.queries.jsonl'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.queries.jsonl'.length);
      const relevant = new Map(gold.filter((g) => g.episode === name).map((g) => [g.query, new Set(g.relevant)]));
      return {
        name,
        pool: jsonLines<FeedItem>(gunzipSync(readFileSync(`${dir}/${name}.pool.jsonl.gz`)).toString('utf8')),
        queries: jsonLines<ArticleQuery & { id: string }>(readFileSync(`${dir}/${file}`, 'utf8')),
        relevant,
      };
    });
}
