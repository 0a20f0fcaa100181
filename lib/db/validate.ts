/** Input checks for the library: clear refusals instead of odd records. */
import type { Selector, TextQuoteSelector } from '../contracts/selectors';
import { LibraryError } from './errors';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../contracts/records';

/** Longest note kept (characters); longer ones are refused rather than cut. */
export const MAX_NOTE_LENGTH = 100_000;
const MAX_TAG_LENGTH = 100;
const MAX_TAGS = 100;

/** Trimmed, whitespace-folded, case-insensitively de-duplicated tags (first spelling wins). */
export function cleanTags(tags: readonly string[] = []): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = String(raw).replace(/\s+/g, ' ').trim();
    if (!tag) continue;
    if (tag.length > MAX_TAG_LENGTH) throw new LibraryError(`A tag can be at most ${MAX_TAG_LENGTH} characters long.`);
    if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  if (seen.size > MAX_TAGS) throw new LibraryError(`At most ${MAX_TAGS} tags.`);
  return [...seen.values()];
}

/** Notes are plain text of any content (markup included, shown as text), within a size limit. */
export function checkNote(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  if (typeof note !== 'string') throw new LibraryError('A note must be text.');
  if (note.length > MAX_NOTE_LENGTH) throw new LibraryError(`A note can be at most ${MAX_NOTE_LENGTH} characters long.`);
  return note;
}

export function checkColour(colour: string | undefined): HighlightColour | undefined {
  if (colour === undefined) return undefined;
  if (!(HIGHLIGHT_COLOURS as readonly string[]).includes(colour)) {
    throw new LibraryError(`Unknown highlight colour "${colour}"; use one of ${HIGHLIGHT_COLOURS.join(', ')}.`);
  }
  return colour as HighlightColour;
}

/** Selectors must hold a non-blank quote: that is what re-anchoring and the orphan list show. */
export function quoteOf(selectors: readonly Selector[]): TextQuoteSelector {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote || !quote.exact.trim()) throw new LibraryError('A highlight needs some selected text.');
  return quote;
}
