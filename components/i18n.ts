import { browser } from 'wxt/browser';
import { countMessage } from '@/lib/i18n/plural';
import { boundedMemo } from '@/lib/i18n/bounded-memo';

/**
 * The strings asked for, kept: a page's strings never change while it is open, and asking the
 * browser costs a call into it each time (a library search re-renders some 500). Counts and
 * titles make the substituted strings many: at most 2,000 are kept.
 */
const keptMessage = boundedMemo(2000);

/** A UI string from `_locales`; falls back to the key so a missing string is visible, not blank. */
export function t(key: string, ...substitutions: string[]): string {
  const asked = substitutions.length ? `${key}\u0000${substitutions.join('\u0000')}` : key;
  return keptMessage(asked, () => browser.i18n.getMessage(key as never, substitutions) || key);
}

/**
 * A string holding a count (`key_one`, `key_other`… in `_locales`), in the form the count
 * takes, the count written in the reader's locale as `$1` and `substitutions` after it.
 */
export function tCount(key: string, count: number, ...substitutions: string[]): string {
  return countMessage(t, key, count, readerLocale(), ...substitutions);
}

/**
 * The locale numbers and dates are written in on every page: the browser's language, which
 * the hover card is given too, so a page and the card never disagree.
 */
export function readerLocale(): string {
  return navigator.language;
}
