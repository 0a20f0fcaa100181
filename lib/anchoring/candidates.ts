/**
 * Where a quote might now be, in folded text. Approximate search only reports the
 * lowest-error matches of a whole text, so a changed quote can hide behind an intact copy
 * elsewhere; we therefore also search small windows where the quote's context, its own head
 * and tail, or its old position say it should start.
 */
import approxSearch from 'approx-string-match';

export interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the quote and `text.slice(start, end)` (as approx-string-match counts it). */
  errors: number;
}

/** What we look for: the folded quote, its folded context, and where it used to start. */
export interface Target {
  quote: string;
  prefix: string;
  suffix: string;
  /** Folded offset where the quote started before; undefined when no position was kept. */
  hint: number | undefined;
}

/** Longest probe (a piece of context or of the quote's edge) used to locate windows. */
const PROBE_LENGTH = 16;
/** Probes shorter than this match too often to say anything. */
const MIN_PROBE_LENGTH = 8;
const MAX_OCCURRENCES_PER_PROBE = 8;
const MAX_WINDOWS = 16;
/** Exact occurrences scored at most (a one-word quote can occur hundreds of times). */
const MAX_EXACT = 2000;

/** The most errors a match may have: half the quote, capped to keep search linear-ish. */
export function maxErrorsFor(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 2));
}

/** Offsets of `pattern` in `text`, at most `limit`. */
export function occurrences(text: string, pattern: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(pattern); at !== -1 && found.length < limit; at = text.indexOf(pattern, at + 1)) {
    found.push(at);
  }
  return found;
}

/** Lowest-error approximate matches of `quote` within text[from, to). */
export function searchBetween(text: string, quote: string, from: number, to: number): Candidate[] {
  if (to - from <= 0) return [];
  return approxSearch(text.slice(from, to), quote, maxErrorsFor(quote)).map((m) => ({
    start: m.start + from,
    end: m.end + from,
    errors: m.errors,
  }));
}

/** Every place worth scoring: exact occurrences, the best global matches, and local window matches. */
export function findCandidates(text: string, target: Target): Candidate[] {
  const { quote } = target;
  const exact = occurrences(text, quote, MAX_EXACT).map((start) => ({ start, end: start + quote.length, errors: 0 }));
  const global = exact.length ? [] : searchBetween(text, quote, 0, text.length);
  const slack = maxErrorsFor(quote) + PROBE_LENGTH;
  const local = expectedStarts(text, target).flatMap((at) =>
    searchBetween(text, quote, Math.max(0, at - slack), Math.min(text.length, at + quote.length + slack)),
  );
  return dedupe([...exact, ...global, ...local]);
}

/** Where the quote should start according to each probe, nearest the old position first. */
function expectedStarts(text: string, { quote, prefix, suffix, hint }: Target): number[] {
  const starts: number[] = hint === undefined ? [] : [hint];
  const probe = (pattern: string, toStart: (at: number) => number): void => {
    if (pattern.length < MIN_PROBE_LENGTH) return;
    for (const at of occurrences(text, pattern, MAX_OCCURRENCES_PER_PROBE)) starts.push(toStart(at));
  };
  const prefixTail = prefix.slice(-PROBE_LENGTH);
  const suffixHead = suffix.slice(0, PROBE_LENGTH);
  const head = quote.slice(0, PROBE_LENGTH);
  const tail = quote.slice(-PROBE_LENGTH);
  probe(prefixTail, (at) => at + prefixTail.length);
  probe(suffixHead, (at) => at - quote.length);
  if (quote.length > PROBE_LENGTH) {
    probe(head, (at) => at);
    probe(tail, (at) => at + tail.length - quote.length);
  }
  const anchor = hint ?? 0;
  const unique = [...new Set(starts.map((s) => Math.max(0, Math.min(text.length, s))))];
  return unique.sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor)).slice(0, MAX_WINDOWS);
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.start}:${c.end}`;
    const known = seen.get(key);
    if (!known || c.errors < known.errors) seen.set(key, c);
  }
  return [...seen.values()];
}
