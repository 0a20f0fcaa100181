// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describe as describeSpan, type Anchored } from '@/lib/anchoring';
import type { Selector, TextQuoteSelector } from '@/lib/contracts/selectors';
import {
  changeWhitespace, changeWordInside, deleteParagraph, editWordsNear, insertFurniture, insertParagraph, moveBlock,
  seededRandom, type Doc, type Random,
} from '../../../bench/anchoring/mutate';

const ARTICLE = [
  'Shares of Acme Corp rose 4 percent on Tuesday after the company reported quarterly revenue that beat analyst estimates.',
  'The maker of industrial sensors said sales in Europe grew faster than expected, helped by demand from carmakers.',
  'Chief executive Dana Ruiz told analysts on a call that the company would keep investing in new factories next year.',
  'Rival Globex, which reports next week, has warned that supply shortages could weigh on its own results.',
  'Analysts at several banks raised their price targets, citing stronger margins and a healthier order book.',
  'The company also announced a share buyback of up to 500 million dollars over the next two years.',
].join('\n\n');
const OTHER = ['A completely unrelated paragraph about the weather in the mountains this weekend.', 'Sports results came in late.'];
const VOCABULARY = ['market', 'growth', 'quietly', 'record', 'plant', 'annual', 'orders'];

function selectorsFor(text: string, quote: string, from = 0): { selectors: Selector[]; start: number; end: number } {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`fixture lacks "${quote}"`);
  return { selectors: describeSpan(text, start, start + quote.length), start, end: start + quote.length };
}

function expectAt(result: ReturnType<typeof anchor>, start: number, end: number): Anchored {
  expect(result).toMatchObject({ kind: 'anchored', start, end });
  return result as Anchored;
}

describe('describe', () => {
  it('keeps the quote, 32 characters of context each side, the position and the edges', () => {
    const { selectors, start, end } = selectorsFor(ARTICLE, 'Dana Ruiz');
    const [quote, position, range] = selectors;
    expect(quote).toEqual({
      type: 'TextQuoteSelector', exact: 'Dana Ruiz', prefix: ARTICLE.slice(start - 32, start), suffix: ARTICLE.slice(end, end + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(range).toMatchObject({ type: 'RangeSelector', startSelector: { exact: 'Dana Ruiz' }, endSelector: { exact: 'Dana Ruiz' } });
  });

  it('keeps more context when quote and context repeat elsewhere', () => {
    const rule = `\n${'-'.repeat(40)}\n`;
    const row = 'Team A 3 1 0 10 points';
    const text = `Alpha leads.${rule}${row}${rule}Beta follows.${rule}${row}${rule}Gamma trails.`;
    const second = text.lastIndexOf(row);
    const quote = describeSpan(text, second, second + row.length)[0] as TextQuoteSelector;
    expect(quote.prefix.length).toBeGreaterThan(32);
    expect(quote.prefix).toContain('Beta follows.');
  });

  it('refuses empty and out-of-bounds spans', () => {
    expect(() => describeSpan('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeSpan('abc', 2, 9)).toThrow(RangeError);
  });
});

describe('anchor on an unchanged text', () => {
  it('finds every highlight exactly', () => {
    for (const quote of ['rose', 'Europe grew faster than expected', ARTICLE.slice(200, 420)]) {
      const { selectors, start, end } = selectorsFor(ARTICLE, quote);
      expect(expectAt(anchor(ARTICLE, selectors), start, end).method).toBe('exact');
    }
  });

  it('orphans selectors without a quote', () => {
    expect(anchor(ARTICLE, [{ type: 'TextPositionSelector', start: 0, end: 5 }])).toEqual({ kind: 'orphan', reason: 'no-quote' });
  });
});

type Mutation = (doc: Doc, random: Random) => Doc;
const mutations: Record<string, Mutation> = {
  'insert paragraphs': (d, r) => insertParagraph(d, r, OTHER),
  'delete paragraphs': (d, r) => deleteParagraph(d, r),
  'edit words nearby': (d, r) => editWordsNear(d, r, VOCABULARY),
  'change whitespace': (d, r) => changeWhitespace(d, r),
  'insert page furniture': (d, r) => insertFurniture(d, r),
  'move blocks': (d, r) => moveBlock(d, r),
};
const QUOTES = ['rose 4 percent', 'carmakers', 'keep investing in new factories', 'Globex, which reports next week, has warned', 'price targets'];

describe.each(Object.entries(mutations))('re-anchoring after: %s', (_name, mutate) => {
  it('places each intact quote exactly where its words went', () => {
    for (let seed = 1; seed <= 8; seed += 1) {
      const random = seededRandom(seed);
      for (const quote of QUOTES) {
        const { selectors, start, end } = selectorsFor(ARTICLE, quote);
        const changed = mutate({ text: ARTICLE, span: { start, end } }, random);
        expect(changed.text.slice(changed.span.start, changed.span.end).replace(/\s+/g, ' ')).toBe(quote);
        expectAt(anchor(changed.text, selectors), changed.span.start, changed.span.end);
      }
    }
  });
});

describe('a word changed inside the quote', () => {
  it('is found by fuzzy matching, spanning the changed words', () => {
    const random = seededRandom(3);
    for (const quote of ['keep investing in new factories', 'Globex, which reports next week, has warned']) {
      const { selectors, start, end } = selectorsFor(ARTICLE, quote);
      const changed = changeWordInside({ text: ARTICLE, span: { start, end } }, random, VOCABULARY)!;
      expect(expectAt(anchor(changed.text, selectors), changed.span.start, changed.span.end).method).toBe('fuzzy');
    }
  });

  it('is orphaned, not misplaced, when the whole quote is gone', () => {
    const { selectors } = selectorsFor(ARTICLE, 'Europe grew faster');
    expect(anchor(ARTICLE.replace('Europe grew faster than expected', 'Asia slowed'), selectors).kind).toBe('orphan');
  });
});

describe('ambiguous quotes', () => {
  const text = 'The company said profits rose. Later, in another market, the company said profits fell sharply.';

  it('lets the context pick among repeated words', () => {
    const second = selectorsFor(text, 'the company', text.indexOf('Later'));
    const edited = `Intro line.\n\n${text}`;
    expectAt(anchor(edited, second.selectors), second.start + 13, second.end + 13);
  });

  it('lets the old position pick among copies with identical context, or orphans without one', () => {
    const row = 'Team A 3 1 0 10 points';
    const table = Array.from({ length: 10 }, () => row).join('\n');
    const at = 5 * (row.length + 1);
    // Built by hand: `describe` would widen the context until it is unique.
    const quote: TextQuoteSelector = {
      type: 'TextQuoteSelector', exact: 'Team A', prefix: table.slice(at - 32, at), suffix: table.slice(at + 6, at + 38),
    };
    const position: Selector = { type: 'TextPositionSelector', start: at, end: at + 6 };
    // Verbatim with its context at its old position: found there without searching the copies.
    expect(anchor(table, [quote, position])).toMatchObject({ kind: 'anchored', start: at, end: at + 6, method: 'exact' });
    // Moved a little (a line inserted above): the copy nearest the old position, chosen among equals.
    const shifted = `Top\n${table}`;
    expect(anchor(shifted, [quote, position])).toMatchObject({ kind: 'anchored', start: at + 4, end: at + 10, method: 'position' });
    expect(anchor(table, [quote])).toEqual({ kind: 'orphan', reason: 'ambiguous' });
  });

  it('orphans a short quote whose own place was deleted while it still occurs elsewhere', () => {
    const { selectors } = selectorsFor(ARTICLE, 'analysts', ARTICLE.indexOf('Dana'));
    const without = ARTICLE.split('\n\n').filter((p) => !p.includes('Dana')).join('\n\n');
    expect(without).toContain('Analysts');
    expect(anchor(without, selectors).kind).toBe('orphan');
  });
});

describe('anchorAll', () => {
  it('anchors many highlights against one preparation of the text', () => {
    const words = [...ARTICLE.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const described = words.map((w) => describeSpan(ARTICLE, w.start, w.end));
    const results = anchorAll(`${OTHER[0]}\n\n${ARTICLE}`, described);
    const shift = OTHER[0]!.length + 2;
    results.forEach((r, i) => expectAt(r, words[i]!.start + shift, words[i]!.end + shift));
  });
});

describe('changed quotes (fuzzy) are placed only with their edges confirmed', () => {
  it('places a changed quote exactly from its first to its last word, even with furniture inserted before it', () => {
    const quote = 'Chief executive Dana Ruiz told analysts on a call that the company would keep investing';
    const { selectors } = selectorsFor(ARTICLE, quote);
    const changed = ARTICLE.replace(quote, quote.replace('analysts', 'investors')).replace('Chief executive', 'ADVERTISEMENT\n\nChief executive');
    const start = changed.indexOf('Chief executive');
    expectAt(anchor(changed, selectors), start, start + quote.length + 1);
  });

  it('orphans a short changed quote whose context no longer frames it', () => {
    const { selectors } = selectorsFor(ARTICLE, 'price targets');
    const changed = ARTICLE.replace('raised their price targets, citing', 'cut the price goals, pointing to');
    expect(anchor(changed, selectors)).toMatchObject({ kind: 'orphan' });
  });
});
