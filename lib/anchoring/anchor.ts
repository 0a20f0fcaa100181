/**
 * Re-anchoring: finds where a described highlight lies in a (possibly changed) text, or says
 * it cannot be placed with confidence. A wrong placement is worse than an orphan: the
 * decision rule (see search.ts) places a highlight only where the evidence of quote, prefix,
 * suffix and old position points to one place and no other place could as well be it.
 */
import type { Target } from './candidates';
import { fold, prepareText, toRaw, type PreparedText } from './prepared-text';
import { search } from './search';
import { CONTEXT_LENGTH, type AnchorResult } from './types';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../contracts/selectors';

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
  const intact = atOldPosition(text, target);
  if (intact) return intact;
  const witness = oldPlaceWitness(text, target);
  const found = (witness === undefined ? movedIntact(text, target) : undefined) ?? search(text, target, witness);
  // The old place says the passage is still there: anywhere else is at best a copy.
  const contradicted = found.kind === 'anchored' && witness !== undefined && found.start !== witness;
  return contradicted ? { kind: 'orphan', reason: 'ambiguous' } : found;
}

/**
 * Fastest path (an unchanged page): quote and full context verbatim at the old position. The
 * old place then witnesses it and nothing else could be chosen (see `oldPlaceWitness`), so
 * this answers what the full search would, in O(quote) instead of a scan of the text.
 */
function atOldPosition(text: string, { prefix, quote, suffix, hint }: Target): AnchorResult | undefined {
  if (hint === undefined || hint < prefix.length) return undefined;
  const start = hint;
  const end = start + quote.length;
  const intact = text.startsWith(quote, start) && text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end);
  return intact ? { kind: 'anchored', start, end, method: 'exact' } : undefined;
}

/**
 * Fast path (text inserted or removed above the highlight): the quote occurs verbatim once,
 * with its whole context, and that context was not widened (the passage did not repeat when
 * it was highlighted, see `describe`). No other place holds the quote or has more evidence,
 * so the full search would answer the same; this costs two scans of the text instead of many
 * approximate searches (10,000 highlights after late content arrives above them).
 */
function movedIntact(text: string, { prefix, quote, suffix }: Target): AnchorResult | undefined {
  // Wider context means the page repeated the passage when it was highlighted: search in full.
  if (prefix.length > CONTEXT_LENGTH || suffix.length > CONTEXT_LENGTH) return undefined;
  const at = text.indexOf(quote);
  if (at === -1 || text.indexOf(quote, at + 1) !== -1) return undefined;
  const intact = at >= prefix.length && text.startsWith(prefix, at - prefix.length) && text.startsWith(suffix, at + quote.length);
  return intact ? { kind: 'anchored', start: at, end: at + quote.length, method: 'exact' } : undefined;
}

/**
 * The old position, when it still holds the quote verbatim with one whole side of its context:
 * the text before (or after) the highlight is unchanged up to it, so this is most likely the
 * passage the reader marked even if another place now matches better (a moved block can
 * complete a copy of a repeated passage elsewhere).
 */
function oldPlaceWitness(text: string, { prefix, quote, suffix, hint }: Target): number | undefined {
  if (hint === undefined || !text.startsWith(quote, hint)) return undefined;
  const prefixHolds = hint >= prefix.length && text.startsWith(prefix, hint - prefix.length);
  return prefixHolds || text.startsWith(suffix, hint + quote.length) ? hint : undefined;
}
