/**
 * What to search for, built from the article: weighted terms for the local ranking and
 * a short keyword string for remote news searches (which sees only what we send).
 */
import { foldText, tokenize, urlSlugText } from './text';
import type { ArticleQuery } from '../contracts/related';

/** How much each part of the article counts in the query, relative to the headline. */
export const QUERY_WEIGHTS = { title: 1, slug: 0.5, lead: 0.3, company: 1 } as const;

/** Words of the body that still describe the story; further on it drifts to background. */
const LEAD_WORDS = 60;

/** Weighted query terms: the headline, the URL slug, the lead of the body, and a bonus for company names. */
export function queryTerms(article: ArticleQuery): Map<string, number> {
  const terms = new Map<string, number>();
  const addMax = (text: string, weight: number): void => {
    for (const term of tokenize(text)) terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  };
  addMax(article.title, QUERY_WEIGHTS.title);
  addMax(urlSlugText(article.url), QUERY_WEIGHTS.slug);
  if (article.text) addMax(article.text.split(/\s+/).slice(0, LEAD_WORDS).join(' '), QUERY_WEIGHTS.lead);
  // A company named in the article is what the story is about: it counts on top of the headline.
  for (const company of article.companies ?? []) {
    for (const term of new Set(tokenize(company))) terms.set(term, (terms.get(term) ?? 0) + QUERY_WEIGHTS.company);
  }
  return terms;
}

/** Words that make poor search keywords even when not stop words. */
const WEAK_KEYWORD = /^\d{1,2}$/;

/**
 * Keywords for a remote news search: quoted company names first, then headline words,
 * at most `maxWords` in all. Search engines AND their terms, so fewer, better words
 * find more than the whole headline would.
 */
export function searchKeywords(article: ArticleQuery, maxWords = 8): string {
  const parts: string[] = [];
  const used = new Set<string>();
  for (const company of (article.companies ?? []).slice(0, 2)) {
    const name = company.trim();
    if (!name || used.has(foldText(name))) continue;
    used.add(foldText(name));
    for (const word of foldText(name).split(/\s+/)) used.add(word);
    parts.push(/\s/.test(name) ? `"${name}"` : name);
  }
  const words = article.title.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  for (const word of words) {
    if (parts.length >= maxWords) break;
    const folded = foldText(word).replace(/['’]s$/, '');
    if (used.has(folded) || WEAK_KEYWORD.test(folded) || tokenize(folded).length === 0) continue;
    used.add(folded);
    parts.push(word.replace(/['’]s$/, ''));
  }
  return parts.join(' ');
}

/** The recogniser's shape, as `recognize` in '@/lib/entities' has it. */
export type RecognizeCompanies = (text: string) => { type: string; text: string; name?: string }[];

/**
 * The article's companies, most mentioned first, from the headline and the lead of the
 * body. Returns [] while the recogniser finds none; the ranking works on words alone then.
 */
export function articleCompanies(article: Pick<ArticleQuery, 'title' | 'text'>, recognize: RecognizeCompanies, max = 5): string[] {
  const text = [article.title, article.text?.slice(0, 4000) ?? ''].join('\n');
  const counts = new Map<string, number>();
  for (const entity of recognize(text)) {
    if (entity.type !== 'company') continue;
    const name = entity.name ?? entity.text;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max).map(([name]) => name);
}
