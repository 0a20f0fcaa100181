/** What re-anchoring answers. The selectors it reads are contracts (lib/contracts/selectors.ts). */

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
