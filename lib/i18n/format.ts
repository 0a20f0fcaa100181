/**
 * How counts and dates read on every Newsmark page and in the hover card: through Intl, in the
 * locale passed in (the reader's; see components/i18n.ts), so the popup, library, side panel,
 * options and card all write them alike. Pure functions over plain values and a locale.
 */
import { cachedIntl } from './intl-cache';

export function formatCount(count: number, locale?: string): string {
  return cachedIntl(`count\u0000${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(count);
}

/** A moment's calendar date, e.g. "3 Mar 2026" (en-GB) or "03.03.2026" (de-DE). */
export function formatDate(time: number, locale?: string): string {
  return cachedIntl(`date\u0000${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(time);
}

/** A moment's date and time of day, for events that happen more than once a day (a sync). */
export function formatDateTime(time: number, locale?: string): string {
  return cachedIntl(`date-time\u0000${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(time);
}

/**
 * A calendar day given as YYYY-MM-DD (the ECB's reference date), unchanged when it is not one.
 * Read and written in UTC: the day has no time zone, and the reader's own would shift it a day.
 */
export function formatCalendarDay(day: string, locale?: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(time)) return day;
  return cachedIntl(`utc-date\u0000${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(time);
}

/** "3 hours ago", "yesterday": how long before `now` a moment was; '' for a moment that is not a number. */
export function formatTimeAgo(time: number, now: number, locale?: string): string {
  if (Number.isNaN(time)) return '';
  const minutes = Math.round((time - now) / 60_000);
  const format = cachedIntl(`time-ago\u0000${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.round(minutes / 1440), 'day');
}

/**
 * The reader's local calendar day of a moment as YYYY-MM-DD: the form date inputs take and
 * export file names carry (never shown as prose; `formatDate` is for that).
 */
export function localDayValue(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The start (local midnight) of a YYYY-MM-DD day, ms since the epoch; undefined for ''. */
export function localDayStart(value: string): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}
