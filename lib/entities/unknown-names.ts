/**
 * Companies the gazetteer lacks, found by their shape or by what the text says of them: a legal
 * suffix or company word ("Sierra Nevada Corp."), a news outlet's head word ("Saudi Gazette"),
 * a domain name ("Edmunds.com"), a company context ("Wyze, a camera maker"), lower-case brands
 * in an apposition ("adgorithm, an ad-tech start-up").
 */
import { Kind, adjacent, glued, isCapitalized, type Token } from './tokenize';
import { slug } from './slug';
import {
  COMMON_CAPITALISED, OPENING_CUES, EXCHANGES, GENERIC_MEDIA_WORDS, MEDIA_HEADS, COMPANY_HEADS, GIVEN_NAMES, KNOWN_ORGS, LEGAL_SUFFIXES, ORG_WORDS,
  STOP_CAPITALISED, WEAK_SUFFIXES, DETERMINERS, PERSON_ROLES,
} from './company-words';
import { type Doc, word, add, isPossessive, extendWithSuffix, isNameWord, chainEndingAt, chainStartingAt, plausibleName, ruleMention, opensSentence } from './company-doc';
import { hasCueBefore, isMakerNoun, hasCompanyApposition, isWhichMakes, afterListSeparator, isCompanyOnlyContext, isStrongContext } from './company-cues';

/** "Sierra Nevada Corp.", "Ceres Robotics", "Carlyle Group": an unlisted name with a legal suffix or company word. */
export function findSuffixedNames(doc: Doc): void {
  const { tokens } = doc;
  for (let i = 1; i < tokens.length; i++) {
    const w = word(tokens, i);
    if (w === undefined || doc.taken[i]) continue;
    const legal = LEGAL_SUFFIXES.has(w);
    const head = COMPANY_HEADS.has(w) || isCarrierEnd(tokens, i) || isCommercialBank(tokens, i);
    if (!legal && !head) continue;
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
    // "Google and Fenwick Labs": after a company already found, "and" joins a list.
    const listed = before === 'and' && (doc.taken[first - 2] === 1 || tokens[first - 2]?.text === ',');
    if (!legal && ((before === 'and' && !listed) || before === 'of' || tokens[first - 1]?.text === '&')) continue;
    const last = extendWithSuffix(tokens, i - 1 === nameEnd ? nameEnd : nameEnd);
    if (last <= nameEnd && !head) continue;
    const end = head && last < i ? extendWithSuffix(tokens, i) : last;
    add(doc, ruleMention(doc, first, end, head ? i : nameEnd));
    i = end;
  }
}

/**
 * "Fenwick (NASDAQ: FNWK)", "Fenwick Inc. (NYSE:FNWK)": the name right before an exchange and
 * ticker in brackets is the listed company's, whether or not the gazetteer knows the ticker.
 * Runs after the tickers and the listed names, so a listed name before its ticker is left as found.
 */
export function findNamesBeforeTickers(doc: Doc): void {
  const { tokens } = doc;
  const byLast = new Map(doc.mentions.map((m) => [m.last, m]));
  for (const m of [...doc.mentions]) {
    const exchange = word(tokens, m.first);
    if (exchange === undefined || !EXCHANGES.has(exchange) || tokens[m.first - 1]?.text !== '(') continue;
    // "Fenwick Inc. (NYSE:FNWK)", found by its suffix: the ticker joins that name.
    const before = byLast.get(m.first - 2);
    if (before && before.company === undefined && m.company === undefined && !before.ticker) {
      before.ticker = m.ticker;
      Object.assign(m, { id: before.id, name: before.name });
      continue;
    }
    let nameEnd = m.first - 2;
    // "Inc." ends the name with its dot.
    const dotted = tokens[nameEnd]?.text === '.' && LEGAL_SUFFIXES.has(word(tokens, nameEnd - 1) ?? '');
    if (dotted) nameEnd--;
    if (nameEnd < 0 || doc.taken[nameEnd]) continue;
    const first = chainEndingAt(doc, nameEnd);
    if (first === undefined || !plausibleName(doc, first, nameEnd)) continue;
    const last = dotted ? nameEnd + 1 : nameEnd;
    // A ticker the gazetteer knows names that company; an unknown one takes the name's id, so the page counts one company.
    if (m.company !== undefined) {
      add(doc, { ...m, first, last });
      continue;
    }
    const named = { ...ruleMention(doc, first, last, nameEnd), ticker: m.ticker };
    add(doc, named);
    Object.assign(m, { id: named.id, name: named.name });
  }
}

/** "Fenwick Air Lines", "Zorblax Cruise Line": lines that are a carrier's name. */
function isCarrierEnd(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]!.text;
  // A name before the kind: "Cruise Line" alone is a kind of business.
  return (w === 'Lines' || w === 'Line') && CARRIER_KINDS.has(word(tokens, i - 1) ?? '') && adjacent(tokens, i - 1, i) && isNameWord(tokens[i - 2]) && adjacent(tokens, i - 2, i - 1);
}

/**
 * "IndyMac Bank", "Silicon Valley Bank": a bank named by its own words is a company; central,
 * development and public banks are organisations ("Asian Development Bank", "World Bank"), and a
 * blood or food bank is no business ("Bank of ..." is left to the gazetteer).
 */
function isCommercialBank(tokens: readonly Token[], i: number): boolean {
  if (tokens[i]!.text !== 'Bank' || word(tokens, i + 1) === 'of' || !adjacent(tokens, i - 1, i)) return false;
  const prev = word(tokens, i - 1);
  return prev !== undefined && !NOT_COMMERCIAL_BANKS.has(prev) && !(isNameWord(tokens[i + 1]) && adjacent(tokens, i, i + 1));
}

const NOT_COMMERCIAL_BANKS = new Set([
  'World', 'Central', 'Development', 'Investment', 'Reserve', 'Export-Import', 'Import', 'Food', 'Blood', 'Data', 'West', 'Left',
  'Memory', 'Seed', 'Gene', 'Sperm', 'Eye', 'Infrastructure', 'Settlements', 'Reconstruction', 'Land', 'Grameen', 'Islamic',
  'Cooperative', 'Agricultural', 'Postal', 'Savings', 'Photo', 'Image', 'River', 'South', 'North', 'East', 'Outer', 'Dogger',
]);

const CARRIER_KINDS = new Set(['Air', 'Cruise', 'Shipping', 'Steamship', 'Container', 'Bus', 'Ferry']);

/**
 * News outlets named by their head word: "the Deseret News", "Saudi Gazette", "Edmonton Sun".
 * Their other words may be places, unlike other companies' ("New Zealand Herald"); a section or
 * a genre is not an outlet ("Breaking News", "Business News"), nor is a journal "of" something.
 */
export function findMediaNames(doc: Doc): void {
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
export const DOMAIN = /^(?:\p{Lu}|\d)[\p{L}\d-]*\.(?:com|net|co\.uk|co|io|ca|ai|tv|de|fr|news|app)$/u;

/**
 * "Edmunds.com", "CBC.ca", "9to5Mac.com": a capitalised domain name written as a name is the
 * company's ("pic.twitter.com/..." and "whitehouse.gov" are not). Its stem counts later on
 * ("Edmunds"), see findRepeatedNames.
 */
export function findDomainNames(doc: Doc): void {
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (doc.taken[i] || t.kind !== Kind.Word || !t.text.includes('.') || !DOMAIN.test(t.text)) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if ((prev && glued(tokens, i - 1) && (prev.text === '@' || prev.text === '/' || prev.text === '.')) || (next && glued(tokens, i) && next.text === '/')) continue;
    addOneWordName(doc, i);
  }
}

/** Token `i` as a company the gazetteer lacks, named as the text writes it. */
function addOneWordName(doc: Doc, i: number): void {
  const text = doc.tokens[i]!.text;
  add(doc, { first: i, last: i, id: `x:${slug(text)}`, name: text, evidence: true });
}

/**
 * Lower-case brands the text presents as companies: "adgorithm, an ad-tech start-up",
 * "shares of ecobee". A lower-case word is a name only at the start of a sentence or after a
 * preposition; after a determiner or another word it is a noun ("the device, a company product").
 */
export function findLowerCaseNames(doc: Doc): void {
  const { tokens } = doc;
  let possessives: Set<string> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "ecobee completely redesigned its thermostat. ... ecobee's latest": a sentence that opens in
    // lower case opens with a brand, when the text also gives that word a possessive.
    if (opensWithLowerCase(tokens, i) && !doc.taken[i]) {
      possessives ??= new Set(tokens.filter((_, k) => isPossessive(tokens[k + 1]) && tokens[k]!.kind === Kind.Word).map((p) => p.text));
      if (possessives.has(t.text)) {
        addOneWordName(doc, i);
        continue;
      }
    }
    // The cheap test first: most words are not followed by a comma.
    if (tokens[i + 1]?.text !== ',' || doc.taken[i] || t.kind !== Kind.Word || t.text.length < 3 || !/^\p{Ll}[\p{L}\d]*$/u.test(t.text)) continue;
    const prev = tokens[i - 1];
    const opens = !prev || /^[.!?"“(]$/.test(prev.text) || LOWER_NAME_OPENERS.has(prev.text);
    const article = word(tokens, i + 2);
    if (!opens || !((hasCompanyApposition(tokens, i) && article !== 'the') || isWhichMakes(tokens, i))) continue;
    addOneWordName(doc, i);
  }
}

/**
 * "the ad-tech start-up adgorithm raised $5 million", "camera maker eufyCam said": a lower-case
 * or camel-case brand right after a company noun, as the subject of what a company does. A
 * common noun stands there too ("company officials said", "the startup ecosystem is"), so the
 * word must not be a role, a pronoun or an adverb, must not end in "s", and must never follow a
 * determiner elsewhere in the text ("the ecosystem"): a brand goes bare.
 */
export function findLowerCaseAfterCues(doc: Doc): void {
  const { tokens } = doc;
  let afterDeterminers: Set<string> | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    // The cheap tests first: a lower-case word right after a company noun.
    let cue = word(tokens, i - 1);
    // "start-up" is three tokens.
    if (cue === 'up' && tokens[i - 2]?.text === '-' && word(tokens, i - 3) === 'start') cue = 'start-up';
    if (cue === undefined || (!LOWER_BRAND_CUES.has(cue) && !isMakerNoun(cue))) continue;
    if (doc.taken[i] || t.kind !== Kind.Word || t.text.length < 3 || !/^\p{Ll}[\p{L}\d]*$/u.test(t.text) || t.text.endsWith('s')) continue;
    if (NOT_BRANDS.has(t.text) || PERSON_ROLES.has(t.text) || t.text.endsWith('ly') || t.text.endsWith('ed') || t.text.endsWith('ing')) continue;
    const next = tokens[i + 1];
    const acts = isPossessive(next) || COMPANY_VERBS.has(word(tokens, i + 1) ?? '') || (next?.text === ',' && APPOSITION_OPENERS.has(word(tokens, i + 2) ?? ''));
    if (!acts) continue;
    afterDeterminers ??= new Set(tokens.filter((_, k) => DETERMINERS.has(word(tokens, k - 1)?.toLowerCase() ?? '')).map((d) => d.text));
    if (afterDeterminers.has(t.text)) continue;
    addOneWordName(doc, i);
  }
}

/** Company nouns a lower-case brand follows: "start-up adgorithm", "brand ecobee". */
const LOWER_BRAND_CUES = new Set(['start-up', 'startup', 'maker', 'company', 'firm', 'brand', 'retailer', 'lender', 'insurer', 'unicorn', 'fintech', 'rival']);

/** What a company does as a subject: "adgorithm raised", "adgorithm said"; not "is" or "has" ("the start-up phase was long"). */
const COMPANY_VERBS = new Set([
  'said', 'says', 'raised', 'announced', 'announces', 'launched', 'launches', 'plans', 'planned', 'makes', 'made', 'sells', 'sold',
  'offers', 'offered', 'released', 'unveiled', 'introduced', 'confirmed', 'told', 'reported', 'reports', 'filed', 'hired',
  'acquired', 'bought', 'founded', 'employs', 'expects', 'declined',
]);

/** Words after "X," that open an apposition: "adgorithm, which", "adgorithm, founded in 2019". */
const APPOSITION_OPENERS = new Set(['which', 'founded', 'based', 'whose', 'co-founded', 'headquartered', 'a', 'an']);

/** Lower-case words that stand after a company noun and are no brand: "the company itself said", "company sources said". */
const NOT_BRANDS = new Set([
  'itself', 'also', 'now', 'then', 'just', 'still', 'already', 'later', 'first', 'last', 'alone', 'too', 'has', 'had', 'was', 'is',
  'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'said', 'says', 'which', 'that', 'who', 'statement',
  'website', 'report', 'filing', 'data', 'policy', 'board', 'announcement', 'blog', 'memo', 'release', 'note', 'letter',
  'spokesperson', 'spokesman', 'spokeswoman', 'leadership', 'management', 'culture', 'ecosystem', 'name', 'value',
  'valuation', 'founder', 'cofounder', 'co-founder', 'chief', 'head', 'staff', 'team', 'owner', 'parent', 'seldom', 'never',
  'always', 'often', 'rarely', 'once', 'again', 'even', 'only', 'soon', 'instead', 'however', 'reportedly', 'recently',
]);

/** Whether token `i` is a lower-case word of four letters or more opening a sentence, not a contraction's word ("there's"). */
function opensWithLowerCase(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (!prev || !/^[.!?]$/.test(prev.text) || t.kind !== Kind.Word || t.text.length < 4 || !/^\p{Ll}+$/u.test(t.text)) return false;
  return !CONTRACTED.has(t.text) && word(tokens, i + 1) !== '.' && t.start > prev.end;
}

const CONTRACTED = new Set(['that', 'what', 'there', 'here', 'where', 'everyone', 'everything', 'nothing', 'someone', 'something', 'today', 'nobody', 'this']);

const LOWER_NAME_OPENERS = new Set(['in', 'at', 'of', 'from', 'by', 'with', 'for', 'to', 'and', 'on', 'about', 'like', 'including']);

/** "Code Media conference", "Bangkok International Motor Show": the name of an event, not a company. */
function namesAnEvent(tokens: readonly Token[], last: number): boolean {
  const next = word(tokens, last + 1);
  return next !== undefined && (EVENT_WORDS.has(next.toLowerCase()) || (COMPANY_HEADS.has(tokens[last]!.text) && isCapitalized(next) && tokens[last + 1]!.start - tokens[last]!.end === 1));
}

/** A company noun that can open a sentence before a name: "Rival", "Startup", "Watchmaker". */
function isCueWord(w: string): boolean {
  return OPENING_CUES.has(w) || isMakerNoun(w);
}

/**
 * "Jaybird, owned by Logitech,", "Whole Foods, which is owned by Amazon", "Fenwick, a unit of
 * Acme Corp": a business owned by a company the document has found. An owner that is a person
 * says nothing ("Chelsea, owned by Roman Abramovich").
 */
function ownedByCompany(doc: Doc, last: number): boolean {
  const { tokens } = doc;
  if (tokens[last + 1]?.text !== ',') return false;
  let k = last + 2;
  if (word(tokens, k) === 'which' && (word(tokens, k + 1) === 'is' || word(tokens, k + 1) === 'was')) k += 2;
  const [a, b] = [word(tokens, k), word(tokens, k + 1)];
  const owned = (a === 'owned' || a === 'acquired' || a === 'bought') && b === 'by';
  const part = (a === 'a' || a === 'now') && (b === 'unit' || b === 'division' || b === 'part') && word(tokens, k + 2) === 'of';
  if (!owned && !part) return false;
  const owner = owned ? k + 2 : k + 3;
  return doc.taken[owner] === 1 && doc.mentions.some((m) => m.first === owner);
}

const EVENT_WORDS = new Set(['conference', 'summit', 'festival', 'show', 'expo', 'awards', 'fair', 'forum', 'week', 'event', 'convention', 'congress']);

/** Unlisted names in company context. */
export function findContextNames(doc: Doc): void {
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
    // "Rival Fenwick cut prices", "Startup Fenwick raised": a cue word opening the sentence with a capital.
    if (opensSentence(tokens, i) && isCueWord(tokens[i]!.text.toLowerCase()) && isNameWord(tokens[i + 1]) && adjacent(tokens, i, i + 1)) {
      listContinuesAt = i + 1;
      continue;
    }
    const last = chainStartingAt(doc, i);
    if (last === undefined) continue;
    // "Church of Scientology's website": the end of a longer "X of Y" name, not a name of its own.
    if (word(tokens, i - 1) === 'of' && isNameWord(tokens[i - 2]) && !STOP_CAPITALISED.has(tokens[i - 2]!.text)) {
      i = last;
      continue;
    }
    const cue = i === listContinuesAt || isStrongContext(doc, i, last) || ownedByCompany(doc, last);
    listContinuesAt = -1;
    const person = i === last && people.has(tokens[i]!.text) && !isCompanyOnlyContext(doc, i, last);
    // "St. Martin's", "Dr. Smith": an abbreviation is no name of its own.
    const abbreviation = i === last && tokens[i]!.text.length <= 3 && tokens[i + 1]?.text === '.' && glued(tokens, i);
    if (cue && !abbreviation && plausibleName(doc, i, last) && !person) {
      add(doc, ruleMention(doc, i, last, last));
      listContinuesAt = afterListSeparator(tokens, last + 1);
    }
    i = last;
  }
}
