/**
 * The anchoring benchmark's trials, shared with debugging scripts so that both see exactly
 * the same highlights and edits. Article texts are the AEB ground-truth bodies; each trial
 * highlights a random span (one word to several sentences), changes the text around it
 * (paragraphs inserted, deleted and moved, words edited nearby, whitespace, page furniture)
 * and, separately, one word inside the quote too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, type AnchorResult } from '@/lib/anchoring';
import type { Selector } from '@/lib/contracts/selectors';
import {
  changeWhitespace, changeWordInside, deleteParagraph, editWordsNear, insertFurniture, insertParagraph, intBetween,
  moveBlock, pick, seededRandom, words, type Doc, type Random, type Span,
} from './mutate';

// A path, not a URL: under vitest's DOM environment import.meta.url is not a file: URL.
const groundTruth = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/scrapinghub-aeb/ground-truth.json');
// Empty without ../shared: importing this file must not fail where the suites that use it are skipped.
const corpus = (existsSync(groundTruth) ? JSON.parse(readFileSync(groundTruth, 'utf8')) : {}) as Record<string, { articleBody: string }>;
/** The corpus article bodies long enough to hold a few paragraphs. */
export const articles = Object.values(corpus).map((a) => a.articleBody).filter((t) => t.length > 400);
const paragraphsOf = articles.map((t) => t.split(/\n+/).filter((p) => p.length > 40));

/** Paragraphs of another article: inserting one of the article's own would duplicate the quote and its context. */
function otherParagraphs(random: Random, article: number): string[] {
  const other = (article + 1 + Math.floor(random() * (articles.length - 1))) % articles.length;
  // Syndicated stories appear twice in the corpus: skip paragraphs the article already has.
  const fresh = paragraphsOf[other]!.filter((p) => !articles[article]!.includes(p));
  return fresh.length ? fresh : ['An inserted paragraph of filler text for the test.'];
}
/** Words of the corpus used as replacements when a word is edited. */
export const vocabulary = [...new Set(articles.flatMap((t) => t.split(/\s+/)))].filter((w) => /^[a-z]{2,12}$/i.test(w));

/** Word counts of highlights: one word, a phrase, a clause, a sentence or two, several sentences. */
function highlightLength(random: Random): number {
  return pick(random, [
    () => 1,
    () => intBetween(random, 2, 5),
    () => intBetween(random, 6, 20),
    () => intBetween(random, 21, 60),
    () => intBetween(random, 61, 150),
  ])();
}

function randomHighlight(text: string, random: Random): Span {
  const all = words(text);
  const count = Math.min(all.length, highlightLength(random));
  const first = intBetween(random, 0, all.length - count);
  return { start: all[first]!.start, end: all[first + count - 1]!.end };
}

type Mutation = (doc: Doc, random: Random, article: number) => Doc;
const aroundMutations: Mutation[] = [
  (d, r, article) => insertParagraph(d, r, otherParagraphs(r, article)),
  (d: Doc, r: Random) => deleteParagraph(d, r),
  (d: Doc, r: Random) => editWordsNear(d, r, vocabulary),
  (d: Doc, r: Random) => changeWhitespace(d, r),
  (d: Doc, r: Random) => insertFurniture(d, r),
  (d: Doc, r: Random) => moveBlock(d, r),
];

function mutateAround(doc: Doc, random: Random, article: number): Doc {
  let next = doc;
  for (let n = intBetween(random, 1, 4); n > 0; n -= 1) next = pick(random, aroundMutations)(next, random, article);
  return next;
}

/** One highlight: where it was made, its selectors, and the changed texts with where its words went. */
export interface Trial {
  index: number;
  article: number;
  original: Doc;
  selectors: Selector[];
  /** The text changed around the quote; the quote's words are intact. */
  intact: Doc;
  /** `intact` with one word inside the quote changed too; undefined for quotes of one or two words. */
  wordChanged: Doc | undefined;
}

/** The benchmark's trials, the same on every run for a seed (7 unless ANCHORING_SEED says otherwise). */
export function* trials(count: number, seed = Number(process.env.ANCHORING_SEED ?? 7)): Generator<Trial> {
  const random = seededRandom(seed);
  for (let index = 0; index < count; index += 1) {
    const article = Math.floor(random() * articles.length);
    const text = articles[article]!;
    const span = randomHighlight(text, random);
    const selectors = describe(text, span.start, span.end);
    const intact = mutateAround({ text, span }, random, article);
    const wordChanged = changeWordInside(intact, random, vocabulary);
    yield { index, article, original: { text, span }, selectors, intact, wordChanged };
  }
}

/**
 * The benchmark's verdict, by offsets only: "right" is exactly the span the highlighted words
 * now occupy, anything else placed is "wrong" (a textually identical copy elsewhere too).
 */
export function judge(result: AnchorResult, expected: Span): 'right' | 'wrong' | 'orphan' {
  if (result.kind === 'orphan') return 'orphan';
  return result.start === expected.start && result.end === expected.end ? 'right' : 'wrong';
}
