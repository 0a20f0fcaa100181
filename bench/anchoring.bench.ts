/**
 * Re-anchoring highlights on changed articles. Article texts are the AEB ground-truth bodies;
 * random highlights (one word to several sentences) are described, the text is changed around
 * them (paragraphs inserted, deleted and moved, words edited nearby, whitespace, page
 * furniture) and, separately, one word inside the quote is changed too; then re-anchored.
 * "right" means exactly the span the quote's words now occupy; anything else placed is "wrong".
 * Baseline: the first verbatim occurrence of the quote (what a naive indexOf anchor does).
 */
import { readFileSync } from 'node:fs';
import { anchor, describe, type AnchorResult, type Selector } from '@/lib/anchoring';
import type { BenchLine } from './types';
import {
  changeWhitespace, changeWordInside, deleteParagraph, editWordsNear, insertFurniture, insertParagraph, intBetween,
  moveBlock, pick, seededRandom, words, type Doc, type Random, type Span,
} from './anchoring/mutate';

const TRIALS = Number(process.env.ANCHORING_TRIALS ?? 2000);
const corpus = JSON.parse(readFileSync(new URL('../../shared/corpus/scrapinghub-aeb/ground-truth.json', import.meta.url), 'utf8')) as Record<
  string,
  { articleBody: string }
>;
const articles = Object.values(corpus).map((a) => a.articleBody).filter((t) => t.length > 400);
const paragraphsOf = articles.map((t) => t.split(/\n+/).filter((p) => p.length > 40));

/** Paragraphs of another article: inserting one of the article's own would duplicate the quote and its context. */
function otherParagraphs(random: Random, article: number): string[] {
  const other = (article + 1 + Math.floor(random() * (articles.length - 1))) % articles.length;
  // Syndicated stories appear twice in the corpus: skip paragraphs the article already has.
  const fresh = paragraphsOf[other]!.filter((p) => !articles[article]!.includes(p));
  return fresh.length ? fresh : ['An inserted paragraph of filler text for the test.'];
}
const vocabulary = [...new Set(articles.flatMap((t) => t.split(/\s+/)))].filter((w) => /^[a-z]{2,12}$/i.test(w));

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

interface Tally { right: number; wrong: number; orphan: number; total: number; ms: number }

function record(tally: Tally, result: AnchorResult, expected: Span, ms: number): void {
  tally.total += 1;
  tally.ms += ms;
  if (result.kind === 'orphan') tally.orphan += 1;
  else if (result.start === expected.start && result.end === expected.end) tally.right += 1;
  else tally.wrong += 1;
}

function timed(text: string, selectors: Selector[]): { result: AnchorResult; ms: number } {
  const t0 = performance.now();
  const result = anchor(text, selectors);
  return { result, ms: performance.now() - t0 };
}

function naive(text: string, selectors: Selector[]): { result: AnchorResult; ms: number } {
  const t0 = performance.now();
  const exact = selectors.find((s) => s.type === 'TextQuoteSelector')!.exact;
  const at = text.indexOf(exact);
  const result: AnchorResult = at < 0 ? { kind: 'orphan', reason: 'not-found' } : { kind: 'anchored', start: at, end: at + exact.length, method: 'exact' };
  return { result, ms: performance.now() - t0 };
}

const pct = (n: number, of: number): number => Math.round((1000 * n) / Math.max(1, of)) / 10;
const empty = (): Tally => ({ right: 0, wrong: 0, orphan: 0, total: 0, ms: 0 });

export default function* anchoringBench(): Iterable<BenchLine> {
  const random = seededRandom(7);
  const intact = empty();
  const intactNaive = empty();
  const changed = empty();
  const changedNaive = empty();
  for (let trial = 0; trial < TRIALS; trial += 1) {
    const article = Math.floor(random() * articles.length);
    const text = articles[article]!;
    const span = randomHighlight(text, random);
    const selectors = describe(text, span.start, span.end);
    const after = mutateAround({ text, span }, random, article);
    const ours = timed(after.text, selectors);
    record(intact, ours.result, after.span, ours.ms);
    const base = naive(after.text, selectors);
    record(intactNaive, base.result, after.span, base.ms);
    const edited = changeWordInside(after, random, vocabulary);
    if (!edited) continue;
    const oursEdited = timed(edited.text, selectors);
    record(changed, oursEdited.result, edited.span, oursEdited.ms);
    const baseEdited = naive(edited.text, selectors);
    record(changedNaive, baseEdited.result, edited.span, baseEdited.ms);
  }
  const baselineName = 'first verbatim occurrence (indexOf)';
  for (const [name, ours, base] of [['intact', intact, intactNaive], ['word-changed', changed, changedNaive]] as const) {
    yield { metric: `${name}.right`, value: pct(ours.right, ours.total), unit: '%', baseline: pct(base.right, base.total), baselineName };
    yield { metric: `${name}.wrong`, value: pct(ours.wrong, ours.total), unit: '%', baseline: pct(base.wrong, base.total), baselineName };
    yield { metric: `${name}.orphan`, value: pct(ours.orphan, ours.total), unit: '%', baseline: pct(base.orphan, base.total), baselineName };
    yield { metric: `${name}.highlights`, value: ours.total, unit: 'count' };
  }
  const all = intact.ms + changed.ms;
  yield { metric: 'time-per-anchor', value: Math.round((1000 * all) / (intact.total + changed.total)) / 1000, unit: 'ms' };
}
