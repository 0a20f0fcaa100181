/**
 * How strongly a candidate says "the highlight is here", in characters of agreement.
 * Unrelated English strings already agree on about half their characters by edit distance,
 * so a piece of text only counts what it agrees on beyond that: |s| - 2 * errors.
 */
import approxSearch from 'approx-string-match';
import type { Candidate, Target } from './candidates';
import { editDistance, leadingDistance, trailingDistance } from './edit-distance';

export interface Scored extends Candidate {
  evidence: number;
}

/** Agreement of `expected` with `actual` beyond chance, never negative. */
function agreement(expected: string, actual: string): number {
  return Math.max(0, expected.length - 2 * editDistance(expected, actual));
}

/** Evidence from the quote itself plus its prefix and suffix context. */
export function score(text: string, target: Target, candidate: Candidate): Scored {
  const { quote, prefix, suffix } = target;
  const before = text.slice(Math.max(0, candidate.start - prefix.length), candidate.start);
  const after = text.slice(candidate.end, candidate.end + suffix.length);
  const evidence = quote.length - 2 * candidate.errors + agreement(prefix, before) + agreement(suffix, after);
  return { ...candidate, evidence };
}

/** Edge window for refinement: characters of quote and context compared at a boundary. */
const EDGE = 16;
/** Extra text an edge is compared with, so a longer replacement word still fits. */
const EDGE_SLACK = 8;

/**
 * Approximate matching reports the lowest-error substring, which may drop or swallow the words
 * at a quote's edge when the quote changed near it. Moves each boundary (by up to about twice
 * the match's error count) to where the quote's edge and its context meet best, then recounts
 * the errors.
 */
export function refine(text: string, target: Target, candidate: Candidate): Candidate {
  const { quote, prefix, suffix } = target;
  const head = quote.slice(0, EDGE);
  const tail = quote.slice(-EDGE);
  const prefixTail = prefix.slice(-EDGE);
  const suffixHead = suffix.slice(0, EDGE);
  const reach = Math.min(2 * EDGE, 2 * candidate.errors + EDGE_SLACK);
  const span = EDGE + EDGE_SLACK;
  const startCost = (x: number): number =>
    leadingDistance(head, text.slice(x, x + span)) +
    trailingDistance(prefixTail, text.slice(Math.max(0, x - span), x)) +
    (splitsWord(text, x) === splitsWord(prefix + quote, prefix.length) ? 0 : 1);
  const endCost = (x: number): number =>
    trailingDistance(tail, text.slice(Math.max(0, x - span), x)) +
    leadingDistance(suffixHead, text.slice(x, x + span)) +
    (splitsWord(text, x) === splitsWord(quote + suffix, quote.length) ? 0 : 1);
  const start = bestNear(candidate.start, reach, 0, text.length, startCost);
  const end = bestNear(candidate.end, reach, start + 1, text.length, endCost);
  if (start === candidate.start && end === candidate.end) return candidate;
  return { start, end, errors: quoteErrors(text.slice(start, end), quote) };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether offset `x` falls inside a word (a selection edge there is unusual, so it must match the original). */
export function splitsWord(text: string, x: number): boolean {
  return x > 0 && x < text.length && WORD_CHAR.test(text[x - 1]!) && WORD_CHAR.test(text[x]!);
}

/** The position within `reach` of `from` (and within [min, max]) with the lowest cost; ties keep the nearest. */
function bestNear(from: number, reach: number, min: number, max: number, cost: (x: number) => number): number {
  let best = from;
  let bestCost = from >= min && from <= max ? cost(from) : Infinity;
  for (let d = 1; d <= reach; d += 1) {
    for (const x of [from - d, from + d]) {
      if (x < min || x > max) continue;
      const c = cost(x);
      if (c < bestCost) {
        best = x;
        bestCost = c;
      }
    }
  }
  return best;
}

/**
 * Edit distance between a quote and the span that now holds it. Long strings use the bit-parallel
 * matcher; span characters its substring match leaves out count as deletions (an upper bound).
 */
function quoteErrors(span: string, quote: string): number {
  if (span.length <= 64 && quote.length <= 64) return editDistance(quote, span);
  const [match] = approxSearch(span, quote, quote.length);
  if (!match) return Math.max(span.length, quote.length);
  return match.errors + match.start + (span.length - match.end);
}
