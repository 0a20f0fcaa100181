/**
 * The words around a name that say it is a company: "shares of X", "X's chief executive", "X, a
 * start-up", "X, which makes", "according to X.", "X said in a statement", "X-owned Y".
 */
import { Kind, glued, type Token } from './tokenize';
import {
  APPOSITION_FOLLOWERS, APPOSITION_NOUNS, DEFINITE_APPOSITION_FOLLOWERS, CHIEF_TITLES, WHICH_VERBS, COMPANY_CUES_AFTER,
  COMPANY_CUES_BEFORE, COMPANY_CUES_POSSESSIVE, KNOWN_ORGS, ORG_WORDS, PLACES, NOT_COMPANY_MAKERS, SITE_KINDS, ACQUIRE_VERBS,
  COMPANY_ONLY_PHRASES, PRODUCT_NOUNS,
} from './company-words';
import { type Doc, word, isPossessive, isNameWord, singular } from './company-doc';

/** "watchmaker", "Swiss drugmaker", "phone-maker": a business that makes things; not "lawmaker" or "filmmaker". */
export function isMakerNoun(w: string): boolean {
  const lower = w.toLowerCase();
  return lower.length > 6 && lower.endsWith('maker') && !NOT_COMPANY_MAKERS.has(lower);
}

/** A company noun of a cue: listed, or a maker ("watchmakers"). */
function isCueNoun(w: string, plural: boolean): boolean {
  return COMPANY_CUES_BEFORE.has(w) || isMakerNoun(w) || (plural && (COMPANY_CUES_BEFORE.has(singular(w)) || isMakerNoun(singular(w))));
}

/** Whether the words around a name say it is a company: "shares of X", "X's chief executive", "X shares". */
export function isCompanyContext(doc: Doc, first: number, last: number): boolean {
  const { tokens } = doc;
  if (hasCueBefore(tokens, first)) return true;
  const after = tokens[last + 1];
  if (isPossessive(after)) {
    const cue = word(tokens, last + 2)?.toLowerCase() ?? '';
    if (COMPANY_CUES_POSSESSIVE.has(cue) || (cue === 'chief' && CHIEF_TITLES.has(word(tokens, last + 3) ?? ''))) return true;
  }
  if (after && after.kind === Kind.Word && COMPANY_CUES_AFTER.has(after.text)) return true;
  if (hasCompanyApposition(tokens, last) || isWhichMakes(tokens, last) || saidInStatement(tokens, last) || ownsNext(tokens, last)) return true;
  if (isSpokespersonOf(tokens, first, last)) return true;
  if (isAccordingTo(doc, first, last) || isCompanyPredicate(tokens, last) || hasCompanyPhraseBefore(tokens, first, last)) return true;
  // One word only: "owned by Roman Abramovich" is a person; his surname alone is left out by the caller.
  if (ownedOrAcquiredBy(tokens, first) && first === last && !isPossessive(after)) return true;
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
export function hasCueBefore(tokens: readonly Token[], first: number): boolean {
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
  // "Rival Fenwick" opening a sentence is read as "rival Fenwick" by findContextNames.
  if (isCueNoun(cue, !comma)) return true;
  // "car-pricing site Edmunds", "the tech news site Fenwick"; not "the test site", "the site of".
  if (cue === 'site' && SITE_KINDS.has(word(tokens, k - 1)?.toLowerCase() ?? '') && !comma) return true;
  // "the Amazon-owned Ring", "the SoftBank-backed Nubank": owned by a named owner.
  if (!comma && (cue === 'owned' || cue === 'backed') && tokens[k - 1]?.text === '-' && glued(tokens, k - 1) && isOwnerName(tokens, k - 2)) return true;
  return cue === 'of' && word(tokens, k - 1)?.toLowerCase() === 'shares';
}

/**
 * "a merger with Fenwick", "its stake in Fenwick": a phrase before the name that only a company
 * takes. Not before a possessive: "a stake in Kylie Jenner's company" is in the person's company.
 */
function hasCompanyPhraseBefore(tokens: readonly Token[], first: number, last: number): boolean {
  const phrase = `${word(tokens, first - 2) ?? ''} ${word(tokens, first - 1) ?? ''}`;
  return COMPANY_ONLY_PHRASES.has(phrase) && !isPossessive(tokens[last + 1]);
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

/**
 * "owned by Fenwick", "acquired by Fenwick", "Apple acquired Fenwick", "plans to acquire Fenwick":
 * an owner or a bought business. People own things and sports teams acquire players, so this is
 * no company-only context: the document's people are left out by the caller.
 */
function ownedOrAcquiredBy(tokens: readonly Token[], first: number): boolean {
  const before = word(tokens, first - 1);
  if (before !== undefined && ACQUIRE_VERBS.has(before)) return true;
  if (before !== 'by') return false;
  const verb = word(tokens, first - 2);
  return verb === 'owned' || verb === 'acquired' || verb === 'bought' || verb === 'purchased';
}

/**
 * "a Fenwick spokesperson said": a name whose spokesperson the text quotes with "a". People have
 * spokespeople too, but are written "Trump's spokesman"; agencies and parties ("a Pentagon
 * spokesman", "a Labour spokeswoman") are left out by the name checks of the caller.
 */
function isSpokespersonOf(tokens: readonly Token[], first: number, last: number): boolean {
  const article = word(tokens, first - 1);
  const role = word(tokens, last + 1);
  if (first === last && PARTIES.has(tokens[first]!.text)) return false;
  return (article === 'a' || article === 'an' || article === 'A' || article === 'An') && (role === 'spokesperson' || role === 'spokesman' || role === 'spokeswoman');
}

/** Parties speak through spokespeople too: "a Labour spokeswoman". */
const PARTIES = new Set(['Labour', 'Conservative', 'Tory', 'Democratic', 'Republican', 'Liberal', 'GOP', 'Green', 'Greens', 'SNP', 'BJP', 'ANC', 'CDU', 'SPD', 'Likud', 'Kremlin', 'Pentagon', 'Vatican', 'Hamas', 'Hezbollah', 'Taliban']);

/** "Fenwick is a start-up that makes cameras", "Fenwick was a watchmaker": a company noun said of the name. */
function isCompanyPredicate(tokens: readonly Token[], last: number): boolean {
  return hasCompanyApposition(tokens, last, 'verb');
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
 * Linked by a verb, the same phrase says it too: "Fenwick is a start-up that makes cameras".
 */
export function hasCompanyApposition(tokens: readonly Token[], last: number, linkedBy: 'comma' | 'verb' = 'comma'): boolean {
  const link = tokens[last + 1]?.text;
  if (linkedBy === 'comma' ? link !== ',' : link !== 'is' && link !== 'was') return false;
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
    const isNoun = (w: string) => APPOSITION_NOUNS.has(w.toLowerCase()) || isMakerNoun(w);
    const noun = hyphenated && isNoun(hyphenated) ? hyphenated : isNoun(t.text) ? t.text : undefined;
    if (noun === undefined) continue;
    if (linkedBy === 'verb' && PRODUCT_NOUNS.has(noun.toLowerCase())) return false;
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
export function isWhichMakes(tokens: readonly Token[], last: number): boolean {
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

/** Token index after a list separator ("," "and" "or" ", and") that starts at `k`, or -1. */
export function afterListSeparator(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text === ',') k++;
  else if (word(tokens, k) !== 'and' && word(tokens, k) !== 'or') return -1;
  if (word(tokens, k) === 'and' || word(tokens, k) === 'or') k++;
  return k;
}

/** Context only a company has: not "said", not even "said in a statement" (a person makes statements too). */
export function isCompanyOnlyContext(doc: Doc, first: number, last: number): boolean {
  const { tokens } = doc;
  const after = tokens[last + 1];
  // Not "Neumann's shares": a person holds shares too.
  return hasCueBefore(tokens, first) || hasCompanyPhraseBefore(tokens, first, last) || (after !== undefined && after.kind === Kind.Word && COMPANY_CUES_AFTER.has(after.text)) || ownsNext(tokens, last);
}

/** Context strong enough for an unlisted name: "said" is left out, people say things too. */
export function isStrongContext(doc: Doc, first: number, last: number): boolean {
  const next = doc.tokens[last + 1]?.text;
  return ((next !== 'said' && next !== 'says') || saidInStatement(doc.tokens, last)) && isCompanyContext(doc, first, last);
}
