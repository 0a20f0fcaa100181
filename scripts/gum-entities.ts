/**
 * Builds the GUM news dev set for scripts/score-entities.ts from a copy of amir-zeldes/gum:
 *   node --import tsx scripts/gum-entities.ts <gum git dir> [--review]
 * Reads dep/GUM_news_*.conllu (Wikinews stories, CC BY 2.5; GUM's annotations CC BY 4.0), writes
 * each story's text to tests/corpus/entities-gum/<doc>.txt and the named organisation mentions,
 * relabelled by ../shared/corpus/entities/GUIDELINES.md, to labels.jsonl. GUM marks every
 * organisation; which of them are companies is decided here, by its Wikipedia identity
 * (COMPANIES below), and names GUM types otherwise or leaves unlinked are added by hand (EXTRA).
 * `--review` prints every named mention with its label, for checking by eye.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/corpus/entities-gum');

/** GUM identities (Wikipedia titles) that are businesses: companies and news media. */
const COMPANIES = new Set([
  'ABC_News', 'Agence_France%2DPresse', 'Australian_Broadcasting_Corporation', 'BBC_News', 'Budweiser', 'Deseret_News', 'Edmonton_Sun',
  'Facebook%2C_Inc.', 'Google', 'Microsoft', 'PC_World', 'Rolling_Stone', 'Saudi_Gazette', 'Sky_News', 'The_Canadian_Press', 'The_Globe_and_Mail',
  'The_Guardian', 'The_i_Paper', 'The_New_Zealand_Herald', 'The_Straits_Times', 'The_Sydney_Morning_Herald', 'The_Walt_Disney_Company', 'Twitter',
  'Ubisoft', 'Yonhap_News_Agency', 'Al_Ekhbariya', 'MicroMega', 'LA_Weekly', 'GB_News', 'Toronto_Star', 'Canadian_Broadcasting_Corporation',
  'HuffPost', 'la_Repubblica',
]);
/** Identities that are neither company nor organisation here: a ship, a fictional character, a place, a magazine of a church. */
const DROPPED = new Set<string>(['Freewinds', 'The_Doctor_%28Doctor_Who%29', 'United_States', 'Freedom_%28magazine%29']);
/** Company names GUM does not mark as organisation mentions: [doc, exact text, occurrence (1-based) or 0 for all]. */
const EXTRA: Array<[string, string, number]> = [
  ['GUM_news_clock', 'Facebook', 0],
  ['GUM_news_clock', 'Google', 0],
  ['GUM_news_hackers', 'YouTube', 0],
  ['GUM_news_hackers', 'Hitwise UK', 0],
  ['GUM_news_hackers', 'Gawker.com', 0],
  ['GUM_news_ie9', 'Microsoft', 0],
  ['GUM_news_ie9', 'Mozilla', 0],
  ['GUM_news_ie9', 'Secunia.com', 0],
];
/** Mentions that are not a company's name as the guidelines count it ("Budweiser" of the "Budweiser Man of the Match" award): no label. */
const NOT_COMPANY: Array<[string, string]> = [
  ['GUM_news_soccer', 'Budweiser'],
  // GUM's mention spans that name no organisation: a founder, a team's country.
  ['GUM_news_defector', 'L. Ron Hubbard'],
  ['GUM_news_expo', 'US'],
];

interface Mention { doc: string; start: number; end: number; identity: string }

const gumDir = process.argv[2];
if (!gumDir) throw new Error('usage: gum-entities.ts <gum git dir> [--review]');
const review = process.argv.includes('--review');
const git = (...args: string[]) => execFileSync('git', ['--git-dir', gumDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
const files = git('ls-tree', '--name-only', 'HEAD', 'dep/').split('\n').filter((f) => /GUM_news_\w+\.conllu$/.test(f));
const commit = git('rev-parse', 'HEAD').trim();

const labels: string[] = [];
for (const file of files) {
  const doc = file.replace(/^dep\//, '').replace(/\.conllu$/, '');
  const { text, mentions } = parse(doc, git('show', `HEAD:${file}`));
  writeFileSync(join(OUT, `${doc}.txt`), text);
  const cp = (utf16: number) => [...text.slice(0, utf16)].length;
  const rows: Array<{ start: number; end: number; type: string; text: string }> = [];
  for (const m of mentions) {
    const span = text.slice(m.start, m.end);
    if (DROPPED.has(m.identity)) continue;
    if (NOT_COMPANY.some(([d, t]) => d === doc && t === span)) continue;
    const company = COMPANIES.has(m.identity);
    rows.push({ start: m.start, end: m.end, type: company ? 'company' : 'org', text: span });
    if (review) console.log(`${doc}\t${company ? 'company' : 'org'}\t${span}\t${m.identity}`);
  }
  for (const [d, name, occurrence] of EXTRA) {
    if (d !== doc) continue;
    let n = 0;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      n++;
      if (occurrence && n !== occurrence) continue;
      if (!rows.some((r) => r.start < at + name.length && at < r.end)) rows.push({ start: at, end: at + name.length, type: 'company', text: name });
    }
  }
  rows.sort((a, b) => a.start - b.start);
  for (const r of rows) labels.push(JSON.stringify({ doc, type: r.type, start: cp(r.start), end: cp(r.end), text: r.text }));
}
writeFileSync(join(OUT, 'labels.jsonl'), `${labels.join('\n')}\n`);
console.error(`${files.length} documents, ${labels.length} labels, GUM commit ${commit}`);

/**
 * A story's text (sentences joined by spaces, paragraphs by blank lines, tokens by the
 * SpaceAfter=No marks) and its named organisation mentions: those with a Wikipedia identity
 * whose tokens include a proper noun, without a leading determiner or a trailing possessive.
 */
function parse(doc: string, conllu: string): { text: string; mentions: Mention[] } {
  let text = '';
  const mentions: Mention[] = [];
  const open = new Map<string, Array<{ start: number; identity: string; tokens: Array<{ start: number; end: number; upos: string; form: string }> }>>();
  const tokens: Array<{ start: number; end: number; upos: string; form: string }> = [];
  let pendingSpace = '';
  for (const line of conllu.split('\n')) {
    if (line.startsWith('# newpar')) {
      if (!line.startsWith('# newpar_block') && text) pendingSpace = '\n\n';
      continue;
    }
    if (line.startsWith('# text')) {
      if (text && !pendingSpace) pendingSpace = ' ';
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue;
    const [, form = '', , upos = '', , , , , , misc = ''] = cols;
    // GUM leaves a space before some clitics ("Microsoft 's"); news text has none.
    if (/^(['’]s|n't|['’])$/.test(form) && pendingSpace === ' ') pendingSpace = '';
    text += pendingSpace;
    const token = { start: text.length, end: text.length + form.length, upos, form };
    text += form;
    tokens.push(token);
    pendingSpace = /SpaceAfter=No/.test(misc) ? '' : ' ';
    for (const list of open.values()) for (const m of list) m.tokens.push(token);
    const entity = /Entity=([^|]*)/.exec(misc)?.[1] ?? '';
    for (const part of entity.match(/\(\d+-[^()]*\)|\(\d+-[^()]*|\d+\)/g) ?? []) {
      const opening = /^\((\d+)-([a-z]+)-(.*?)\)?$/.exec(part);
      if (opening) {
        const [, id = '', type = '', rest = ''] = opening;
        if (type !== 'organization') continue;
        const fields = rest.split('-');
        const identity = fields.length >= 6 ? fields.slice(5).join('-') : '';
        const m = { start: token.start, identity, tokens: [token] };
        if (part.endsWith(')')) close(m);
        else open.set(id, [...(open.get(id) ?? []), m]);
      } else {
        const id = part.slice(0, -1);
        const list = open.get(id);
        const m = list?.pop();
        if (m) close(m);
      }
    }
  }
  return { text, mentions };

  function close(m: { identity: string; tokens: Array<{ start: number; end: number; upos: string; form: string }> }): void {
    if (!m.identity || !m.tokens.some((t) => t.upos === 'PROPN')) return;
    // The name inside the mention: from its first proper noun (after any possessive: "Italy's la
    // Repubblica") over proper nouns and the joiners between them ("Mary & Leigh Block Museum of Art").
    const possessive = m.tokens.findLastIndex((t) => t.form === "'s" || t.form === '’s');
    const nameWord = (t: { upos: string; form: string } | undefined) => t !== undefined && t.upos !== 'DET' && (t.upos === 'PROPN' || /^\p{Lu}/u.test(t.form));
    let first = m.tokens.findIndex((t, k) => k > possessive && nameWord(t));
    if (first < 0) return;
    if (first > 0 && /^(la|le|el|al)$/i.test(m.tokens[first - 1]!.form) && m.tokens[first - 1]!.start + 2 >= m.tokens[first]!.start - 1) first--;
    let last = first;
    for (let k = first + 1; k < m.tokens.length; k++) {
      const t = m.tokens[k]!;
      if (nameWord(t) || (t.upos === 'NUM' && t.start === m.tokens[k - 1]!.end)) last = k;
      else if (!/^(of|and|&|-|–|the|at)$/.test(t.form) || !nameWord(m.tokens[k + 1])) break;
    }
    if (first > last) return;
    mentions.push({ doc, start: m.tokens[first]!.start, end: m.tokens[last]!.end, identity: m.identity });
  }
}
