// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/i18n/plural';
import { cardModel } from '@/lib/marking/card-model';
import { convertMoney, formatMoney } from '@/lib/marking/format';
import { sentenceAround } from '@/lib/marking/sentence';
import { englishT } from '../components/english-messages';

// Shows the key and its substitutions, so assertions see exactly what was asked for.
const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join(',')})` : key);
const rates = { date: '2026-11-24', perEuro: { USD: 1.1, GBP: 0.85, CNY: 7.8 } };

describe('cardModel', () => {
  it('describes a company: name, ticker, mentions and library count', () => {
    const model = cardModel(
      { entity: { type: 'company', start: 0, end: 6, text: 'Huawei', id: 'huawei', name: 'Huawei Technologies', ticker: '002502.SZ' }, mentionCount: 3, mentionNumber: 2, savedArticleCount: 4, readerCurrency: 'EUR' },
      t,
    );
    expect(model.title).toBe('Huawei Technologies');
    expect(model.rows).toEqual([
      { label: 'cardTicker', value: '002502.SZ' },
      { label: 'cardMentions', value: 'cardMentionOf(2,3)' },
      { label: 'cardInLibrary', value: 'cardSavedArticles_other(4)' },
    ]);
    expect(model.canJumpToNext).toBe(true);
    // The dossier replaces the library search for the name once a saved article names it.
    expect(model.canShowCoverage).toBe(false);
    expect(model.canOpenDossier).toBe(true);
  });

  it("offers a company's dossier only once a saved article names it", () => {
    const entity = { type: 'company' as const, start: 0, end: 6, text: 'Huawei', id: 'huawei' };
    const base = { entity, mentionCount: 1, mentionNumber: 1, readerCurrency: 'EUR' };
    expect(cardModel({ ...base, savedArticleCount: 0 }, t).canOpenDossier).toBe(false);
    expect(cardModel(base, t).canOpenDossier).toBe(false);
    expect(cardModel({ ...base, savedArticleCount: 1 }, t).canOpenDossier).toBe(true);
    expect(cardModel({ ...base, entity: { ...entity, id: undefined }, savedArticleCount: 1 }, t).canOpenDossier).toBe(false);
  });

  it("shows a listed company's country, industry and website, the website as a link", () => {
    const entity = {
      type: 'company' as const, start: 0, end: 7, text: 'Agilent', id: 'agilent-technologies', name: 'Agilent Technologies',
      ticker: 'NYSE:A', country: 'United States', industry: 'Life Sciences Tools & Services', website: 'agilent.com',
    };
    const model = cardModel({ entity, mentionCount: 1, mentionNumber: 1, readerCurrency: 'EUR' }, englishT);
    expect(model.rows.slice(0, 4)).toEqual([
      { label: 'Ticker', value: 'NYSE:A' },
      { label: 'Country', value: 'United States' },
      { label: 'Industry', value: 'Life Sciences Tools & Services' },
      { label: 'Website', value: 'agilent.com', href: 'https://agilent.com' },
    ]);
  });

  it('leaves out facts a company lacks, and links no website that is not a plain host name', () => {
    const entity = { type: 'company' as const, start: 0, end: 4, text: 'Wyze', id: 'x:wyze', name: 'Wyze', website: 'javascript:alert(1)//x.com' };
    const model = cardModel({ entity, mentionCount: 2, mentionNumber: 1, readerCurrency: 'EUR' }, t);
    expect(model.rows.map((r) => r.label)).toEqual(['cardMentions', 'cardInLibrary']);
  });

  it('gives money its normalised value and the value in the reader currency with the rates date', () => {
    const model = cardModel(
      { entity: { type: 'money', start: 0, end: 12, text: '$111 million', value: 111e6, currency: 'USD' }, mentionCount: 1, mentionNumber: 1, rates, readerCurrency: 'EUR', locale: 'en-US' },
      t,
    );
    expect(model.rows[0]).toEqual({ label: 'cardValue', value: '$111,000,000' });
    expect(model.rows[1]!.label).toBe('cardInCurrency(EUR)');
    expect(model.rows[1]!.value).toBe(`≈ ${formatMoney(111e6 / 1.1, 'EUR', 'en-US', true)}`);
    expect(model.rows[2]).toEqual({ label: 'cardRatesDate', value: 'cardEcbRates(Nov 24, 2026)' });
    expect(model.canJumpToNext).toBe(false);
  });

  it('says so when no rates are known yet, and when a currency has no rate', () => {
    const entity = { type: 'money' as const, start: 0, end: 5, text: '¥500', value: 500, currency: 'JPY' };
    expect(cardModel({ entity, mentionCount: 1, mentionNumber: 1, readerCurrency: 'EUR' }, t).rows[1]!.value).toBe('cardRatesUnavailable');
    expect(cardModel({ entity, mentionCount: 1, mentionNumber: 1, rates, readerCurrency: 'EUR' }, t).rows[1]!.value).toBe('cardNoRate(JPY)');
  });

  it('shows a percentage with the sentence around it', () => {
    const model = cardModel({ entity: { type: 'percent', start: 0, end: 3, text: '27%', value: 27 }, mentionCount: 1, mentionNumber: 1, sentence: 'The offer is 27% above.', readerCurrency: 'EUR' }, t);
    expect(model.rows[0]).toEqual({ label: 'cardValue', value: '27%' });
    expect(model.quote).toBe('The offer is 27% above.');
  });
});

describe('cardModel in the reader language and locale', () => {
  const huawei = { type: 'company' as const, start: 0, end: 6, text: 'Huawei', id: 'huawei', name: 'Huawei Technologies' };
  const savedRow = (savedArticleCount: number, locale = 'en-GB') =>
    cardModel({ entity: huawei, mentionCount: 1, mentionNumber: 1, savedArticleCount, readerCurrency: 'EUR', locale }, englishT).rows.at(-1)!.value;

  it('counts saved articles in the form the count takes', () => {
    expect(savedRow(0)).toBe('0 saved articles');
    expect(savedRow(1)).toBe('1 saved article');
    expect(savedRow(2)).toBe('2 saved articles');
    expect(savedRow(1234, 'de-DE')).toBe('1.234 saved articles');
  });

  it('writes the rates date and a percentage as the locale does', () => {
    const money = { type: 'money' as const, start: 0, end: 4, text: '$100', value: 100, currency: 'USD' };
    const ratesDate = (locale: string) => cardModel({ entity: money, mentionCount: 1, mentionNumber: 1, rates, readerCurrency: 'EUR', locale }, englishT).rows[2]!.value;
    expect(ratesDate('en-GB')).toBe('ECB, 24 Nov 2026');
    expect(ratesDate('de-DE')).toBe('ECB, 24.11.2026');
    const percent = cardModel({ entity: { type: 'percent', start: 0, end: 5, text: '24.6%', value: 24.6 }, mentionCount: 1, mentionNumber: 1, readerCurrency: 'EUR', locale: 'de-DE' }, englishT);
    expect(percent.rows[0]!.value).toBe('24,6\u00a0%');
  });
});

describe('convertMoney', () => {
  it('converts through the euro cross rates', () => {
    expect(convertMoney(110, 'USD', 'EUR', rates)).toBeCloseTo(100);
    expect(convertMoney(85, 'GBP', 'USD', rates)).toBeCloseTo(110);
    expect(convertMoney(5, 'EUR', 'EUR', rates)).toBe(5);
    expect(convertMoney(5, 'XXX', 'EUR', rates)).toBeNull();
  });
});

describe('sentenceAround', () => {
  const text = 'Revenue rose. Shares of Baltic Grid jumped 24.6% in early trading in Riga. Nordwind fell.';
  it('returns the sentence holding the figure, not splitting on decimal points', () => {
    const start = text.indexOf('24.6%');
    expect(sentenceAround(text, start, start + 5)).toBe('Shares of Baltic Grid jumped 24.6% in early trading in Riga.');
  });
  it('caps a very long sentence and keeps the figure in it', () => {
    const long = 'word '.repeat(500) + '42% ' + 'word '.repeat(500);
    const start = long.indexOf('42%');
    const s = sentenceAround(long, start, start + 3, 100);
    expect(s.length).toBeLessThanOrEqual(102);
    expect(s).toContain('42%');
  });
});
