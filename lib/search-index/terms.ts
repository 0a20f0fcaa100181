/**
 * What the library's persisted index holds of one article, as pure functions: the row the
 * library page lists it by (LibraryRow), and the words it is found under with their weights
 * (a field's words count as many times as the field's boost). lib/db/library-index.ts keeps both
 * in the database on every write; lib/library/search.ts reads them.
 */
import type { ArticleRecord, HighlightRecord, LibraryRow, SearchTermRow } from '../contracts/records';
import { siteOf } from '../url/safe';

/** A run of characters between separators: spaces and punctuation (what excerpt.ts emphasises). */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** How much one occurrence counts, by field: a word in a title says more about an article than one in its text. */
const BOOST = { title: 3, note: 2, marks: 2, site: 1, text: 1 } as const;

/** Longest word indexed: longer runs are hashes, URLs' remains or unsegmented scripts, not words a reader types. */
const LONGEST_WORD = 40;

/** The words of `text`, lower-cased, in order. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) if (match[0].length <= LONGEST_WORD) words.push(match[0].toLowerCase());
  return words;
}

/** The words `article` is found under with their weights, and their sum (its length). */
export function termWeights(article: ArticleRecord, highlights: readonly HighlightRecord[]): { terms: Map<string, number>; length: number } {
  const terms = new Map<string, number>();
  let length = 0;
  const add = (text: string, boost: number) => {
    for (const word of wordsOf(text)) {
      terms.set(word, (terms.get(word) ?? 0) + boost);
      length += boost;
    }
  };
  add(article.title, BOOST.title);
  add(article.note, BOOST.note);
  add(siteOf(article.url), BOOST.site);
  add(article.text, BOOST.text);
  // A quote found in the text adds no word the text lacks: only quotes it does not hold (an
  // imported highlight whose article has no text) are added, so the text does not count twice.
  for (const h of highlights) add(article.text.includes(h.quote) ? h.note : `${h.quote}\n${h.note}`, BOOST.marks);
  return { terms, length };
}

/** The row the library lists a live article by, from it and its live highlights. */
export function libraryRow(article: ArticleRecord, highlights: readonly HighlightRecord[], length: number): LibraryRow {
  const tags = new Map<string, string>();
  const addTag = (tag: string) => tags.has(tag.toLowerCase()) || tags.set(tag.toLowerCase(), tag);
  article.tags.forEach(addTag);
  const colours = new Set<string>();
  for (const h of highlights) {
    h.tags.forEach(addTag);
    colours.add(h.colour);
    for (const tag of h.tags) colours.add(`${h.colour}\t${tag.toLowerCase()}`);
  }
  const companies = new Map<string, string>();
  for (const e of article.entities ?? []) if (e.type === 'company' && e.id && !companies.has(e.id)) companies.set(e.id, e.name ?? e.text);
  return {
    articleId: article.id,
    savedAt: article.savedAt,
    publishedAt: article.publishedAt,
    title: article.title,
    site: siteOf(article.url),
    tags: [...tags.values()],
    articleTags: article.tags.map((t) => t.toLowerCase()),
    companies: [...companies].map(([id, name]) => ({ id, name })),
    highlights: highlights.length,
    colours: [...colours],
    length,
  };
}

/**
 * Postings of one word are kept in blocks, by a hash of the article id: a word most articles hold
 * ("the", "said") would otherwise be one row of ten thousand entries, copied whole on every
 * save. A save now copies a sixteenth of it; a search reads the word's blocks as one key range.
 */
const BLOCKS = 16;

/** The key of the block of `term`'s postings that holds `articleId`: the word, a NUL, the block. */
export function termKey(term: string, articleId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < articleId.length; i++) hash = Math.imul(hash ^ articleId.charCodeAt(i), 0x01000193);
  return `${term}\u0000${((hash >>> 0) % BLOCKS).toString(16)}`;
}

/** The word a block's key is of. */
export function termOfKey(key: string): string {
  return key.slice(0, key.indexOf('\u0000'));
}

/** The key range of every block of `term`: [lower, upper). */
export function termRange(term: string): [string, string] {
  return [`${term}\u0000`, `${term}\u0001`];
}

/** One article's words before and after a write (undefined: it had none, or has none now). */
export interface TermChange {
  articleId: string;
  before: Record<string, number> | undefined;
  after: Map<string, number> | undefined;
}

/** The keys of every block whose postings `changes` alter: the rows to read before `applyTermChanges`. */
export function changedTermKeys(changes: readonly TermChange[]): string[] {
  const keys = new Set<string>();
  for (const { articleId, before, after } of changes) {
    for (const term of Object.keys(before ?? {})) if (after?.get(term) !== before![term]) keys.add(termKey(term, articleId));
    for (const [term, weight] of after ?? []) if (before?.[term] !== weight) keys.add(termKey(term, articleId));
  }
  return [...keys];
}

/**
 * Applies `changes` to the blocks read for `changedTermKeys` (absent ones undefined): answers
 * the blocks to write and the keys of those left empty.
 */
export function applyTermChanges(keys: readonly string[], rows: readonly (SearchTermRow | undefined)[], changes: readonly TermChange[]): { put: SearchTermRow[]; emptied: string[] } {
  const byKey = new Map<string, SearchTermRow>();
  keys.forEach((key, i) => byKey.set(key, rows[i] ?? { key, postings: {} }));
  for (const { articleId, before, after } of changes) {
    for (const term of Object.keys(before ?? {})) if (!after?.has(term)) delete byKey.get(termKey(term, articleId))?.postings[articleId];
    for (const [term, weight] of after ?? []) {
      const row = byKey.get(termKey(term, articleId));
      if (row) row.postings[articleId] = weight;
    }
  }
  const put: SearchTermRow[] = [];
  const emptied: string[] = [];
  for (const row of byKey.values()) {
    if (Object.keys(row.postings).length) put.push(row);
    else emptied.push(row.key);
  }
  return { put, emptied };
}
