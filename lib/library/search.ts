/**
 * Full-text search over the library with MiniSearch (an inverted index with prefix search and
 * BM25-like scoring). One index document per article: its title, site and note, its
 * highlights' quotes and notes folded into one field, and its text. Nothing is stored in the
 * index but the postings; which highlights a search found is worked out afterwards by a cheap
 * text test on the hit articles' highlights (`SearchResult.mentions`).
 */
import MiniSearch from 'minisearch';
import type { ArticleRecord, HighlightRecord } from '../contracts/records';
import type { LibraryModel } from './model';
import { siteOf } from '../url/safe';

/** What is indexed for one article; MiniSearch reads its fields through `fieldOf`. */
interface ArticleDoc {
  article: ArticleRecord;
  highlights: readonly HighlightRecord[];
}

const FIELDS = ['title', 'site', 'note', 'marks', 'text'] as const;
type Field = (typeof FIELDS)[number];

/** The answer to one search: articles by score, and a test for the highlights to show. */
export interface SearchResult {
  /** Score per matching article id. */
  scores: Map<string, number>;
  /**
   * Whether a highlight's quote or note holds every word of the search (the last one as a
   * prefix, as the search itself reads it): under a hit, those are the highlights it found.
   */
  mentions(highlight: HighlightRecord): boolean;
}

/**
 * Milliseconds of indexing before the page gets its turn: half a frame, so typing and
 * painting go on while a large library is indexed.
 */
const SLICE_MS = 8;

// MiniSearch's own tokenizer and term processing: the highlight test reads words as the index does.
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined | false;
/** A character MiniSearch's default tokenizer splits on (its SPACE_OR_PUNCTUATION class). */
const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;

export class LibrarySearch {
  private readonly index = new MiniSearch<ArticleDoc>({
    fields: [...FIELDS],
    storeFields: [],
    extractField: (doc, field) => (field === 'id' ? doc.article.id : fieldOf(doc, field as Field)),
    searchOptions: { boost: { title: 3, marks: 2, note: 2 }, prefix: isLastWord, combineWith: 'AND' },
  });
  /** Per indexed article, a hash of its and its highlights' change stamps: what `addPage` compares. */
  private readonly stamps = new Map<string, number>();
  /**
   * Indexes the articles of `page` (with their highlights) that are new or whose records
   * changed since they were indexed, in slices of a few milliseconds with the page's turn
   * between them. The pages of one read of the library are given one after the other.
   */
  async addPage(page: LibraryModel): Promise<void> {
    let sliceStart = performance.now();
    for (const article of page.articles) {
      this.index1({ article, highlights: page.highlightsByArticle.get(article.id) ?? [] });
      if (performance.now() - sliceStart < SLICE_MS) continue;
      await yieldToPage();
      sliceStart = performance.now();
    }
  }

  /** Drops every indexed article not in `live` (unsaved, or gone since it was indexed). */
  keepOnly(live: ReadonlySet<string>): void {
    for (const id of this.stamps.keys()) {
      if (live.has(id)) continue;
      this.index.discard(id);
      this.stamps.delete(id);
    }
  }

  /** Articles holding every word of `query` in any field (the last word as a prefix). */
  search(query: string): SearchResult {
    const scores = new Map<string, number>();
    for (const result of this.index.search(query)) scores.set(String(result.id), result.score);
    return { scores, mentions: mentionTest(query) };
  }

  /** (Re-)indexes one article unless it is indexed as it is. */
  private index1(doc: ArticleDoc): void {
    const stamp = stampOf(doc);
    const id = doc.article.id;
    if (this.stamps.get(id) === stamp) return;
    if (this.stamps.has(id)) this.index.discard(id);
    this.index.add(doc);
    this.stamps.set(id, stamp);
  }
}

/**
 * Lets the page run its waiting tasks (input, rendering) and comes back at once: a message
 * to itself, which, unlike a timer, is not clamped to 4 ms when chained.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function fieldOf({ article, highlights }: ArticleDoc, field: Field): string {
  switch (field) {
    case 'title':
      return article.title;
    case 'site':
      return siteOf(article.url);
    case 'note':
      return article.note;
    case 'text':
      return article.text;
    case 'marks':
      return highlights.map((h) => marksOf(h, article.text)).join('\n');
  }
}

/**
 * A highlight's words for the index. A quote found in the article's text adds no word the
 * `text` field lacks, so only quotes the text does not hold (an imported highlight whose
 * article has no text) are indexed: that keeps the index's largest part from counting twice.
 */
function marksOf(highlight: HighlightRecord, text: string): string {
  return text.includes(highlight.quote) ? highlight.note : `${highlight.quote}\n${highlight.note}`;
}

/** The last word of a search is a prefix (so results follow the typing), once it has two letters. */
function isLastWord(term: string, i: number, terms: string[]): boolean {
  return i === terms.length - 1 && term.length > 1;
}

/** FNV-1a over the change stamps of an article and its highlights. */
function stampOf({ article, highlights }: ArticleDoc): number {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x2c, 0x01000193);
  };
  mix(article.updatedAt);
  for (const h of highlights) mix(h.updatedAt);
  return hash;
}

function mentionTest(query: string): (highlight: HighlightRecord) => boolean {
  const words = tokenize(query).map((token) => processTerm(token)).filter((w): w is string => !!w);
  if (!words.length) return () => false;
  return (highlight) => {
    const haystack = `${highlight.quote}\n${highlight.note}`.toLowerCase();
    return words.every((word, i) => holdsWord(haystack, word, isLastWord(word, i, words)));
  };
}

/** Whether `haystack` holds `word` as a whole word, or as the start of one when `prefix`. */
function holdsWord(haystack: string, word: string, prefix: boolean): boolean {
  for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
    const end = at + word.length;
    const startsWord = at === 0 || SEPARATOR.test(haystack[at - 1]!);
    const endsWord = prefix || end === haystack.length || SEPARATOR.test(haystack[end]!);
    if (startsWord && endsWord) return true;
  }
  return false;
}
