// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cachedIntl } from '@/lib/i18n/intl-cache';
import { formatCount, formatDate } from '@/lib/i18n/format';
import { formatMoney } from '@/lib/marking/format';

describe('Intl formatters kept per kind, locale and options', () => {
  it('builds a formatter once and hands the same one back', () => {
    let built = 0;
    const make = () => (built++, new Intl.NumberFormat('en-GB'));
    const first = cachedIntl('test\u0000en-GB', make);
    expect(cachedIntl('test\u0000en-GB', make)).toBe(first);
    expect(built).toBe(1);
  });

  it('keeps locales and options apart', () => {
    expect(formatCount(1234, 'en-GB')).toBe('1,234');
    expect(formatCount(1234, 'de-DE')).toBe('1.234');
    const time = Date.UTC(2026, 2, 3, 12, 0);
    expect(formatDate(time, 'en-GB')).toBe('3 Mar 2026');
    expect(formatDate(time, 'de-DE')).toBe('03.03.2026');
    // Small sums keep their cents, large ones do not: two formatters for one currency.
    expect(formatMoney(12.5, 'USD', 'en-US')).toBe('$12.50');
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,235');
    expect(formatMoney(2_400_000_000, 'EUR', 'en-GB', true)).toBe('€2.40bn');
  });
});
