/**
 * Intl's formatters are slow to build (tens of microseconds each) and never change for one
 * locale and set of options, while a page formats hundreds of counts and dates: a library
 * search that lists 20 entries built about 500 of them, a fifth of the search's time. Each is
 * built once and kept, by a key naming its kind, locale and options; far more than the pages
 * use are kept (500), a bound all the same, since the options can hold numbers.
 */
import { boundedMemo } from './bounded-memo';

/** The formatter `key` names, built by `make` the first time. */
export const cachedIntl = boundedMemo(500);
