/**
 * The decision among candidate places, in folded offsets. The best-scoring place is anchored
 * only when nothing else could as well be the passage the reader marked:
 * - its evidence (quote, prefix and suffix agreement beyond chance) reaches MIN_EVIDENCE;
 * - no other place comes within MARGIN of it, unless the old position clearly singles out one
 *   of the near-equals and that one is verbatim, quote and context alike (repeated rows);
 * - no other place is a copy of the passage (quote all but verbatim, context well beyond
 *   chance) unless the old position clearly prefers the best. Repeated passages differ only in
 *   a little of their context, and edits near the true place can cost it more than that, so
 *   a wide margin over a copy proves nothing by itself;
 * - an old position that still holds the quote with one side of its context verbatim
 *   (`witness`) outranks near-equals, and (in anchor.ts) vetoes any other place.
 * Everything else is an orphan: kept, listed, never drawn in the wrong place.
 */
import { findCandidates, searchBetween, type Candidate, type Target } from './candidates';
import { confirmFuzzy } from './confirm-fuzzy';
import { refine, score, splitsWord, type Scored } from './evidence';
import type { Anchored, AnchorResult } from './types';

/** Characters of agreement (beyond chance) the chosen place needs. */
const MIN_EVIDENCE = 20;
/** Characters of agreement by which the chosen place must beat any other place. */
const MARGIN = 12;
/** Characters of context agreement (beyond chance) that make another place a copy of the passage. */
const COPY_CONTEXT = 16;
/** Errors per quote character at most in another copy of the passage (one word in a sentence or two). */
const COPY_ERROR_RATE = 0.1;
/** Errors a copy may show however short the quote: one word changed in it. */
const COPY_CHANGED_WORD = 12;
/** Among near-equal places, the nearest to the old position wins only if the next is this many times as far. */
const POSITION_RATIO = 4;
/** Fuzzy candidates whose edges are refined (the best few; refining is the costly part). */
const REFINED = 6;
/** Rivals scored at most when checking that a fuzzy match is unique. */
const MAX_RIVALS = 500;

/** Places `target` in `text`; `witness` is the old position when it still holds the passage (see anchor.ts). */
export function search(text: string, target: Target, witness: number | undefined): AnchorResult {
  const candidates = findCandidates(text, target).filter((c) => c.errors > 0 || cutsLikeQuote(text, target, c));
  if (!candidates.length) return { kind: 'orphan', reason: 'not-found' };
  const ranked = rank(text, target, candidates);
  const best = ranked[0]!;
  if (best.evidence < MIN_EVIDENCE) return { kind: 'orphan', reason: 'low-confidence' };
  const rivals = [...ranked.slice(1), ...(best.errors > 0 ? hiddenRivals(text, target, best) : [])].filter(
    (c) => !overlaps(c, best),
  );
  const contenders = new Set(rivals.filter((r) => r.evidence > best.evidence - MARGIN));
  const atWitness = [best, ...contenders].find((c) => c.start === witness && c.errors === 0);
  if (atWitness) return placed(text, target, atWitness, atWitness === best ? 'exact' : 'position');
  const doubts = rivals.filter((r) => contenders.has(r) || (isCopy(target, r) && !inContextOf(target, best, r)));
  if (!doubts.length) return placed(text, target, best, 'exact');
  // Other places could hold the passage too: the old position must single one out.
  const chosen = clearlyNearest(target, [best, ...doubts]);
  if (!chosen || (chosen !== best && !contenders.has(chosen))) return { kind: 'orphan', reason: 'ambiguous' };
  // Among near-equals, position may only pick a place whose quote and context are all verbatim.
  if (contenders.size && !isVerbatim(target, chosen)) return { kind: 'orphan', reason: 'ambiguous' };
  return placed(text, target, chosen, contenders.size ? 'position' : 'exact');
}

/**
 * Whether a verbatim occurrence starts and ends inside or between words as the highlight did:
 * the "a" in "smaller" is not the word "a" the reader marked. (Fuzzy matches get their edges
 * checked the same way in {@link confirmFuzzy}.)
 */
function cutsLikeQuote(text: string, { prefix, quote, suffix }: Target, c: Candidate): boolean {
  return (
    splitsWord(text, c.start) === splitsWord(prefix + quote, prefix.length) &&
    splitsWord(text, c.end) === splitsWord(quote + suffix, quote.length)
  );
}

/** Anchors at a candidate; a changed quote (errors > 0) must still pass {@link confirmFuzzy}. */
function placed(text: string, target: Target, c: Scored, verbatimMethod: 'exact' | 'position'): AnchorResult {
  const found: Anchored = { kind: 'anchored', start: c.start, end: c.end, method: c.errors === 0 ? verbatimMethod : 'fuzzy' };
  return found.method === 'fuzzy' ? confirmFuzzy(text, target, found) : found;
}

/** Quote, prefix and suffix all verbatim: as much evidence as the selector holds. */
function isVerbatim({ quote, prefix, suffix }: Target, c: Scored): boolean {
  return c.errors === 0 && c.evidence === quote.length + prefix.length + suffix.length;
}

/**
 * Another copy of the passage: the quote all but verbatim, with context agreeing well beyond
 * chance. When the passage repeats, the copies differ only in a little of their context, and
 * edits near the true place can cost it more than that: a best place that is not verbatim
 * itself is then no proof, however wide its margin.
 */
function isCopy({ quote }: Target, c: Scored): boolean {
  const quoteEvidence = quote.length - 2 * c.errors;
  const contextEvidence = c.evidence - quoteEvidence;
  if (c.errors <= quote.length * COPY_ERROR_RATE) return contextEvidence >= COPY_CONTEXT;
  // A short quote with a word changed: a stronger context must make up for the weaker quote.
  return quoteEvidence > 0 && c.errors <= COPY_CHANGED_WORD && contextEvidence >= 2 * COPY_CONTEXT;
}

/**
 * Whether `other` lies within `best`'s own context: its context is then best's text shifted a
 * little ("to" in "today to"), an echo that agrees by construction, not another copy.
 */
function inContextOf({ prefix, suffix }: Target, best: Candidate, other: Candidate): boolean {
  return other.start >= best.end ? other.start - best.end < suffix.length : best.start - other.end < prefix.length;
}

/**
 * Scores every candidate, refines the edges of the best fuzzy ones, best first. A refined edge
 * is kept only if it adds evidence: where the quote's head also ends its prefix ("player.setav
 * speedmult\nplayer.setav health"), context alone can pull an edge onto the wrong repeat.
 */
function rank(text: string, target: Target, candidates: Candidate[]): Scored[] {
  const scored = candidates.map((c) => score(text, target, c)).sort(byEvidence);
  const refined = scored.slice(0, REFINED).map((c) => (c.errors > 0 ? better(c, score(text, target, refine(text, target, c))) : c));
  return [...refined, ...scored.slice(REFINED)].sort(byEvidence);
}

function better(a: Scored, b: Scored): Scored {
  return b.evidence >= a.evidence ? b : a;
}

/**
 * Approximate search reports only the lowest-error matches, so a fuzzy best can hide equally
 * good places elsewhere: search again on each side of it.
 */
function hiddenRivals(text: string, target: Target, best: Candidate): Scored[] {
  const others = [...searchBetween(text, target.quote, 0, best.start), ...searchBetween(text, target.quote, best.end, text.length)];
  return others.slice(0, MAX_RIVALS).map((c) => score(text, target, c));
}

/**
 * The place nearest the old position, if it is clearly the nearest (the next is POSITION_RATIO
 * times as far); undefined without an old position.
 */
function clearlyNearest({ hint }: Target, places: Scored[]): Scored | undefined {
  if (hint === undefined) return undefined;
  const distance = (c: Candidate): number => Math.abs(c.start - hint);
  const [nearest, ...rest] = [...places].sort((a, b) => distance(a) - distance(b));
  const next = rest.find((c) => !overlaps(c, nearest!));
  return !next || distance(nearest!) * POSITION_RATIO < distance(next) ? nearest : undefined;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function byEvidence(a: Scored, b: Scored): number {
  return b.evidence - a.evidence;
}
