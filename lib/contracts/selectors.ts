/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors) over the
 * article's plain text: how a highlight says where it is, stored with it and sent in messages.
 */

/** The highlighted text with some characters of context either side (see CONTEXT_LENGTH in lib/anchoring). */
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
