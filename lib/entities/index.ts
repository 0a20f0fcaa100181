/**
 * Recognises companies and figures in article text: a pure function over a string, no DOM.
 * What counts is ../shared/corpus/entities/GUIDELINES.md; the company data is described in
 * SOURCES.md. Time is linear in the text: one tokenizer pass, then passes over the tokens
 * that each look a bounded number of tokens around a position.
 */
import { tokenize } from './tokenize';
import { figureContext, findFigures } from './figures';
import { findCompanies } from './companies';
import type { RecognizeOptions } from './types';
import type { Entity } from '../contracts/entities';

export type { RecognizeOptions } from './types';

/** Companies, money, percentages and other figures in `text`, in text order, never overlapping. */
export function recognize(text: string, options: RecognizeOptions = {}): Entity[] {
  const tokens = tokenize(text);
  const companies = findCompanies(text, tokens, options);
  const figures = findFigures(figureContext(text, tokens));
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
