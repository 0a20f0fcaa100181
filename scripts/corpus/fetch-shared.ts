/**
 * `node --import tsx scripts/corpus/fetch-shared.ts [--out DIR] [--git OWNER/NAME=GIT_DIR]...`
 * (`npm run corpora`): writes the public page corpora that the corpus tests, some end-to-end
 * tests and the benches read into `../shared/corpus` beside the repository (or `--out`), each from
 * its public repository at a pinned commit, checked against the sizes and hashes recorded here.
 *
 * Every source is a GitHub repository. By default its tarball at the commit is downloaded from
 * codeload.github.com (needs `curl` and `tar`); `--git owner/name=<git dir>` reads it from a
 * local clone instead (any clone that has the commit), for machines without GitHub access.
 *
 * Not fetched, because they have no public upstream in this form: `entities/` (the project's
 * labelled dev documents and GUIDELINES.md), `stories/` (episodes drawn from the UCI News
 * Aggregator data set, March–April 2014), `meantime-dev/`, `../shared/seeds` and
 * `../shared/fixtures`; the corpus suites that read them stay skipped without them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Checkout {
  repo: string;
  commit: string;
  /** Paths (files or folders) inside the repository to extract. */
  paths: string[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
const AEB: Checkout = {
  repo: 'scrapinghub/article-extraction-benchmark',
  commit: '4a3bc979f76c0df73cb95fe272e2fc1b96f9f010',
  paths: ['html', 'ground-truth.json', 'LICENSE', 'README.rst'],
};
const READABILITY: Checkout = { repo: 'mozilla/readability', commit: 'ab4027a8b37669745016869a37a504727992b2ba', paths: ['test/test-pages', 'LICENSE.md'] };

interface NonArticleSource {
  file: string;
  repo: string;
  commit: string;
  path: string;
  /** First 16 hex digits of the original page's SHA-256. */
  sha256: string;
}

function parseArgs(argv: string[]): { out: string; gitDirs: Map<string, string> } {
  let out = join(HERE, '../../../shared/corpus');
  const gitDirs = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--out') out = value;
    else if (arg === '--git') {
      const [repo, dir] = value.split('=');
      if (!repo || !dir) throw new Error(`--git takes owner/name=<git dir>, not ${value}`);
      gitDirs.set(repo, dir);
    } else throw new Error(`Unknown option ${arg}`);
  }
  return { out, gitDirs };
}

/** Extracts `paths` of `repo` at `commit` into a new temporary folder and returns it. */
function extract(checkout: Checkout, gitDirs: Map<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-corpus-'));
  const gitDir = gitDirs.get(checkout.repo);
  const archive = gitDir
    ? execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', checkout.commit, ...checkout.paths], { maxBuffer: 1 << 30 })
    : execFileSync('curl', ['-fsSL', `https://codeload.github.com/${checkout.repo}/tar.gz/${checkout.commit}`], { maxBuffer: 1 << 30 });
  // codeload's tarball has one top folder (name-commit/) and is gzipped; git archive's is neither.
  const tarArgs = gitDir ? ['-x', '-C', dir] : ['-xz', '-C', dir, '--strip-components=1', ...checkout.paths.map((p) => `*/${p}`), '--wildcards'];
  execFileSync('tar', tarArgs, { input: archive, maxBuffer: 1 << 30 });
  return dir;
}

function copyTree(from: string, to: string): number {
  let count = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) count += copyTree(join(from, entry.name), join(to, entry.name));
    else {
      writeFileSync(join(to, entry.name), readFileSync(join(from, entry.name)));
      count++;
    }
  }
  return count;
}

function fetchAeb(out: string, gitDirs: Map<string, string>): void {
  const dir = extract(AEB, gitDirs);
  const count = copyTree(dir, join(out, 'scrapinghub-aeb'));
  rmSync(dir, { recursive: true });
  console.log(`scrapinghub-aeb: ${count} files from ${AEB.repo}@${AEB.commit.slice(0, 12)}`);
}

function fetchReadability(out: string, gitDirs: Map<string, string>): void {
  const dir = extract(READABILITY, gitDirs);
  const target = join(out, 'readability');
  const count = copyTree(join(dir, 'test/test-pages'), target);
  writeFileSync(join(target, 'LICENSE.md'), readFileSync(join(dir, 'LICENSE.md')));
  rmSync(dir, { recursive: true });
  console.log(`readability: ${count} files from ${READABILITY.repo}@${READABILITY.commit.slice(0, 12)}`);
}

/** Each non-article page from its own repository and commit, gzipped, its hash checked. */
function fetchNonArticles(out: string, gitDirs: Map<string, string>): void {
  const sources = JSON.parse(readFileSync(join(HERE, 'non-article-sources.json'), 'utf8')) as NonArticleSource[];
  const target = join(out, 'non-articles');
  mkdirSync(target, { recursive: true });
  const byCheckout = new Map<string, NonArticleSource[]>();
  for (const source of sources) {
    const key = `${source.repo}@${source.commit}`;
    byCheckout.set(key, [...(byCheckout.get(key) ?? []), source]);
  }
  for (const group of byCheckout.values()) {
    const { repo, commit } = group[0]!;
    const dir = extract({ repo, commit, paths: group.map((s) => s.path) }, gitDirs);
    for (const source of group) {
      const page = readFileSync(join(dir, source.path));
      const hash = createHash('sha256').update(page).digest('hex').slice(0, 16);
      if (hash !== source.sha256) throw new Error(`${source.file}: SHA-256 ${hash}, expected ${source.sha256}`);
      writeFileSync(join(target, source.file), gzipSync(page, { level: 9 }));
    }
    rmSync(dir, { recursive: true });
  }
  console.log(`non-articles: ${sources.length} pages from ${byCheckout.size} pinned commits, hashes checked`);
}

const { out, gitDirs } = parseArgs(process.argv.slice(2));
mkdirSync(out, { recursive: true });
fetchAeb(out, gitDirs);
fetchReadability(out, gitDirs);
fetchNonArticles(out, gitDirs);
const missing = ['entities', 'stories'].filter((name) => !existsSync(join(out, name)));
if (missing.length > 0) console.log(`Not fetchable from a public source (the team's own sets): ${missing.join(', ')}; their suites stay skipped.`);
