/**
 * Build-time import of listed-company data (see SOURCES.md) into `data/listed-companies.txt`,
 * the second gazetteer source beside the curated `data/companies.txt`. Not shipped: only
 * scripts/build-gazetteer.ts (`--import`) and the tests call it.
 *
 * A source row is a legal name with its listing and facts ("Agilent Technologies, Inc.", NYSE:A,
 * United States, Biotechnology, agilent.com). The import derives the name the press writes
 * ("Agilent Technologies"), a short form where the rest of the name is generic ("Agilent"),
 * merges rows of one company listed on several exchanges, leaves out what the curated list
 * already names, and flags names that are also words, places or people (`w`: marked only with
 * evidence in the document).
 */
import { LEGAL_SUFFIXES, GIVEN_NAMES, PLACES, KNOWN_ORGS, ORG_WORDS, COMMON_CAPITALISED, STOP_CAPITALISED } from './company-words';

export interface ListedRow {
  /** The legal name as the source writes it. */
  legalName: string;
  /** "EXCHANGE:SYMBOL", or empty. */
  ticker: string;
  country: string;
  industry: string;
  website: string;
  /** Where the row comes from, for SOURCES.md counts ("sec", "fd"). */
  source: string;
  /** Larger first when one name has rows of two companies. */
  rank: number;
}

/** Legal forms and share-class words that end a legal name and are not part of the name the press writes. */
const TRAILING_FORMS = new Set([
  ...[...LEGAL_SUFFIXES].filter((s) => !['Holdings', 'Holding', 'Group', 'HOLDINGS', 'GROUP', 'Companies', 'COMPANIES'].includes(s)),
  'L.P.', 'L.L.C.', 'Inc.', 'Corp.', 'Co.', 'Ltd.', 'Ltda.', 'S.A.B.', 'de', 'C.V.', 'S.A.B. de C.V.', 'SAB', 'CV', 'Tbk.', 'PT',
  'P.L.C.', 'Public', 'PCL', 'AS', 'A.S.', 'ASA', 'Oyj', 'Abp', 'hf', 'hf.', 'S.p.A', 'SpA', 'S.p.A.', 'S.A.', 'N.V.', 'NV', 'AG',
  'KGaA', 'GmbH', 'SE', 'SCA', 'S.C.A.', 'SAS', 'SA', 'ADR', 'ADS', 'Class', 'A', 'B', 'C', 'Common', 'Stock', 'Shares',
  'Ordinary', 'Share', 'Units', 'Unit', 'Warrants', 'Warrant', 'Rights', 'Aktiengesellschaft', 'Aktiebolag', 'Aktiebolaget',
  'Berhad', 'Bhd', 'Bhd.', 'Limited', 'Ltd', 'Company', 'Corporation', 'Incorporated', 'Inc', 'Corp', 'Co', 'LLC', 'plc', 'PLC',
  'Plc', 'Pty', 'Pty.', 'Tbk', 'Del', 'DE', 'MD', 'NY', 'NV.', 'a.s.', 'a.s', 'A.S', 'S.A', 'AD', 'd.d.', 'd.o.o.', 'OJSC', 'PJSC',
  'JSC', 'PAO', 'OAO', 'Joint-Stock', 'Joint', 'Stock', 'K.K.', 'KK', 'Sdn', 'S.L.', 'SL', 'Oy', 'ab', 'AB', 'ApS', 'S.R.L.', 'Srl',
  // US bank charters: federal savings bank, national association
  'F.S.B.', 'FSB', 'N.A.', 'S.S.B.', 'SSB',
]);

/** Words after which the rest of a name is generic: "Agilent Technologies" -> "Agilent". */
const GENERIC_TAIL = new Set([
  'Technologies', 'Technology', 'Systems', 'Industries', 'Industrial', 'Enterprises', 'Holdings', 'Holding', 'Group',
  'Pharmaceuticals', 'Pharmaceutical', 'Pharma', 'Therapeutics', 'Biosciences', 'Bioscience', 'Biotech', 'Biotechnology',
  'Laboratories', 'Labs', 'Electronics', 'Electric', 'Software', 'Semiconductor', 'Semiconductors', 'Communications',
  'Networks', 'Resources', 'Energy', 'Mining', 'Minerals', 'Metals', 'Petroleum', 'Oil', 'Gas', 'Foods', 'Brands',
  'Entertainment', 'Interactive', 'Solutions', 'Services', 'International', 'Global', 'Worldwide', 'Corporation', 'Inc',
  'Medical', 'Healthcare', 'Health', 'Sciences', 'Science', 'Capital', 'Financial', 'Realty', 'Properties', 'Motors',
  'Automotive', 'Aerospace', 'Logistics', 'Networks', 'Media', 'Digital', 'Robotics', 'Materials', 'Chemicals', 'Chemical',
  'Products', 'Manufacturing', 'Engineering', 'Construction', 'Development', 'Investments', 'Ventures', 'Partners',
  'Platforms', 'Platform', 'Devices', 'Instruments', 'Innovations', 'Corp', 'Co', '&', 'and',
]);

/** Words of names that are not companies even where a listing carries them (funds, trusts, notes). */
const NOT_A_COMPANY = /\b(ETF|ETN|Fund|Funds|Fonds|Index|Notes?|Debentures?|Bonds?|Preferred|Pref|Depositary|Tracker|Certificates?|SPDR|iShares|Xtrackers|Lyxor|Amundi|Invesco Shares|Subordinated|Cum|Perp|Perpetual|Series|Portfolio|Ucits|UCITS|Sicav|SICAV|Fiduciario|Imobiliario|Investimento|GDR|NVDR|RegS|Sponsored|Unsponsored|Acquisition|SPAC|Blank Check)\b|%|\d{4}/;

/** Closed-end funds and commodity trusts named as trusts ("BlackRock Municipal Income Trust", "VanEck Merk Gold Trust"); a REIT's name is left alone. */
const FUND_TRUST = /\b(Municipal|Muni|Income|Yield|Dividend|Credit|Bond|Gold|Silver|Platinum|Bitcoin|Ethereum|Term|Quality|Premium|Opportunities|Strategic|Tax-Free|Tax-Exempt|Investment Grade)\b.*\bTrust\b/;

/** A roman numeral ending a name: one of a numbered series of blank-check companies or funds. */
const SERIES_NUMBER = / (II|III|IV|VI|VII|VIII|IX)$/;

/** A name's words, split where the press splits them (spaces; commas as separators). */
function words(name: string): string[] {
  return name.replace(/,/g, ' , ').split(/\s+/).filter(Boolean);
}

/** Title case for a name the source writes in capitals ("VIRTU FINANCIAL INC" -> "Virtu Financial Inc"); short words stay as they are ("KKR"). */
export function titleCase(name: string): string {
  if (/[a-z]/.test(name)) return name;
  return name.replace(/[A-Z][A-Z'’]*/g, (w) => (w.length <= 3 && !/[AEIOU]/.test(w.slice(1)) ? w : w[0] + w.slice(1).toLowerCase()));
}

/**
 * The name the press writes for a legal name: legal forms, share classes and a leading "The"
 * left out, in the source's case ("APPLE INC." -> "Apple", "Alphabet Inc. Class A" -> "Alphabet",
 * "Shanghai Huide Science & Technology Co.,Ltd" -> "Shanghai Huide Science & Technology").
 * Undefined when nothing of a name is left, or the row is not a company (a fund, a bond).
 */
export function pressName(legalName: string): string | undefined {
  let name = titleCase(legalName.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim());
  if (!name || NOT_A_COMPANY.test(name) || FUND_TRUST.test(name)) return undefined;
  // The SEC's marks after a name: its state of incorporation or an old name's ("Tractor Supply Co /De/",
  // "Nve Corp /New/"), a depositary receipt ("Midea Group Co Ltd/ADR").
  for (let before = ''; before !== name; ) {
    before = name;
    name = name.replace(/\s*\/\s*(?:ADR|ADS|New|[A-Za-z]{2})\s*\/?$/, '').trim();
  }
  // "Banco Santander, S.A.", "Co.,Ltd": split glued forms, then drop forms from the end.
  name = name.replace(/\bCo\.,\s*Ltd\.?/gi, ' Co Ltd').replace(/\s*\(.*?\)\s*/g, ' ').replace(/\s+-\s+.*$/, '');
  const ws = words(name);
  while (ws.length > 1 && (TRAILING_FORMS.has(ws[ws.length - 1]!) || TRAILING_FORMS.has(ws[ws.length - 1]!.replace(/\.$/, '')) || ws[ws.length - 1] === ',' || /^[-/.]$/.test(ws[ws.length - 1]!))) ws.pop();
  if (ws[0] === 'The' && ws.length > 1) ws.shift();
  const out = ws.join(' ').replace(/ ,/g, ',').replace(/,$/, '').trim();
  if (!out || out.length < 2 || !/\p{L}/u.test(out) || out.includes('|') || out.includes(';')) return undefined;
  // A numbered vehicle of a series: blank-check companies and funds ("Cantor Equity Partners IV").
  if (SERIES_NUMBER.test(out)) return undefined;
  return out;
}

/** "Agilent Technologies" -> "Agilent"; "Bank of America" -> none; "Sky Metals" -> "Sky" (the caller judges it a word). */
export function shortForm(name: string): string | undefined {
  const ws = name.split(' ');
  if (ws.length < 2) return undefined;
  const head = ws[0]!;
  if (!ws.slice(1).every((w) => GENERIC_TAIL.has(w))) return undefined;
  if (head.length < 4 || !/^\p{Lu}/u.test(head) || /[.,&'’]/.test(head)) return undefined;
  return head;
}

/** How often a word must be written in lower case in the summaries (or be in the word list) for a name of such words to need evidence: a company of the size the press follows, a small one. */
const MAJOR_COMMON = 300;
const MINOR_COMMON = 1;
/** Rank (see ListedRow) below which a company is small: micro and nano caps, OTC and old rows. */
export const MINOR_RANK = 3;

/** What the import needs to know of words: lower-case English words, and places. */
export interface Vocabulary {
  /** Lower-case words of running English text, with how often each occurs. */
  commonWords: Map<string, number>;
  /** Cities, states and countries. */
  places: Set<string>;
}

/**
 * A name that needs evidence in the document to be marked. A one-word name does when the word is
 * written in lower case at all in running text ("Tasty", "Focus"), or is a place or a given name;
 * a longer one when every word is a very common word, a place or a given name ("Global Industries"
 * needs one, "Taylor Devices" does not). A small company (`minor`: a micro or nano cap, an OTC
 * shell, an old row) needs one as soon as every word is an English word at all ("Homeland Security",
 * a shell quoted on OTC, is not marked where the text names the US department; nor "Rogue One", a
 * food shell, where it names the film).
 */
export function isAmbiguous(name: string, vocab: Vocabulary, minor = false): boolean {
  const ws = name.split(' ').filter((w) => w !== '&' && w !== 'and' && w !== 'of' && w !== 'the');
  if (vocab.places.has(name)) return true;
  const threshold = ws.length === 1 ? 1 : minor ? MINOR_COMMON : MAJOR_COMMON;
  return ws.every((w) => {
    const bare = w.replace(/[’']s$/, '').replace(/\.$/, '');
    const lower = bare.toLowerCase();
    return (vocab.commonWords.get(lower) ?? 0) >= threshold || vocab.places.has(bare) || PLACES.has(bare) || GIVEN_NAMES.has(bare) || COMMON_CAPITALISED.has(bare) || STOP_CAPITALISED.has(bare) || lower.length <= 2;
  });
}

/** Never a listed company by name alone: organisations, places, people's titles. */
/**
 * Words that end only a company's name: an organisation word before one does not make the name an
 * organisation's ("National Presto Industries", "City Holding", "Federal Screw Works" has none).
 */
const COMPANY_TAIL = new Set([
  'Industries', 'Holdings', 'Holding', 'Group', 'Technologies', 'Bancorp', 'Bancshares', 'Bankshares', 'Enterprises',
  'Pharmaceuticals', 'Therapeutics', 'Biosciences', 'Resources', 'Minerals', 'Mining', 'Metals', 'Petroleum', 'Airlines',
  'Airways', 'Motors', 'Foods', 'Brands', 'Realty', 'Properties', 'Electronics', 'Semiconductor', 'Software', 'Laboratories',
  'Chemicals', 'Materials', 'Manufacturing', 'Instruments', 'Devices', 'Bancorporation', 'Financial', 'Insurance',
]);

function rejected(name: string, vocab: Vocabulary): boolean {
  const ws = name.split(' ');
  if (KNOWN_ORGS.has(name)) return true;
  if (ws.some((w) => ORG_WORDS.has(w)) && !(ws.length > 1 && COMPANY_TAIL.has(ws[ws.length - 1]!) && !ORG_WORDS.has(ws[ws.length - 1]!))) return true;
  if (ws.every((w) => PLACES.has(w) || vocab.places.has(w))) return true;
  // A given name alone ("Andrew", Andrew Corp's name once its form is off) is a person's far more often.
  if (ws.length === 1 && (STOP_CAPITALISED.has(name) || COMMON_CAPITALISED.has(name) || GENERIC_TAIL.has(name) || LEGAL_SUFFIXES.has(name) || GIVEN_NAMES.has(name))) return true;
  if (GIVEN_NAMES.has(ws[0]!) && ws.length === 2 && !GENERIC_TAIL.has(ws[1]!)) return true;
  return false;
}

/** A name key without its spaces: rows written with and without them are one company. */
function compactKey(key: string): string {
  return key.replace(/ /g, '');
}

/** Normalised key of a name, for merging rows and comparing with the curated list. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
}

export interface ImportResult {
  /** The text of data/listed-companies.txt. */
  text: string;
  companies: number;
  names: number;
  bySource: Record<string, number>;
  skippedCurated: number;
  /** Facts of curated companies from the rows left out for them: the text of data/curated-facts.txt. */
  curatedFacts: string;
}

const FIELD_SAFE = (s: string) => s.replace(/[|;\n\r]/g, ' ').trim();

/**
 * Merges rows into gazetteer lines: `name|aliases|tickers|flags||country|industry|website`.
 * `curatedNames` holds the name keys of every name and alias of the curated list: a row whose
 * press name is one of them is that company, already listed, and is left out.
 */
export function importListed(rows: readonly ListedRow[], curatedNames: ReadonlySet<string>, vocab: Vocabulary, header: string, curatedOwners: ReadonlyMap<string, { name: string; tickers: readonly string[] }> = new Map()): ImportResult {
  // Rows are one company whatever their spacing: the SEC's "Ancestrycom" is Ancestry.com.
  const curatedKeys = new Set([...curatedNames].map(compactKey));
  const owners = new Map([...curatedOwners].map(([k, v]) => [compactKey(k), v]));
  interface Entry { name: string; legal: Set<string>; tickers: string[]; country: string; industry: string; website: string; sources: Set<string>; rank: number }
  const entries = new Map<string, Entry>();
  let skippedCurated = 0;
  // A curated company's facts come from the largest row naming it by its own name, or by an alias
  // with one of its listings; a row whose listing contradicts the curated company's is another
  // company of that name.
  const facts = new Map<string, { country: string; industry: string; website: string; byName: boolean }>();
  for (const row of [...rows].sort((a, b) => b.rank - a.rank)) {
    const name = pressName(row.legalName);
    if (!name || rejected(name, vocab)) continue;
    const key = compactKey(nameKey(name));
    if (!key || curatedKeys.has(key)) {
      if (key) skippedCurated++;
      const owner = owners.get(key);
      const byName = owner !== undefined && compactKey(nameKey(owner.name)) === key;
      const contradicts = owner && row.ticker && owner.tickers.length > 0 && !owner.tickers.includes(row.ticker);
      // By an alias ("RH" of one company, the ticker-name of another), only a row with one of its listings.
      const confirmed = byName || (owner !== undefined && row.ticker !== '' && owner.tickers.includes(row.ticker));
      if (owner && confirmed && !contradicts && (row.country || row.industry || row.website)) {
        const known = facts.get(owner.name);
        if (!known || (byName && !known.byName)) facts.set(owner.name, { country: row.country, industry: row.industry, website: row.website, byName });
      }
      continue;
    }
    const entry = entries.get(key);
    if (!entry) {
      entries.set(key, { name, legal: new Set([row.legalName]), tickers: row.ticker ? [row.ticker] : [], country: row.country, industry: row.industry, website: row.website, sources: new Set([row.source]), rank: row.rank });
      continue;
    }
    // One company on several exchanges: the first (largest) row's facts, every listing.
    if (row.ticker && !entry.tickers.includes(row.ticker) && entry.tickers.length < 3) entry.tickers.push(row.ticker);
    entry.country ||= row.country;
    entry.industry ||= row.industry;
    entry.website ||= row.website;
    entry.sources.add(row.source);
  }
  // Aliases: the short form, where no other company's name or short form claims it.
  const claims = new Map<string, number>();
  const shortOf = new Map<string, string>();
  for (const [key, e] of entries) {
    const short = shortForm(e.name);
    if (!short) continue;
    const sk = compactKey(nameKey(short));
    if (curatedKeys.has(sk) || entries.has(sk)) continue;
    shortOf.set(key, short);
    claims.set(sk, (claims.get(sk) ?? 0) + 1);
  }
  const lines: string[] = [];
  const bySource: Record<string, number> = {};
  let names = 0;
  const usedIds = new Set<string>();
  const order = (e: Entry) => nameKey(e.name);
  for (const [key, e] of [...entries].sort((a, b) => (order(a[1]) < order(b[1]) ? -1 : order(a[1]) > order(b[1]) ? 1 : 0))) {
    if (usedIds.has(key)) continue;
    usedIds.add(key);
    const aliases: string[] = [];
    const short = shortOf.get(key);
    if (short && claims.get(compactKey(nameKey(short))) === 1 && !rejected(short, vocab) && !GIVEN_NAMES.has(short) && !COMMON_CAPITALISED.has(short)) aliases.push(short);
    // A short form that is a word needs evidence as much as a name that is: leave it out rather than flag the whole company.
    const keptAliases = aliases.filter((a) => !isAmbiguous(a, vocab));
    const flag = isAmbiguous(e.name, vocab, e.rank < MINOR_RANK) ? 'wo' : 'o';
    names += 1 + keptAliases.length;
    for (const s of e.sources) bySource[s] = (bySource[s] ?? 0) + 1;
    lines.push([FIELD_SAFE(e.name), keptAliases.map(FIELD_SAFE).join(';'), e.tickers.join(';'), flag, '', FIELD_SAFE(e.country), FIELD_SAFE(e.industry), FIELD_SAFE(e.website)].join('|').replace(/\|+$/, ''));
  }
  const factLines = [...facts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, f]) => [name, FIELD_SAFE(f.country), FIELD_SAFE(f.industry), FIELD_SAFE(f.website)].join('|'));
  return { text: `${header}${lines.join('\n')}\n`, companies: lines.length, names, bySource, skippedCurated, curatedFacts: factLines.length ? `${factLines.join('\n')}\n` : '' };
}

/** "http://www.agilent.com/" -> "agilent.com". */
export function websiteHost(url: string): string {
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/\s?#]+)/i.exec(url.trim());
  const host = m ? m[1]!.toLowerCase() : '';
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(host) ? host : '';
}

/** Parses CSV text (RFC 4180 quoting) into records keyed by the header row. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); row = [];
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  if (!head) return [];
  return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]!])));
}
