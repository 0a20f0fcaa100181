/** The last check on a changed quote's place: its own first and last words at its edges. */
import type { Target } from './candidates';
import { leadingDistance, trailingDistance } from './edit-distance';
import { splitsWord } from './evidence';
import type { Anchored, AnchorResult } from './types';

/** A changed quote shorter than this is too little text to place by likeness alone. */
const MIN_FUZZY_QUOTE = 16;
/** Characters at most of the quote's first and last words a fuzzy match must show verbatim at its edges. */
const EDGE_PROBE = 8;
/** Characters of the quote and of its context compared when its first or last word repeats near an edge. */
const QUOTE_PROBE = 32;
const CONTEXT_PROBE = 16;
/** Extra text those are compared with, so a changed word of another length still fits. */
const SLACK = 8;
/** Edits by which one repeat must look more like the quote's edge than another to be taken for it. */
const EDGE_MARGIN = 3;
/** How far an edge may move to where the quote's head or tail really is. */
const EDGE_REACH = 32;

/**
 * A changed quote is placed only where its first and last few characters stand verbatim at its
 * edges (moving an edge there when the match swallowed or dropped a few characters), and only
 * when it is long enough for likeness to mean something. Edits rarely touch both the words a
 * reader started and ended on, while a wrong place rarely matches both: the rest become orphans.
 */
export function confirmFuzzy(text: string, { quote, prefix, suffix }: Target, found: Anchored): AnchorResult {
  // Only the first and last words: the change may be in the second word already.
  const head = quote.slice(0, EDGE_PROBE).split(' ')[0]!;
  const tail = quote.slice(-EDGE_PROBE).split(' ').pop()!;
  // An edge found must cut words as the quote's own edge did, at both ends of the probe.
  const headFits = (at: number): boolean =>
    splitsWord(text, at) === splitsWord(prefix + quote, prefix.length) && splitsWord(text, at + head.length) === splitsWord(quote, head.length);
  const tailFits = (at: number): boolean =>
    splitsWord(text, at) === splitsWord(quote, quote.length - tail.length) &&
    splitsWord(text, at + tail.length) === splitsWord(quote + suffix, quote.length);
  // Where the quote's first or last word repeats close by, the edge is the one that looks most
  // like the quote's own edge: its next words inward and its context outward.
  const inHead = quote.slice(0, QUOTE_PROBE);
  const inTail = quote.slice(-QUOTE_PROBE);
  const prefixTail = prefix.slice(-CONTEXT_PROBE);
  const suffixHead = suffix.slice(0, CONTEXT_PROBE);
  const headCost = (at: number): number =>
    leadingDistance(inHead, text.slice(at, at + inHead.length + SLACK)) + trailingDistance(prefixTail, text.slice(Math.max(0, at - prefixTail.length - SLACK), at));
  const tailCost = (at: number): number => {
    const end = at + tail.length;
    return trailingDistance(inTail, text.slice(Math.max(0, end - inTail.length - SLACK), end)) + leadingDistance(suffixHead, text.slice(end, end + suffixHead.length + SLACK));
  };
  const start = edge(text, head, found.start, headFits, headCost, inHead.length + prefixTail.length);
  const tailAt =
    start === undefined
      ? undefined
      : edge(text, tail, found.end - tail.length, (at) => at + tail.length > start && tailFits(at), tailCost, inTail.length + suffixHead.length);
  if (start === undefined || tailAt === undefined) return { kind: 'orphan', reason: 'low-confidence' };
  const end = tailAt + tail.length;
  // A short quote says little by itself: its context must meet both edges verbatim too.
  const framed = text.startsWith(prefix.slice(-EDGE_PROBE), start - Math.min(EDGE_PROBE, prefix.length)) && text.startsWith(suffix.slice(0, EDGE_PROBE), end);
  if (quote.trim().length < MIN_FUZZY_QUOTE && !framed) return { kind: 'orphan', reason: 'low-confidence' };
  return { ...found, start, end };
}

/**
 * The occurrence of `probe` within EDGE_REACH of `near` that can be an edge (`fits`) and looks
 * most like the quote's edge (`cost`: edits over `compared` characters). When another comes
 * close, or the best agrees no better than chance (half its characters), there is no certain
 * edge (undefined), as when there is none.
 */
function edge(text: string, probe: string, near: number, fits: (at: number) => boolean, cost: (at: number) => number, compared: number): number | undefined {
  const found: { at: number; cost: number }[] = [];
  for (let at = text.indexOf(probe, Math.max(0, near - EDGE_REACH)); at !== -1 && at <= near + EDGE_REACH; at = text.indexOf(probe, at + 1)) {
    if (fits(at)) found.push({ at, cost: cost(at) });
  }
  if (found.length < 2) return found[0]?.at;
  found.sort((a, b) => a.cost - b.cost);
  const [first, second] = found as [{ at: number; cost: number }, { at: number; cost: number }];
  return 2 * first.cost < compared && first.cost + EDGE_MARGIN <= second.cost ? first.at : undefined;
}
