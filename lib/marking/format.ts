/**
 * How figures read in the card: the normalised value in full and in short form, and money
 * converted to the reader's currency. Pure functions over plain values and a locale.
 */
import type { ExchangeRates } from '../contracts/rates';
import { cachedIntl } from '../i18n/intl-cache';

export type { ExchangeRates };

export function formatNumber(value: number, locale?: string): string {
  return cachedIntl(`number\u0000${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 })).format(value);
}

export function formatCompact(value: number, locale?: string): string {
  return cachedIntl(`compact\u0000${locale}`, () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 })).format(value);
}

export function formatMoney(value: number, currency: string, locale?: string, compact = false): string {
  try {
    const digits = compact ? 2 : Math.abs(value) < 100 ? 2 : 0;
    return cachedIntl(`money\u0000${locale}\u0000${currency}\u0000${compact}\u0000${digits}`, () => new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(compact ? { notation: 'compact' as const } : {}),
      maximumFractionDigits: digits,
    })).format(value);
  } catch {
    // An unknown currency code: show the number with the code rather than fail.
    return `${currency} ${compact ? formatCompact(value, locale) : formatNumber(value, locale)}`;
  }
}

/** `value` in percent (27 for 27%), with the sign where and as the locale puts it ("27 %" in German). */
export function formatPercent(value: number, locale?: string): string {
  return cachedIntl(`percent\u0000${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 })).format(value / 100);
}

/** `value` in `from` converted to `to` through the euro cross rates, or null when a rate is missing. */
export function convertMoney(value: number, from: string, to: string, rates: ExchangeRates): number | null {
  if (from === to) return value;
  const fromRate = from === 'EUR' ? 1 : rates.perEuro[from];
  const toRate = to === 'EUR' ? 1 : rates.perEuro[to];
  if (!fromRate || !toRate) return null;
  return (value / fromRate) * toRate;
}
