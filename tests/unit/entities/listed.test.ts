import { describe, expect, it } from 'vitest';
import { recognize } from '@/lib/entities';
import { gazetteer } from '@/lib/entities/gazetteer';
import { compileGazetteerSource } from '../../../scripts/gazetteer/compile';
import { importListed, isAmbiguous, pressName, shortForm, titleCase, websiteHost, type ListedRow } from '@/lib/entities/gazetteer-import';

const companies = (text: string) => recognize(text).filter((e) => e.type === 'company').map((e) => e.text);

describe('imported listed companies', () => {
  it('derive the name the press writes from a legal name', () => {
    expect(pressName('APPLE INC.')).toBe('Apple');
    expect(pressName('Alphabet Inc. Class A')).toBe('Alphabet');
    expect(pressName('Agilent Technologies, Inc.')).toBe('Agilent Technologies');
    expect(pressName('Shanghai Huide Science & Technology Co.,Ltd')).toBe('Shanghai Huide Science & Technology');
    expect(pressName('Bank of America Corporation')).toBe('Bank of America');
    expect(pressName('The Aaron\'s Company, Inc.')).toBe("Aaron's");
    expect(pressName('Tattelecom Public Joint-Stock Company')).toBe('Tattelecom');
    expect(pressName('iShares Core S&P 500 ETF')).toBeUndefined();
    expect(pressName('NextEra Energy Inc. 7.375% Corporate Units')).toBeUndefined();
    // The SEC's state of incorporation, an old name's mark, a depositary receipt
    expect(pressName('TRACTOR SUPPLY CO /DE/')).toBe('Tractor Supply');
    expect(pressName('Nve Corp /New/')).toBe('Nve');
    expect(pressName('Midea Group Co Ltd/ADR')).toBe('Midea Group');
    expect(pressName('Adaro Energy PT/ADR/')).toBe('Adaro Energy');
    expect(pressName('IAC/InterActiveCorp')).toBe('IAC/InterActiveCorp');
    expect(pressName('Quad/Graphics Inc.')).toBe('Quad/Graphics');
    // Funds named as trusts and numbered blank-check vehicles are not companies; a REIT is
    expect(pressName('BlackRock Municipal Income Trust II')).toBeUndefined();
    expect(pressName('VanEck Merk Gold Trust')).toBeUndefined();
    expect(pressName('Cantor Equity Partners IV, Inc.')).toBeUndefined();
    expect(pressName('Atlas Crest Investment Corp. II')).toBeUndefined();
    expect(pressName('American Assets Trust, Inc.')).toBe('American Assets Trust');
    expect(pressName('Advanced Ceramic X Corp')).toBe('Advanced Ceramic X');
    expect(pressName('Superior Bank, FSB')).toBe('Superior Bank');
    expect(pressName('BankMeridian, N.A.')).toBe('BankMeridian');
    expect(titleCase('VIRTU FINANCIAL INC')).toBe('Virtu Financial INC');
    expect(titleCase('KKR & CO INC')).toBe('KKR & Co INC');
  });

  it('take a short form only where the rest of the name is generic', () => {
    expect(shortForm('Agilent Technologies')).toBe('Agilent');
    expect(shortForm('Kandi Technologies Group')).toBe('Kandi');
    expect(shortForm('Bank of America')).toBeUndefined();
    expect(shortForm('Maple Leaf Foods')).toBeUndefined();
  });

  it('flag names that are words, places or given names', () => {
    const vocab = { commonWords: new Map([['tasty', 3], ['global', 900], ['industries', 900], ['devices', 100]]), places: new Set(['Lakeland']) };
    expect(isAmbiguous('Tasty', vocab)).toBe(true);
    expect(isAmbiguous('Lakeland', vocab)).toBe(true);
    expect(isAmbiguous('Global Industries', vocab)).toBe(true);
    expect(isAmbiguous('Taylor Devices', vocab)).toBe(false);
    expect(isAmbiguous('Zyxel', vocab)).toBe(false);
    // A small company (OTC, micro cap, an old row) needs evidence sooner: every word merely common
    const words = { commonWords: new Map([['homeland', 4], ['security', 2000], ['clean', 250], ['harbors', 35], ['rogue', 1], ['one', 5000]]), places: new Set<string>() };
    expect(isAmbiguous('Homeland Security', words)).toBe(false);
    expect(isAmbiguous('Homeland Security', words, true)).toBe(true);
    expect(isAmbiguous('Clean Harbors', words, true)).toBe(true);
    expect(isAmbiguous('Rogue One', words, true)).toBe(true);
    expect(isAmbiguous('Rogue One', words)).toBe(false);
    expect(isAmbiguous('Kandi Devices', vocab, true)).toBe(false);
  });

  it('merge one company listed twice, and leave out what the curated list names', () => {
    const row = (legalName: string, ticker: string, rank: number): ListedRow => ({ legalName, ticker, country: 'Spain', industry: 'Banks', website: 'santander.com', source: 'fd', rank });
    const vocab = { commonWords: new Map<string, number>(), places: new Set<string>() };
    const out = importListed([row('Banco Ejemplo, S.A.', 'BME:BEJ', 5), row('Banco Ejemplo SA', 'LON:BEJ', 3), row('Apple Inc.', 'NASDAQ:AAPL', 6)], new Set(['apple']), vocab, '');
    expect(out.text).toBe('Banco Ejemplo||BME:BEJ;LON:BEJ|o||Spain|Banks|santander.com\n');
    expect(websiteHost('http://www.agilent.com/')).toBe('agilent.com');
    expect(websiteHost('aircraft_co.avic.com')).toBe('');
  });

  it('merge rows written with and without spaces; reject a given name alone; an organisation word before a company word is a company', () => {
    const row = (legalName: string, rank: number): ListedRow => ({ legalName, ticker: '', country: '', industry: '', website: '', source: 'sec', rank });
    const vocab = { commonWords: new Map<string, number>(), places: new Set<string>() };
    const names = (rows: ListedRow[], curated: string[] = []) => importListed(rows, new Set(curated), vocab, '').text.split('\n').filter(Boolean).map((l) => l.split('|')[0]);
    expect(names([row('Ancestry.com Inc', 5), row('Ancestrycom Inc', 1)])).toEqual(['Ancestry.com']);
    expect(names([row('Ancestrycom Inc', 1)], ['ancestry com'])).toEqual([]);
    expect(names([row('Andrew Corp', 1)])).toEqual([]);
    expect(names([row('National Presto Industries Inc', 3), row('Federal Signal Corp', 3), row('City Holding Co', 3), row('Union Pacific Corp', 3)])).toEqual(['City Holding', 'National Presto Industries']);
  });

  it("give a curated company the facts of the largest row naming it, by its name or by an alias with one of its listings", () => {
    const vocab = { commonWords: new Map<string, number>(), places: new Set<string>() };
    const row = (legalName: string, ticker: string, country: string, website: string, rank: number): ListedRow => ({ legalName, ticker, country, industry: 'Software', website, source: 'fd', rank });
    const apple = { name: 'Apple', tickers: ['NASDAQ:AAPL'] };
    const maybank = { name: 'Maybank', tickers: ['KLSE:1155'] };
    const owners = new Map([['apple', apple], ['maybank', maybank], ['rh', maybank], ['malayan banking', maybank]]);
    const out = importListed(
      [
        row('Apple Inc.', '', 'United States', 'apple.com', 4), // a secondary listing: no ticker of its own
        row('Apple Hospitality REIT', 'NYSE:APLE', 'United States', 'applehospitality.com', 5), // another company
        row('RH', 'NYSE:RH', 'United States', 'rh.com', 6), // an alias of Maybank's, but another company's listing
        row('Malayan Banking Berhad', 'KLSE:1155', 'Malaysia', 'maybank.com', 3),
      ],
      new Set(owners.keys()),
      vocab,
      '',
      owners,
    );
    expect(out.curatedFacts).toBe('Apple|United States|Software|apple.com\nMaybank|Malaysia|Software|maybank.com\n');
    // Compiled into the curated records, where the curated line states no facts of its own.
    const compiled = compileGazetteerSource('Apple||NASDAQ:AAPL\nMaybank', '', out.curatedFacts);
    expect(compiled.data.records).toContain('Apple||NASDAQ:AAPL|||0|0|apple.com');
    expect(() => compileGazetteerSource('Apple', '', 'Apple|US|Tech|apple.com\nPear|US|Tech|pear.com')).toThrow(/curated-facts.txt:2: no curated company "Pear"/);
    expect(() => compileGazetteerSource('Apple', '', 'Apple|US')).toThrow(/curated-facts.txt:1: want Name\|country\|industry\|website/);
  });

  it('fail the build on a listed line that does not parse, with its line number', () => {
    expect(() => compileGazetteerSource('Foo', '# header\nBar|||x')).toThrow(/listed-companies.txt:2: unknown flags/);
    expect(() => compileGazetteerSource('Foo', 'Bar|||o||US|Tech|not a host')).toThrow(/listed-companies.txt:1: bad website/);
    // A listed company gives way to a curated one of the same name.
    expect(compileGazetteerSource('Foo|Bar', 'Bar||NYSE:BAR|o\nBaz|Bar|NYSE:BAZ|o').companies).toBe(2);
  });

  it('carry facts: country, industry, website', () => {
    const gaz = gazetteer();
    const c = gaz.company(gaz.listedUnder('KNDI')![0]!);
    expect(c).toMatchObject({ name: 'Kandi Technologies Group', tickers: ['NASDAQ:KNDI'], country: 'China', industry: 'Auto Components', website: 'kandivehicle.com' });
    // A curated company, with the facts the import found for it, on the entity the card shows.
    const [siemens] = recognize('Siemens said orders rose.');
    expect(siemens).toMatchObject({ name: 'Siemens', ticker: 'ETR:SIE', country: 'Germany', industry: 'Machinery', website: 'siemens.com' });
  });

  it('are marked by their full name; a one-word name needs evidence in the document', () => {
    expect(companies('Kandi raised its forecast.')).toEqual([]);
    expect(companies('Kandi Technologies Group said sales rose. Kandi shipped 500 cars.')).toEqual(['Kandi Technologies Group', 'Kandi']);
    expect(companies('Shares of Kandi rose 5%.')).toEqual(['Kandi']);
  });
});

describe('longer names', () => {
  it('a known name followed by name words ending in a company word is the longer company', () => {
    expect(companies('Hanwha Q Cells will build a plant in Georgia.')).toEqual(['Hanwha Q Cells']);
    expect(companies('Sierra Nevada Corp. and Ceres Robotics are developing landers.')).toEqual(['Sierra Nevada Corp.', 'Ceres Robotics']);
    expect(companies('Emirates Airline cut flights. Emirates said demand fell.')).toEqual(['Emirates Airline', 'Emirates']);
  });

  it('a name that needs evidence, right after another name word, is the end of a longer name', () => {
    expect(companies('companies Astrobotic, Intuitive Machines and Orbit Beyond. Orbit Beyond dropped out.')).toContain('Orbit Beyond');
  });

  it('a bracketed abbreviation is a ticker only of a listed company of that name', () => {
    expect(companies('WASHINGTON (AP) — the Centre for Disease Control (CDC) said the Falklands War (1982) ended.')).toEqual(['AP']);
  });
});

describe('listed names that are words', () => {
  it('takes a whole listed name ending in a company word, though its first word alone needs evidence', () => {
    expect(companies('Delta Air Lines cut fares. Delta said demand held up. Southwest Airlines followed.')).toEqual(['Delta Air Lines', 'Delta', 'Southwest Airlines']);
    expect(companies('The river delta flooded. Delta flights left on time.')).toEqual([]);
  });
});
