import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tCount } from '@/components/i18n';
import { siteLabel } from '@/components/site-label';
import { formatCalendarDay, formatCount, formatDate, formatDateTime, formatTimeAgo, localDayStart, localDayValue } from '@/lib/i18n/format';
import { countMessage } from '@/lib/i18n/plural';
import { englishMessage, englishT, messages } from './english-messages';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
});
afterEach(() => vi.restoreAllMocks());

describe('counted strings', () => {
  it.each([
    [0, '0 articles'],
    [1, '1 article'],
    [2, '2 articles'],
    [1234, '1,234 articles'],
  ])('%i reads "%s"', (count, text) => {
    expect(countMessage(englishT, 'articleCount', count, 'en-GB')).toBe(text);
  });

  it('writes the count in the reader locale', () => {
    expect(countMessage(englishT, 'articleCount', 1234, 'de-DE')).toBe('1.234 articles');
  });

  it('picks the form by the language of the strings, not the reader locale', () => {
    // French makes 0 singular; the strings are English, so 0 still reads plural.
    expect(countMessage(englishT, 'articleCount', 0, 'fr-FR')).toBe('0 articles');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('fr-FR');
    expect(tCount('highlightCount', 0)).toBe('0 highlights');
    expect(tCount('highlightCount', 1)).toBe('1 highlight');
  });

  it('falls back to the _other form where a language needs no other', () => {
    expect(countMessage(englishT, 'showMore', 1, 'en-GB')).toBe('Show 1 more');
  });

  it('has an _other form for every counted string, and no bare key beside its forms', () => {
    const keys = Object.keys(messages);
    const counted = new Set(keys.filter((k) => /_(zero|one|two|few|many|other)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, '')));
    expect(counted.size).toBeGreaterThan(5);
    for (const key of counted) {
      expect(keys, key).toContain(`${key}_other`);
      expect(keys, key).not.toContain(key);
    }
  });
});

describe('dates in the reader locale', () => {
  const time = Date.UTC(2026, 2, 3, 12, 0);

  it('writes a date and a date with time as the locale does', () => {
    expect(formatDate(time, 'en-GB')).toBe('3 Mar 2026');
    expect(formatDate(time, 'de-DE')).toBe('03.03.2026');
    expect(formatDateTime(time, 'de-DE')).toMatch(/^03\.03\.2026, \d{2}:\d{2}$/);
  });

  it('writes a calendar day without moving it to another time zone', () => {
    expect(formatCalendarDay('2026-11-24', 'en-GB')).toBe('24 Nov 2026');
    expect(formatCalendarDay('2026-11-24', 'de-DE')).toBe('24.11.2026');
    expect(formatCalendarDay('not a date', 'de-DE')).toBe('not a date');
  });

  it('says how long ago, in the locale', () => {
    expect(formatTimeAgo(time - 2 * 3_600_000, time, 'en-GB')).toBe('2 hours ago');
    expect(formatTimeAgo(time - 2 * 3_600_000, time, 'de-DE')).toBe('vor 2 Stunden');
    expect(formatTimeAgo(Number.NaN, time, 'en-GB')).toBe('');
  });

  it('gives date inputs and file names the local day, and reads it back', () => {
    const evening = new Date(2026, 2, 3, 23, 30).getTime();
    expect(localDayValue(evening)).toBe('2026-03-03');
    expect(localDayStart('2026-03-03')).toBe(new Date(2026, 2, 3).getTime());
    expect(localDayStart('')).toBeUndefined();
  });

  it('writes counts with the locale grouping', () => {
    expect(formatCount(12345, 'en-GB')).toBe('12,345');
    expect(formatCount(12345, 'de-DE')).toBe('12.345');
  });
});

describe('siteLabel', () => {
  it('names a site by the name it gives, else by its host without "www."', () => {
    expect(siteLabel('The Example Times', 'https://www.example.com/a')).toBe('The Example Times');
    expect(siteLabel(null, 'https://www.example.com/a')).toBe('example.com');
    expect(siteLabel('  ', 'https://news.example.com/a')).toBe('news.example.com');
    expect(siteLabel('www.example.org', 'https://example.org/a')).toBe('example.org');
    expect(siteLabel(null, 'not an address')).toBe('not an address');
  });
});
