// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileGazetteerSource } from '../../../scripts/gazetteer/compile';
import { gazetteer, matchAt, parseGazetteer } from '@/lib/entities/gazetteer';
import { tokenize } from '@/lib/entities/tokenize';

const entitiesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../lib/entities');
const source = readFileSync(join(entitiesDir, 'data/companies.txt'), 'utf8');
const listed = readFileSync(join(entitiesDir, 'data/listed-companies.txt'), 'utf8');
const curatedFacts = readFileSync(join(entitiesDir, 'data/curated-facts.txt'), 'utf8');

describe('gazetteer', () => {
  it('is compiled from the current source (run scripts/build-gazetteer.ts after editing companies.txt)', () => {
    const committed = readFileSync(join(entitiesDir, 'gazetteer-data.ts'), 'utf8');
    expect(committed).toBe(compileGazetteerSource(source, listed, curatedFacts).module);
  });

  it('has unique ids and indexes tickers', () => {
    const gaz = gazetteer();
    const companies = Array.from({ length: gaz.size }, (_, i) => gaz.company(i));
    expect(companies.length).toBeGreaterThan(800);
    expect(new Set(companies.map((c) => c.id)).size).toBe(companies.length);
    expect(gaz.listedUnder('AAPL')!.map((i) => companies[i]!.id)).toEqual(['apple']);
  });

  it('rejects an alias claimed by two companies, and bad tickers', () => {
    expect(() => compileGazetteerSource('Foo|Bar\nBaz|Bar')).toThrow(/also belongs to foo/);
    expect(() => compileGazetteerSource('Foo||NYSE:foo bar')).toThrow(/bad ticker/);
  });

  it('parses records it compiled', () => {
    const compiled = compileGazetteerSource("Lowe's|Lowe’s Companies|NYSE:LOW|w|pie;<the");
    const parsed = parseGazetteer(compiled.data);
    expect(parsed.company(0)).toMatchObject({ id: 'lowe-s', name: "Lowe's", tickers: ['NYSE:LOW'], needsEvidence: true });
    expect([...parsed.company(0).blockers]).toEqual(['pie', '<the']);
  });
});

describe('lazy gazetteer', () => {
  const compiled = compileGazetteerSource('eBay|eBay Inc|NASDAQ:EBAY\nHome Depot|The Home Depot|NYSE:HD\nAcme||NYSE:ACM\nAlphabet|Google;Alphabet Inc|NASDAQ:GOOGL\nHome Capital|HCG');
  const names = (text: string) => {
    const tokens = tokenize(text);
    const gaz = parseGazetteer(compiled.data);
    const found: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const match = matchAt(gaz.root, tokens, i);
      if (!match) continue;
      found.push(gaz.company(match.company).name);
      i = match.last;
    }
    return found;
  };

  it('finds a lower-case name even when the first word it is asked about is lower case', () => {
    expect(names('eBay and Acme')).toEqual(['eBay', 'Acme']);
    expect(names('shares of eBay rose')).toEqual(['eBay']);
  });

  it('fills in every name starting with a word, whatever the order of lookups', () => {
    expect(names('Home improvement: The Home Depot, then Home Depot')).toEqual(['Home Depot', 'Home Depot']);
  });

  it('finds an alias that starts with another word than its name, and names sharing a first word', () => {
    expect(names('Google, Home Capital and Home Depot')).toEqual(['Alphabet', 'Home Capital', 'Home Depot']);
  });

  it('indexes tickers on first use', () => {
    const gaz = parseGazetteer(compiled.data);
    expect(gaz.listedUnder('HD')?.map((i) => gaz.company(i).id)).toEqual(['home-depot']);
    expect(gaz.listedUnder('NOPE')).toBeUndefined();
  });
});
