/**
 * Company mentions: gazetteer names, names found by rule (a legal suffix, a ticker, a company
 * context), then every later or earlier mention of a name the document has shown to be a
 * company ("Huawei" once "Huawei Technologies" is named). Each pass is one walk over the tokens.
 */
import type { RecognizeOptions } from './types';
import type { Entity } from '../contracts/entities';
import { Kind, adjacent, glued, isAllCaps, type Token } from './tokenize';
import { addAlias, emptyTrie, gazetteer, matchAt, type Company } from './gazetteer';
import { slug } from './slug';
import {
  COMMON_CAPITALISED, MEDIA_HEADS, REGIONS, COMPANY_HEADS, DETERMINERS, EXCHANGES, GIVEN_NAMES, LEGAL_SUFFIXES, PLACES, PRODUCT_WORDS,
  STOP_CAPITALISED, WEAK_SUFFIXES,
} from './company-words';
import { type Mention, type Doc, word, isPossessive, free, add, companyMention, isAllCapsWord, extendWithSuffix, isNameWord, chainEndingAt, plausibleName, ruleMention, opensSentence } from './company-doc';
import { personNames } from './company-people';
import { isCompanyContext, hasCompanyApposition, isWhichMakes, isCompanyOnlyContext, isStrongContext } from './company-cues';
import { findSuffixedNames, findNamesBeforeTickers, findMediaNames, DOMAIN, findDomainNames, findLowerCaseNames, findLowerCaseAfterCues, findContextNames } from './unknown-names';

/** The facts an entity carries for the hover card, from a listed company. */
type Facts = Pick<Entity, 'country' | 'industry' | 'website'>;

/** Company mentions in `text` (already tokenised), as entities in text order, never overlapping. */
export function findCompanies(text: string, tokens: readonly Token[], options: RecognizeOptions): Entity[] {
  const doc: Doc = { text, tokens, gaz: gazetteer(), mentions: [], taken: new Uint8Array(tokens.length), people: personNames(tokens) };
  findTickers(doc);
  findListedNames(doc);
  findSuffixedNames(doc);
  findNamesBeforeTickers(doc);
  findMediaNames(doc);
  findDomainNames(doc);
  findContextNames(doc);
  linkBracketTickers(doc);
  findLowerCaseNames(doc);
  findLowerCaseAfterCues(doc);
  acceptListedCommonWords(doc);
  findRepeatedNames(doc, options.extraCompanies ?? []);
  linkShortForms(doc);
  return toEntities(doc, options.ignoredCompanies ?? []);
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

/** A maker's finance arm or a carrier's lines: "Ford Motor Credit", "Nissan Motor Acceptance", "Korean Air Lines"; words that are also a caption's ("Credit"). */
const ARM_ENDS = new Set(['Credit', 'Acceptance', 'Finance', 'Lines']);
const ARM_OWNERS = new Set(['Motor', 'Motors', 'Auto', 'Air']);

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
    if (doc.taken[k] || !adjacent(tokens, k - 1, k) || !isNameWord(t)) break;
    // Only after a maker's or carrier's word: "$10 Amazon Credit" is a voucher, "Coastal Credit Union" another name.
    if (ARM_ENDS.has(t.text)) {
      if (ARM_OWNERS.has(tokens[k - 1]!.text) && !(isNameWord(tokens[k + 1]) && adjacent(tokens, k, k + 1))) end = k;
      break;
    }
    if (STOP_CAPITALISED.has(t.text) || PRODUCT_WORDS.has(t.text)) break;
    if (LONGER_NAME_ENDS.has(t.text) || (k > last + 1 && LEGAL_SUFFIXES.has(t.text) && !WEAK_SUFFIXES.has(t.text))) end = k;
    if (LEGAL_SUFFIXES.has(t.text)) break;
  }
  return end;
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
    const span = doc.text.slice(doc.tokens[m.first]!.start, doc.tokens[m.last]!.end).replace(/^The /, '');
    const name = c.name.replace(/^The /, '');
    // "WIRED spoke to": a name in capitals among lower-case words is written as a brand; in a
    // headline in capitals ("LOOK WHAT YOU MADE ME DO") it is only a word.
    const styled = span !== name && span !== name.split(' ')[0] && !(isAllCaps(span) && (isAllCapsWord(doc.tokens[m.first - 1]) || isAllCapsWord(doc.tokens[m.last + 1])));
    if (!needsEvidence(c, m) || m.evidence || (c.needsEvidence && !c.oneWordNeedsEvidence && styled) || endsInCompanyWord(doc, m)) proven.add(m.company);
  }
  doc.mentions = doc.mentions.filter((m) => {
    if (m.company === undefined || !needsEvidence(doc.gaz.company(m.company), m) || proven.has(m.company)) return true;
    for (let k = m.first; k <= m.last; k++) doc.taken[k] = 0;
    return false;
  });
}

/**
 * "Delta Air Lines", "Southwest Airlines", "Devon Energy": a listed name of two words or more
 * written whole and ending in a company word is the company, though its first word alone is a
 * word or a place ("Delta", "Southwest"). Names such as "Iron Mountain" or "Silver Lake" still
 * need evidence.
 */
function endsInCompanyWord(doc: Doc, m: Mention): boolean {
  const end = word(doc.tokens, m.last);
  return m.last > m.first && end !== undefined && (COMPANY_HEADS.has(end) || LONGER_NAME_ENDS.has(end) || end === 'Lines' || (LEGAL_SUFFIXES.has(end) && !WEAK_SUFFIXES.has(end)));
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
  // "Q Cells" after "Hanwha Q Cells": a name's tail of two or more words, once the whole name is read.
  for (const m of doc.mentions) {
    const tail = distinctiveTail(doc, m);
    if (tail) addName(tail, m);
  }
  // "Fenwick Air Lines (FAL) ... FAL said": the initials the text defines in brackets after the name.
  const byLast = new Map(doc.mentions.map((m) => [m.last, m]));
  for (const m of doc.mentions) {
    const initials = definedInitials(doc, m, byLast);
    if (initials) addName(initials, { ...m, evidence: true });
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

/**
 * The all-capitals initials in brackets right after a company's name, when they are its initials
 * ("Korean Air Lines (KAL)", "Zorblax Capital Partners (ZCP)"); a ticker that is not ("Lowe's
 * (LOW)") is left to the gazetteer, since "LOW" in a headline is a word.
 */
function definedInitials(doc: Doc, m: Mention, byLast: ReadonlyMap<number, Mention>): string | undefined {
  const { tokens } = doc;
  const symbol = tokens[m.first];
  if (m.first !== m.last || tokens[m.first - 1]?.text !== '(' || tokens[m.last + 1]?.text !== ')' || !symbol || !/^\p{Lu}{2,6}$/u.test(symbol.text)) return undefined;
  const named = byLast.get(m.first - 2);
  if (!named || named.id !== m.id) return undefined;
  const words = doc.text.slice(tokens[named.first]!.start, tokens[named.last]!.end).split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w) && w !== 'The');
  const initials = (ws: string[]) => ws.map((w) => w[0]).join('');
  // With or without the legal suffix: "Kestrel Motor Company (KMC)", "Zorblax Capital Partners LLC (ZCP)".
  const bare = words.filter((w) => !LEGAL_SUFFIXES.has(w.replace(/\.$/, '')));
  return symbol.text === initials(words) || symbol.text === initials(bare) ? symbol.text : undefined;
}

/**
 * The words after a name's first, when a text may use them alone for the company: a group's
 * brand after the group ("Hanwha Q Cells" -> "Q Cells", "JPMorgan Chase Bank" -> "Chase Bank").
 * Two words at least, all name words, and the first distinctive: "Motor Europe" of "Toyota
 * Motor Europe" or "Pacific Airways" are never written alone for the company, and a one-word
 * tail ("Stanley" of "Morgan Stanley") is too often a person or a place.
 */
function distinctiveTail(doc: Doc, m: Mention): string | undefined {
  const { tokens } = doc;
  if (m.id.startsWith('ticker:')) return undefined;
  // Without the legal suffix: "Q Cells" is written alone, "Q Cells Co." is not.
  let end = m.last;
  while (end > m.first && (tokens[end]!.text === '.' || LEGAL_SUFFIXES.has(tokens[end]!.text))) end--;
  if (end - m.first < 2) return undefined;
  for (let k = m.first + 1; k <= end; k++) if (!isNameWord(tokens[k]) || !adjacent(tokens, k - 1, k)) return undefined;
  const head = tokens[m.first + 1]!.text;
  if (COMPANY_HEADS.has(head) || COMMON_CAPITALISED.has(head) || STOP_CAPITALISED.has(head) || PLACES.has(head) || GIVEN_NAMES.has(head) || doc.people.has(head)) return undefined;
  return doc.text.slice(tokens[m.first + 1]!.start, tokens[end]!.end);
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
