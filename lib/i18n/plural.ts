/**
 * Messages that hold a count, in the plural form the count takes. browser.i18n has no plurals,
 * so a counted message has one key per plural category its language uses (`articles_one`,
 * `articles_other`; Polish adds `_few` and `_many`), and the category is chosen with
 * Intl.PluralRules. A form a language file lacks falls back to `_other`.
 */
import { formatCount } from './format';
import { cachedIntl } from './intl-cache';

/** A UI string by key with `$1`… substituted; answers the key itself when there is no such string. */
export type Translate = (key: string, ...substitutions: string[]) => string;

/** The message holding the language the strings are written in (each locale's file sets its own). */
const MESSAGES_LANGUAGE = 'messagesLanguage';

/**
 * `key`'s form for `count`, with the count (written in `locale`) as `$1` and `more` after it.
 * The form follows the language of the strings, not the reader's locale: a French reader shown
 * the English strings must read "0 articles", where French rules would pick the singular.
 */
export function countMessage(t: Translate, key: string, count: number, locale: string | undefined, ...more: string[]): string {
  const written = formatCount(count, locale);
  const form = `${key}_${pluralCategory(t(MESSAGES_LANGUAGE), count)}`;
  const text = t(form, written, ...more);
  return text === form ? t(`${key}_other`, written, ...more) : text;
}

function pluralCategory(language: string, count: number): Intl.LDMLPluralRule {
  try {
    return cachedIntl(`plural\u0000${language}`, () => new Intl.PluralRules(language)).select(count);
  } catch {
    // No language named (a missing string): `_other` is the one form every message has.
    return 'other';
  }
}
