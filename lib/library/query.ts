/**
 * What the library shows for a search, filters and a sort order: pure functions over the
 * records, so the page, the side panel and the tests run the same code.
 */
import type { HighlightColour, HighlightRecord } from '../contracts/records';
import type { LibraryModel, ListedArticle } from './model';
import { siteOf } from '../url/safe';
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
  readonly highlights: HighlightRecord[];
  score: number;
}

/**
 * The entries to show. `found` is the search's answer (undefined: no search text): articles
 * not in it are left out, and when some of an article's highlights hold the search's words,
 * only those show (else the article matched by its own fields, and all of them show).
 */
export function queryLibrary(model: LibraryModel<ListedArticle>, filters: LibraryFilters, sort: SortOrder, found?: SearchResult): LibraryEntry[] {
  const tag = filters.tag?.toLowerCase();
  const entries: LibraryEntry[] = [];
  for (const article of found ? hitArticles(model, found) : model.articles) {
    const score = found?.scores.get(article.id);
    if (!articlePasses(article, filters)) continue;
    const all = model.highlightsByArticle.get(article.id) ?? [];
    const articleTagged = tag !== undefined && article.tags.some((t) => t.toLowerCase() === tag);
    const byHighlight = filters.colour !== undefined || (tag !== undefined && !articleTagged);
    const pick = () => {
      let highlights = found ? mentionedOrAll(all, found) : all;
      if (filters.colour) highlights = highlights.filter((h) => h.colour === filters.colour);
      if (tag !== undefined && !articleTagged) highlights = highlights.filter((h) => h.tags.some((t) => t.toLowerCase() === tag));
      return highlights;
    };
    if (!byHighlight) {
      entries.push(lazyEntry(article, score ?? 0, pick));
      continue;
    }
    const highlights = pick();
    if (highlights.length) entries.push({ article, highlights, score: score ?? 0 });
  }
  return entries.sort(comparator(sort, found !== undefined));
}

/** The live articles a search found (the index may briefly know one the model no longer has). */
function* hitArticles(model: LibraryModel<ListedArticle>, found: SearchResult): Iterable<ListedArticle> {
  for (const id of found.scores.keys()) {
    const article = model.articleById.get(id);
    if (article) yield article;
  }
}

/**
 * An entry whose highlights are picked when first read: a search may hit thousands of
 * articles, and only the few rendered need their highlights tested against it.
 */
function lazyEntry(article: ListedArticle, score: number, pick: () => HighlightRecord[]): LibraryEntry {
  let picked: HighlightRecord[] | undefined;
  return {
    article,
    score,
    get highlights() {
      return (picked ??= pick());
    },
  };
}

function mentionedOrAll(highlights: HighlightRecord[], found: SearchResult): HighlightRecord[] {
  const mentioned = highlights.filter(found.mentions);
  return mentioned.length ? mentioned : highlights;
}

function articlePasses(article: ListedArticle, filters: LibraryFilters): boolean {
  if (filters.site && siteOf(article.url) !== filters.site) return false;
  if (filters.company && !article.companyIds.some((id) => currentCompanyId(id) === currentCompanyId(filters.company!))) return false;
  if (filters.from !== undefined && article.savedAt < filters.from) return false;
  if (filters.to !== undefined && article.savedAt >= filters.to) return false;
  return true;
}

function comparator(sort: SortOrder, searching: boolean): (a: LibraryEntry, b: LibraryEntry) => number {
  const newest = (a: LibraryEntry, b: LibraryEntry) => b.article.savedAt - a.article.savedAt;
  switch (sort) {
    case 'relevance':
      return searching ? (a, b) => b.score - a.score || newest(a, b) : newest;
    case 'saved-desc':
      return newest;
    case 'saved-asc':
      return (a, b) => a.article.savedAt - b.article.savedAt;
    case 'published-desc':
      return (a, b) => (b.article.publishedAt ?? '').localeCompare(a.article.publishedAt ?? '') || newest(a, b);
    case 'title':
      return (a, b) => a.article.title.localeCompare(b.article.title) || newest(a, b);
    case 'site':
      return (a, b) => siteOf(a.article.url).localeCompare(siteOf(b.article.url)) || newest(a, b);
  }
}

export interface Facets {
  sites: string[];
  tags: string[];
  /** Company id and display name, by name. */
  companies: { id: string; name: string }[];
}

/** The values the filters offer: every site, tag and company in the library. */
export function facetsOf(model: LibraryModel<ListedArticle>): Facets {
  const sites = new Set<string>();
  const tags = new Map<string, string>();
  const companies = new Map<string, string>();
  const addTag = (t: string) => tags.has(t.toLowerCase()) || tags.set(t.toLowerCase(), t);
  for (const a of model.articles) {
    const site = siteOf(a.url);
    if (site) sites.add(site);
    a.tags.forEach(addTag);
    // A company saved under an earlier id is listed once, under today's (company-ids.ts).
    for (const e of a.entities) if (e.type === 'company' && e.id && !companies.has(currentCompanyId(e.id))) companies.set(currentCompanyId(e.id), e.name ?? e.text);
  }
  for (const list of model.highlightsByArticle.values()) for (const h of list) h.tags.forEach(addTag);
  const byText = (a: string, b: string) => a.localeCompare(b);
  return {
    sites: [...sites].sort(byText),
    tags: [...tags.values()].sort(byText),
    companies: [...companies].map(([id, name]) => ({ id, name })).sort((a, b) => byText(a.name, b.name)),
  };
}
