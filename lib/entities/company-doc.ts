/**
 * What every company pass shares: the document being read (its tokens, the mentions found so
 * far, the tokens they take), and the name shapes the passes look for: capitalised chains of
 * name words, a legal suffix after them, whether a chain can be a company's name at all.
 */
import { Kind, adjacent, glued, isAllCaps, isCapitalized, type Token } from './tokenize';
import type { Gazetteer } from './gazetteer';
import { slug } from './slug';
import {
  COMMON_CAPITALISED, COMPANY_HEADS, GIVEN_NAMES, KNOWN_ORGS, SECURITY_WORDS, PERSON_TITLES, LEGAL_SUFFIXES, ORG_WORDS, PLACES,
  STOP_CAPITALISED, WEAK_SUFFIXES,
} from './company-words';
import { DATE_WORDS } from './figure-words';

/** A company mention before it becomes an Entity. Token indices inclusive. */
export interface Mention {
  first: number;
  last: number;
  id: string;
  name: string;
  ticker?: string;
  /** Evidence that the name is a company here (suffix, ticker, context), not just a listed name. */
  evidence: boolean;
  /** Gazetteer company index, when the name is listed. */
  company?: number;
}

export interface Doc {
  text: string;
  tokens: readonly Token[];
  gaz: Gazetteer;
  mentions: Mention[];
  /** Tokens already inside a mention. */
  taken: Uint8Array;
  /** Surnames of the people the document names ("Musk" of "Elon Musk"), and its sports teams ("Tottenham's manager"). */
  people: Set<string>;
}

const MAX_CHAIN = 6;

export function word(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === Kind.Word ? t.text : undefined;
}

export function isPossessive(t: Token | undefined): boolean {
  return t !== undefined && t.kind === Kind.Word && (t.text === "'s" || t.text === '’s' || t.text === "'S" || t.text === '’S');
}

export function free(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (doc.taken[k]) return false;
  return true;
}

export function add(doc: Doc, m: Mention): void {
  if (!free(doc, m.first, m.last)) return;
  doc.mentions.push(m);
  for (let k = m.first; k <= m.last; k++) doc.taken[k] = 1;
}

export function companyMention(doc: Doc, company: number, first: number, last: number, evidence: boolean): Mention {
  const c = doc.gaz.company(company);
  return { first, last, id: c.id, name: c.name, ticker: c.tickers[0], evidence, company };
}

export function isAllCapsWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === Kind.Word && t.text.length > 1 && isAllCaps(t.text);
}

/** "Walt Disney Co.", "Tyvak Nano-Satellite Systems, Inc.", "SoftBank Group Corp": suffixes after a name. */
export function extendWithSuffix(tokens: readonly Token[], last: number): number {
  let end = withAbbreviationDot(tokens, last);
  if (end !== last) return end;
  for (;;) {
    let k = end + 1;
    if (tokens[k]?.text === ',' && LEGAL_SUFFIXES.has(word(tokens, k + 1) ?? '') && !WEAK_SUFFIXES.has(tokens[k + 1]!.text)) k++;
    const w = word(tokens, k);
    if (w === undefined || !LEGAL_SUFFIXES.has(w) || !adjacent(tokens, k - 1, k)) return end;
    end = withAbbreviationDot(tokens, k);
  }
}

/** "Inc." / "Co.": the dot after an abbreviated legal suffix belongs to the name. */
function withAbbreviationDot(tokens: readonly Token[], k: number): number {
  const w = tokens[k]!.text;
  return tokens[k + 1]?.text === '.' && glued(tokens, k) && LEGAL_SUFFIXES.has(w) && /^[A-Za-z]{2,4}$/.test(w) ? k + 1 : k;
}

/** A name token of a company name: capitalised or all capitals, or a name with digits ("9to5Mac"). */
export function isNameWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === Kind.Word && (isCapitalized(t.text) || /^\d/.test(t.text)) && !DATE_WORDS.has(t.text) && !isPluralAcronym(t.text);
}

/** "DSPs", "CEOs": a plural of an abbreviation, never a name. */
function isPluralAcronym(text: string): boolean {
  return text.length > 2 && text.endsWith('s') && isAllCaps(text.slice(0, -1));
}

/**
 * The capitalised name that ends at token `last`, walking back over name words and joiners
 * ("-", "&", "'s" inside a name) until a stop word, a line break or MAX_CHAIN tokens.
 */
export function chainEndingAt(doc: Doc, last: number): number | undefined {
  const { tokens } = doc;
  let first = last + 1;
  let words = 0;
  for (let k = last; k >= 0 && words < MAX_CHAIN; k--) {
    const t = tokens[k]!;
    if (doc.taken[k]) break;
    const joiner = (t.text === '-' || t.text === '&') && k < last && k > 0 && first === k + 1 && isNameWord(tokens[k - 1]);
    if (joiner) continue;
    if (!isNameWord(t) || STOP_CAPITALISED.has(t.text)) break;
    if (k < last && !adjacent(tokens, k, k + 1)) break;
    first = k;
    words++;
  }
  return first <= last ? first : undefined;
}

/** The capitalised name that starts at token `first`. */
export function chainStartingAt(doc: Doc, first: number): number | undefined {
  const { tokens } = doc;
  let last = first - 1;
  for (let k = first; k < tokens.length && k - first < MAX_CHAIN; k++) {
    const t = tokens[k]!;
    if (doc.taken[k]) break;
    if ((t.text === '-' || t.text === '&') && k > first && isNameWord(tokens[k + 1])) continue;
    if (!isNameWord(t) || (k === first && STOP_CAPITALISED.has(t.text))) break;
    if (k > first && !adjacent(tokens, k - 1, k)) break;
    last = k;
  }
  return last >= first ? last : undefined;
}

/** Whether a chain can be a company's name: not an organisation, a place, a person or ordinary words. */
export function plausibleName(doc: Doc, first: number, last: number): boolean {
  const { tokens } = doc;
  let distinctive = false;
  for (let k = first; k <= last; k++) {
    const w = tokens[k]!.text;
    if (tokens[k]!.kind !== Kind.Word) continue;
    if (ORG_WORDS.has(w) || KNOWN_ORGS.has(w) || PERSON_TITLES.has(w)) return false;
    if (!COMMON_CAPITALISED.has(w) && !PLACES.has(w) && !LEGAL_SUFFIXES.has(w) && !COMPANY_HEADS.has(w) && !STOP_CAPITALISED.has(w)) distinctive = true;
  }
  if (GIVEN_NAMES.has(tokens[first]!.text) && last > first) return false;
  if (first === last && SECURITY_WORDS.has(tokens[first]!.text)) return false;
  if (KNOWN_ORGS.has(doc.text.slice(tokens[first]!.start, tokens[last]!.end))) return false;
  return distinctive;
}

function chainName(doc: Doc, first: number, last: number): string {
  return doc.text.slice(doc.tokens[first]!.start, doc.tokens[last]!.end).replace(/\s+/g, ' ');
}

export function ruleMention(doc: Doc, first: number, last: number, nameLast: number): Mention {
  const name = chainName(doc, first, nameLast);
  return { first, last, id: `x:${slug(name)}`, name, evidence: true };
}

/** "companies" -> "company", "rivals" -> "rival". */
export function singular(w: string): string {
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/** Whether token `k` is the first of a sentence or a line. */
export function opensSentence(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return !prev || /^[.!?"“:;—–-]$/.test(prev.text) || !adjacent(tokens, k - 1, k);
}
