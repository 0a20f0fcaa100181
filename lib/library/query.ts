/**
 * What the library shows for a search, filters and a sort order: pure functions over the
 * library's rows (LibraryRow, kept in the database with each article) and, for the entries on
 * screen, their records, so the page and the tests run the same code.
 */
import type { HighlightColour, HighlightRecord, LibraryRow } from '../contracts/records';
import type { ListedArticle } from './model';
import { currentCompanyId } from '../entities/company-ids';
import type { SearchResult } from './search';

export interface LibraryFilters {
  site?: string;
  tag?: string;
  company?: string;
  colour?: HighlightColour;
  /** Saved on or after, ms since the epoch. */
  from?: number;
  /** Saved before, ms since the epoch. */
  to?: number;
}

export const SORT_ORDERS = ['relevance', 'saved-desc', 'saved-asc', 'published-desc', 'title', 'site'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface LibraryEntry {
  article: ListedArticle;
  /** The highlights to show under it: all of them, or those the search and filters picked. */
  highlights: HighlightRecord[];
}

/**
 * The rows to list, in order. `found` is the search's answer (undefined: no search text):
 * articles not in it are left out. A colour filter keeps articles with a highlight of that
 * colour; a tag filter, articles tagged so or holding a highlight tagged so (with the colour,
 * when both are given).
 */
export function queryRows(rows: readonly LibraryRow[], filters: LibraryFilters, sort: SortOrder, found?: SearchResult): LibraryRow[] {
  const tag = filters.tag?.toLowerCase();
  const company = filters.company === undefined ? undefined : currentCompanyId(filters.company);
  const listed = rows.filter((row) => {
    if (found && !found.scores.has(row.articleId)) return false;
    if (filters.site && row.site !== filters.site) return false;
    if (company !== undefined && !row.companies.some((c) => currentCompanyId(c.id) === company)) return false;
    if (filters.from !== undefined && row.savedAt < filters.from) return false;
    if (filters.to !== undefined && row.savedAt >= filters.to) return false;
    const articleTagged = tag !== undefined && row.articleTags.includes(tag);
    if (tag !== undefined && !articleTagged) return row.colours.some((c) => c.endsWith(`\t${tag}`) && (!filters.colour || c === `${filters.colour}\t${tag}`));
    return !filters.colour || row.colours.includes(filters.colour);
  });
  return listed.sort(comparator(sort, found));
}

/**
 * An article listed, with the highlights to show under it: those the search's words are in
 * when some are (else the article matched by its own fields, and all of them show), of the
 * filter's colour, and with the filter's tag unless the article itself has it.
 */
export function entryOf(article: ListedArticle, highlights: readonly HighlightRecord[], filters: LibraryFilters, found?: SearchResult): LibraryEntry {
  const tag = filters.tag?.toLowerCase();
  const articleTagged = tag !== undefined && article.tags.some((t) => t.toLowerCase() === tag);
  let shown = highlights.filter((h) => !h.deleted).sort((a, b) => positionOf(a) - positionOf(b) || a.createdAt - b.createdAt);
  if (found) {
    const mentioned = shown.filter(found.mentions);
    if (mentioned.length) shown = mentioned;
  }
  if (filters.colour) shown = shown.filter((h) => h.colour === filters.colour);
  if (tag !== undefined && !articleTagged) shown = shown.filter((h) => h.tags.some((t) => t.toLowerCase() === tag));
  return { article, highlights: shown };
}

function positionOf(h: HighlightRecord): number {
  const position = h.selectors.find((s) => s.type === 'TextPositionSelector');
  return position?.type === 'TextPositionSelector' ? position.start : Infinity;
}

function comparator(sort: SortOrder, found: SearchResult | undefined): (a: LibraryRow, b: LibraryRow) => number {
  const newest = (a: LibraryRow, b: LibraryRow) => b.savedAt - a.savedAt;
  switch (sort) {
    case 'relevance':
      return found ? (a, b) => found.scores.get(b.articleId)! - found.scores.get(a.articleId)! || newest(a, b) : newest;
    case 'saved-desc':
      return newest;
    case 'saved-asc':
      return (a, b) => a.savedAt - b.savedAt;
    case 'published-desc':
      return (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || newest(a, b);
    case 'title':
      return (a, b) => a.title.localeCompare(b.title) || newest(a, b);
    case 'site':
      return (a, b) => a.site.localeCompare(b.site) || newest(a, b);
  }
}

export interface Facets {
  sites: string[];
  tags: string[];
  /** Company id and display name, by name. */
  companies: { id: string; name: string }[];
}

/** The values the filters offer: every site, tag and company in the library. */
export function facetsOf(rows: readonly LibraryRow[]): Facets {
  const sites = new Set<string>();
  const tags = new Map<string, string>();
  const companies = new Map<string, string>();
  for (const row of rows) {
    if (row.site) sites.add(row.site);
    for (const t of row.tags) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
    // A company saved under an earlier id is listed once, under today's (company-ids.ts).
    for (const c of row.companies) if (!companies.has(currentCompanyId(c.id))) companies.set(currentCompanyId(c.id), c.name);
  }
  const byText = (a: string, b: string) => a.localeCompare(b);
  return {
    sites: [...sites].sort(byText),
    tags: [...tags.values()].sort(byText),
    companies: [...companies].map(([id, name]) => ({ id, name })).sort((a, b) => byText(a.name, b.name)),
  };
}
