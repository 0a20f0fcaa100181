import { browser } from 'wxt/browser';
import { countMessage } from '@/lib/i18n/plural';

/** A UI string from `_locales`; falls back to the key so a missing string is visible, not blank. */
export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
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
