/**
 * Compiles lib/entities/data/companies.txt (the curated source) and
 * lib/entities/data/listed-companies.txt (imported listed companies; see lib/entities/SOURCES.md)
 * into lib/entities/gazetteer-data.ts, the compact strings the background worker loads:
 *   node --import tsx scripts/build-gazetteer.ts [--check]
 * It gives each company a stable id, drops duplicate aliases, and fails on an alias two curated
 * companies claim, and on a line it cannot parse (with its file and line number). `--check` only
 * reports whether the committed file is up to date (the unit tests run the same comparison).
 *
 * Re-importing the listed companies from the sources' files (not shipped, not read by tests):
 *   node --import tsx scripts/build-gazetteer.ts --import <FinanceDatabase database/equities dir> <SEC company_tickers_exchange.json>
 *     [--fd-v1 <dir,dir...>]   FinanceDatabase's first layout, Database/Equities/Industries/*.json, newest first
 *     [--sec-history <dir>]    earlier copies of company_tickers_exchange.json or company_tickers.json (names only)
 *     [--failed-banks <csv>]   the FDIC's failed bank list, banklist.csv (names only)
 *     [--cik-ticker <csv>]     Rank and Filed's cik_ticker.csv (CIK|Ticker|Name|...; names only)
 *     [--words <file>]         an English word list, one word a line (/usr/share/dict/words, Debian's wamerican)
 * The commits and dates of the copies used are in lib/entities/SOURCES.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGazetteerSource } from './gazetteer/compile';
import { importListed, nameKey, parseCsv, pressName, titleCase, websiteHost, type ListedRow } from '../lib/entities/gazetteer-import';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'lib/entities/data/companies.txt');
const listedSource = join(root, 'lib/entities/data/listed-companies.txt');
const factsSource = join(root, 'lib/entities/data/curated-facts.txt');
const target = join(root, 'lib/entities/gazetteer-data.ts');

/** FinanceDatabase exchange codes: the prefix our tickers use, and the exchange's country. */
const EXCHANGES: Record<string, [string, string]> = {
  NYQ: ['NYSE', 'United States'], NMS: ['NASDAQ', 'United States'], NGM: ['NASDAQ', 'United States'], NCM: ['NASDAQ', 'United States'],
  ASE: ['NYSEAMERICAN', 'United States'], LSE: ['LON', 'United Kingdom'], AQS: ['AQSE', 'United Kingdom'], JPX: ['TYO', 'Japan'],
  HKG: ['HKEX', 'Hong Kong'], ASX: ['ASX', 'Australia'], NSE: ['NSE', 'India'], BSE: ['BSE', 'India'], SHH: ['SSE', 'China'],
  SHZ: ['SZSE', 'China'], TOR: ['TSX', 'Canada'], VAN: ['TSXV', 'Canada'], CNQ: ['CSE', 'Canada'], NEO: ['NEO', 'Canada'],
  KSC: ['KRX', 'South Korea'], KOE: ['KOSDAQ', 'South Korea'], TAI: ['TWSE', 'Taiwan'], TWO: ['TPEX', 'Taiwan'],
  PAR: ['EPA', 'France'], AMS: ['AMS', 'Netherlands'], BRU: ['EBR', 'Belgium'], LIS: ['ELI', 'Portugal'], MIL: ['BIT', 'Italy'],
  MCE: ['BME', 'Spain'], STO: ['STO', 'Sweden'], CPH: ['CPH', 'Denmark'], HEL: ['HEL', 'Finland'], OSL: ['OSL', 'Norway'],
  ICE: ['ICE', 'Iceland'], EBS: ['SWX', 'Switzerland'], GER: ['ETR', 'Germany'], FRA: ['FRA', 'Germany'], BER: ['BER', 'Germany'],
  MUN: ['MUN', 'Germany'], DUS: ['DUS', 'Germany'], HAM: ['HAM', 'Germany'], HAN: ['HAN', 'Germany'], STU: ['STU', 'Germany'],
  VIE: ['VIE', 'Austria'], PRA: ['PRA', 'Czech Republic'], BUD: ['BUD', 'Hungary'], WSE: ['WSE', 'Poland'], ATH: ['ATH', 'Greece'],
  IST: ['IST', 'Turkey'], TLV: ['TASE', 'Israel'], SAU: ['TADAWUL', 'Saudi Arabia'], DOH: ['QSE', 'Qatar'], DFM: ['DFM', 'United Arab Emirates'],
  ADX: ['ADX', 'United Arab Emirates'], KUW: ['BK', 'Kuwait'], CAI: ['EGX', 'Egypt'], JNB: ['JSE', 'South Africa'], SAO: ['BVMF', 'Brazil'],
  MEX: ['BMV', 'Mexico'], BUE: ['BCBA', 'Argentina'], SGO: ['BCS', 'Chile'], BVC: ['BVC', 'Colombia'], CCS: ['BVC', 'Venezuela'],
  SES: ['SGX', 'Singapore'], SET: ['SET', 'Thailand'], KLS: ['KLSE', 'Malaysia'], JKT: ['IDX', 'Indonesia'], NZE: ['NZX', 'New Zealand'],
  MCX: ['MOEX', 'Russia'], TAL: ['TAL', 'Estonia'], RIS: ['RIS', 'Latvia'], LIT: ['VSE', 'Lithuania'], CSE: ['CSE', 'Sri Lanka'],
  IOB: ['LON', 'United Kingdom'], TLO: ['TLO', 'Italy'], SAP: ['SAP', 'Japan'], FKA: ['FKA', 'Japan'], NSI: ['NSE', 'India'],
  PNK: ['OTC', 'United States'],
};
const FACTS_HEADER = [
  '# Facts of curated companies (companies.txt) from the listed-company rows the import left out for them',
  '# (see lib/entities/SOURCES.md). Written by scripts/build-gazetteer.ts --import; do not edit: a fact',
  '# written in companies.txt wins. One company a line: Name|country|industry|website',
  '',
].join('\n');
const CAP_RANK: Record<string, number> = { 'Mega Cap': 6, 'Large Cap': 5, 'Mid Cap': 4, 'Small Cap': 3, 'Micro Cap': 2, 'Nano Cap': 1 };
const SEC_EXCHANGES: Record<string, string> = { Nasdaq: 'NASDAQ', NYSE: 'NYSE', CBOE: 'CBOE', OTC: 'OTC' };

/**
 * FinanceDatabase's first layout (one JSON file an industry, `Database/Equities/Industries/*.json`,
 * keyed by symbol, with `long_name`): read as the CSV columns of the current layout, so one loop
 * reads both. It holds the US exchanges and OTC (`NYQ`, `NMS`, `PNK`) that the current snapshot lacks.
 */
function readFdV1(dirs: readonly string[]): Array<{ code: string; rows: Array<Record<string, string>> }> {
  const byCode = new Map<string, Array<Record<string, string>>>();
  // Newest first: a symbol's newest row wins.
  const seen = new Set<string>();
  for (const dir of dirs) for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Record<string, unknown>>;
    for (const [symbol, r] of Object.entries(data)) {
      if (seen.has(symbol) || typeof r !== 'object' || r === null || typeof r.long_name !== 'string') continue;
      seen.add(symbol);
      const text = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
      const code = text('exchange');
      if (!byCode.has(code)) byCode.set(code, []);
      byCode.get(code)!.push({
        symbol, name: text('long_name'), summary: text('summary'), industry: text('industry'), country: text('country'),
        state: text('state'), city: text('city'), website: text('website'), market_cap: text('market_cap'), delisted: '',
      });
    }
  }
  return [...byCode].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, rows]) => ({ code, rows }));
}

function runImport(fdDir: string, secJson: string, fdV1Dirs: readonly string[], secHistoryDir?: string, wordList?: string, failedBanks?: string, cikTicker?: string): void {
  const rows: ListedRow[] = [];
  const commonCounts = new Map<string, number>();
  const places = new Set<string>();
  const tables: Array<{ code: string; rows: Array<Record<string, string>>; source: string; rankShift: number }> = [];
  for (const file of readdirSync(fdDir).filter((f) => f.endsWith('.csv')).sort()) {
    tables.push({ code: file.slice(0, -4), rows: parseCsv(readFileSync(join(fdDir, file), 'utf8')), source: 'financedatabase', rankShift: 0 });
  }
  // The first layout is three years older: its row of a name loses to the current one's.
  if (fdV1Dirs.length) for (const t of readFdV1(fdV1Dirs)) tables.push({ ...t, source: 'financedatabase-v1', rankShift: -1 });
  for (const table of tables) {
    const code = table.code;
    const exchange = EXCHANGES[code];
    if (!exchange) continue;
    for (const r of table.rows) {
      for (const w of (r.summary ?? '').split(/[^A-Za-z]+/)) if (/^[a-z]+$/.test(w)) commonCounts.set(w, (commonCounts.get(w) ?? 0) + 1);
      for (const p of [r.city, r.state, r.country]) if (p && /^\p{Lu}/u.test(p)) for (const w of [p, ...p.split(' ')]) places.add(w);
      const name = r.name ?? '';
      // Rows the source fills only with a truncated upper-case name (secondary German listings) carry no facts: skipped.
      if (!name || !/[a-z]/.test(name) || (!r.industry && !r.website && !r.country)) continue;
      const symbol = (r.symbol ?? '').replace(/\.[A-Z]{1,3}$/, '');
      const home = r.country === exchange[1];
      // A secondary listing of a foreign company (Frankfurt, Mexico) is no ticker the press writes.
      const ticker = home && /^[A-Z0-9]+(\.[A-Z])?$/.test(symbol) ? `${exchange[0]}:${symbol}` : '';
      rows.push({
        legalName: name,
        ticker,
        country: r.country ?? '',
        industry: r.industry ?? '',
        website: websiteHost(r.website ?? ''),
        source: table.source,
        rank: (CAP_RANK[r.market_cap ?? ''] ?? 0) + (home ? 0.5 : 0) + (r.delisted === 'True' ? -0.25 : 0) + table.rankShift,
      });
    }
  }
  const sec = JSON.parse(readFileSync(secJson, 'utf8')) as { data: Array<[number | string, string, string, string]> };
  sec.data.forEach(([, name, ticker, exchange], index) => {
    const prefix = SEC_EXCHANGES[exchange];
    rows.push({
      legalName: titleCase(name),
      ticker: prefix && /^[A-Z0-9]+(\.[A-Z])?$/.test(ticker) ? `${prefix}:${ticker}` : '',
      country: '',
      industry: '',
      website: '',
      source: 'sec',
      // The SEC lists the largest companies first.
      rank: 5.75 - Math.min(5, index / 2000),
    });
  });
  // Earlier copies of the SEC list name companies since delisted, merged or renamed. Their tickers
  // may since have gone to another company: the name only, ranked as a small company.
  if (secHistoryDir) {
    const current = new Set(sec.data.map((r) => r[1]));
    const seen = new Set<string>();
    for (const file of readdirSync(secHistoryDir).filter((f) => f.endsWith('.json')).sort()) {
      let names: string[];
      try {
        // company_tickers_exchange.json ({fields, data: [[cik, name, ticker, exchange]]}) or company_tickers.json ({"0": {cik_str, ticker, title}}).
        const json = JSON.parse(readFileSync(join(secHistoryDir, file), 'utf8')) as Record<string, unknown>;
        names = Array.isArray(json.data)
          ? (json.data as Array<[number | string, string]>).map((r) => r[1])
          : Object.values(json as Record<string, { title?: string }>).map((r) => r.title ?? '');
      } catch {
        continue; // a copy the snapshot holds cut short
      }
      for (const name of names) {
        if (!name) continue;
        if (current.has(name) || seen.has(name)) continue;
        seen.add(name);
        rows.push({ legalName: titleCase(name), ticker: '', country: '', industry: '', website: '', source: 'sec-history', rank: 1 });
      }
    }
  }
  // Rank and Filed's cik_ticker.csv (about 2018): the SEC's filers with a ticker then, many since
  // delisted, merged or bankrupt (AirTran, Abgenix, Adelphia). Names only; blank checks (SIC 6770) left out.
  if (cikTicker) {
    const lines = readFileSync(cikTicker, 'utf8').split(/\r?\n/);
    const head = (lines[0] ?? '').split('|');
    const at = (k: string) => head.indexOf(k);
    for (const line of lines.slice(1)) {
      const f = line.split('|');
      const name = f[at('Name')] ?? '';
      if (!name || f[at('SIC')] === '6770') continue;
      // Its names are title-cased by machine ("Adt Corporation"): cased again from capitals, so a short name stays an acronym.
      rows.push({ legalName: titleCase(name.toUpperCase()), ticker: '', country: '', industry: '', website: '', source: 'rankandfiled', rank: 1 });
    }
  }
  // Summaries of companies rarely use everyday words ("rival"): an English word list, where given,
  // counts each of its lower-case words once, so a one-word name or short form that is one needs evidence.
  if (wordList) {
    for (const w of readFileSync(wordList, 'utf8').split('\n')) if (/^[a-z]+$/.test(w) && !commonCounts.has(w)) commonCounts.set(w, 1);
  }
  const commonWords = commonCounts;
  const curated = readFileSync(source, 'utf8');
  const curatedNames = new Set<string>();
  const curatedOwners = new Map<string, { name: string; tickers: string[] }>();
  for (const line of curated.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name = '', aliases = '', tickers = ''] = line.split('|');
    const owner = { name, tickers: tickers.split(';').filter(Boolean) };
    for (const n of [name, ...aliases.split(';')]) {
      if (!n) continue;
      const key = nameKey(n);
      curatedNames.add(key);
      // A key two curated companies share names neither for certain.
      if (curatedOwners.has(key) && curatedOwners.get(key)!.name !== name) curatedOwners.set(key, { name: '', tickers: [] });
      else curatedOwners.set(key, owner);
    }
  }
  for (const [key, owner] of curatedOwners) if (!owner.name) curatedOwners.delete(key);
  // The FDIC's list of failed banks (2000 on: IndyMac, Washington Mutual, Silicon Valley Bank): banks
  // that no longer exist and are still named in the news. Names only; "First National Bank", a name
  // of many banks, is left out by the organisation word.
  if (failedBanks) {
    const text = readFileSync(failedBanks, 'latin1');
    for (const raw of parseCsv(text)) {
      const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.trim(), v.trim()]));
      const name = r['Bank Name'] ?? '';
      // "Washington Mutual Bank" is the curated Washington Mutual.
      const press = pressName(name);
      if (!press || curatedNames.has(nameKey(press).replace(/ bank$/, ''))) continue;
      rows.push({ legalName: name, ticker: '', country: 'United States', industry: 'Banks', website: '', source: 'fdic-failed-banks', rank: 1 });
    }
  }
  const header = [
    '# Listed companies imported by scripts/build-gazetteer.ts --import (see lib/entities/SOURCES.md). Do not edit:',
    '# add or correct a company in companies.txt, which wins over this file. One company a line:',
    '#   Name|alias;alias|EXCHANGE:TICKER;...|flags||country|industry|website',
    '',
  ].join('\n');
  const result = importListed(rows, curatedNames, { commonWords, places }, header, curatedOwners);
  writeFileSync(listedSource, result.text);
  writeFileSync(factsSource, `${FACTS_HEADER}${result.curatedFacts}`);
  console.log(`wrote ${listedSource}: ${result.companies} companies, ${result.names} names, by source ${JSON.stringify(result.bySource)}, ${result.skippedCurated} rows of curated companies left out`);
}

const importAt = process.argv.indexOf('--import');
const v1At = process.argv.indexOf('--fd-v1');
const historyAt = process.argv.indexOf('--sec-history');
const wordsAt = process.argv.indexOf('--words');
const banksAt = process.argv.indexOf('--failed-banks');
const cikTickerAt = process.argv.indexOf('--cik-ticker');
const optionValue = (at: number) => (at >= 0 ? process.argv[at + 1] : undefined);
if (importAt >= 0) runImport(process.argv[importAt + 1]!, process.argv[importAt + 2]!, optionValue(v1At)?.split(',') ?? [], optionValue(historyAt), optionValue(wordsAt), optionValue(banksAt), optionValue(cikTickerAt));


const compiled = compileGazetteerSource(readFileSync(source, 'utf8'), readFileSync(listedSource, { encoding: 'utf8', flag: 'a+' }), readFileSync(factsSource, { encoding: 'utf8', flag: 'a+' }));
const current = readFileSync(target, { encoding: 'utf8', flag: 'a+' });
if (process.argv.includes('--check')) {
  if (current !== compiled.module) {
    console.error('lib/entities/gazetteer-data.ts is out of date: run node --import tsx scripts/build-gazetteer.ts');
    process.exit(1);
  }
  console.log(`gazetteer up to date: ${compiled.companies} companies, ${compiled.aliases} aliases`);
} else {
  writeFileSync(target, compiled.module);
  console.log(`wrote ${target}: ${compiled.companies} companies, ${compiled.aliases} aliases, ${compiled.module.length} bytes`);
}
