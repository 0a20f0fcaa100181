/**
 * Run-time half of the gazetteer. Setting it up costs next to nothing: the trie grows only
 * with the first words a document contains, each filled in on its first lookup by binary
 * search over the records (sorted by their name's first word, see scripts/gazetteer/compile.ts), and
 * a record is parsed only when a match needs it. A page pays for the few dozen names it could
 * mention, not for all fifty thousand.
 */
import { GAZETTEER_DATA } from './gazetteer-data';
import type { GazetteerData } from './gazetteer-format';
import { slug } from './slug';
import { Kind, adjacent, apostrophesNormalised, firstWordKey, isAllCaps, tokenKey, tokenize, type Token } from './tokenize';

export interface Company {
  id: string;
  name: string;
  /** "EXCHANGE:SYMBOL" listings, the primary first. */
  tickers: string[];
  /** The name is also a common word or a place: marked only with evidence in the document. */
  needsEvidence: boolean;
  /** An imported listed company: its one-word names ("Kandi" of "Kandi Technologies") are marked only with evidence. */
  oneWordNeedsEvidence: boolean;
  /** Lower-cased words after the name (or, prefixed "<", before it) that mean it is not the company. */
  blockers: Set<string>;
  /** Facts where the data has them: country and industry names, the website's host ("agilent.com"). */
  country?: string;
  industry?: string;
  website?: string;
}

interface Alias {
  company: number;
  /** The alias's tokens as written (apostrophes normalised). */
  words: string[];
  /**
   * The alias starts with "The", part of the name ("The Verge", "The Hill"): the span keeps it
   * where the text writes it with a capital ("according to The Verge"), and the name is found
   * after a lower-case "the" too ("a story in the Verge"), which the span leaves out.
   */
  leadingThe: boolean;
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  aliases?: Alias[];
  /** On the root: some alias starts with a lower-case letter ("eBay"), so lower-case words must be looked up. */
  lowerStarts?: boolean;
  /** On the shipped root: the only lower-case words worth looking up (most words of a text are lower case). */
  lowerKeys?: Set<string>;
  /** On a lazily filled root: adds the names starting with `key` before it is looked up. */
  fill?: (key: string) => void;
}

export interface Gazetteer {
  /** Number of companies; indexes run from 0 to size - 1. */
  readonly size: number;
  company(index: number): Company;
  /** Companies listed under an upper-case symbol ("HD", "0700"). */
  listedUnder(symbol: string): readonly number[] | undefined;
  readonly root: TrieNode;
}

export interface GazetteerMatch {
  company: number;
  /** Token indices of the matched name, inclusive, "The" excluded. */
  first: number;
  last: number;
}

function startsLowerAscii(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 97 && c <= 122;
}

let loaded: Gazetteer | undefined;

/** The shipped gazetteer, set up on first call. */
export function gazetteer(): Gazetteer {
  loaded ??= parseGazetteer(GAZETTEER_DATA);
  return loaded;
}

/** Wraps compiled data in lazy lookups: records are parsed, and names added to the trie, on first use. */
export function parseGazetteer(data: GazetteerData): Gazetteer {
  const lines = data.records.split('\n');
  const lineKeys: string[] = [];
  const keyAt = (line: number) => (lineKeys[line] ??= firstWordKey(lines[line]!));
  const companies: Array<Company | undefined> = [];
  const otherFirstWords = new KeyIndex(data.otherFirstWords);
  let tables: { countries: string[]; industries: string[] } | undefined;
  const tablesOf = () => (tables ??= { countries: (data.countries ?? '').split('\n'), industries: (data.industries ?? '').split('\n') });
  let listings: Map<string, number[]> | undefined;
  const filled = new Set<string>();
  const root: TrieNode = {
    lowerKeys: new Set(data.lowerFirstWords.split(' ')),
    fill: (key) => {
      if (filled.has(key)) return;
      filled.add(key);
      for (const index of [...recordsNamed(lines.length, keyAt, key), ...(otherFirstWords.get(key) ?? [])]) {
        for (const words of namesOf(lines[index]!)) if (tokenKey(words[0]!) === key) addWords(root, words, index);
      }
    },
  };
  return {
    size: lines.length,
    company: (index) => (companies[index] ??= parseRecord(lines[index]!, tablesOf)),
    listedUnder: (symbol) => (listings ??= listingIndex(data.records)).get(symbol),
    root,
  };
}

/**
 * Indexes of the records whose name starts with the word `key`: a run found by binary search.
 * `keyAt` caches each probed record's key: the first probes of every search are the same.
 */
function recordsNamed(count: number, keyAt: (line: number) => string, key: string): number[] {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keyAt(mid) < key) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let i = low; i < count && keyAt(i) === key; i++) found.push(i);
  return found;
}

function parseRecord(line: string, tables: () => { countries: string[]; industries: string[] }): Company {
  const [name = '', , tickerField = '', flags = '', blockerField = '', country = '', industry = '', website = ''] = line.split('|');
  const company: Company = {
    id: slug(name),
    name,
    tickers: tickerField ? tickerField.split(';') : [],
    needsEvidence: flags.includes('w'),
    oneWordNeedsEvidence: flags.includes('o'),
    blockers: new Set(blockerField ? blockerField.split(';').map((b) => b.toLowerCase()) : []),
  };
  if (country) company.country = tables().countries[parseInt(country, 36)];
  if (industry) company.industry = tables().industries[parseInt(industry, 36)];
  if (website) company.website = website;
  return company;
}

/**
 * The records listed under `symbol`, found where the records text has ":SYMBOL" in a ticker
 * field. Few pages name a ticker, and a native substring search is cheaper than indexing
 * every listing up front.
 */
/**
 * The records listed under each ticker symbol ("NASDAQ:AAPL" -> the line of Apple), read from
 * the listings field of every record once, when a document first asks for a ticker: searching
 * the whole data for each symbol a document holds was a quarter of recognition's time.
 */
function listingIndex(records: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  let line = 0;
  for (let start = 0; start < records.length; line++) {
    let end = records.indexOf('\n', start);
    if (end < 0) end = records.length;
    const nameEnd = records.indexOf('|', start);
    const aliasesEnd = nameEnd >= 0 && nameEnd < end ? records.indexOf('|', nameEnd + 1) : -1;
    if (aliasesEnd >= 0 && aliasesEnd < end) {
      let fieldEnd = records.indexOf('|', aliasesEnd + 1);
      if (fieldEnd < 0 || fieldEnd > end) fieldEnd = end;
      if (fieldEnd > aliasesEnd + 1) {
        for (const listing of records.slice(aliasesEnd + 1, fieldEnd).split(';')) {
          const colon = listing.indexOf(':');
          const symbol = listing.slice(colon + 1);
          if (colon < 0 || !symbol) continue;
          const lines = index.get(symbol);
          if (!lines) index.set(symbol, [line]);
          else if (!lines.includes(line)) lines.push(line);
        }
      }
    }
    start = end + 1;
  }
  return index;
}

/** A record's names as token lists: the name itself, then its aliases. */
function namesOf(line: string): string[][] {
  const [name = '', aliasField = ''] = line.split('|', 2);
  const names = [name.split(' ')];
  if (aliasField) for (const alias of aliasField.split(';')) names.push(alias.split(' '));
  return names;
}

/** Binary search over "KEY n,n" lines sorted by key (see scripts/gazetteer/compile.ts). */
class KeyIndex {
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text ? text.split('\n') : [];
  }

  get(key: string): number[] | undefined {
    let low = 0;
    let high = this.lines.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const line = this.lines[mid]!;
      const space = line.indexOf(' ');
      const probe = line.slice(0, space);
      if (probe === key) return line.slice(space + 1).split(',').map(Number);
      if (probe < key) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}

/** Adds one name (company or reader-given) to a trie. */
export function addAlias(root: TrieNode, alias: string, company: number): void {
  addWords(root, tokenize(alias).map((t) => apostrophesNormalised(t.text)), company);
}

/** Adds a name given as its tokens (apostrophes normalised) to a trie. */
function addWords(root: TrieNode, words: string[], company: number): void {
  if (!words.length || !words[0]) return;
  if (startsLowerAscii(words[0]!)) root.lowerStarts = true;
  let node = root;
  for (const w of words) {
    node.next ??= new Map();
    const key = tokenKey(w);
    let child = node.next.get(key);
    if (!child) {
      child = {};
      node.next.set(key, child);
    }
    node = child;
  }
  (node.aliases ??= []).push({ company, words, leadingThe: words.length > 1 && words[0] === 'The' });
}

/** A trie with no names, for a document's own short forms and the reader's names. */
export function emptyTrie(): TrieNode {
  return {};
}

/** A token of the text stands for an alias word when written the same, or in all capitals. */
function sameWord(token: Token, word: string): boolean {
  const text = apostrophesNormalised(token.text);
  return text === word || (isAllCaps(text) && text === word.toUpperCase() && (word.length > 1 || token.kind !== Kind.Word));
}

/** The longest alias in `root` that starts at token `i`, if any. */
export function matchAt(root: TrieNode, tokens: readonly Token[], i: number): GazetteerMatch | undefined {
  const first = tokens[i]!;
  const lowerThe = first.text === 'the';
  if (startsLowerAscii(first.text) && !lowerThe) {
    if (root.lowerKeys ? !root.lowerKeys.has((first.key ??= tokenKey(first.text))) : !root.lowerStarts) return undefined;
  }
  root.fill?.((first.key ??= tokenKey(first.text)));
  let node = root;
  let best: GazetteerMatch | undefined;
  for (let k = i; k < tokens.length; k++) {
    const token = tokens[k]!;
    const child = node.next?.get((token.key ??= tokenKey(token.text)));
    if (!child) break;
    // Parts of one name sit close together: "Home Depot", not "Home\n\nDepot" across a paragraph.
    if (k > i && !adjacent(tokens, k - 1, k)) break;
    node = child;
    for (const alias of node.aliases ?? []) {
      if (!alias.words.every((w, n) => sameWord(tokens[i + n]!, w) || (n === 0 && lowerThe && alias.leadingThe))) continue;
      best = { company: alias.company, first: lowerThe ? i + 1 : i, last: k };
      break;
    }
  }
  return best;
}
