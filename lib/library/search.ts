/**
 * Full-text search over the library's persisted index (lib/db/library-index.ts): every word of
 * the search must be in an article (its title, site, note, text, or its highlights' notes and
 * quotes), the last one also as the start of a longer word; articles are scored by BM25 over
 * the words' weights. Only the index's rows of the search's words are read, so nothing is built
 * when the library opens. Which highlights a search found is worked out afterwards by a cheap
 * text test on the hit articles' highlights (`SearchResult.mentions`).
 */
import type { HighlightRecord, LibraryRow, SearchTermRow } from '../contracts/records';
import { termOfKey, wordsOf } from '../search-index/terms';

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

/** Reads the index's blocks of one word: just it, or every word it starts (`prefix`). */
export type TermReader = (word: string, prefix: boolean) => Promise<SearchTermRow[]>;

/** BM25's saturation and length normalisation, as MiniSearch (used before) set them. */
const K1 = 1.2;
const B = 0.7;
/** A longer word found by the prefix counts for less than the word typed. */
const PREFIX_WEIGHT = 0.375;
/** A separator between words, as wordsOf splits them. */
const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;

/** The last word of a search is a prefix (so results follow the typing), once it has two letters. */
const isPrefix = (words: readonly string[], i: number) => i === words.length - 1 && words[i]!.length > 1;

/** Articles holding every word of `query`, scored, over the live `rows`. */
export async function searchLibrary(query: string, rows: ReadonlyMap<string, LibraryRow>, readTerms: TermReader): Promise<SearchResult> {
  const words = [...new Set(wordsOf(query))];
  const result = { scores: new Map<string, number>(), mentions: mentionTest(words) };
  if (words.length === 0 || rows.size === 0) return result;
  let totalLength = 0;
  for (const row of rows.values()) totalLength += row.length;
  const averageLength = totalLength / rows.size || 1;
  const perWord = await Promise.all(words.map((word, i) => readTerms(word, isPrefix(words, i))));
  let scores: Map<string, number> | null = null;
  for (const [i, blocks] of perWord.entries()) {
    const word = words[i]!;
    // A word's postings come in blocks: its document frequency is the sum of theirs.
    const frequency = new Map<string, number>();
    for (const { key, postings } of blocks) {
      let live = 0;
      for (const id in postings) if (rows.has(id)) live++;
      const term = termOfKey(key);
      frequency.set(term, (frequency.get(term) ?? 0) + live);
    }
    const wordScores = new Map<string, number>();
    for (const { key, postings } of blocks) {
      const term = termOfKey(key);
      const df = frequency.get(term)!;
      if (df === 0) continue;
      const idf = Math.log(1 + (rows.size - df + 0.5) / (df + 0.5));
      const weight = term === word ? 1 : PREFIX_WEIGHT;
      for (const id in postings) {
        const row = rows.get(id);
        if (!row || (scores && !scores.has(id))) continue;
        const tf = postings[id]!;
        const norm = 1 - B + (B * row.length) / averageLength;
        wordScores.set(id, (wordScores.get(id) ?? 0) + weight * idf * ((tf * (K1 + 1)) / (tf + K1 * norm)));
      }
    }
    // Every word must be found: what the words before found and this one did not is dropped.
    if (scores) for (const [id, score] of wordScores) wordScores.set(id, score + scores.get(id)!);
    scores = wordScores;
    if (scores.size === 0) break;
  }
  result.scores = scores ?? new Map();
  return result;
}

function mentionTest(words: readonly string[]): (highlight: HighlightRecord) => boolean {
  if (!words.length) return () => false;
  return (highlight) => {
    const haystack = `${highlight.quote}\n${highlight.note}`.toLowerCase();
    return words.every((word, i) => holdsWord(haystack, word, isPrefix(words, i)));
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
