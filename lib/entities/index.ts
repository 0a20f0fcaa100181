/**
 * Recognises companies and figures in article text: a pure function over a string, no DOM.
 * See ../shared/corpus/entities/GUIDELINES.md for what counts, and SOURCES.md for the data.
 */
import { tokenize } from './tokenize';
import { figureContext, findFigures } from './figures';
import type { Entity, RecognizeOptions } from './types';

export type { Entity, EntityType, RecognizeOptions } from './types';

/** Companies, money, percentages and other figures in `text`, in text order, never overlapping. */
export function recognize(text: string, options: RecognizeOptions = {}): Entity[] {
  void options;
  const tokens = tokenize(text);
  return findFigures(figureContext(text, tokens));
}
