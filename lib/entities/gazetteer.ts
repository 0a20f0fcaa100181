/**
 * Run-time half of the gazetteer: parses the compiled records once, on first use, into a
 * token trie keyed by upper-cased token text, and a ticker index. A lookup walks at most as
 * many tokens as the longest alias, so matching a document is linear in its tokens.
 */
import { GAZETTEER_RECORDS } from './gazetteer-data';
import { slug } from './slug';
import { Kind, adjacent, isAllCaps, tokenize, type Token } from './tokenize';

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
}

export interface Gazetteer {
  companies: Company[];
  root: TrieNode;
  /** Upper-case symbol ("HD", "0700") -> companies listed under it. */
  tickers: Map<string, number[]>;
}

export interface GazetteerMatch {
  company: number;
  /** Token indices of the matched name, inclusive, "The" excluded. */
  first: number;
  last: number;
}

/** Token text as a trie key: upper case, typographic apostrophe as ASCII. */
export function tokenKey(text: string): string {
  return normalised(text).toUpperCase();
}

function normalised(text: string): string {
  return text.includes('’') ? text.replace(/’/g, "'") : text;
}

function startsLowerAscii(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 97 && c <= 122;
}

let loaded: Gazetteer | undefined;

/** The shipped gazetteer, parsed on first call. */
export function gazetteer(): Gazetteer {
  loaded ??= parseGazetteer(GAZETTEER_RECORDS);
  return loaded;
}

/** Parses compiled records (see scripts/build-gazetteer.ts) into the lookup structures. */
export function parseGazetteer(records: string): Gazetteer {
  const companies: Company[] = [];
  const root: TrieNode = {};
  const tickers = new Map<string, number[]>();
  for (const line of records.split('\n')) {
    const [name = '', aliasField = '', tickerField = '', flags = '', blockerField = ''] = line.split('|');
    const index = companies.length;
    companies.push({
      id: slug(name),
      name,
      tickers: tickerField ? tickerField.split(';') : [],
      needsEvidence: flags.includes('w'),
      blockers: new Set(blockerField ? blockerField.split(';').map((b) => b.toLowerCase()) : []),
    });
    addWords(root, name.split(' '), index);
    if (aliasField) for (const alias of aliasField.split(';')) addWords(root, alias.split(' '), index);
    for (const listing of companies[index]!.tickers) {
      const symbol = listing.slice(listing.indexOf(':') + 1).toUpperCase();
      const list = tickers.get(symbol) ?? [];
      if (!list.includes(index)) list.push(index);
      tickers.set(symbol, list);
    }
  }
  return { companies, root, tickers };
}

/** Adds one name (company or reader-given) to a trie. */
export function addAlias(root: TrieNode, alias: string, company: number): void {
  addWords(root, tokenize(alias).map((t) => normalised(t.text)), company);
}

/** Adds a name given as its tokens (apostrophes normalised) to a trie. */
function addWords(root: TrieNode, words: string[], company: number): void {
  if (!words.length || !words[0]) return;
  if (startsLowerAscii(words[0]!)) root.lowerStarts = true;
  let node = root;
  for (const w of words) {
    node.next ??= new Map();
    let child = node.next.get(tokenKey(w));
    if (!child) {
      child = {};
      node.next.set(tokenKey(w), child);
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
  const text = normalised(token.text);
  return text === word || (isAllCaps(text) && text === word.toUpperCase() && (word.length > 1 || token.kind !== Kind.Word));
}

/** The longest alias in `root` that starts at token `i`, if any. */
export function matchAt(root: TrieNode, tokens: readonly Token[], i: number): GazetteerMatch | undefined {
  if (!root.lowerStarts && startsLowerAscii(tokens[i]!.text)) return undefined;
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
