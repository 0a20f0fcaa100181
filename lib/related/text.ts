/**
 * Tokenisation for headline matching: lower case, accents folded, possessives and
 * numbers kept as words, English stop words and news boilerplate dropped, Porter stems.
 */
import { stemmer } from 'stemmer';
import { hostOf } from '../url/host';

/**
 * Function words plus words that news sites add to headlines without saying what the
 * story is ("UPDATE 2", "VIDEO", "says"). Kept short: every word here is a word no
 * story can be found by.
 */
const STOP_WORDS = new Set(
  `a about after again against all also am an and any are as at be been before being between both but by
  can could did do does doing down during each few for from further had has have having he her here hers him
  his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
  out over own same she should so some such than that the their them then there these they this those through
  to too under until up very was we were what when where which while who whom why will with would you your
  says said say new update updated video photos photo watch live report reports exclusive breaking news
  via vs amid per`.split(/\s+/),
);

/** Letters or digits in any script; apostrophes inside words are handled separately. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Folds case and accents so "Société" and "societe" meet. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

const stemCache = new Map<string, string>();

/** Porter stem, memoised: a pool of 12,000 headlines repeats most of its words. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Terms of `text`, in order, repeated as often as they occur. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of foldText(text).matchAll(WORD)) {
    // "Germany's" and "Germany" are the same word for matching.
    const word = match[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOP_WORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}

/** Words in a URL's path ("/2014/03/18/german-court-clears-bailout") that read as a headline. */
export function urlSlugText(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const words = decodeURIComponentSafe(path)
    .split(/[/_\-.+,]+/)
    // Ids, dates, file extensions and tracking fragments say nothing about the story.
    .filter((part) => /^\p{L}{2,}$/u.test(part) && !/^(html?|php|aspx?|story|article|news|index|amp)$/i.test(part));
  // A slug of one or two words is a section name ("business/markets"), not a headline.
  return words.length >= 3 ? words.join(' ') : '';
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The outlet a result is from, compared case- and space-insensitively ("The Guardian" = "the guardian"). */
export function outletKey(source: string, url?: string): string {
  const key = foldText(source).replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
  if (key) return key;
  if (!url) return '';
  return hostOf(url) ?? '';
}
