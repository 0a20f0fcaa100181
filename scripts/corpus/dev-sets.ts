/**
 * The wide dev sets written by scripts/corpus/fetch-dev-corpora.ts into `../dev-corpora` (or
 * `$NEWSMARK_DEV_CORPORA`). They are not in the repository: the scripts and the extract bench
 * that read them skip a set that is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../analyze/decode';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEV_CORPORA_DIR = process.env.NEWSMARK_DEV_CORPORA ?? join(repo, '../dev-corpora');

export interface DevPage {
  id: string;
  url: string;
  title: string;
  /** The body as the source's ground truth has it, blocks separated by blank lines. */
  truth: string;
  file: string;
}

/** The fundus news pages (see fetch-dev-corpora.ts), or none when they were not fetched. */
export function fundusPages(): DevPage[] {
  const dir = join(DEV_CORPORA_DIR, 'fundus');
  if (!existsSync(join(dir, 'truth.json'))) return [];
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, { url: string; title: string; body: string }>;
  return Object.entries(truth).map(([id, page]) => ({ id, url: page.url, title: page.title, truth: page.body, file: join(dir, 'pages', `${id}.html.gz`) }));
}

/** A goose page: its address, title and the start of its body as goose's tests expect it. */
export interface LeadPage {
  id: string;
  url: string;
  title: string;
  /** The body's first words (goose's `cleaned_text`, from a few words to a few paragraphs). */
  lead: string;
  file: string;
}

/** The goose news pages (see fetch-dev-corpora.ts), or none when they were not fetched. */
export function goosePages(): LeadPage[] {
  const dir = join(DEV_CORPORA_DIR, 'goose');
  if (!existsSync(join(dir, 'truth.json'))) return [];
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, { url: string; title: string; lead: string }>;
  return Object.entries(truth).map(([id, page]) => ({ id, ...page, file: join(dir, 'pages', `${id}.html.gz`) }));
}

/**
 * A dev page's HTML, decoded as the CLI decodes a file. fundus saved every page as UTF-8 whatever
 * its `<meta charset>` still says (GB2312, EUC-KR, Shift_JIS…): valid UTF-8 is read as UTF-8.
 */
export function devHtml(page: { file: string }): string {
  return decodeHtml(gunzipSync(readFileSync(page.file)));
}
