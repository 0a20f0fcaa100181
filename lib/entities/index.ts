/**
 * Recognises companies and figures in article text: a pure function over a string, no DOM.
 * What counts is ../shared/corpus/entities/GUIDELINES.md; the company data is described in
 * SOURCES.md. Time is linear in the text: one tokenizer pass, then passes over the tokens
 * that each look a bounded number of tokens around a position.
 */
import { tokenize } from './tokenize';
import { figureContext, findFigureSteps } from './figures';
import { findCompanySteps } from './companies';
import type { Entity, RecognizeOptions } from './types';

export type { Entity, EntityType, RecognizeOptions } from './types';

/** Companies, money, percentages and other figures in `text`, in text order, never overlapping. */
export function recognize(text: string, options: RecognizeOptions = {}): Entity[] {
  const steps = recognizeSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same recognition as a generator that pauses between its passes (tokens, figures, listed
 * companies, other companies) and every few thousand tokens within the longest ones, so a
 * caller in a page can give the page back between them.
 */
export function* recognizeSteps(text: string, options: RecognizeOptions = {}): Generator<void, Entity[]> {
  const tokens = tokenize(text);
  yield;
  const figures = yield* findFigureSteps(figureContext(text, tokens));
  yield;
  const companies = yield* findCompanySteps(text, tokens, options);
  return mergeWithoutOverlap(companies, figures);
}

/** Both lists sorted by start; where two spans overlap the longer stays (a company on a tie). */
function mergeWithoutOverlap(companies: Entity[], figures: Entity[]): Entity[] {
  const all = [...companies, ...figures].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Entity[] = [];
  for (const e of all) {
    const prev = out[out.length - 1];
    if (!prev || prev.end <= e.start) {
      out.push(e);
      continue;
    }
    const longer = e.end - e.start > prev.end - prev.start || (e.end - e.start === prev.end - prev.start && e.type === 'company');
    if (longer) out[out.length - 1] = e;
  }
  return out;
}
