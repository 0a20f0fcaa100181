/** The tags the reader has used, for suggestions while tagging: read from the tag indexes, not the records. */
import type { NewsmarkDb } from './schema';

/** Every tag on an article or a highlight, once each whatever its case (the spelling first in index order), sorted. */
export async function listTags(db: NewsmarkDb): Promise<string[]> {
  const [onArticles, onHighlights] = await Promise.all([db.articles.orderBy('tags').uniqueKeys(), db.highlights.orderBy('tags').uniqueKeys()]);
  const byLower = new Map<string, string>();
  for (const tag of [...onArticles, ...onHighlights]) {
    if (typeof tag === 'string' && !byLower.has(tag.toLowerCase())) byLower.set(tag.toLowerCase(), tag);
  }
  return [...byLower.values()].sort((a, b) => a.localeCompare(b));
}
