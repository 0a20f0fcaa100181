import { CONTEXT_LENGTH } from './types';
import type { RangeSelector, Selector, TextQuoteSelector } from '../contracts/selectors';

/** Characters of the quote's own head and tail a RangeSelector keeps. */
const EDGE_LENGTH = 32;
/** Context kept at most when the usual 32 characters repeat elsewhere in the text. */
const MAX_CONTEXT_LENGTH = 8 * CONTEXT_LENGTH;

/**
 * Describes `text.slice(start, end)` by a TextQuoteSelector, a TextPositionSelector and a
 * RangeSelector, in that order. The quote keeps 32 characters of context either side, more
 * (up to 256) when quote and context together occur more than once in the text (tables, lists,
 * repeated boilerplate), so that re-anchoring can tell the copies apart.
 * Throws on an empty or out-of-bounds span: there is nothing to keep.
 */
export function describe(text: string, start: number, end: number): Selector[] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Cannot describe the span [${start}, ${end}) of a text of ${text.length} characters`);
  }
  return [
    distinctQuoteAt(text, start, end),
    { type: 'TextPositionSelector', start, end },
    rangeAt(text, start, end),
  ];
}

function quoteAt(text: string, start: number, end: number, context = CONTEXT_LENGTH): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

/** The quote with the shortest context (from 32 characters, doubling) that occurs once in `text`. */
function distinctQuoteAt(text: string, start: number, end: number): TextQuoteSelector {
  let context = CONTEXT_LENGTH;
  let quote = quoteAt(text, start, end, context);
  while (context < MAX_CONTEXT_LENGTH && occursTwice(text, quote.prefix + quote.exact + quote.suffix)) {
    context *= 2;
    quote = quoteAt(text, start, end, context);
  }
  return quote;
}

function occursTwice(text: string, s: string): boolean {
  const first = text.indexOf(s);
  return first !== -1 && text.indexOf(s, first + 1) !== -1;
}

function rangeAt(text: string, start: number, end: number): RangeSelector {
  return {
    type: 'RangeSelector',
    startSelector: quoteAt(text, start, Math.min(end, start + EDGE_LENGTH)),
    endSelector: quoteAt(text, Math.max(start, end - EDGE_LENGTH), end),
  };
}
