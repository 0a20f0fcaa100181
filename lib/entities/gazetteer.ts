/**
 * Run-time half of the gazetteer. Setting it up costs next to nothing: records are parsed
 * when a match needs them, and the token trie grows only with the first words a document
 * contains, each filled in on its first lookup from an index of first words built in one
 * scan. A page pays for the few dozen names it could mention, not for all five thousand.
 */
import { GAZETTEER_RECORDS } from './gazetteer-data';
import { slug } from './slug';
import { Kind, adjacent, apostrophesNormalised, isAllCaps, tokenKey, tokenize, type Token } from './tokenize';

export interface Company {
  id: string;
  name: string;
  /** "EXCHANGE:SYMBOL" listings, the primary first. */
  tickers: string[];
  /** The name is also a common word or a place: marked only with evidence in the document. */
  needsEvidence: boolean;
  /** Lower-cased words after the name (or, prefixed "<", before it) that mean it is not the company. */
  blockers: Set<string>;
}

interface Alias {
  company: number;
  /** The alias's tokens as written (apostrophes normalised). */
  words: string[];
  /** The alias starts with a "The" that the span leaves out ("The Hill"). */
  leadingThe: boolean;
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  aliases?: Alias[];
  /** On the root: some alias starts with a lower-case letter ("eBay"), so lower-case words must be looked up. */
  lowerStarts?: boolean;
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
  loaded ??= parseGazetteer(GAZETTEER_RECORDS);
  return loaded;
}

/**
 * Wraps compiled records (see scripts/build-gazetteer.ts) in lazy lookups: a record is parsed,
 * and its names added to the trie, only when a document has a word a name starts with.
 */
export function parseGazetteer(records: string): Gazetteer {
  const lines = records.split('\n');
  const companies: Array<Company | undefined> = [];
  let firstWords: Map<string, number[]> | undefined;
  let tickers: Map<string, number[]> | undefined;
  const filled = new Set<string>();
  const root: TrieNode = {
    fill: (key) => {
      if (filled.has(key)) return;
      filled.add(key);
      firstWords ??= indexFirstWords(lines, root);
      for (const index of firstWords.get(key) ?? []) {
        for (const words of namesOf(lines[index]!)) if (tokenKey(words[0]!) === key) addWords(root, words, index);
      }
    },
  };
  return {
    size: lines.length,
    company: (index) => (companies[index] ??= parseRecord(lines[index]!)),
    listedUnder: (symbol) => (tickers ??= indexTickers(lines)).get(symbol),
    root,
  };
}

function parseRecord(line: string): Company {
  const [name = '', , tickerField = '', flags = '', blockerField = ''] = line.split('|');
  return {
    id: slug(name),
    name,
    tickers: tickerField ? tickerField.split(';') : [],
    needsEvidence: flags.includes('w'),
    blockers: new Set(blockerField ? blockerField.split(';').map((b) => b.toLowerCase()) : []),
  };
}

/** A record's names as token lists: the name itself, then its aliases. */
function namesOf(line: string): string[][] {
  const bar = line.indexOf('|');
  if (bar < 0) return [line.split(' ')];
  const names = [line.slice(0, bar).split(' ')];
  const aliasEnd = line.indexOf('|', bar + 1);
  const aliasField = line.slice(bar + 1, aliasEnd < 0 ? line.length : aliasEnd);
  if (aliasField) for (const alias of aliasField.split(';')) names.push(alias.split(' '));
  return names;
}

/** First-word key -> records with a name starting with it; notes on `root` whether any name starts in lower case. */
function indexFirstWords(lines: readonly string[], root: TrieNode): Map<string, number[]> {
  const index = new Map<string, number[]>();
  lines.forEach((line, record) => {
    for (const words of namesOf(line)) {
      const first = words[0]!;
      if (startsLowerAscii(first)) root.lowerStarts = true;
      const key = tokenKey(first);
      const list = index.get(key);
      if (!list) index.set(key, [record]);
      else if (list[list.length - 1] !== record) list.push(record);
    }
  });
  return index;
}

/** Upper-case ticker symbol -> records listed under it. */
function indexTickers(lines: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  lines.forEach((line, record) => {
    const tickerField = line.split('|')[2];
    if (!tickerField) return;
    for (const listing of tickerField.split(';')) {
      const symbol = listing.slice(listing.indexOf(':') + 1).toUpperCase();
      const list = index.get(symbol) ?? [];
      if (!list.includes(record)) list.push(record);
      index.set(symbol, list);
    }
  });
  return index;
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
  // Filling first also sets up `lowerStarts` on a lazily filled root.
  root.fill?.((first.key ??= tokenKey(first.text)));
  if (!root.lowerStarts && startsLowerAscii(first.text)) return undefined;
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
      if (!alias.words.every((w, n) => sameWord(tokens[i + n]!, w))) continue;
      best = { company: alias.company, first: alias.leadingThe ? i + 1 : i, last: k };
      break;
    }
  }
  return best;
}
