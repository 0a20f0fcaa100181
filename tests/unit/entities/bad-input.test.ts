// @vitest-environment node
/**
 * Inputs built to break a recogniser: megabytes of one character class, binary junk, random
 * strings. Each must come back without an exception, with spans that are in bounds, in order,
 * non-overlapping and equal to the text they cover. Catastrophic (super-linear) behaviour
 * shows up as these 5 MB cases running into the test time-out.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognize } from '@/lib/entities';
import type { Entity } from '@/lib/contracts/entities';

const FIVE_MB = 5 * 1024 * 1024;

/** The first way `entities` is malformed for `text`, or undefined. One pass, no expect per entity: millions of them. */
function firstProblem(text: string, entities: Entity[]): string | undefined {
  let previousEnd = 0;
  for (const e of entities) {
    if (e.start < previousEnd) return `overlap at ${e.start}`;
    if (e.end <= e.start || e.end > text.length) return `bad span ${e.start}-${e.end}`;
    if (e.text !== text.slice(e.start, e.end)) return `text differs at ${e.start}`;
    if (e.value !== undefined && !Number.isFinite(e.value)) return `value ${e.value} at ${e.start}`;
    previousEnd = e.end;
  }
  return undefined;
}

function expectWellFormed(text: string, entities: Entity[]): void {
  expect(firstProblem(text, entities)).toBeUndefined();
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function pseudoRandomBytes(length: number, seed: number): string {
  let x = seed;
  const codes = new Uint16Array(length);
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    codes[i] = (x >>> 16) & 0xffff;
  }
  let out = '';
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

describe('bad input', () => {
  it.each([
    ['digits', '', '7'],
    ['one number in thousands groups', '1', ',000'],
    ['dots', '', '.'],
    ['capitals', '', 'A'],
    ['capitalised names with suffixes', '', 'Apple Inc '],
    ['currency signs', '', '$'],
    ['amounts with currencies and scales', '', '$1bn £2m €3 ¥'],
    ['news text', '', 'Huawei Technologies said on Tuesday it will invest $111 million, up 3.5%. '],
  ])('survives 5 MB of %s', (_name, head, unit) => {
    const text = head + repeatTo(unit, FIVE_MB);
    expectWellFormed(text, recognize(text));
  });

  it.each([
    ['short numbers and commas', '1,'],
    ['numbers and dots', '1.'],
    ['numbers and dashes', '1-'],
    ['possessives', "'s"],
    ['white space', ' \n\t'],
    ['exchange prefixes', '(NYSE: '],
    ['legal suffixes', 'Inc. '],
  ])('survives 1 MB of %s', (_name, unit) => {
    const text = repeatTo(unit, 1024 * 1024);
    expectWellFormed(text, recognize(text));
  });

  it('survives 5 MB of binary junk', () => {
    const text = pseudoRandomBytes(FIVE_MB, 42);
    expectWellFormed(text, recognize(text));
  });

  it('gives well-formed spans on any string', () => {
    const alphabet = fc.constantFrom(...'Aa1 .,$€£%-–’\'()&:/\nInc Corp million bn percent yuan HK US NYSE'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }).map((cs) => cs.join('')), (text) => {
        expectWellFormed(text, recognize(text));
      }),
      { numRuns: 500 },
    );
  });

  it('survives a range connector that ends the text (found by the property above, seed 883132676)', () => {
    for (const text of ['1 –', '5 to', '$5 million -', 'between 3% and']) expectWellFormed(text, recognize(text));
    expect(recognize('1 –').map((e) => e.text)).toEqual(['1']);
  });

  it('survives a middle initial that ends the text (found by the property above in CI, seed -295525371)', () => {
    for (const text of ['A A.', 'John M.', 'Ford A. ']) expectWellFormed(text, recognize(text));
  });

  it('survives a legal suffix after a comma at the very start (found by fuzzing recognition)', () => {
    for (const text of [', Inc', ', A/S per $', ', Corp 1 per 5 to €']) expectWellFormed(text, recognize(text));
    expect(recognize(', Inc')).toEqual([]);
  });

  it('gives well-formed spans on any sequence of words that figures and names are made of', () => {
    const words = fc.constantFrom('1', '3.5', '$', '€', '%', '-', '–', 'to', 'and', 'between', 'from', 'million', 'US', 'HK', 'Inc', 'Corp', 'A/S', 'per', 'cent', '(', ')', ',', '.', 'yuan', 'RMB', 'Three', 'a', '\n');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.constantFrom(' ', ''), (parts, glue) => {
        const text = parts.join(glue);
        expectWellFormed(text, recognize(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('survives lone surrogates and the empty string', () => {
    expect(recognize('')).toEqual([]);
    expectWellFormed('\ud800$5\udc00 Apple', recognize('\ud800$5\udc00 Apple'));
  });
});
