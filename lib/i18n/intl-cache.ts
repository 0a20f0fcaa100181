/**
 * Intl's formatters are slow to build (tens of microseconds each) and never change for one
 * locale and set of options, while a page formats hundreds of counts and dates: a library
 * search that lists 20 entries built about 500 of them, a fifth of the search's time. Each is
 * built once and kept, by a key naming its kind, locale and options.
 */
const kept = new Map<string, unknown>();
/** Far more than the pages use; a bound all the same, since the options can hold numbers. */
const LIMIT = 500;

/** The formatter `key` names, built by `make` the first time. */
export function cachedIntl<T>(key: string, make: () => T): T {
  let formatter = kept.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    if (kept.size >= LIMIT) kept.clear();
    kept.set(key, formatter);
  }
  return formatter;
}
