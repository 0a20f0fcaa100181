/**
 * Other outlets' coverage of a company from the reader's own feeds (fetched and kept on this
 * device): the items whose title or summary names it, newest first. Names match as whole words,
 * in any case ("Nordwind" in "NORDWIND SHARES", not in "Nordwinds"), the shortest name a company
 * goes by included: a dossier is read by someone who follows the company.
 */
import type { CompanyCoverageItem, FeedItem } from '../contracts/related';

export type CompanyCoverage = CompanyCoverageItem;

/** Names shorter than this match too much ("GE", "BP" in other words' capitals are rare, but "AI"…). */
const MIN_NAME_LENGTH = 3;

export function coverageNaming(names: readonly string[], items: readonly (FeedItem & { time: number })[], limit = 20): CompanyCoverage[] {
  const patterns = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= MIN_NAME_LENGTH))].map(
    (name) => new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu'),
  );
  if (patterns.length === 0) return [];
  const seen = new Set<string>();
  return items
    .filter((item) => patterns.some((p) => p.test(item.title) || (item.summary !== undefined && p.test(item.summary))))
    .sort((a, b) => b.time - a.time)
    .filter((item) => !seen.has(item.url) && seen.add(item.url))
    .slice(0, limit)
    .map((item) => ({ title: item.title, url: item.url, source: item.source, time: item.time }));
}
