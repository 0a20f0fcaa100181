/**
 * Company mentions: gazetteer names, names found by rule (a legal suffix, a ticker, a company
 * context), then every later or earlier mention of a name the document has shown to be a
 * company ("Huawei" once "Huawei Technologies" is named). Each pass is one walk over the tokens.
 */
import type { Entity, RecognizeOptions } from './types';
import { Kind, adjacent, glued, isAllCaps, isCapitalized, type Token } from './tokenize';
import { addAlias, emptyTrie, gazetteer, matchAt, type Company, type Gazetteer } from './gazetteer';
import { slug } from './slug';
import {
  APPOSITION_FOLLOWERS, APPOSITION_NOUNS, DEFINITE_APPOSITION_FOLLOWERS, CHIEF_TITLES, COMMON_CAPITALISED, GENERIC_MEDIA_WORDS, MEDIA_HEADS, REGIONS, WHICH_VERBS, COMPANY_CUES_AFTER, COMPANY_CUES_BEFORE, COMPANY_CUES_POSSESSIVE, COMPANY_HEADS, DETERMINERS, EXCHANGES,
  GIVEN_NAMES, KNOWN_ORGS, SECURITY_WORDS, PERSON_ROLES, PERSON_TITLES, LEGAL_SUFFIXES, ORG_WORDS, PLACES, PRODUCT_WORDS, STOP_CAPITALISED, WEAK_SUFFIXES,
} from './company-words';
import { DATE_WORDS } from './figure-words';

/** A company mention before it becomes an Entity. Token indices inclusive. */
interface Mention {
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

/** The facts an entity carries for the hover card, from a listed company. */
type Facts = Pick<Entity, 'country' | 'industry' | 'website'>;

interface Doc {
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

/** Company mentions in `text` (already tokenised), as entities in text order, never overlapping. */
export function findCompanies(text: string, tokens: readonly Token[], options: RecognizeOptions): Entity[] {
  const doc: Doc = { text, tokens, gaz: gazetteer(), mentions: [], taken: new Uint8Array(tokens.length), people: personNames(tokens) };
  findTickers(doc);
  findListedNames(doc);
  findSuffixedNames(doc);
  findMediaNames(doc);
  findDomainNames(doc);
  findContextNames(doc);
  findLowerCaseNames(doc);
  acceptListedCommonWords(doc);
  findRepeatedNames(doc, options.extraCompanies ?? []);
  linkShortForms(doc);
  return toEntities(doc, options.ignoredCompanies ?? []);
}

function word(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === Kind.Word ? t.text : undefined;
}

function isPossessive(t: Token | undefined): boolean {
  return t !== undefined && t.kind === Kind.Word && (t.text === "'s" || t.text === '’s' || t.text === "'S" || t.text === '’S');
}

function free(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (doc.taken[k]) return false;
  return true;
}

function add(doc: Doc, m: Mention): void {
  if (!free(doc, m.first, m.last)) return;
  doc.mentions.push(m);
  for (let k = m.first; k <= m.last; k++) doc.taken[k] = 1;
}

function companyMention(doc: Doc, company: number, first: number, last: number, evidence: boolean): Mention {
  const c = doc.gaz.company(company);
  return { first, last, id: c.id, name: c.name, ticker: c.tickers[0], evidence, company };
}

/** A symbol as tickers are written: "HD", "BRK.B", "0700". */
function isTickerSymbol(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === Kind.Num) return /^\d{3,6}$/.test(t.text);
  return t.kind === Kind.Word && t.text.length <= 7 && isAllCaps(t.text);
}

/** "(NYSE: HD)", "NASDAQ:AAPL", "(ticker: HD)", "$AAPL". */
function findTickers(doc: Doc): void {
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === Kind.Word && EXCHANGES.has(t.text) && tokens[i + 1]?.text === ':' && isTickerSymbol(tokens[i + 2])) {
      const isExchange = t.text.toLowerCase() !== 'ticker' && t.text.toLowerCase() !== 'symbol';
      addTicker(doc, isExchange ? i : i + 2, i + 2);
      i += 2;
    } else if (t.text === '$' && glued(tokens, i) && tokens[i + 1]!.kind === Kind.Word && isTickerSymbol(tokens[i + 1]) && doc.gaz.listedUnder(tokens[i + 1]!.text) !== undefined) {
      addTicker(doc, i + 1, i + 1);
      i += 1;
    }
  }
}

function addTicker(doc: Doc, first: number, symbolAt: number): void {
  const symbol = doc.tokens[symbolAt]!.text.toUpperCase();
  const listed = doc.gaz.listedUnder(symbol);
  if (listed?.length === 1) add(doc, companyMention(doc, listed[0]!, first, symbolAt, true));
  else add(doc, { first, last: symbolAt, id: `ticker:${symbol}`, name: symbol, ticker: symbol, evidence: true });
}

/** Gazetteer names, longest first at each position, with the checks that tell them from words. */
function findListedNames(doc: Doc): void {
  const { tokens, gaz } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (doc.taken[i] || (t.kind === Kind.Sym)) continue;
    const match = matchAt(gaz.root, tokens, i);
    if (!match) continue;
    const company = gaz.company(match.company);
    if (blocked(doc, company, match.first, match.last)) continue;
    // "Ceres Robotics", "Emirates Airline Group": a known name at the head of a longer one that ends
    // in a company word is that longer company, not the known one.
    const longer = longerNameEnd(doc, match.last);
    if (longer !== undefined && plausibleName(doc, match.first, longer)) {
      // A curated name still shows itself a company's here: later mentions of it count ("Emirates");
      // an imported one may be another firm's name ("Mercury" of "Mercury Robotics").
      const mention = ruleMention(doc, match.first, extendWithSuffix(tokens, longer), longer);
      add(doc, company.oneWordNeedsEvidence ? mention : { ...mention, company: match.company });
      i = longer;
      continue;
    }
    // "SBM Intel, a Lagos intelligence firm": a known name at the end of a longer name that the
    // text presents as a firm is part of that firm's name.
    const before = match.first > 0 && !doc.taken[match.first - 1] && continuesAnyName(tokens, match.first) ? chainEndingAt(doc, match.first - 1) : undefined;
    if (before !== undefined && (hasCompanyApposition(tokens, match.last) || isWhichMakes(tokens, match.last)) && plausibleName(doc, before, match.last)) {
      add(doc, ruleMention(doc, before, match.last, match.last));
      i = match.last;
      continue;
    }
    // "Ford Europe", "GM Korea": a maker's regional company.
    const region = company.needsEvidence ? undefined : regionAfter(doc, match.last);
    if (region !== undefined) {
      add(doc, ruleMention(doc, match.first, region, region));
      i = region;
      continue;
    }
    // "New GM" beside "Old GM": the company formed from the old one's assets.
    if (isNewCompanyForm(doc, match.first, match.last)) {
      add(doc, ruleMention(doc, match.first - 1, match.last, match.last));
      i = match.last;
      continue;
    }
    const last = extendWithSuffix(tokens, match.last);
    // "Icahn said" after "Carl Icahn": the person; "shares of Icahn" is the company.
    if (match.first === last && doc.people.has(tokens[last]!.text) && !isCompanyOnlyContext(doc, match.first, last)) continue;
    // "Lawson said", "Ferguson says": people say things too, so a name that is also a word or a
    // surname needs a stronger cue than a following "said"; so does a listed company's one-word name.
    const weak = company.needsEvidence || (company.oneWordNeedsEvidence && match.first === last);
    // "Orbit Beyond", "SBM Intel": a name that needs evidence, right after another name word, is the end of a longer name.
    if (weak && continuesName(tokens, match.first)) continue;
    const context = weak ? isStrongContext(doc, match.first, last) : isCompanyContext(doc, match.first, last);
    add(doc, companyMention(doc, match.company, match.first, last, last !== match.last || context));
    i = last;
  }
}

/** Company words that end a longer name after a known one ("Emirates Airline"): the heads, and a few singular ones. */
const LONGER_NAME_ENDS = new Set([...COMPANY_HEADS, 'Airline', 'Bank', 'Bancorp', 'Motor', 'Cells', 'Solar', 'Energy', 'Pharmaceutical', 'Technology']);

/**
 * The last token of a longer company name continuing a known one at `last`: adjacent capitalised
 * name words (at most three) ending in a company word or a legal suffix ("Ceres" + "Robotics",
 * "Hanwha" + "Q Cells", "Emirates" + "Airline"); undefined when the name stops at `last`.
 */
function longerNameEnd(doc: Doc, last: number): number | undefined {
  const { tokens } = doc;
  let end: number | undefined;
  for (let k = last + 1; k <= last + 3 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (doc.taken[k] || !adjacent(tokens, k - 1, k) || !isNameWord(t) || STOP_CAPITALISED.has(t.text) || PRODUCT_WORDS.has(t.text)) break;
    if (LONGER_NAME_ENDS.has(t.text) || (k > last + 1 && LEGAL_SUFFIXES.has(t.text) && !WEAK_SUFFIXES.has(t.text))) end = k;
    if (LEGAL_SUFFIXES.has(t.text)) break;
  }
  return end;
}

function isAllCapsWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === Kind.Word && t.text.length > 1 && isAllCaps(t.text);
}

/**
 * "New GM", "New Chrysler": the new company that took a failed one's business. "New" opens a
 * sentence or a headline as often ("New Apple phones"), so the document must also name the old
 * one ("Old GM") or write the new form twice.
 */
function isNewCompanyForm(doc: Doc, first: number, last: number): boolean {
  const { tokens } = doc;
  if (tokens[first - 1]?.text !== 'New' || doc.taken[first - 1] || !adjacent(tokens, first - 1, first) || isNameWord(tokens[first - 2])) return false;
  // "New Apple H1 headphone chip": a headline about a product.
  if (isNameWord(tokens[last + 1]) && adjacent(tokens, last, last + 1)) return false;
  const name = doc.text.slice(tokens[first]!.start, tokens[last]!.end);
  // Counted once a name: a text repeating "New GM" thousands of times stays linear.
  let shown = newFormShown.get(doc);
  if (!shown) newFormShown.set(doc, (shown = new Map()));
  let answer = shown.get(name);
  if (answer === undefined) {
    const old = doc.text.includes(`Old ${name}`);
    const firstNew = doc.text.indexOf(`New ${name}`);
    answer = old || (firstNew >= 0 && doc.text.includes(`New ${name}`, firstNew + 1));
    shown.set(name, answer);
  }
  return answer;
}

const newFormShown = new WeakMap<Doc, Map<string, boolean>>();

/** Whether the word before token `first` is an adjacent name word of any case ("SBM" of "SBM Intel"). */
function continuesAnyName(tokens: readonly Token[], first: number): boolean {
  const prev = tokens[first - 1];
  return isNameWord(prev) && !STOP_CAPITALISED.has(prev!.text) && !PLACES.has(prev!.text) && !GIVEN_NAMES.has(prev!.text) && adjacent(tokens, first - 1, first);
}

/** The last token of a region right after a known name ("Ford Europe", "Nissan North America"), when no more name words follow. */
function regionAfter(doc: Doc, last: number): number | undefined {
  const { tokens } = doc;
  for (const size of [2, 1]) {
    const end = last + size;
    if (end >= tokens.length) continue;
    let name = '';
    let ok = true;
    for (let k = last + 1; k <= end; k++) {
      if (doc.taken[k] || tokens[k]!.kind !== Kind.Word || !adjacent(tokens, k - 1, k)) ok = false;
      name += (name ? ' ' : '') + tokens[k]!.text;
    }
    if (!ok || !REGIONS.has(name)) continue;
    const next = tokens[end + 1];
    if (isNameWord(next) && adjacent(tokens, end, end + 1)) return undefined;
    // "Ford Europe's", "GM Korea and": the regional company; "in China" after "Apple" reads the same, so only adjacent.
    return end;
  }
  return undefined;
}

/** Whether token `first` continues a capitalised name begun by the word before it ("Nordwind Energy"). */
function continuesName(tokens: readonly Token[], first: number): boolean {
  const prev = tokens[first - 1];
  if (!prev || !isNameWord(prev) || STOP_CAPITALISED.has(prev.text) || PLACES.has(prev.text) || !adjacent(tokens, first - 1, first)) return false;
  // "Off LEGO Star Wars": a capitalised word before an all-capitals name is no part of it.
  return isAllCaps(prev.text) === isAllCaps(tokens[first]!.text) && !isAllCaps(prev.text);
}

/** Whether what follows or precedes a listed name says it is something else here. */
function blocked(doc: Doc, company: Company, first: number, last: number): boolean {
  const { tokens } = doc;
  const next = tokens[last + 1];
  const prev = tokens[first - 1];
  if (next && glued(doc.tokens, last) && (next.text === '+' || (next.text === '-' && !glued(tokens, last + 1)))) return true;
  if (next && next.kind === Kind.Word && next.start - tokens[last]!.end === 1 && PRODUCT_WORDS.has(next.text)) return true;
  if (next && company.blockers.has(next.text.toLowerCase())) return true;
  if (next && next.kind === Kind.Num && company.blockers.has('#')) return true;
  if (prev && prev.kind === Kind.Word && company.blockers.has(`<${prev.text.toLowerCase()}`)) return true;
  // "Michael Dell", "Mr. Ford": a person's name.
  if (prev && prev.kind === Kind.Word && GIVEN_NAMES.has(prev.text) && prev.end + 1 === tokens[first]!.start) return true;
  if (prev?.text === '.' && GIVEN_NAMES.has(`${tokens[first - 2]?.text}.`)) return true;
  return false;
}

/** "Walt Disney Co.", "Tyvak Nano-Satellite Systems, Inc.", "SoftBank Group Corp": suffixes after a name. */
function extendWithSuffix(tokens: readonly Token[], last: number): number {
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
function isNameWord(t: Token | undefined): boolean {
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
function chainEndingAt(doc: Doc, last: number): number | undefined {
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
function chainStartingAt(doc: Doc, first: number): number | undefined {
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
function plausibleName(doc: Doc, first: number, last: number): boolean {
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

function ruleMention(doc: Doc, first: number, last: number, nameLast: number): Mention {
  const name = chainName(doc, first, nameLast);
  return { first, last, id: `x:${slug(name)}`, name, evidence: true };
}

/** "Sierra Nevada Corp.", "Ceres Robotics", "Carlyle Group": an unlisted name with a legal suffix or company word. */
function findSuffixedNames(doc: Doc): void {
  const { tokens } = doc;
  for (let i = 1; i < tokens.length; i++) {
    const w = word(tokens, i);
    if (w === undefined || doc.taken[i]) continue;
    const legal = LEGAL_SUFFIXES.has(w);
    if (!legal && !COMPANY_HEADS.has(w)) continue;
    let nameEnd = i - 1;
    if (legal && tokens[nameEnd]?.text === ',') nameEnd--;
    // ", Inc" at the very start names nothing.
    if (nameEnd < 0 || doc.taken[nameEnd] || tokens[i]!.start - tokens[nameEnd]!.end > 2) continue;
    const first = chainEndingAt(doc, nameEnd);
    if (first === undefined) continue;
    const strong = legal && !WEAK_SUFFIXES.has(w);
    if (!strong && first === nameEnd && tokens[first]!.text.length < 2) continue;
    if (!plausibleName(doc, first, nameEnd) || namesAnEvent(tokens, i)) continue;
    // "Picture Archiving and Communication Systems", "Head of Platform Solutions": part of a longer title.
    const before = word(tokens, first - 1);
    if (!legal && (before === 'and' || before === 'of' || tokens[first - 1]?.text === '&')) continue;
    const last = extendWithSuffix(tokens, i - 1 === nameEnd ? nameEnd : nameEnd);
    if (last <= nameEnd && !COMPANY_HEADS.has(w)) continue;
    const end = COMPANY_HEADS.has(w) && last < i ? extendWithSuffix(tokens, i) : last;
    add(doc, ruleMention(doc, first, end, COMPANY_HEADS.has(w) ? i : nameEnd));
    i = end;
  }
}

/**
 * News outlets named by their head word: "the Deseret News", "Saudi Gazette", "Edmonton Sun".
 * Their other words may be places, unlike other companies' ("New Zealand Herald"); a section or
 * a genre is not an outlet ("Breaking News", "Business News"), nor is a journal "of" something.
 */
function findMediaNames(doc: Doc): void {
  const { tokens } = doc;
  for (let i = 1; i < tokens.length; i++) {
    const w = word(tokens, i);
    if (w === undefined || doc.taken[i] || !MEDIA_HEADS.has(w) || word(tokens, i + 1) === 'of') continue;
    // "Korean Central News Agency": the head word is inside a longer name.
    if (isNameWord(tokens[i + 1]) && adjacent(tokens, i, i + 1)) continue;
    // "Pittsburgh Post-Gazette", "Wheeling News-Register".
    const end = tokens[i + 1]?.text === '-' && glued(tokens, i) && glued(tokens, i + 1) && isNameWord(tokens[i + 2]) ? i + 2 : i;
    if (!adjacent(tokens, i - 1, i) || doc.taken[i - 1]) continue;
    const first = chainEndingAt(doc, i);
    if (first === undefined || first === i) continue;
    let distinctive = false;
    let allowed = true;
    for (let k = first; k < i; k++) {
      const t = tokens[k]!;
      if (t.kind !== Kind.Word) continue;
      if (ORG_WORDS.has(t.text) || KNOWN_ORGS.has(t.text) || (k === first && GIVEN_NAMES.has(t.text))) allowed = false;
      if (!GENERIC_MEDIA_WORDS.has(t.text) && !COMMON_CAPITALISED.has(t.text) && !STOP_CAPITALISED.has(t.text)) distinctive = true;
    }
    // "Saudi Gazette": a place names an outlet; "Sun" and "Post" need one, being words too.
    if (!allowed || !distinctive) continue;
    add(doc, ruleMention(doc, first, end, end));
    i = end;
  }
}

/** Host names that are no company's: social sites' link hosts and the like are caught by their lower case. */
const DOMAIN = /^(?:\p{Lu}|\d)[\p{L}\d-]*\.(?:com|net|co\.uk|co|io|ca|ai|tv|de|fr|news|app)$/u;

/**
 * "Edmunds.com", "CBC.ca", "9to5Mac.com": a capitalised domain name written as a name is the
 * company's ("pic.twitter.com/..." and "whitehouse.gov" are not). Its stem counts later on
 * ("Edmunds"), see findRepeatedNames.
 */
function findDomainNames(doc: Doc): void {
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (doc.taken[i] || t.kind !== Kind.Word || !t.text.includes('.') || !DOMAIN.test(t.text)) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if ((prev && glued(tokens, i - 1) && (prev.text === '@' || prev.text === '/' || prev.text === '.')) || (next && glued(tokens, i) && next.text === '/')) continue;
    add(doc, { first: i, last: i, id: `x:${slug(t.text)}`, name: t.text, evidence: true });
  }
}

/**
 * Lower-case brands the text presents as companies: "adgorithm, an ad-tech start-up",
 * "shares of ecobee". A lower-case word is a name only at the start of a sentence or after a
 * preposition; after a determiner or another word it is a noun ("the device, a company product").
 */
function findLowerCaseNames(doc: Doc): void {
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // The cheap test first: most words are not followed by a comma.
    if (tokens[i + 1]?.text !== ',' || doc.taken[i] || t.kind !== Kind.Word || t.text.length < 3 || !/^\p{Ll}[\p{L}\d]*$/u.test(t.text)) continue;
    const prev = tokens[i - 1];
    const opens = !prev || /^[.!?"“(]$/.test(prev.text) || LOWER_NAME_OPENERS.has(prev.text);
    const article = word(tokens, i + 2);
    if (!opens || !((hasCompanyApposition(tokens, i) && article !== 'the') || isWhichMakes(tokens, i))) continue;
    add(doc, { first: i, last: i, id: `x:${slug(t.text)}`, name: t.text, evidence: true });
  }
}

const LOWER_NAME_OPENERS = new Set(['in', 'at', 'of', 'from', 'by', 'with', 'for', 'to', 'and', 'on', 'about', 'like', 'including']);

/** "Code Media conference", "Bangkok International Motor Show": the name of an event, not a company. */
function namesAnEvent(tokens: readonly Token[], last: number): boolean {
  const next = word(tokens, last + 1);
  return next !== undefined && (EVENT_WORDS.has(next.toLowerCase()) || (COMPANY_HEADS.has(tokens[last]!.text) && isCapitalized(next) && tokens[last + 1]!.start - tokens[last]!.end === 1));
}

const EVENT_WORDS = new Set(['conference', 'summit', 'festival', 'show', 'expo', 'awards', 'fair', 'forum', 'week', 'event', 'convention', 'congress']);

/** Whether the words around a name say it is a company: "shares of X", "X's chief executive", "X shares". */
function isCompanyContext(doc: Doc, first: number, last: number): boolean {
  const { tokens } = doc;
  if (hasCueBefore(tokens, first)) return true;
  const after = tokens[last + 1];
  if (isPossessive(after)) {
    const cue = word(tokens, last + 2)?.toLowerCase() ?? '';
    if (COMPANY_CUES_POSSESSIVE.has(cue) || (cue === 'chief' && CHIEF_TITLES.has(word(tokens, last + 3) ?? ''))) return true;
  }
  if (after && after.kind === Kind.Word && COMPANY_CUES_AFTER.has(after.text)) return true;
  if (hasCompanyApposition(tokens, last) || isWhichMakes(tokens, last) || saidInStatement(tokens, last) || ownsNext(tokens, last)) return true;
  if (isAccordingTo(doc, first, last)) return true;
  // "Foo Corp (FOO)": a ticker in brackets of a listed company of that name. With tens of thousands
  // of listings nearly every abbreviation is someone's ticker ("(AP)", "(CDC)", "(1982)"), so the
  // listed company must share the name's first word.
  if (after?.text === '(' && tokens[last + 3]?.text === ')' && listedUnderName(doc, tokens[last + 2]?.text ?? '', tokens[first]!.text)) return true;
  if (after?.text === 'said' || after?.text === 'says') return true;
  return false;
}

/** Whether a company listed under `symbol` has a name starting with `firstWord`. */
function listedUnderName(doc: Doc, symbol: string, firstWord: string): boolean {
  const key = firstWord.toUpperCase();
  return (doc.gaz.listedUnder(symbol) ?? []).some((c) => doc.gaz.company(c).name.split(' ')[0]!.toUpperCase() === key);
}

/**
 * "carmaker Nissan", "companies Astrobotic", "label, Big Machine", "outlet, such as Forbes",
 * "shares of Foo": a company word just before the name.
 */
function hasCueBefore(tokens: readonly Token[], first: number): boolean {
  let k = first - 1;
  // "(Image credit: All About Space)", "Credit: Getty": a picture's source.
  if (tokens[k]?.text === ':' && /^credits?$/i.test(word(tokens, k - 1) ?? '')) return true;
  if (word(tokens, k) === 'as' && word(tokens, k - 1) === 'such') k -= 2;
  else if (word(tokens, k) === 'like' || word(tokens, k) === 'including') k--;
  // "label, Big Machine": a comma only after a singular cue; "publishers, DSPs" is a list.
  const comma = tokens[k]?.text === ',';
  if (comma) k--;
  const cue = word(tokens, k);
  if (cue === undefined) return false;
  if (COMPANY_CUES_BEFORE.has(cue) || (!comma && COMPANY_CUES_BEFORE.has(singular(cue)))) return true;
  // "the Amazon-owned Ring", "the SoftBank-backed Nubank": owned by a named owner.
  if (!comma && (cue === 'owned' || cue === 'backed') && tokens[k - 1]?.text === '-' && glued(tokens, k - 1) && isOwnerName(tokens, k - 2)) return true;
  return cue === 'of' && word(tokens, k - 1)?.toLowerCase() === 'shares';
}

/**
 * "according to Edmunds.", "according to the Saudi Gazette,": a source the text cites by name,
 * where the name ends the phrase. People are cited the same way ("according to Rathbun"), so
 * not a surname of the document's people, and not a name before a noun ("according to the
 * Afghan team's coach").
 */
function isAccordingTo(doc: Doc, first: number, last: number): boolean {
  const { tokens } = doc;
  let k = first - 1;
  if (word(tokens, k)?.toLowerCase() === 'the') k--;
  if (word(tokens, k) !== 'to' || word(tokens, k - 1)?.toLowerCase() !== 'according') return false;
  const next = tokens[last + 1];
  if (next && !/^[,.;:)]$/.test(next.text)) return false;
  for (let n = first; n <= last; n++) if (doc.people.has(tokens[n]!.text)) return false;
  return true;
}

/** The capitalised owner of "X-owned" / "X-backed": not a place ("Iran-backed") or an agency. */
function isOwnerName(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return isNameWord(t) && glued(tokens, k) && !PLACES.has(t!.text) && !KNOWN_ORGS.has(t!.text) && !ORG_WORDS.has(t!.text);
}

/** "X-owned Y": the name ending at `last` owns the capitalised name after it. */
function ownsNext(tokens: readonly Token[], last: number): boolean {
  const verb = word(tokens, last + 2);
  return tokens[last + 1]?.text === '-' && glued(tokens, last) && (verb === 'owned' || verb === 'backed') && isNameWord(tokens[last + 3]) && isOwnerName(tokens, last);
}

/**
 * "Wyze, a smart-home camera maker based in Seattle", "Nordlys Labb, a Norwegian start-up":
 * an apposition whose head noun is a company word. The noun must head the phrase: "Jane
 * Dorsey, a company director" and "Dorsey, a firm believer" use it to modify another noun.
 */
function hasCompanyApposition(tokens: readonly Token[], last: number): boolean {
  if (tokens[last + 1]?.text !== ',') return false;
  const article = word(tokens, last + 2)?.toLowerCase();
  if (article !== 'a' && article !== 'an' && article !== 'the') return false;
  for (let k = last + 3; k < last + 10 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== Kind.Word) {
      if (t.text === '-' && glued(tokens, k - 1) && glued(tokens, k)) continue;
      return false;
    }
    // "start-up", "spin-off": a hyphenated noun read whole.
    const hyphenated = tokens[k + 1]?.text === '-' && glued(tokens, k) && glued(tokens, k + 1) && tokens[k + 2]?.kind === Kind.Word ? `${t.text}-${tokens[k + 2]!.text}` : undefined;
    const noun = hyphenated && APPOSITION_NOUNS.has(hyphenated.toLowerCase()) ? hyphenated : APPOSITION_NOUNS.has(t.text.toLowerCase()) ? t.text : undefined;
    if (noun === undefined) continue;
    const afterAt = hyphenated === noun ? k + 3 : k + 1;
    const after = tokens[afterAt];
    if (!after || after.kind !== Kind.Word) return true;
    // "Marco Villa, the company's chief operating officer": the noun belongs to another.
    if (isPossessive(after)) return false;
    // "With Sonos Move, the company created": "the company" opens a clause of its own.
    if (article === 'the') return DEFINITE_APPOSITION_FOLLOWERS.has(after.text);
    return APPOSITION_FOLLOWERS.has(after.text) || !/^\p{Ll}/u.test(after.text);
  }
  return false;
}

/** "Skullcandy, which makes headphones": what only a business does. */
function isWhichMakes(tokens: readonly Token[], last: number): boolean {
  if (tokens[last + 1]?.text !== ',' || word(tokens, last + 2) !== 'which') return false;
  // "Meetup, which it acquired for $200 million": bought by the company the text is about.
  const subject = word(tokens, last + 3);
  const verb = subject === 'it' || subject === 'they' || subject === 'we' ? word(tokens, last + 4) : subject;
  return WHICH_VERBS.has(verb ?? '');
}

/** "Arlo said in a statement", "... said in a filing": a company's way of speaking; "said" alone is anyone's. */
function saidInStatement(tokens: readonly Token[], last: number): boolean {
  const verb = word(tokens, last + 1);
  if (verb !== 'said' && verb !== 'says') return false;
  const [a, b, c] = [word(tokens, last + 2), word(tokens, last + 3), word(tokens, last + 4)];
  return (a === 'in' && (b === 'a' || b === 'its') && (c === 'statement' || c === 'filing' || c === 'release' || c === 'press')) || (a === 'on' && b === 'its' && c === 'website');
}

/** "companies" -> "company", "rivals" -> "rival". */
function singular(w: string): string {
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/** Token index after a list separator ("," "and" "or" ", and") that starts at `k`, or -1. */
function afterListSeparator(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text === ',') k++;
  else if (word(tokens, k) !== 'and' && word(tokens, k) !== 'or') return -1;
  if (word(tokens, k) === 'and' || word(tokens, k) === 'or') k++;
  return k;
}

/** Surnames in this document: the second word after a given name ("Elon Musk" makes "Musk" a person). */
function personNames(tokens: readonly Token[]): Set<string> {
  const people = new Set<string>();
  // "curator Kristen Wilkins", "Fuad Basya, spokesman for", "Kristen Wilkins, assistant professor": a role beside two name words.
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (a.kind !== Kind.Word || b.kind !== Kind.Word || !isCapitalized(a.text) || !isCapitalized(b.text) || !adjacent(tokens, i, i + 1)) continue;
    if (STOP_CAPITALISED.has(a.text) || PLACES.has(a.text) || PLACES.has(b.text)) continue;
    const before = word(tokens, i - 1) ?? '';
    let k = i + 2;
    if (tokens[k]?.text === ',') k++;
    if (['the', 'a', 'an'].includes(word(tokens, k) ?? '')) k++;
    const role = (w: string | undefined) => w !== undefined && (PERSON_ROLES.has(w) || PERSON_ROLES.has(singular(w)));
    const roleAfter = tokens[i + 2]?.text === ',' && (role(word(tokens, k)) || role(word(tokens, k + 1)));
    if (role(before) || PERSON_TITLES.has(before) || roleAfter) people.add(b.text);
  }
  // "Tottenham's manager", "Pittsburgh quarterback": a team, which issues statements too.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Word || !isCapitalized(t.text)) continue;
    const next = isPossessive(tokens[i + 1]) ? word(tokens, i + 2) : word(tokens, i + 1);
    if (next !== undefined && TEAM_ROLES.has(next)) people.add(t.text);
  }
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.kind === Kind.Word && GIVEN_NAMES.has(tokens[i - 1]!.text) && isCapitalized(tokens[i]!.text)) people.add(tokens[i]!.text);
    // "James P. Kennedy Jr.", "John M. Ford": a middle initial between two name words.
    const initial = tokens[i]!;
    if (initial.kind === Kind.Word && /^\p{Lu}$/u.test(initial.text) && tokens[i + 1]?.text === '.' && isNameWord(tokens[i - 1]) && isCapitalized(tokens[i + 2]?.text ?? '')) {
      people.add(tokens[i + 2]!.text);
    }
  }
  return people;
}

const TEAM_ROLES = new Set(['manager', 'coach', 'players', 'fans', 'striker', 'squad', 'midfielder', 'defender', 'goalkeeper', 'quarterback', 'forward', 'winger', 'shirt', 'supporters', 'lineup', 'roster']);

/** Unlisted names in company context, and tickers in brackets right after a company. */
function findContextNames(doc: Doc): void {
  const { tokens } = doc;
  const { people } = doc;
  // A name that follows a company in a list ("companies Astrobotic, Intuitive Machines and ...") is one too.
  let listContinuesAt = -1;
  // Listed names carry the list on too: "companies Astrobotic, Intuitive Machines and Orbit Beyond".
  const listedEnds = new Map(doc.mentions.map((m) => [m.last, m]));
  for (let i = 0; i < tokens.length; i++) {
    const listed = listedEnds.get(i);
    if (listed && (listed.first === listContinuesAt || hasCueBefore(tokens, listed.first))) {
      listContinuesAt = afterListSeparator(tokens, i + 1);
      continue;
    }
    if (doc.taken[i] || !isNameWord(tokens[i]) || STOP_CAPITALISED.has(tokens[i]!.text)) continue;
    const last = chainStartingAt(doc, i);
    if (last === undefined) continue;
    // "Church of Scientology's website": the end of a longer "X of Y" name, not a name of its own.
    if (word(tokens, i - 1) === 'of' && isNameWord(tokens[i - 2]) && !STOP_CAPITALISED.has(tokens[i - 2]!.text)) {
      i = last;
      continue;
    }
    const cue = i === listContinuesAt || isStrongContext(doc, i, last);
    listContinuesAt = -1;
    const person = i === last && people.has(tokens[i]!.text) && !isCompanyOnlyContext(doc, i, last);
    if (cue && plausibleName(doc, i, last) && !person) {
      add(doc, ruleMention(doc, i, last, last));
      listContinuesAt = afterListSeparator(tokens, last + 1);
    }
    i = last;
  }
  linkBracketTickers(doc);
}

/** Context only a company has: not "said", not even "said in a statement" (a person makes statements too). */
function isCompanyOnlyContext(doc: Doc, first: number, last: number): boolean {
  const { tokens } = doc;
  const after = tokens[last + 1];
  // Not "Neumann's shares": a person holds shares too.
  return hasCueBefore(tokens, first) || (after !== undefined && after.kind === Kind.Word && COMPANY_CUES_AFTER.has(after.text)) || ownsNext(tokens, last);
}

/** Context strong enough for an unlisted name: "said" is left out, people say things too. */
function isStrongContext(doc: Doc, first: number, last: number): boolean {
  const next = doc.tokens[last + 1]?.text;
  return ((next !== 'said' && next !== 'says') || saidInStatement(doc.tokens, last)) && isCompanyContext(doc, first, last);
}

/** "Lowe's (LOW)", "HD THE HOME DEPOT INC.": a ticker beside its company. */
function linkBracketTickers(doc: Doc): void {
  const { tokens, gaz } = doc;
  for (const m of [...doc.mentions]) {
    const open = m.last + 1;
    if (tokens[open]?.text === '(' && isTickerSymbol(tokens[open + 1]) && tokens[open + 2]?.text === ')' && !doc.taken[open + 1]) {
      add(doc, { ...m, first: open + 1, last: open + 1, ticker: m.ticker, evidence: true });
      m.evidence = true;
    }
    if (isPossessive(tokens[open]) && tokens[open + 1]?.text === '(' && isTickerSymbol(tokens[open + 2]) && tokens[open + 3]?.text === ')') {
      add(doc, { ...m, first: open + 2, last: open + 2, evidence: true });
    }
    const before = m.first - 1;
    const prev = tokens[before];
    let leading = before;
    if (word(tokens, leading)?.toUpperCase() === 'THE') leading--;
    const symbolTok = tokens[leading];
    if (m.company !== undefined && symbolTok && prev && !doc.taken[leading] && isTickerSymbol(symbolTok)) {
      const listed = gaz.listedUnder(symbolTok.text.toUpperCase());
      if (listed?.includes(m.company)) {
        add(doc, { ...m, first: leading, last: leading, evidence: true });
        m.evidence = true;
      }
    }
  }
}

/**
 * Names that are also words ("Target", "Shell") count only when the document shows them to be companies.
 * The ambiguous forms are the name and its first word ("Delta" of "Delta Air Lines"); a longer alias
 * ("Target Corp") is evidence in itself.
 */
function acceptListedCommonWords(doc: Doc): void {
  const proven = new Set<number>();
  const needsEvidence = (c: Company, m: Mention) => c.needsEvidence || (c.oneWordNeedsEvidence && m.first === m.last);
  for (const m of doc.mentions) {
    if (m.company === undefined) continue;
    const c = doc.gaz.company(m.company);
    const span = doc.text.slice(doc.tokens[m.first]!.start, doc.tokens[m.last]!.end);
    const name = c.name.replace(/^The /, '');
    // "WIRED spoke to": a name in capitals among lower-case words is written as a brand; in a
    // headline in capitals ("LOOK WHAT YOU MADE ME DO") it is only a word.
    const styled = span !== name && span !== name.split(' ')[0] && !(isAllCaps(span) && (isAllCapsWord(doc.tokens[m.first - 1]) || isAllCapsWord(doc.tokens[m.last + 1])));
    if (!needsEvidence(c, m) || m.evidence || (c.needsEvidence && !c.oneWordNeedsEvidence && styled)) proven.add(m.company);
  }
  doc.mentions = doc.mentions.filter((m) => {
    if (m.company === undefined || !needsEvidence(doc.gaz.company(m.company), m) || proven.has(m.company)) return true;
    for (let k = m.first; k <= m.last; k++) doc.taken[k] = 0;
    return false;
  });
}

/**
 * Every mention of a name the document has shown to be a company: the rule-found name
 * without its suffix ("Sierra Nevada"), its first word when distinctive ("Huawei", "Carlyle"),
 * and the reader's own names. A one-word short form counts only where it stands as a name
 * ("Baltic" of "Baltic Grid Holdings" is not one in "both Baltic states"), unless the document
 * shows it alone as the company ("shares of Nordwind"): then "the Nordwind deal" counts too.
 */
function findRepeatedNames(doc: Doc, extra: readonly string[]): void {
  const trie = emptyTrie();
  const targets: Mention[] = [];
  const shownAlone = new Set(doc.mentions.filter((m) => m.company === undefined && !m.name.includes(' ')).map((m) => m.name));
  const unprovenShortForms = new Set<number>();
  const addName = (name: string, m: Mention) => {
    targets.push(m);
    addAlias(trie, name, targets.length - 1);
    if (name !== m.name && !name.includes(' ') && !shownAlone.has(name)) unprovenShortForms.add(targets.length - 1);
  };
  for (const name of extra) addName(name, { first: 0, last: 0, id: `user:${slug(name)}`, name, evidence: true });
  // "Dish" after "Dish Network", "Goldman" after "Goldman Sachs": a listed company's first word, where it is distinctive.
  const listedHeads = new Set<string>();
  // "Live" of "Live Nation" is a word: a head the document also writes in lower case is left out.
  let lowerWords: Set<string> | undefined;
  const writtenLower = (w: string) => (lowerWords ??= new Set(doc.tokens.filter((t) => t.kind === Kind.Word && t.text !== t.text.toUpperCase() && t.text[0] === t.text[0]!.toLowerCase()).map((t) => t.text))).has(w);
  for (const m of doc.mentions) {
    if (m.company === undefined || m.first === m.last) continue;
    const words = doc.gaz.company(m.company).name.split(' ');
    const head = words[0]!;
    if (words.length < 2 || listedHeads.has(head) || !isDistinctiveHead(doc, head) || writtenLower(head.toLowerCase())) continue;
    listedHeads.add(head);
    addName(head, m);
  }
  for (const m of doc.mentions) {
    if (m.company !== undefined || m.id.startsWith('ticker:')) continue;
    addName(m.name, m);
    const words = m.name.split(/[\s,]+/).filter((w) => w && !LEGAL_SUFFIXES.has(w.replace(/\.$/, '')));
    if (words.length) addName(words.join(' '), m);
    const head = words[0];
    // "Trump" of "Trump Airlines" in a story naming Donald Trump is the man: no short form of a surname.
    // An outlet goes by its whole name: "Pittsburgh" of "Pittsburgh Post-Gazette" is the city or its team.
    const outlet = words.some((w) => MEDIA_HEADS.has(w.split('-')[0]!));
    if (head && !outlet && words.length > 1 && isDistinctiveHead(doc, head)) addName(head, m);
    // "Edmunds" of "Edmunds.com".
    const stem = DOMAIN.test(m.name) ? m.name.slice(0, m.name.indexOf('.')) : undefined;
    if (stem && stem.length >= 3 && !COMMON_CAPITALISED.has(stem) && !PLACES.has(stem) && !doc.people.has(stem)) addName(stem, m);
  }
  if (!targets.length) return;
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    if (doc.taken[i] || tokens[i]!.kind === Kind.Sym) continue;
    const match = matchAt(trie, tokens, i);
    if (!match || !free(doc, match.first, match.last)) continue;
    if (unprovenShortForms.has(match.company) && !standsAsName(tokens, match.first)) continue;
    const source = targets[match.company]!;
    add(doc, { ...source, first: match.first, last: match.last });
    i = match.last;
  }
}

/** Whether token `k` is the first of a sentence or a line. */
function opensSentence(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return !prev || /^[.!?"“:;—–-]$/.test(prev.text) || !adjacent(tokens, k - 1, k);
}

/** Whether a name's first word can stand for it alone: not an ordinary word, a place, a given name or a surname of the document's people. */
function isDistinctiveHead(doc: Doc, head: string): boolean {
  return head.length >= 3 && /^[\p{Lu}\d]/u.test(head) && !COMMON_CAPITALISED.has(head) && !STOP_CAPITALISED.has(head) && !PLACES.has(head) && !GIVEN_NAMES.has(head) && !COMPANY_HEADS.has(head) && !doc.people.has(head);
}

/**
 * Whether the one-word short form at token `at` stands as the company's name. It does not where
 * more name words follow it ("the Baltic Sea", "Free Speech": part of another name), nor after a
 * determiner ("both Baltic states", "the Baltic grid operator", "across the Baltic"): a company's
 * bare name takes none, so there the word modifies the noun after it or names a place. In "both
 * Tyvak and Ceres" the determiner opens a list of names.
 */
function standsAsName(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (isNameWord(next) && !STOP_CAPITALISED.has(next!.text) && adjacent(tokens, at, at + 1)) return false;
  // "Jiffy Lube Live": the end of another name; "Later Tyvak said" opens a sentence with a capital.
  const prev = tokens[at - 1];
  if (isNameWord(prev) && !STOP_CAPITALISED.has(prev!.text) && adjacent(tokens, at - 1, at) && !opensSentence(tokens, at - 1)) return false;
  const before = word(tokens, at - 1)?.toLowerCase();
  if (before === undefined || !DETERMINERS.has(before)) return true;
  const after = word(tokens, at + 1);
  return after === 'and' || after === 'or';
}

/**
 * A one-word name found by its own context ("Nordwind's chief executive") before the short forms
 * were linked is the short form of the one longer name it heads ("Nordwind Energy A/S"): it takes
 * that company's id, so the page counts one company, not two.
 */
function linkShortForms(doc: Doc): void {
  const longerByHead = new Map<string, Mention | null>();
  for (const m of doc.mentions) {
    if (m.company !== undefined || m.id.startsWith('ticker:') || !m.name.includes(' ')) continue;
    const head = m.name.split(' ')[0]!;
    const known = longerByHead.get(head);
    // Two longer names with the same head ("Nordwind Energy", "Nordwind Capital"): no guessing.
    longerByHead.set(head, known === undefined || known?.id === m.id ? m : null);
  }
  for (const m of doc.mentions) {
    if (m.company !== undefined || m.name.includes(' ')) continue;
    const longer = longerByHead.get(m.name);
    if (longer) Object.assign(m, { id: longer.id, name: longer.name, ticker: longer.ticker });
  }
}

function factsOf(doc: Doc, m: Mention): Facts {
  if (m.company === undefined) return {};
  const { country, industry, website } = doc.gaz.company(m.company);
  return { ...(country ? { country } : {}), ...(industry ? { industry } : {}), ...(website ? { website } : {}) };
}

function toEntities(doc: Doc, ignored: readonly string[]): Entity[] {
  const skip = new Set(ignored.map((n) => n.toLowerCase()));
  const { tokens, text } = doc;
  const out: Entity[] = [];
  for (const m of doc.mentions) {
    const start = tokens[m.first]!.start;
    const end = tokens[m.last]!.end;
    const span = text.slice(start, end);
    if (skip.has(m.id) || skip.has(m.name.toLowerCase()) || skip.has(span.toLowerCase())) continue;
    out.push({ type: 'company', start, end, text: span, id: m.id, name: m.name, ...(m.ticker ? { ticker: m.ticker } : {}), ...factsOf(doc, m) });
  }
  return out.sort((a, b) => a.start - b.start);
}
