/**
 * Re-anchoring: finds where a described highlight lies in a (possibly changed) text, or says
 * it cannot be placed with confidence. A wrong placement is worse than an orphan, so every
 * answer must beat the next best place by a clear margin.
 */
import { findCandidates, searchBetween, type Candidate, type Target } from './candidates';
import { refine, score, type Scored } from './evidence';
import { fold, prepareText, toRaw, type PreparedText } from './prepared-text';
import type { Anchored, AnchorResult, Selector, TextPositionSelector, TextQuoteSelector } from './types';

/** Characters of agreement (beyond chance) the chosen place needs. */
const MIN_EVIDENCE = 20;
/** Characters of agreement by which the chosen place must beat any other place. */
const MARGIN = 12;
/** Among near-equal places, the nearest to the old position wins only if the next is this many times as far. */
const POSITION_RATIO = 4;
/** Fuzzy candidates whose edges are refined (the best few; refining is the costly part). */
const REFINED = 6;
/** Rivals scored at most when checking that a fuzzy match is unique. */
const MAX_RIVALS = 500;
/** A changed quote shorter than this is too little text to place by likeness alone (see `confirmFuzzy`). */
const MIN_FUZZY_QUOTE = 16;
/** Characters at most of the quote's first and last words a fuzzy match must show verbatim at its edges. */
const EDGE_PROBE = 8;
/** How far an edge may move to where the quote's head or tail really is. */
const EDGE_REACH = 32;

/**
 * Places a highlight described by `selectors` (see `describe`) in `text`. Pass a
 * {@link PreparedText} to anchor many highlights on the same text without re-folding it.
 */
export function anchor(text: string | PreparedText, selectors: readonly Selector[]): AnchorResult {
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const target = toTarget(prepared, quote, position);
  if (!target) return { kind: 'orphan', reason: 'no-quote' };
  const found = locate(prepared.folded, target);
  if (found.kind === 'orphan') return found;
  return { ...found, ...toRaw(prepared, found.start, found.end) };
}

/** Anchors every highlight of a page against one preparation of its text. */
export function anchorAll(text: string, all: readonly (readonly Selector[])[]): AnchorResult[] {
  const prepared = prepareText(text);
  return all.map((selectors) => anchor(prepared, selectors));
}

function toTarget(text: PreparedText, quote?: TextQuoteSelector, position?: TextPositionSelector): Target | undefined {
  const exact = quote ? fold(quote.exact) : '';
  if (!quote || !exact.trim()) return undefined;
  const hintAt = position ? Math.max(0, Math.min(text.raw.length, position.start)) : undefined;
  return {
    quote: exact,
    prefix: fold(quote.prefix),
    suffix: fold(quote.suffix),
    hint: hintAt === undefined ? undefined : text.foldedAt[hintAt],
  };
}

/** The decision, in folded offsets. */
function locate(text: string, target: Target): AnchorResult {
  const intact = atOldPosition(text, target) ?? uniqueWithContext(text, target);
  if (intact) return intact;
  const candidates = findCandidates(text, target);
  if (!candidates.length) return { kind: 'orphan', reason: 'not-found' };
  const ranked = rank(text, target, candidates);
  const best = ranked[0]!;
  const rivals = [...ranked.slice(1), ...(best.errors > 0 ? hiddenRivals(text, target, best) : [])].filter(
    (c) => !overlaps(c, best),
  );
  if (best.evidence < MIN_EVIDENCE) return { kind: 'orphan', reason: 'low-confidence' };
  const runnerUp = Math.max(-Infinity, ...rivals.map((r) => r.evidence));
  const found =
    best.evidence - runnerUp >= MARGIN
      ? ({ kind: 'anchored', start: best.start, end: best.end, method: best.errors === 0 ? 'exact' : 'fuzzy' } as const)
      : byPosition(target, best, rivals.filter((r) => r.evidence > best.evidence - MARGIN));
  return found.kind === 'anchored' && found.method === 'fuzzy' ? confirmFuzzy(text, target, found) : found;
}

/**
 * A changed quote is placed only where its first and last few characters stand verbatim at its
 * edges (moving an edge there when the match swallowed or dropped a few characters), and only
 * when it is long enough for likeness to mean something. Edits rarely touch both the words a
 * reader started and ended on, while a wrong place rarely matches both: the rest become orphans.
 */
function confirmFuzzy(text: string, { quote, prefix, suffix }: Target, found: Anchored): AnchorResult {
  // Only the first and last words: the change may be in the second word already.
  const head = quote.slice(0, EDGE_PROBE).split(' ')[0]!;
  const tail = quote.slice(-EDGE_PROBE).split(' ').pop()!;
  const start = nearestOccurrence(text, head, found.start, found.start);
  const tailAt = nearestOccurrence(text, tail, found.end - tail.length, found.start);
  const end = tailAt + tail.length;
  if (start === -1 || tailAt === -1 || end <= start) return { kind: 'orphan', reason: 'low-confidence' };
  // A short quote says little by itself: its context must meet both edges verbatim too.
  const framed = text.startsWith(prefix.slice(-EDGE_PROBE), start - Math.min(EDGE_PROBE, prefix.length)) && text.startsWith(suffix.slice(0, EDGE_PROBE), end);
  if (quote.trim().length < MIN_FUZZY_QUOTE && !framed) return { kind: 'orphan', reason: 'low-confidence' };
  return { ...found, start, end };
}

/** The occurrence of `probe` nearest `near` within EDGE_REACH of it (and not before `min`), or -1. */
function nearestOccurrence(text: string, probe: string, near: number, min: number): number {
  const from = Math.max(min, near - EDGE_REACH);
  let best = -1;
  for (let at = text.indexOf(probe, from); at !== -1 && at <= near + EDGE_REACH; at = text.indexOf(probe, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/**
 * Fastest path (an unchanged page): quote and full context verbatim at the old position. Any
 * other verbatim copy scores the same and then the old position decides (see `byPosition`),
 * so this answers what the full search would, in O(quote) instead of a scan of the text.
 */
function atOldPosition(text: string, { prefix, quote, suffix, hint }: Target): AnchorResult | undefined {
  if (hint === undefined || hint < prefix.length) return undefined;
  const start = hint;
  const end = start + quote.length;
  const intact = text.startsWith(quote, start) && text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end);
  return intact ? { kind: 'anchored', start, end, method: 'exact' } : undefined;
}

/** Fast path: quote and full context found verbatim, once. Nothing else can score higher. */
function uniqueWithContext(text: string, { prefix, quote, suffix }: Target): AnchorResult | undefined {
  const whole = prefix + quote + suffix;
  const at = text.indexOf(whole);
  if (at === -1 || text.indexOf(whole, at + 1) !== -1) return undefined;
  const start = at + prefix.length;
  return { kind: 'anchored', start, end: start + quote.length, method: 'exact' };
}

/** Scores every candidate, refines the edges of the best fuzzy ones, best first. */
function rank(text: string, target: Target, candidates: Candidate[]): Scored[] {
  const scored = candidates.map((c) => score(text, target, c)).sort(byEvidence);
  const refined = scored.slice(0, REFINED).map((c) => (c.errors > 0 ? score(text, target, refine(text, target, c)) : c));
  return [...refined, ...scored.slice(REFINED)].sort(byEvidence);
}

/**
 * Approximate search reports only the lowest-error matches, so a fuzzy best can hide equally
 * good places elsewhere: search again on each side of it.
 */
function hiddenRivals(text: string, target: Target, best: Candidate): Scored[] {
  const others = [...searchBetween(text, target.quote, 0, best.start), ...searchBetween(text, target.quote, best.end, text.length)];
  return others.slice(0, MAX_RIVALS).map((c) => score(text, target, c));
}

/** Near-equal places (repeated text): the old position decides if one is clearly nearest, else orphan. */
function byPosition(target: Target, best: Scored, contenders: Scored[]): AnchorResult {
  if (target.hint === undefined) return { kind: 'orphan', reason: 'ambiguous' };
  const hint = target.hint;
  const distance = (c: Candidate): number => Math.abs(c.start - hint);
  const [nearest, ...rest] = [best, ...contenders].sort((a, b) => distance(a) - distance(b));
  const next = rest.find((c) => !overlaps(c, nearest!));
  const clear = !next || distance(nearest!) * POSITION_RATIO < distance(next);
  if (!clear || nearest!.evidence < MIN_EVIDENCE) return { kind: 'orphan', reason: 'ambiguous' };
  return { kind: 'anchored', start: nearest!.start, end: nearest!.end, method: nearest!.errors === 0 ? 'position' : 'fuzzy' };
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function byEvidence(a: Scored, b: Scored): number {
  return b.evidence - a.evidence;
}
