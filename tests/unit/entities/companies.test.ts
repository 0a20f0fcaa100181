// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { recognize, type RecognizeOptions } from '@/lib/entities';

function companies(text: string, options?: RecognizeOptions): string[] {
  return recognize(text, options).filter((e) => e.type === 'company').map((e) => e.text);
}

describe('listed companies', () => {
  it('finds names and aliases, with id, display name and ticker', () => {
    const [apple] = recognize('Apple said on Tuesday it would hire more staff.');
    expect(apple).toMatchObject({ type: 'company', text: 'Apple', id: 'apple', name: 'Apple', ticker: 'NASDAQ:AAPL', start: 0, end: 5 });
    expect(companies('Shares of JPMorgan and Goldman Sachs rose.')).toEqual(['JPMorgan', 'Goldman Sachs']);
  });

  it('leaves out a leading "the" and a possessive', () => {
    expect(companies('the Walt Disney Co. said')).toEqual(['Walt Disney Co.']);
    expect(companies("Apple's new phone and Lowe’s sales")).toEqual(['Apple', 'Lowe’s']);
  });

  it('takes the legal suffix into the span', () => {
    expect(companies('Home Depot Inc. reported')).toEqual(['Home Depot Inc.']);
    expect(companies('SoftBank Group Corp said')).toEqual(['SoftBank Group Corp']);
  });

  it('takes the Danish and Norwegian "A/S" as a legal suffix, of listed and unlisted names alike', () => {
    // The demo article's first line marked only "Nordwind": "A/S" was read as three tokens.
    expect(companies('Nordwind Energy A/S said on Monday it had agreed to buy a rival.')).toEqual(['Nordwind Energy A/S']);
    expect(companies('Shares of Pandora A/S rose 4%.')).toEqual(['Pandora A/S']);
    expect(companies('The A/B test ran for a week; results are N/A.')).toEqual([]);
  });

  it('counts a short form found by its own context as the longer name it heads', () => {
    // "Nordwind's chief executive" was its own company, apart from "Nordwind Energy A/S".
    const text = 'Nordwind Energy A/S agreed to buy a rival. "It is a big step," Nordwind\'s chief executive said. Nordwind fell 3%.';
    const found = recognize(text).filter((e) => e.type === 'company');
    expect(found.map((e) => e.text)).toEqual(['Nordwind Energy A/S', 'Nordwind', 'Nordwind']);
    expect(new Set(found.map((e) => e.id))).toEqual(new Set(['x:nordwind-energy']));
  });

  it('reads names in capitals, as in stock tables', () => {
    expect(companies("HD THE HOME DEPOT INC. 225.86\nLOW LOWE'S COMPANIES INC. 113.40")).toEqual(['HD', 'THE HOME DEPOT INC.', 'LOW', "LOWE'S COMPANIES INC."]);
  });

  it('keeps a capitalised "The" that is part of the name, and finds the name after a lower-case "the" without it', () => {
    expect(companies('According to The Verge, it was so. A story in the Verge said. The Verge reported it first.')).toEqual(['The Verge', 'Verge', 'The Verge']);
    expect(companies('The Guardian and the Guardian agreed. The Sun rose. The hill was steep.')).toEqual(['The Guardian', 'Guardian']);
  });

  it('tells companies from common words and places', () => {
    expect(companies('She baked an Apple pie in the Amazon rainforest.')).toEqual([]);
    expect(companies('We sailed up the Amazon.')).toEqual([]);
    expect(companies('Target practice starts at noon. The Shell was empty.')).toEqual([]);
    expect(companies('Target said sales fell, and Target Corp shares slid.')).toEqual(['Target', 'Target Corp']);
  });

  it('needs evidence for the short form of a name that is also a word', () => {
    expect(companies('Floods hit the Mississippi Delta. He flew Southwest to Texas.')).toEqual([]);
    expect(companies('Shares of Delta Air Lines fell; Delta also added routes.')).toEqual(['Delta Air Lines', 'Delta']);
    expect(companies('Lawson said the plan was bad. The Independent candidate won.')).toEqual([]);
  });

  it('does not take a party label in brackets for a ticker', () => {
    expect(companies('Gov. Kristi Noem (R) and Sen. Chris Murphy (D) spoke.')).toEqual([]);
  });

  it('does not mark products that carry a company name, nor people', () => {
    expect(companies('the Apple Watch and Google Assistant on Disney+')).toEqual([]);
    expect(companies('Michael Dell founded it.')).toEqual([]);
    expect(companies('Apple AirPods are cheap.')).toEqual(['Apple']);
  });

  it('does not take market indexes for companies', () => {
    expect(companies('The Nikkei 225 and the Nasdaq Composite fell; the S&P 500 rose.')).toEqual([]);
  });
});

describe('companies found by rule', () => {
  it('takes unlisted names with a legal suffix, and their short forms later', () => {
    expect(companies('Tyvak Nano-Satellite Systems, Inc. won. Later Tyvak said more.')).toEqual(['Tyvak Nano-Satellite Systems, Inc.', 'Tyvak']);
    expect(companies('Ithaca Holdings bought it. A stake in Ithaca followed.')).toEqual(['Ithaca Holdings', 'Ithaca']);
  });

  it('takes tickers written as tickers', () => {
    // The name before an exchange ticker is that company too, listed or not ("Foo").
    expect(companies('Home Depot (NYSE: HD) and Foo (NASDAQ:FOOX) rose.')).toEqual(['Home Depot', 'NYSE: HD', 'Foo', 'NASDAQ:FOOX']);
    const [hd] = recognize('(NYSE: HD)').filter((e) => e.type === 'company');
    expect(hd).toMatchObject({ id: 'home-depot', ticker: 'NYSE:HD' });
    expect(companies('Lowe’s (LOW) stock is off too.')).toEqual(['Lowe’s', 'LOW']);
  });

  it('takes unlisted names in company context and lists after a company word', () => {
    expect(companies('Analysts cut targets for shares of Zorblax after carmaker Quindar warned.')).toEqual(['Zorblax', 'Quindar']);
    expect(companies('NASA picked companies Astrobotic, Intuitive Machines and Orbit Beyond.')).toEqual(['Astrobotic', 'Intuitive Machines', 'Orbit Beyond']);
  });

  it('never joins words across a line break into one name', () => {
    expect(companies('Washington\nCeres Robotics Inc. won.')).toEqual(['Ceres Robotics Inc.']);
  });

  it('leaves organisations, places and people unmarked', () => {
    expect(companies('The U.S. Securities and Exchange Commission and the University of York said.')).toEqual([]);
    expect(companies('Columbus Police Department Unit and the European AI Alliance met.')).toEqual([]);
    expect(companies('Asian shares fell and Elon Musk’s stake grew.')).toEqual([]);
  });
});

describe('options', () => {
  it('marks the reader’s extra names and drops ignored ones by name or id', () => {
    expect(companies('Zyxo Labs met Frobnic today.', { extraCompanies: ['Frobnic'] })).toEqual(['Zyxo Labs', 'Frobnic']);
    expect(companies('Apple and Google met.', { ignoredCompanies: ['apple'] })).toEqual(['Google']);
    expect(companies('Apple and Google met.', { ignoredCompanies: ['Google'] })).toEqual(['Apple']);
  });
});
