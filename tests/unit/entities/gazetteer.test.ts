import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileGazetteerSource } from '@/lib/entities/gazetteer-compile';
import { gazetteer, parseGazetteer } from '@/lib/entities/gazetteer';

const entitiesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../lib/entities');
const source = readFileSync(join(entitiesDir, 'data/companies.txt'), 'utf8');

describe('gazetteer', () => {
  it('is compiled from the current source (run scripts/build-gazetteer.ts after editing companies.txt)', () => {
    const committed = readFileSync(join(entitiesDir, 'gazetteer-data.ts'), 'utf8');
    expect(committed).toBe(compileGazetteerSource(source).module);
  });

  it('has unique ids and indexes tickers', () => {
    const { companies, tickers } = gazetteer();
    expect(companies.length).toBeGreaterThan(800);
    expect(new Set(companies.map((c) => c.id)).size).toBe(companies.length);
    expect(tickers.get('AAPL')!.map((i) => companies[i]!.id)).toEqual(['apple']);
  });

  it('rejects an alias claimed by two companies, and bad tickers', () => {
    expect(() => compileGazetteerSource('Foo|Bar\nBaz|Bar')).toThrow(/also belongs to foo/);
    expect(() => compileGazetteerSource('Foo||NYSE:foo bar')).toThrow(/bad ticker/);
  });

  it('parses records it compiled', () => {
    const compiled = compileGazetteerSource("Lowe's|Lowe’s Companies|NYSE:LOW|w|pie;<the");
    const records = /GAZETTEER_RECORDS = (".*");/.exec(compiled.module)![1]!;
    const parsed = parseGazetteer(JSON.parse(records) as string);
    expect(parsed.companies[0]).toMatchObject({ id: 'lowe-s', name: "Lowe's", tickers: ['NYSE:LOW'], needsEvidence: true });
    expect([...parsed.companies[0]!.blockers]).toEqual(['pie', '<the']);
  });
});
