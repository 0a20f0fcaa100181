/**
 * Between the selectors the library stores (see lib/anchoring/describe.ts) and the selectors
 * of the W3C Web Annotation model, which differ in two ways:
 * - a TextPositionSelector counts code points in the model, UTF-16 units in the library;
 * - a RangeSelector's end is exclusive in the model (the range stops where the endSelector's
 *   match starts), while the library's endSelector quotes the highlight's own last characters.
 *   The model's end is written as a quote of the text just after the highlight, with the
 *   highlight's tail as its prefix; a highlight at the very end of its text has no such text,
 *   and is exported without a RangeSelector.
 */
import type { RangeSelector, Selector, TextPositionSelector, TextQuoteSelector } from '../contracts/selectors';
import { codePointOffset, utf16Offset } from './code-points';

/** A TextQuoteSelector as the model writes it: prefix and suffix are optional. */
export type W3cQuote = { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };
export type W3cSelector = W3cQuote | TextPositionSelector | { type: 'RangeSelector'; startSelector: W3cQuote; endSelector: W3cQuote };

/**
 * The stored selectors as the model means them. `articleText` is the text the positions count
 * in; an article imported from a file has none, and its positions are kept as the file gave
 * them (code points already).
 */
export function toW3cSelectors(selectors: readonly Selector[], articleText: string): W3cSelector[] {
  return selectors.flatMap((s): W3cSelector[] => {
    if (s.type === 'TextQuoteSelector') return [quote(s)];
    if (s.type === 'TextPositionSelector') {
      if (!articleText) return [{ type: 'TextPositionSelector', start: s.start, end: s.end }];
      const start = codePointOffset(articleText, s.start);
      const end = codePointOffset(articleText, s.end);
      return start === undefined || end === undefined ? [] : [{ type: 'TextPositionSelector', start, end }];
    }
    const { startSelector, endSelector } = s;
    if (!endSelector.suffix) return [];
    return [{
      type: 'RangeSelector',
      startSelector: quote(startSelector),
      endSelector: { type: 'TextQuoteSelector', exact: endSelector.suffix, prefix: endSelector.prefix + endSelector.exact },
    }];
  });
}

/** A quote with its keys in one order, whichever order the record was built in: equal highlights give equal files. */
function quote({ exact, prefix, suffix }: TextQuoteSelector): W3cQuote {
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

/** Characters of the highlight's tail the library's endSelector quotes (as describe.ts makes it). */
const TAIL_LENGTH = 32;

/**
 * A model RangeSelector of two quotes as the library stores it, given the highlight's quote;
 * undefined when the range does not describe that quote (its start is not the quote's head,
 * or its end does not follow the quote's tail): a range that disagrees with the quote is dropped.
 */
export function storedRange(range: RangeSelector, quote: string): RangeSelector | undefined {
  const { startSelector: start, endSelector: end } = range;
  const tail = quote.slice(-TAIL_LENGTH);
  if (!start.exact || !quote.startsWith(start.exact) || !end.exact || !end.prefix.endsWith(tail)) return undefined;
  return {
    type: 'RangeSelector',
    startSelector: start,
    endSelector: { type: 'TextQuoteSelector', exact: tail, prefix: end.prefix.slice(0, end.prefix.length - tail.length), suffix: end.exact },
  };
}

/** A code-point position as UTF-16 offsets into `text`, or undefined when it lies past the text. */
export function storedPosition(position: TextPositionSelector, text: string): TextPositionSelector | undefined {
  const start = utf16Offset(text, position.start);
  const end = utf16Offset(text, position.end);
  return start === undefined || end === undefined ? undefined : { type: 'TextPositionSelector', start, end };
}

/** The highlight's quote selector (every stored highlight has one). */
export function quoteSelectorOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}
