/**
 * The real English strings for tests, so a key missing from _locales fails (t() would show
 * the key). A plural form the file leaves out answers '' as the browser does, when the
 * string's `_other` form is there: the plural helper asks for such forms on purpose.
 */
import { readFileSync } from 'node:fs';
import type { Translate } from '@/lib/i18n/plural';

export const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

const PLURAL_FORM = /_(zero|one|two|few|many)$/;

export function englishMessage(key: string, substitutions?: string | string[]): string {
  const subs = Array.isArray(substitutions) ? substitutions : substitutions === undefined ? [] : [substitutions];
  const text = messages[key]?.message;
  if (text === undefined) {
    if (PLURAL_FORM.test(key) && messages[key.replace(PLURAL_FORM, '_other')]) return '';
    throw new Error(`No string "${key}" in _locales/en`);
  }
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** `t` over the English strings, for pure code that is given a translator (the card model). */
export const englishT: Translate = (key, ...substitutions) => englishMessage(key, substitutions) || key;
