/**
 * Build-time half of the gazetteer: turns the curated source (one company a line, see
 * data/companies.txt) into the compact strings that gazetteer.ts loads. Not shipped in the
 * content script; scripts/build-gazetteer.ts and the tests call it.
 *
 * Records are sorted by the key of their name's first word, so the run time finds the names
 * starting with a word by binary search over the records themselves; only the aliases that
 * start with another word than the name ("Google" for Alphabet) need an index of their own.
 */
import type { GazetteerData } from '../../lib/entities/gazetteer-format';
import { slug } from '../../lib/entities/slug';
import { firstWordKey as firstKey, tokenize } from '../../lib/entities/tokenize';

/** An alias as the run time matches it: its tokens, apostrophes normalised, joined by single spaces. */
function aliasTokens(alias: string): string {
  return tokenize(alias).map((t) => t.text.replace(/’/g, "'")).join(' ');
}

export interface CompiledGazetteer {
  /** The TypeScript module text of gazetteer-data.ts. */
  module: string;
  /** What the module exports, for tests. */
  data: GazetteerData;
  companies: number;
  aliases: number;
}

const FIELD = /^[^|\n]*$/;

/**
 * Compiles the curated source text, then the imported listed companies (data/listed-companies.txt,
 * see gazetteer-import.ts); throws on a malformed line (with its file and line number), a
 * duplicate id or an alias two curated companies claim. A listed company gives way to the
 * curated list: its alias that a curated company holds is dropped, and so is the company when
 * that alias is its name or its id is taken.
 */
export function compileGazetteerSource(source: string, listed = '', curatedFacts = ''): CompiledGazetteer {
  const factsOf = parseCuratedFacts(curatedFacts);
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  const records: SourceRecord[] = [];
  const countries = new Table();
  const industries = new Table();
  let aliasCount = 0;
  const compileLines = (text: string, file: string, yielding: boolean) => text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split('|');
    const [name = '', aliasField = '', tickerField = '', flags = '', blockers = ''] = fields;
    // A curated line's own facts win over those the import found for it (curated-facts.txt).
    const imported = yielding || fields.length > 5 ? undefined : factsOf.get(name);
    if (imported) imported.used = true;
    const [country = '', industry = '', website = ''] = imported?.facts ?? fields.slice(5);
    const where = `${file}:${index + 1}`;
    if (fields.length > 8) throw new Error(`${where}: ${fields.length} fields, at most 8`);
    if (!name) throw new Error(`${where}: no name`);
    if (!/^w?o?$/.test(flags)) throw new Error(`${where}: unknown flags "${flags}"`);
    const id = slug(name);
    if (!id) throw new Error(`${where}: a name with no letter or digit`);
    if (ids.has(id)) {
      if (yielding) return;
      throw new Error(`${where}: duplicate id ${id}`);
    }
    let aliases = [...new Set([name, ...aliasField.split(';').filter(Boolean)])];
    if (yielding) {
      if (owner.has(name) && owner.get(name) !== id) return;
      aliases = aliases.filter((a) => !owner.has(a) || owner.get(a) === id);
    }
    for (const alias of aliases) {
      const claimed = owner.get(alias);
      if (claimed && claimed !== id) throw new Error(`${where}: alias "${alias}" also belongs to ${claimed}`);
    }
    const tickers = tickerField.split(';').filter(Boolean);
    for (const t of tickers) if (!/^[A-Za-z]+:[A-Z0-9.]+$/.test(t)) throw new Error(`${where}: bad ticker ${t}`);
    for (const f of [id, ...aliases, ...tickers, flags, blockers]) if (!FIELD.test(f)) throw new Error(`${where}: bad field ${f}`);
    for (const f of [country, industry]) if (f.includes(';')) throw new Error(`${where}: bad field ${f}`);
    if (website && !/^[a-z0-9.-]+\.[a-z0-9-]+(?:\/[^|]*)?$/i.test(website)) throw new Error(`${where}: bad website ${website}`);
    ids.add(id);
    for (const alias of aliases) owner.set(alias, id);
    aliasCount += aliases.length;
    // Record: name|aliases as space-joined tokens (;)|tickers(;)|flags|blockers(;)|country|industry|website.
    // The id is left out (the loader derives it with the same slug), and so is the name among the
    // aliases when its tokens are its words: the loader adds it. Country and industry are numbers
    // (base 36) into the tables of distinct values.
    const tokenized = [...new Set(aliases.map(aliasTokens))].filter((a) => a !== name);
    const facts = [country ? countries.index(country) : '', industry ? industries.index(industry) : '', website];
    records.push({
      id,
      key: firstKey(name),
      record: [name, tokenized.join(';'), tickers.join(';'), flags, blockers, ...facts].join('|').replace(/\|+$/, ''),
      names: [name, ...tokenized],
    });
  });
  compileLines(source, 'companies.txt', false);
  compileLines(listed, 'listed-companies.txt', true);
  for (const [name, f] of factsOf) if (!f.used) throw new Error(`curated-facts.txt:${f.line}: no curated company "${name}"`);
  records.sort((a, b) => compare(a.key, b.key) || compare(a.id, b.id));
  const data: GazetteerData = {
    records: records.map((r) => r.record).join('\n'),
    otherFirstWords: keyIndex(records.map((r) => r.names.map(firstKey).filter((key) => key !== r.key))),
    lowerFirstWords: [...new Set(records.flatMap((r) => r.names.filter((n) => /^[a-z]/.test(n)).map(firstKey)))].sort(compare).join(' '),
    countries: countries.values.join('\n'),
    industries: industries.values.join('\n'),
  };
  return { module: moduleText(data), data, companies: records.length, aliases: aliasCount };
}

/** data/curated-facts.txt: "Name|country|industry|website" a line, for curated companies, written by the import. */
function parseCuratedFacts(text: string): Map<string, { facts: string[]; line: number; used: boolean }> {
  const facts = new Map<string, { facts: string[]; line: number; used: boolean }>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split('|');
    if (fields.length !== 4 || !fields[0]) throw new Error(`curated-facts.txt:${index + 1}: want Name|country|industry|website`);
    facts.set(fields[0], { facts: fields.slice(1), line: index + 1, used: false });
  });
  return facts;
}

interface SourceRecord {
  id: string;
  /** Key of the name's first word: what records are sorted by. */
  key: string;
  record: string;
  /** The name and its aliases as space-joined tokens. */
  names: string[];
}

/** "KEY line,line" lines sorted by key: for each key, the records (by line number) listed under it. */
function keyIndex(keysByRecord: string[][]): string {
  const index = new Map<string, number[]>();
  keysByRecord.forEach((keys, record) => {
    for (const key of new Set(keys)) index.set(key, [...(index.get(key) ?? []), record]);
  });
  return [...index.keys()].sort(compare).map((key) => `${key} ${index.get(key)!.join(',')}`).join('\n');
}

/** Distinct values, each written once; records hold its index in base 36. */
class Table {
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();

  index(value: string): string {
    let i = this.at.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.at.set(value, i);
    }
    return i.toString(36);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function moduleText(data: GazetteerData): string {
  return [
    '// Generated by scripts/build-gazetteer.ts from lib/entities/data/companies.txt and listed-companies.txt. Do not edit.',
    "import type { GazetteerData } from './gazetteer-format';",
    '',
    'export const GAZETTEER_DATA: GazetteerData = {',
    `  records: ${JSON.stringify(data.records)},`,
    `  otherFirstWords: ${JSON.stringify(data.otherFirstWords)},`,
    `  lowerFirstWords: ${JSON.stringify(data.lowerFirstWords)},`,
    `  countries: ${JSON.stringify(data.countries)},`,
    `  industries: ${JSON.stringify(data.industries)},`,
    '};',
    '',
  ].join('\n');
}
