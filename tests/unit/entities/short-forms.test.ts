/**
 * A one-word short form of a longer company name ("Baltic" of "Baltic Grid Holdings") counts
 * only where it stands as the company's name. The demo article marked "Regulators in both
 * Baltic states" as Baltic Grid.
 */
import { describe, expect, it } from 'vitest';
import { recognize } from '@/lib/entities';

function companies(text: string): string[] {
  return recognize(text).filter((e) => e.type === 'company').map((e) => e.text);
}

describe('short forms of a company name', () => {
  it.each([
    ['a determiner makes it a modifier', 'Baltic Grid Holdings agreed to the sale. Regulators in both Baltic states must approve it.', ['Baltic Grid Holdings']],
    ['a determiner makes it a modifier, whatever the word', 'Mercury Robotics Inc. builds probes. The Mercury transit was visible from Earth.', ['Mercury Robotics Inc.']],
    ['more name words make it part of another name', 'Baltic Grid Holdings laid cables under the Baltic Sea.', ['Baltic Grid Holdings']],
    ['a determiner and nothing after it make it a place', 'Baltic Grid Holdings grew as ships crossed the Baltic.', ['Baltic Grid Holdings']],
  ])('not where %s', (_why, text, expected) => {
    expect(companies(text)).toEqual(expected);
  });

  it.each([
    ['as a subject', 'Mercury Robotics Inc. builds probes. Mercury said it would hire.', 'Mercury'],
    ['before a figure', 'Nordwind Energy A/S agreed to buy a rival, and Nordwind fell 3.1% in Copenhagen.', 'Nordwind'],
    ['as an object', 'Nordwind Energy A/S agreed to buy a rival. Banks advised Nordwind.', 'Nordwind'],
    ['with a possessive', 'Nordwind Energy A/S agreed to buy a rival. Nordwind’s chief executive spoke.', 'Nordwind'],
    ['after a company cue', 'Nordwind Energy A/S agreed to buy a rival. Shares of Nordwind slid.', 'Nordwind'],
    ['in a list opened by "both"', 'Nordwind Energy A/S agreed to buy a rival. Both Nordwind and Vattenfall rose.', 'Nordwind'],
  ])('where it stands as the name: %s', (_why, text, shortForm) => {
    const [full, ...rest] = recognize(text).filter((e) => e.type === 'company');
    expect(rest.find((e) => e.text === shortForm)?.id).toBe(full!.id);
  });

  it('counts it after a determiner once the document shows it alone as the company', () => {
    expect(companies('Nordwind Energy A/S agreed to buy a rival. The Nordwind deal closes next year.')).toEqual(['Nordwind Energy A/S']);
    expect(companies('Nordwind Energy A/S agreed to buy a rival. Shares of Nordwind slid. The Nordwind deal closes next year.')).toEqual([
      'Nordwind Energy A/S',
      'Nordwind',
      'Nordwind',
    ]);
  });
});

describe('initials defined in brackets', () => {
  it("counts the initials a text gives a company's name in brackets wherever they recur", () => {
    const companies = (text: string) => recognize(text).filter((e) => e.type === 'company').map((e) => e.text);
    expect(companies('Sierra Nevada Corporation (SNC) bid. SNC would start in 2023.')).toEqual(['Sierra Nevada Corporation', 'SNC', 'SNC']);
    expect(companies('Fenwick Air Lines (FAL) flew; FAL said so.')).toEqual(['Fenwick Air Lines', 'FAL', 'FAL']);
    // A ticker that is not the name's initials stays where it stands: "LOW" in a headline is a word.
    expect(companies("Lowe's (LOW) fell. LOW PRICES.")).toEqual(["Lowe's", 'LOW']);
  });
});

describe("a name's tail written alone", () => {
  it('counts "Q Cells" after "Hanwha Q Cells" as the same company', () => {
    const found = recognize('Hanwha Q Cells Co. will build a plant in Georgia. Q Cells said the plant would employ 2,500.').filter((e) => e.type === 'company');
    expect(found.map((e) => e.text)).toEqual(['Hanwha Q Cells Co.', 'Q Cells']);
    expect(found[1]!.id).toBe(found[0]!.id);
  });

  it.each([
    ['a one-word tail is too often a person or a place', 'Kestrel Morgan Stanley Partners opened. Later Stanley said no.', 'Stanley'],
    ['a tail that opens with a company word is never written alone for it', 'Toyota Motor Europe cut output. Motor Europe is a trade fair.', 'Motor Europe'],
    ['a tail that opens with a place', 'Zorblax Pacific Airways grew. Pacific Airways was a rival.', 'Pacific Airways'],
  ])('not where %s', (_why, text, tail) => {
    expect(companies(text)).not.toContain(tail);
  });
});
