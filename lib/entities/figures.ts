/**
 * Money, percentages and other figures, read left to right over tokens with a bounded look-ahead
 * (a few tokens per figure), so the work is linear in the text. Rules follow
 * ../shared/corpus/entities/GUIDELINES.md: spans carry their currency and scale words, values
 * are plain numbers (a range: its lower end), currencies ISO 4217; dates, years, times, ages,
 * durations, model numbers, scores, list numbers and addresses are not figures.
 */
import type { Entity } from '../contracts/entities';
import { Kind, glued, isAllCaps, isCapitalized, type Token } from './tokenize';
import {
  CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_ONLY_SCALES, CURRENCY_SYMBOLS, DATE_WORDS, DOLLAR_PREFIXES, FUNCTION_WORDS,
  GLUED_SCALES, HYPHEN_UNITS, LABEL_WORDS, NEEDS_SCALE, NUMBER_WORDS, PERCENT_WORDS, SCALE_WORDS, SPACED_UNIT_SYMBOLS,
  STREET_WORDS, TIME_UNITS, UNIT_SYMBOLS,
} from './figure-words';
import { PhraseTable } from './phrases';

/** One amount as written, before range joining and classification. Token indices are inclusive. */
interface Amount {
  first: number;
  last: number;
  /** The token holding the number itself. */
  numberAt: number;
  number: number;
  scale: number;
  negative: boolean;
  currency?: string;
  percent: boolean;
  unit: boolean;
  /** Written with digits (not "three million"). */
  digits: boolean;
  /** A duration or an age ("10-hour", "42-year-old"): never a figure. */
  time: boolean;
}

const currencyNames = new PhraseTable(CURRENCY_NAMES);
const percentWords = new PhraseTable(PERCENT_WORDS.map((p) => [p, true] as const));
const MINUS = new Set(['-', '−', '–']);
const RANGE_DASHES = new Set(['-', '–', '—', '−']);
const GLUED_PERCENT = new Set(['pc', 'pct']);
const SUBUNITS = new Set(['cents', 'cent', 'pence']);
const RANGE_OPENERS = new Set(['between', 'from', 'about', 'around', 'over', 'under']);
const TIME_MARKERS = new Set(['a.m.', 'p.m.', 'am', 'pm', 'AM', 'PM', 'GMT', 'UTC', 'ET', 'EST', 'EDT', 'BST', 'CET', 'PT', 'PST', 'PDT', 'HKT', 'JST']);

/** Per-document facts that decide ambiguous symbols. */
export interface FigureContext {
  text: string;
  tokens: readonly Token[];
  /** What "¥" means in this document: yen unless the text speaks of yuan. */
  yenSymbol: string;
}

/** Reads the per-document facts once: what "¥" stands for here. */
export function figureContext(text: string, tokens: readonly Token[]): FigureContext {
  const yuan = text.includes('yuan') || text.includes('RMB') || text.includes('renminbi');
  return { text, tokens, yenSymbol: yuan && !text.includes(' yen') ? 'CNY' : 'JPY' };
}

/** All money, percent and number entities in the document, in text order. */
export function findFigures(ctx: FigureContext): Entity[] {
  const { tokens } = ctx;
  const found: Entity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = parseAmount(ctx, i);
    if (!first) continue;
    const joined = joinRange(ctx, first);
    const amount = joined ?? first;
    i = amount.last;
    if (amount.time) continue;
    if (!joined && bareRangePartner(ctx, first)) {
      i = skipBarePair(ctx, first);
      continue;
    }
    const entity = toEntity(ctx, amount);
    if (entity) found.push(entity);
  }
  return found;
}

function word(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === Kind.Word ? t.text : undefined;
}

function symbol(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === Kind.Sym ? t.text : undefined;
}

function parseNumber(text: string): number {
  return Number(text.includes(',') ? text.replace(/,/g, '') : text);
}

/** Reads one amount starting at token `i`, or returns undefined when none starts there. */
function parseAmount(ctx: FigureContext, i: number): Amount | undefined {
  const { tokens } = ctx;
  // `i` may be past the last token: a range's connector can end the text ("1 –").
  const start = tokens[i];
  if (!start || !mayStartAmount(start)) return undefined;
  let j = i;
  let negative = false;
  if (MINUS.has(symbol(tokens, j) ?? '') && glued(tokens, j) && (j === 0 || !glued(tokens, j - 1) || symbol(tokens, j - 1) === '(')) {
    negative = true;
    j++;
  }
  const prefix = currencyPrefix(ctx, j);
  let currency = prefix?.currency;
  if (prefix) {
    j = prefix.next;
    if (MINUS.has(symbol(tokens, j) ?? '') && glued(tokens, j)) {
      negative = true;
      j++;
    }
  }
  const numTok = tokens[j];
  if (!numTok) return undefined;
  let number: number;
  let digits = true;
  let scale = 1;
  const numberAt = j;
  if (numTok.kind === Kind.Num) {
    number = parseNumber(numTok.text);
    j++;
  } else if (numTok.kind === Kind.Word && NUMBER_WORDS.has(numTok.text.toLowerCase()) && SCALE_WORDS.has(word(tokens, j + 1)?.toLowerCase() ?? '')) {
    number = NUMBER_WORDS.get(numTok.text.toLowerCase())!;
    digits = false;
    j++;
  } else {
    return undefined;
  }
  if (negative && numTok.kind !== Kind.Num) return undefined;
  let unit = false;
  let time = false;
  let percent = false;
  const after = word(tokens, j);
  if (digits && after !== undefined && glued(tokens, j - 1)) {
    const glue = GLUED_SCALES.get(after);
    if (glue !== undefined && (!CURRENCY_ONLY_SCALES.has(after) || currency)) scale = glue;
    else if (UNIT_SYMBOLS.has(after) && !currency) unit = true;
    else if (GLUED_PERCENT.has(after) && !currency) percent = true;
    else return undefined; // "5G", "1990s", "21st", "3D": a code, a decade or an ordinal.
    j++;
  } else if (after !== undefined && SCALE_WORDS.has(after.toLowerCase())) {
    scale = SCALE_WORDS.get(after.toLowerCase())!;
    j++;
  }
  if (!currency && !percent) {
    const name = currencyNames.match(tokens, j);
    if (name && (scale !== 1 || !NEEDS_SCALE.has(tokens[j]!.text.toLowerCase()))) {
      currency = name.value;
      // "50 cents", "20 pence": the amount is in hundredths of the currency.
      if (SUBUNITS.has(tokens[j]!.text.toLowerCase())) scale /= 100;
      j = name.next;
    }
  }
  if (!currency && !unit && !percent) {
    if (symbol(tokens, j) === '%') {
      percent = true;
      j++;
    } else {
      const words = percentWords.match(tokens, j);
      if (words) {
        percent = true;
        j = words.next;
      }
    }
  }
  if (!currency && !percent && !unit) {
    const spaced = word(tokens, j);
    if (spaced !== undefined && SPACED_UNIT_SYMBOLS.has(spaced) && !glued(tokens, j) ) {
      unit = true;
      j++;
    } else if (RANGE_DASHES.has(symbol(tokens, j) ?? '') && glued(tokens, j - 1) && glued(tokens, j)) {
      const hyphenWord = word(tokens, j + 1)?.toLowerCase();
      if (hyphenWord !== undefined) {
        if (TIME_UNITS.has(hyphenWord)) time = true;
        else if (HYPHEN_UNITS.has(hyphenWord)) {
          unit = true;
          j += 2;
        }
      }
    }
  }
  if (!digits && scale === 1) return undefined;
  // "half a billion dollars", "half a million people": the fraction belongs to the amount.
  const halved = !digits && (numTok.text === 'a' || numTok.text === 'an') && word(tokens, i - 1)?.toLowerCase() === 'half';
  if (halved) number /= 2;
  return { first: halved ? i - 1 : i, last: j - 1, numberAt, number, scale, negative, currency, percent, unit, digits, time };
}

/** Cheap first test: most tokens cannot start an amount. */
function mayStartAmount(t: Token): boolean {
  if (t.kind === Kind.Num) return true;
  if (t.kind === Kind.Sym) return MINUS.has(t.text) || CURRENCY_SYMBOLS.has(t.text) || t.text === '￥';
  if (CURRENCY_CODES.has(t.text) || DOLLAR_PREFIXES.has(t.text) || NUMBER_WORDS.has(t.text)) return true;
  // Lower-casing every word is the costly part; only a capitalised word can be "Three" or "A".
  return t.text.length <= 7 && isCapitalized(t.text) && NUMBER_WORDS.has(t.text.toLowerCase());
}

/** A currency written before the number: "$", "US$", "HK$", "€", "RMB ", "Rs ". */
function currencyPrefix(ctx: FigureContext, j: number): { currency: string; next: number } | undefined {
  const { tokens } = ctx;
  const t = tokens[j];
  if (!t) return undefined;
  if (t.kind === Kind.Sym) {
    const iso = t.text === '¥' || t.text === '￥' ? ctx.yenSymbol : CURRENCY_SYMBOLS.get(t.text);
    return iso ? { currency: iso, next: j + 1 } : undefined;
  }
  if (t.kind !== Kind.Word) return undefined;
  if (symbol(tokens, j + 1) === '$' && glued(tokens, j)) {
    const iso = DOLLAR_PREFIXES.get(t.text);
    return iso ? { currency: iso, next: j + 2 } : undefined;
  }
  const code = CURRENCY_CODES.get(t.text);
  const next = tokens[j + 1];
  if (code && next && (next.kind === Kind.Num || (MINUS.has(next.text) && glued(tokens, j + 1)))) {
    return { currency: code, next: j + 1 };
  }
  return undefined;
}

/** "$5 million to $10 million", "5-10%", "between 0.6% and 0.7%": one span, valued at its lower end. */
function joinRange(ctx: FigureContext, a: Amount): Amount | undefined {
  const { tokens } = ctx;
  if (a.time) return undefined;
  const k = a.last + 1;
  const connector = tokens[k];
  if (!connector) return undefined;
  const before = word(tokens, a.first - 1)?.toLowerCase();
  // A dash joins a range only when it sits like one: "5-10" or "5 - 10", not "5 -10" (a sign).
  const dash = RANGE_DASHES.has(connector.text) && glued(tokens, a.last) === glued(tokens, k);
  const isConnector = connector.text === 'to' || dash || (connector.text === 'and' && before === 'between');
  if (!isConnector || before === 'from') return undefined;
  const b = parseAmount(ctx, k + 1);
  if (b?.time) return { ...a, last: b.last, time: true };
  if (!b || b.negative) return undefined;
  if (a.currency && b.currency && a.currency !== b.currency) return undefined;
  if ((a.currency && b.percent) || (a.percent && b.currency)) return undefined;
  const currency = a.currency ?? b.currency;
  const percent = a.percent || b.percent;
  const scale = a.scale !== 1 ? a.scale : b.scale;
  // "rose 0.9 percent to 2,232.05", "$5 million to 10,000 homes": a change and a level, or an
  // amount and a count, not a range; a range's second end says what it is too ("5 to 6%" aside).
  if (!isBare(a) && isBare(b)) return undefined;
  const bareWords = connector.kind === Kind.Word && isBare(a) && isBare(b);
  if (!currency && !percent && scale === 1 && !b.unit && !bareWords) return undefined;
  if (b.unit !== a.unit && !b.unit) return undefined;
  return { ...a, last: b.last, scale, currency, percent, unit: a.unit || b.unit };
}

/** A bare "3-1", "2008-2016" or "555-1234": the first number of a score, span of years or phone number. */
function bareRangePartner(ctx: FigureContext, a: Amount): boolean {
  const { tokens } = ctx;
  const dash = a.last + 1;
  return isBare(a) && RANGE_DASHES.has(symbol(tokens, dash) ?? '') && glued(tokens, a.last) && glued(tokens, dash) && tokens[dash + 1]?.kind === Kind.Num;
}

function skipBarePair(ctx: FigureContext, a: Amount): number {
  const { tokens } = ctx;
  let k = a.last + 2;
  while (RANGE_DASHES.has(symbol(tokens, k + 1) ?? '') && glued(tokens, k) && tokens[k + 2]?.kind === Kind.Num) k += 2;
  return k;
}

function isBare(a: Amount): boolean {
  return !a.currency && !a.percent && !a.unit && a.scale === 1;
}

function toEntity(ctx: FigureContext, a: Amount): Entity | undefined {
  const { tokens, text } = ctx;
  if (isBare(a) && !isQuantity(ctx, a)) return undefined;
  if (!a.currency && !a.percent && isFollowedByTime(tokens, a.last)) return undefined;
  if (!a.currency && !a.percent && !a.unit && a.scale === 1 && !a.digits) return undefined;
  const start = tokens[a.first]!.start;
  const end = tokens[a.last]!.end;
  const sign = a.negative ? -1 : 1;
  if (!Number.isFinite(scaled(a))) return undefined; // a run of hundreds of digits is no figure
  if (a.currency) {
    return { type: 'money', start, end, text: text.slice(start, end), value: sign * scaled(a), currency: a.currency };
  }
  if (a.percent) return { type: 'percent', start, end, text: text.slice(start, end), value: sign * scaled(a) };
  return { type: 'number', start, end, text: text.slice(start, end), value: sign * scaled(a) };
}

/**
 * The amount times its scale without binary floating-point noise: 12.9 * 1e9 is
 * 12900000000.000002, but scales are powers of ten, so the product is read back from
 * decimal notation ("12.9e9").
 */
function scaled(a: Amount): number {
  if (a.scale === 1) return a.number;
  const exponent = Math.round(Math.log10(a.scale));
  const decimal = String(a.number);
  return 10 ** exponent === a.scale && !decimal.includes('e') ? Number(`${decimal}e${exponent}`) : a.number * a.scale;
}

/**
 * A bare number (no currency, percent, scale or unit) quantifies something unless its
 * neighbours say it is a year, a date, a time, a duration, a label, a model or a list item.
 */
function isQuantity(ctx: FigureContext, a: Amount): boolean {
  const { tokens } = ctx;
  const num = tokens[a.numberAt]!;
  if (/^\d{4}$/.test(num.text) && a.number >= 1000 && a.number < 2200) return false;
  if (isPartOfCode(tokens, a)) return false;
  const prev = tokens[a.first - 1];
  if (prev && prev.kind === Kind.Word && prev.end < num.start) {
    if (DATE_WORDS.has(prev.text) || LABEL_WORDS.has(prev.text.toLowerCase())) return false;
    if (RANGE_OPENERS.has(prev.text) && LABEL_WORDS.has(word(tokens, a.first - 2)?.toLowerCase() ?? '')) return false;
    if (hasUpperCase(prev.text) && !FUNCTION_WORDS.has(prev.text.toLowerCase())) return false;
  }
  if (prev?.text === '.' && DATE_WORDS.has(word(tokens, a.first - 2) ?? '')) return false;
  if (prev?.text === '#') return false;
  if (isRating(tokens, a)) return false;
  if (isDialled(tokens, a)) return false;
  if (isAgeAfterName(tokens, a)) return false;
  const next = tokens[a.last + 1];
  if (next && next.kind === Kind.Word) {
    if (DATE_WORDS.has(next.text) || TIME_MARKERS.has(next.text) || TIME_UNITS.has(next.text.toLowerCase())) return false;
    if (isCapitalized(next.text) && isAddress(tokens, a.last + 1)) return false;
    // "737 Max", "3 Series", "40 Under 40": a number that heads a name.
    if (isCapitalized(next.text) && !isAllCaps(next.text) && next.text.length > 1 && next.start - num.end === 1 && !FUNCTION_WORDS.has(next.text.toLowerCase())) return false;
  }
  if (next && (next.text === '.' || next.text === ')') && glued(tokens, a.last) && num.lineStart && a.first === a.numberAt) return false;
  if (prev?.text === '(' && next?.text === ')' && a.number < 100) return false;
  return true;
}

const CALLING = /^(call|calls|called|calling|dial|dials|dialed|dialled|dialing|dialling|phone|phoned|text|texted|texting)$/i;
const CONTACTS = /^(calls?|tips?|reports?|texts?|messages?|hotline|line)$/i;

/**
 * "called 911", "dial 999", "a tip to 911", "calls to 112", "text 741741": a number dialled, a
 * phone number by the guidelines, not a figure. Plain digits only, with no separator.
 */
function isDialled(tokens: readonly Token[], a: Amount): boolean {
  if (!/^\d{3,8}$/.test(tokens[a.numberAt]!.text) || a.first !== a.numberAt) return false;
  const prev = word(tokens, a.first - 1);
  if (prev === undefined) return false;
  if (CALLING.test(prev)) return true;
  return prev.toLowerCase() === 'to' && CONTACTS.test(word(tokens, a.first - 2) ?? '');
}

/** "4.5 out of 5": a rating or a score, on either side of "out of". */
function isRating(tokens: readonly Token[], a: Amount): boolean {
  if (word(tokens, a.last + 1) === 'out' && word(tokens, a.last + 2) === 'of' && tokens[a.last + 3]?.kind === Kind.Num) return true;
  return word(tokens, a.first - 1) === 'of' && word(tokens, a.first - 2) === 'out';
}

/** "13.8 billion years", "five million years ago": a duration, whatever its scale. */
function isFollowedByTime(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  return next !== undefined && next.kind === Kind.Word && TIME_UNITS.has(next.text.toLowerCase());
}

/** "Elizabeth A. Burton, 32, of ...": a number set off by commas right after a name is an age. */
function isAgeAfterName(tokens: readonly Token[], a: Amount): boolean {
  const prev = tokens[a.first - 1];
  const name = tokens[a.first - 2]?.text === '.' ? tokens[a.first - 3] : tokens[a.first - 2];
  const next = tokens[a.last + 1];
  return prev?.text === ',' && name?.kind === Kind.Word && isCapitalized(name.text) && (next?.text === ',' || next?.text === ')') && a.number < 130 && Number.isInteger(a.number);
}

/** "3170 W. County Road", "1119 Eighth St.": a street name within a few capitalised words. */
function isAddress(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < from + 5; k++) {
    const t = tokens[k];
    if (!t) return false;
    if (t.kind === Kind.Word && STREET_WORDS.has(t.text)) return true;
    if (t.text !== '.' && !(t.kind === Kind.Word && isCapitalized(t.text))) return false;
  }
  return false;
}

/** Glued to "-", "/", ":" or "." and more digits or letters: "COVID-19", "24/7", "10:30", "2.0.1". */
function isPartOfCode(tokens: readonly Token[], a: Amount): boolean {
  const before = tokens[a.first - 1];
  if (before && before.end === tokens[a.first]!.start && before.kind === Kind.Sym && '-/:.#'.includes(before.text)) {
    const beforeThat = tokens[a.first - 2];
    if (before.text !== '-' || (beforeThat && beforeThat.end === before.start)) return true;
  }
  const after = tokens[a.last + 1];
  if (after && glued(tokens, a.last) && after.kind === Kind.Sym && '/:.'.includes(after.text)) {
    const afterThat = tokens[a.last + 2];
    if (afterThat && glued(tokens, a.last + 1) && afterThat.kind !== Kind.Sym) return true;
  }
  return false;
}

function hasUpperCase(s: string): boolean {
  return s !== s.toLowerCase();
}
