// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emphasise, holdsAll, passage, searchWords, type Segment } from '@/lib/library/excerpt';
import { searchLibrary, type TermReader } from '@/lib/library/search';
import { libraryRow, termKey, termWeights } from '@/lib/search-index/terms';
import type { ArticleRecord } from '@/lib/contracts/records';

const found = (segments: Segment[] | null) => segments?.filter((s) => s.found).map((s) => s.text);
const joined = (segments: Segment[] | null) => segments?.map((s) => s.text).join('');

const TEXT =
  'Markets opened quietly on Monday. ' + 'Filler sentence about nothing in particular. '.repeat(8) +
  'Nordwind Energy agreed to buy Baltic Grid for $12.9bn, its largest deal. ' + 'More filler follows here. '.repeat(8) +
  'Baltic weather was mild.';

describe('search passages', () => {
  it('reads words as the index does: split on spaces and punctuation, any case, the last one as a prefix', () => {
    expect(searchWords('Baltic  gr')).toEqual({ words: ['baltic', 'gr'], lastIsPrefix: true });
    expect(found(emphasise('Baltic Grid, baltic-grids; BALTIC', searchWords('baltic gr')))).toEqual(['Baltic', 'Grid', 'baltic', 'grids', 'BALTIC']);
    // Only the last word is a prefix: "grid" does not find "gridlock" when another word follows.
    expect(found(emphasise('gridlock in Baltic', searchWords('grid baltic')))).toEqual(['Baltic']);
    // A one-letter last word is whole, as in the search.
    expect(found(emphasise('a apple', searchWords('a')))).toEqual(['a']);
    expect(found(emphasise('A deal for $12.9bn', searchWords('$12.9bn')))).toEqual(['$12', '9bn']);
  });

  it('takes the passage where the different words stand together, cut at whole words, with … where the text goes on', () => {
    const segments = passage(TEXT, searchWords('baltic deal'));
    expect(found(segments)).toEqual(['Baltic', 'deal']);
    const text = joined(segments)!;
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(222);
    expect(text).toContain('Nordwind Energy agreed to buy Baltic Grid for $12.9bn, its largest deal.');
    // Cut at spaces: the passage's first and last words are words of the text.
    const inner = text.slice(1, -1).trim().split(' ');
    for (const word of [inner[0]!, inner.at(-1)!]) expect(TEXT.split(/\s+/)).toContain(word);
  });

  it('shows a short text whole, and nothing when the words are not there', () => {
    expect(joined(passage('Baltic Grid sold.', searchWords('grid')))).toBe('Baltic Grid sold.');
    expect(passage('Nothing here.', searchWords('grid'))).toBeNull();
    expect(passage('Anything.', searchWords('  '))).toBeNull();
  });

  it('makes one line of the text around the words', () => {
    expect(joined(passage('First line.\n\n  Baltic Grid \n sold.', searchWords('grid')))).toBe('First line. Baltic Grid sold.');
  });

  it('knows when a text holds every word', () => {
    expect(holdsAll('Chip makers rally', searchWords('rally chip'))).toBe(true);
    expect(holdsAll('Chip makers rally', searchWords('rally tessel'))).toBe(false);
    expect(holdsAll('anything', searchWords(''))).toBe(false);
  });

  it('emphasises a word in every article the search finds, and keeps the text as it was', async () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    const filler = fc.array(fc.stringMatching(/^[a-z]{1,8}[.,]?$/), { maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(word, filler, filler, async (w, before, after) => {
        const text = [...before, w, ...after].join(' ');
        const article = { id: 'a', title: 'T', url: 'https://example.com/a', note: '', text, updatedAt: '1', tags: [], entities: [], savedAt: 1 } as unknown as ArticleRecord;
        const { terms, length } = termWeights(article, []);
        const readTerms: TermReader = async (word, prefix) => [...terms].filter(([t]) => (prefix ? t.startsWith(word) : t === word)).map(([t, weight]) => ({ key: termKey(t, 'a'), postings: { a: weight } }));
        // Whatever the index finds, the passage shows a found word; a whole text comes back unchanged.
        expect((await searchLibrary(w, new Map([['a', libraryRow(article, [], length)]]), readTerms)).scores.has('a')).toBe(true);
        const segments = passage(text, searchWords(w), { length: 10_000, lead: 60 });
        expect(found(segments)!.length).toBeGreaterThan(0);
        expect(joined(segments)).toBe(text);
        expect(joined(emphasise(text, searchWords(w)))).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});
