/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors)
 * over the article's plain text, and what re-anchoring answers.
 */

/** The highlighted text with up to {@link CONTEXT_LENGTH} characters of context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** UTF-16 offsets into the article text the highlight was made on. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * The highlight as "from its first words to its last words": a W3C RangeSelector whose start
 * and end are quotes of the highlight's head and tail (each with its outer context). It stays
 * string-level so it survives any DOM; re-anchoring uses it to find where a changed quote lies.
 */
export interface RangeSelector {
  type: 'RangeSelector';
  startSelector: TextQuoteSelector;
  endSelector: TextQuoteSelector;
}

export type Selector = TextQuoteSelector | TextPositionSelector | RangeSelector;

/** How an anchor was found: the quote verbatim with its context, by its old position among equals, or approximately. */
export type AnchorMethod = 'exact' | 'position' | 'fuzzy';

export interface Anchored {
  kind: 'anchored';
  /** UTF-16 offsets into the text given to `anchor`. */
  start: number;
  end: number;
  method: AnchorMethod;
}

/** Why a highlight could not be placed with confidence; it is kept, listed, and never drawn. */
export type OrphanReason = 'no-quote' | 'not-found' | 'low-confidence' | 'ambiguous';

export interface Orphan {
  kind: 'orphan';
  reason: OrphanReason;
}

export type AnchorResult = Anchored | Orphan;

/** Characters of prefix and suffix context a TextQuoteSelector keeps. */
export const CONTEXT_LENGTH = 32;
