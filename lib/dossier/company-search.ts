/**
 * Other outlets' coverage of a company from the reader's opted-in news searches (Google News,
 * Bing News, GDELT: lib/related's sources): each is asked for the company's names, and only items
 * that name the company as a whole word are kept, newest first, as the feed coverage is.
 */
import type { ArticleQuery, CompanyCoverageResult, FeedItem } from '../contracts/related';
import { searchOne } from '../related/gather';
import type { RelatedSource, SearchContext } from '../related/sources/types';
import { coverageNaming } from './coverage';

/** The search for a company: its name quoted, and the next name it goes by when that adds a word. */
export function companyQuery(names: readonly string[]): ArticleQuery {
  const [name = '', ...others] = names.map((n) => n.trim()).filter(Boolean);
  return { title: name, url: '', source: '', companies: [name, ...others.slice(0, 1)] };
}

export async function searchCompanyCoverage(
  sources: readonly RelatedSource[],
  names: readonly string[],
  context: SearchContext,
  limit = 20,
): Promise<CompanyCoverageResult> {
  const query = companyQuery(names);
  const answers = await Promise.all(sources.map((source) => searchOne(source, query, context)));
  const items = answers.flatMap((a) => a.items).map((item: FeedItem) => ({ ...item, time: Date.parse(item.publishedAt) || 0 }));
  return { items: coverageNaming(names, items, limit), sources: answers.map((a) => a.status) };
}
