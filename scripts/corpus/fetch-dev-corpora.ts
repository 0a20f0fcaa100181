/**
 * `node --import tsx scripts/corpus/fetch-dev-corpora.ts --fundus <git dir of flairNLP/fundus>`:
 * writes the wide dev set of news pages the article pipeline is measured on (and never tested
 * against in CI: the pages are not in the repository) into the dev-corpora folder
 * (`../dev-corpora` beside the repository, or `$NEWSMARK_DEV_CORPORA`).
 *
 * fundus (MIT licence, commit FUNDUS_COMMIT): `tests/resources/parser/test_data/<country>/`
 * holds saved news pages of 180 publishers in 45 countries, `<Publisher>_<yyyy_mm_dd>.html.gz`,
 * and per publisher a JSON of what its hand-written parser extracts, one entry per parser
 * version (V1, V1_1, V2…, oldest first; the pages, ordered by crawl date, take them in turn).
 * The body there is the lead (`summary`) and the sections' headings and paragraphs: the text a
 * reader reads as the story. Get the repository with
 * `git clone https://github.com/flairNLP/fundus && git -C fundus checkout FUNDUS_COMMIT`.
 *
 * Written: `fundus/pages/<country>__<file>.html.gz` as saved, and `fundus/truth.json`
 * ({ id: { url, title, body, country } }), plus `SOURCES.md` with the licence and commit.
 * goose3/goose3 (Apache-2.0 licence, commit GOOSE_COMMIT): `tests/data/` holds news pages saved
 * between 2010 and 2023 (CNN, Fox News, the Guardian, Le Figaro, El País, BBC Chinese, Dong-a
 * Ilbo, CNN Arabic, WirtschaftsWoche…), each with the start of its body as goose expects it.
 * They predate most of today's metadata habits: a set for the article decision on pages that
 * declare little, and for where the body starts. Written: `goose/pages/<name>.html.gz` and
 * `goose/truth.json` ({ id: { url, title, lead } }), one page per address (goose keeps some
 * pages twice), its synthetic snippets left out. `--goose <git dir>` (either option may be given alone).
 * dragnet-org/dragnet_data (CC BY 4.0) keeps its pages in Git LFS archives, which the copies
 * reachable here lack, so it is not among the sources.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DEV_CORPORA_DIR } from './dev-sets';

const FUNDUS_COMMIT = '18da6e53592f99cf0ac5770dc63d6ba99ba63ae8';
const FUNDUS_DATA = 'tests/resources/parser/test_data';
const GOOSE_COMMIT = 'c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7';
/** goose's real pages outside tests/data/content (the rest there are hand-made snippets of a few hundred bytes). */
const GOOSE_MORE = ['authors/test_author_linked_data', 'title/test_title_issue172', 'images/test_basic_image', 'tags/test_tags_abcau'];
/** Below this size a goose page is a hand-made test snippet, not a saved page. */
const GOOSE_SNIPPET_BYTES = 5000;

interface FundusVersion {
  title?: string;
  body?: { summary?: string[]; sections?: Array<{ headline?: string[]; paragraphs?: string[] }> };
}

function git(dir: string, args: string[]): Buffer {
  return execFileSync('git', ['--git-dir', dir, ...args], { maxBuffer: 64 * 1024 * 1024 });
}

/** The body fundus's parser extracts, as text: lead, then each section's heading and paragraphs, a blank line between blocks. */
export function fundusBody(version: FundusVersion): string {
  const blocks = [...(version.body?.summary ?? [])];
  for (const section of version.body?.sections ?? []) blocks.push(...(section.headline ?? []), ...(section.paragraphs ?? []));
  return blocks.join('\n\n');
}

function fetchFundus(gitDir: string): void {
  const files = git(gitDir, ['ls-tree', '-r', '--name-only', FUNDUS_COMMIT, FUNDUS_DATA]).toString().split('\n').filter(Boolean);
  const out = join(DEV_CORPORA_DIR, 'fundus');
  mkdirSync(join(out, 'pages'), { recursive: true });
  const truth: Record<string, { url: string; title: string; body: string; country: string }> = {};
  for (const jsonPath of files.filter((f) => f.endsWith('.json'))) {
    const dir = jsonPath.slice(0, jsonPath.lastIndexOf('/'));
    const country = dir.slice(dir.lastIndexOf('/') + 1);
    const publisher = jsonPath.slice(dir.length + 1, -'.json'.length);
    const versions = Object.values(JSON.parse(git(gitDir, ['show', `${FUNDUS_COMMIT}:${jsonPath}`]).toString()) as Record<string, FundusVersion>);
    const meta = JSON.parse(git(gitDir, ['show', `${FUNDUS_COMMIT}:${dir}/meta.info`]).toString()) as Record<string, { url: string; crawl_date: string }>;
    // File names carry the crawl date (yyyy_mm_dd), so their order is the versions' order.
    const pages = files.filter((f) => f.startsWith(`${dir}/${publisher}_`) && f.endsWith('.html.gz')).sort();
    if (pages.length !== versions.length) throw new Error(`${publisher}: ${pages.length} pages for ${versions.length} parser versions`);
    pages.forEach((page, i) => {
      const file = page.slice(dir.length + 1);
      const id = `${country}__${file.slice(0, -'.html.gz'.length)}`;
      writeFileSync(join(out, 'pages', `${id}.html.gz`), git(gitDir, ['show', `${FUNDUS_COMMIT}:${page}`]));
      truth[id] = { url: meta[file]?.url ?? '', title: versions[i]!.title ?? '', body: fundusBody(versions[i]!), country };
    });
  }
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 1));
  writeFileSync(
    join(out, 'SOURCES.md'),
    `# fundus\n\nflairNLP/fundus at commit ${FUNDUS_COMMIT}, \`${FUNDUS_DATA}\` (MIT licence).\n` +
      `${Object.keys(truth).length} saved news pages; truth.json holds the body each publisher's parser extracts (lead, section headings, paragraphs).\n`,
  );
  console.log(`fundus: ${Object.keys(truth).length} pages in ${out}`);
}

function fetchGoose(gitDir: string): void {
  const content = git(gitDir, ['ls-tree', '-r', '--name-only', GOOSE_COMMIT, 'tests/data/content']).toString().split('\n')
    .filter((f) => f.endsWith('.html')).map((f) => f.slice('tests/data/'.length, -'.html'.length));
  const out = join(DEV_CORPORA_DIR, 'goose');
  mkdirSync(join(out, 'pages'), { recursive: true });
  const truth: Record<string, { url: string; title: string; lead: string }> = {};
  const seen = new Set<string>();
  for (const name of [...content, ...GOOSE_MORE]) {
    const html = git(gitDir, ['show', `${GOOSE_COMMIT}:tests/data/${name}.html`]);
    const expected = JSON.parse(git(gitDir, ['show', `${GOOSE_COMMIT}:tests/data/${name}.json`]).toString()) as { url?: string; expected?: { title?: string; cleaned_text?: string } };
    const url = expected.url ?? '';
    if (html.length < GOOSE_SNIPPET_BYTES || !url || seen.has(url)) continue;
    seen.add(url);
    const id = name.slice(name.lastIndexOf('/') + 1).replace(/^test_/, '');
    writeFileSync(join(out, 'pages', `${id}.html.gz`), gzipSync(html));
    truth[id] = { url, title: expected.expected?.title ?? '', lead: expected.expected?.cleaned_text ?? '' };
  }
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 1));
  writeFileSync(
    join(out, 'SOURCES.md'),
    `# goose\n\ngoose3/goose3 at commit ${GOOSE_COMMIT}, \`tests/data/\` (Apache-2.0 licence).\n` +
      `${Object.keys(truth).length} saved news and blog pages, one per address; truth.json holds the start of each body as goose's tests expect it.\n`,
  );
  console.log(`goose: ${Object.keys(truth).length} pages in ${out}`);
}

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const fundus = option('--fundus');
const goose = option('--goose');
if (!fundus && !goose) {
  console.error('usage: fetch-dev-corpora.ts [--fundus <git dir of a flairNLP/fundus clone>] [--goose <git dir of a goose3/goose3 clone>]');
  process.exit(2);
}
if (fundus) fetchFundus(fundus);
if (goose) fetchGoose(goose);
