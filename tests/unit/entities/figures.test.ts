// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { recognize } from '@/lib/entities';
import type { Entity } from '@/lib/contracts/entities';

function figures(text: string): Pick<Entity, 'type' | 'text' | 'value' | 'currency'>[] {
  return recognize(text)
    .filter((e) => e.type !== 'company')
    .map(({ type, text: t, value, currency }) => ({ type, text: t, value, ...(currency ? { currency } : {}) }));
}

describe('money', () => {
  it.each([
    ['It raised $111 million.', '$111 million', 111e6, 'USD'],
    ['It invests 100 million euros.', '100 million euros', 100e6, 'EUR'],
    ['a US$40 billion fund', 'US$40 billion', 40e9, 'USD'],
    ['profit of £20.1bn last year', '£20.1bn', 20.1e9, 'GBP'],
    ['sales of 1.5 billion yuan', '1.5 billion yuan', 1.5e9, 'CNY'],
    ['It costs $4.99.', '$4.99', 4.99, 'USD'],
    ['worth HK$3.2 billion', 'HK$3.2 billion', 3.2e9, 'HKD'],
    ['at 176 Hong Kong dollars each', '176 Hong Kong dollars', 176, 'HKD'],
    ['a budget of RMB 20 billion', 'RMB 20 billion', 20e9, 'CNY'],
    ['bought for $300M', '$300M', 300e6, 'USD'],
    ['a €5m grant', '€5m', 5e6, 'EUR'],
    ['a A$2.5bn deal', 'A$2.5bn', 2.5e9, 'AUD'],
    ['Rs 300 a month', 'Rs 300', 300, 'INR'],
    ['a loss of -$5 million', '-$5 million', -5e6, 'USD'],
    ['five billion dollars in aid', 'five billion dollars', 5e9, 'USD'],
    ['$449,000 was spent', '$449,000', 449000, 'USD'],
    ['49.95 Euro (£40)', '49.95 Euro', 49.95, 'EUR'],
    ['USD 12 million', 'USD 12 million', 12e6, 'USD'],
    ['rose 50 cents a share', '50 cents', 0.5, 'USD'],
    ['a 20 pence stamp', '20 pence', 0.2, 'GBP'],
  ])('%s', (text, span, value, currency) => {
    expect(figures(text)).toContainEqual({ type: 'money', text: span, value, currency });
  });

  it('joins a range into one span valued at its lower end', () => {
    expect(figures('valued at $5 million to $10 million')).toEqual([{ type: 'money', text: '$5 million to $10 million', value: 5e6, currency: 'USD' }]);
    expect(figures('between $5-10 billion')).toEqual([{ type: 'money', text: '$5-10 billion', value: 5e9, currency: 'USD' }]);
  });

  it('keeps a change "from X to Y" as two amounts', () => {
    expect(figures('rose from $5 million to $7 million').map((f) => f.text)).toEqual(['$5 million', '$7 million']);
  });

  it('takes "half a" into the amount and its value (a business page valued "half a billion dollars" at one billion)', () => {
    expect(figures('It spent half a billion dollars on the plant.')).toEqual([{ type: 'money', text: 'half a billion dollars', value: 5e8, currency: 'USD' }]);
    expect(figures('Half a million people signed.')).toEqual([{ type: 'number', text: 'Half a million', value: 5e5 }]);
    expect(figures('It spent a billion dollars.')).toEqual([{ type: 'money', text: 'a billion dollars', value: 1e9, currency: 'USD' }]);
  });

  it('reads ¥ as yuan only in a text that speaks of yuan', () => {
    expect(figures('a ¥500 ticket')[0]?.currency).toBe('JPY');
    expect(figures('a ¥500 ticket, or 500 yuan')[0]?.currency).toBe('CNY');
  });

  it('needs a scale word before "pounds" means sterling', () => {
    expect(figures('he lost 20 pounds')).toEqual([{ type: 'number', text: '20', value: 20 }]);
    expect(figures('a 20 million pounds deal')).toEqual([{ type: 'money', text: '20 million pounds', value: 20e6, currency: 'GBP' }]);
  });
});

describe('percent', () => {
  it.each([
    ['up 10%', '10%', 10],
    ['up 3.8 percent', '3.8 percent', 3.8],
    ['a 2.8 per cent fall', '2.8 per cent', 2.8],
    ['widened by 3.2 percentage points', '3.2 percentage points', 3.2],
    ['shares fell -5.44% today', '-5.44%', -5.44],
    ['a 5% rise', '5%', 5],
    ['up 12pc on the year', '12pc', 12],
  ])('%s', (text, span, value) => {
    expect(figures(text)).toEqual([{ type: 'percent', text: span, value }]);
  });

  it('joins "0.6% to 0.7%" into one span', () => {
    expect(figures('growth of 0.6% to 0.7% is expected')).toEqual([{ type: 'percent', text: '0.6% to 0.7%', value: 0.6 }]);
  });

  it('keeps a change and the level it reached apart: "0.9 percent to 2,232.05" is no range', () => {
    expect(figures('The index rose 0.9 percent to 2,232.05 on Friday.')).toEqual([
      { type: 'percent', text: '0.9 percent', value: 0.9 },
      { type: 'number', text: '2,232.05', value: 2232.05 },
    ]);
    expect(figures('It rose 5 to 6 percent.')).toEqual([{ type: 'percent', text: '5 to 6 percent', value: 5 }]);
  });

  it('reads a sign after a number as a sign, not a range dash', () => {
    expect(figures('Home Depot Inc. 225.86 -12.99 -5.44%').map((f) => [f.text, f.value])).toEqual([['225.86', 225.86], ['-12.99', -12.99], ['-5.44%', -5.44]]);
  });
});

describe('number', () => {
  it.each([
    ['cut 4,000 jobs', '4,000', 4000],
    ['more than 10 million users', '10 million', 10e6],
    ['a 1.5GW plant', '1.5GW', 1.5],
    ['an 8-inch touchscreen', '8-inch', 8],
    ['a 2.0-liter engine', '2.0-liter', 2],
    ['It puts out 151 PS', '151 PS', 151],
    ['the 256GB model', '256GB', 256],
    ['These include 10 airbags', '10', 10],
    ['three million people', 'three million', 3e6],
  ])('%s', (text, span, value) => {
    expect(figures(text)).toEqual([{ type: 'number', text: span, value }]);
  });

  it('takes a number dialled for a phone number, not a figure ("a tip to 911" was marked on a news page)', () => {
    for (const text of ['She sent a tip to 911 after the crash.', 'He called 911.', 'Dial 999 in an emergency.', 'Calls to 112 doubled.', 'Text 741741 for help.']) {
      expect(figures(text), text).toEqual([]);
    }
    expect(figures('Shares rose to 911 pence.')).toEqual([{ type: 'money', text: '911 pence', value: 9.11, currency: 'GBP' }]);
    expect(figures('The index rose to 911 points.')).toEqual([{ type: 'number', text: '911', value: 911 }]);
  });

  it('joins a range of plain numbers written with a word, not a score', () => {
    expect(figures('around 75 to 100 people')).toEqual([{ type: 'number', text: '75 to 100', value: 75 }]);
    expect(figures('from 2008 to 2016')).toEqual([]);
  });

  it.each([
    ['a year: in 2019 sales rose', 'In 2019 sales rose'],
    ['a date', 'On Nov. 1 and June 30 they met; 30 June too.'],
    ['a time', 'at 10:30 or 3 p.m.'],
    ['an ordinal', 'the 21st century and the 3rd quarter'],
    ['a duration', 'over five years, for 10 years, a 10-hour battery'],
    ['an age', 'a 42-year-old man; people age 12 and older; John Smith, 32, of Ohio'],
    ['a model number', 'a Boeing 787 and an iPhone 11 and the popular 737 Max'],
    ['a score', 'they won 3-1'],
    ['a phone number', 'call 555-1234'],
    ['an address', 'at 1119 Eighth St. downtown'],
    ['a list number', '1. First item\n2. Second item'],
    ['a code', 'COVID-19 and 5G and 24/7 and version 2.0.1'],
    ['a small number in words', 'three companies and five partners'],
    ['a duration with a scale word', 'as it is 13.8 billion years after the Big Bang'],
    ['a rating', 'Score 4.5 out of 5'],
    ['an age after a suffixed name', 'Patrick W. Carlineo Jr., 55, of Addison'],
    ['an emergency number', 'she called 911 at once'],
    ['a decade', 'in the 1990s'],
  ])('ignores %s', (_what, text) => {
    expect(figures(text)).toEqual([]);
  });
});
