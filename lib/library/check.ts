/**
 * Small, strict shape checks for imported files: each records a problem with where it is
 * ("articles[3].url") instead of throwing at the first one, so the reader hears what is wrong.
 */
import type { Selector } from '../contracts/selectors';

/** Problems reported at most; a broken file often breaks the same way thousands of times. */
const MAX_PROBLEMS = 5;

export class Problems {
  readonly list: string[] = [];
  private more = 0;

  add(path: string, what: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(`${path}: ${what}`);
    else this.more++;
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /** The problems as one message, "and N more" when some were left out. */
  summary(): string {
    return this.list.join('; ') + (this.more ? `; and ${this.more} more` : '');
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string no longer than `max`, or a problem. */
export function str(problems: Problems, path: string, value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') problems.add(path, 'should be text');
  else if (value.length > max) problems.add(path, `is longer than ${max} characters`);
  else return value;
  return undefined;
}

export function optionalStr(problems: Problems, path: string, value: unknown, max: number): string | null {
  return value === null || value === undefined ? null : (str(problems, path, value, max) ?? null);
}

export function num(problems: Problems, path: string, value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) problems.add(path, 'should be a number');
  else return value;
  return undefined;
}

export function strList(problems: Problems, path: string, value: unknown, maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(value)) {
    problems.add(path, 'should be a list of text');
    return [];
  }
  if (value.length > maxItems) problems.add(path, `has more than ${maxItems} items`);
  return value.filter((v, i) => str(problems, `${path}[${i}]`, v, maxLength) !== undefined) as string[];
}

const MAX_QUOTE = 100_000;
const MAX_CONTEXT = 1_000;

/** W3C selectors as we store them: one non-blank TextQuoteSelector at least; unknown selector types are dropped. */
export function selectors(problems: Problems, path: string, value: unknown): Selector[] {
  const list = Array.isArray(value) ? value : [value];
  const kept: Selector[] = [];
  list.forEach((raw, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(raw)) return problems.add(at, 'should be a selector object');
    const selector = selectorOf(problems, at, raw);
    if (selector) kept.push(selector);
  });
  const quote = kept.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || !quote.exact.trim()) problems.add(path, 'has no TextQuoteSelector with the highlighted text');
  return kept;
}

function selectorOf(problems: Problems, path: string, raw: JsonObject): Selector | undefined {
  switch (raw.type) {
    case 'TextQuoteSelector': {
      const exact = str(problems, `${path}.exact`, raw.exact, MAX_QUOTE);
      const prefix = raw.prefix === undefined ? '' : str(problems, `${path}.prefix`, raw.prefix, MAX_CONTEXT);
      const suffix = raw.suffix === undefined ? '' : str(problems, `${path}.suffix`, raw.suffix, MAX_CONTEXT);
      return exact === undefined || prefix === undefined || suffix === undefined ? undefined : { type: 'TextQuoteSelector', exact, prefix, suffix };
    }
    case 'TextPositionSelector': {
      const start = num(problems, `${path}.start`, raw.start);
      const end = num(problems, `${path}.end`, raw.end);
      if (start === undefined || end === undefined) return undefined;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return void problems.add(path, 'has an impossible start or end');
      return { type: 'TextPositionSelector', start, end };
    }
    case 'RangeSelector': {
      const start = isObject(raw.startSelector) ? selectorOf(problems, `${path}.startSelector`, raw.startSelector) : undefined;
      const end = isObject(raw.endSelector) ? selectorOf(problems, `${path}.endSelector`, raw.endSelector) : undefined;
      // Ranges between DOM selectors (XPath, CSS) mean nothing over our plain text: drop them.
      return start?.type === 'TextQuoteSelector' && end?.type === 'TextQuoteSelector' ? { type: 'RangeSelector', startSelector: start, endSelector: end } : undefined;
    }
    default:
      // XPath, CSS, FragmentSelector…: valid W3C, but they point into a DOM we do not keep.
      return undefined;
  }
}
