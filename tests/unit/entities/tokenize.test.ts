// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Kind, tokenize } from '@/lib/entities/tokenize';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps names with joiners whole and splits off the possessive', () => {
    expect(texts("AT&T's U.S. unit, O'Brien and Lowe’s")).toEqual(['AT&T', "'s", 'U.S.', 'unit', ',', "O'Brien", 'and', 'Lowe', '’s']);
    expect(texts('9to5Mac.com and Coca-Cola')).toEqual(['9to5Mac.com', 'and', 'Coca', '-', 'Cola']);
  });

  it('reads numbers with thousands groups and one decimal part', () => {
    const tokens = tokenize('$1,599.99 and 12,50 and 2.0.1');
    expect(tokens.map((t) => [t.text, t.kind])).toEqual([
      ['$', Kind.Sym], ['1,599.99', Kind.Num], ['and', Kind.Word], ['12', Kind.Num], [',', Kind.Sym], ['50', Kind.Num],
      ['and', Kind.Word], ['2.0', Kind.Num], ['.', Kind.Sym], ['1', Kind.Num],
    ]);
  });

  it('splits a number from a glued unit or scale', () => {
    expect(texts('256GB £20.1bn')).toEqual(['256', 'GB', '£', '20.1', 'bn']);
  });

  it('keeps a run of one symbol as one token', () => {
    expect(texts('wait... $$$ --- ok')).toEqual(['wait', '...', '$$$', '---', 'ok']);
  });

  it('gives UTF-16 offsets that slice back to each token', () => {
    const text = 'Émile paid €5 — 😀 Huawei';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
