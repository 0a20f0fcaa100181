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
  return pagesOf<{ url: string; title: string; body: string }, DevPage>('fundus', (id, page, file) => ({ id, url: page.url, title: page.title, truth: page.body, file }));
}

/** A set's pages from its `truth.json` (id to what the source says of the page), each with its saved file; none when the set was not fetched. */
function pagesOf<T, Page>(set: string, page: (id: string, truth: T, file: string) => Page): Page[] {
  const dir = join(DEV_CORPORA_DIR, set);
  if (!existsSync(join(dir, 'truth.json'))) return [];
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, T>;
  return Object.entries(truth).map(([id, entry]) => page(id, entry, join(dir, 'pages', `${id}.html.gz`)));
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
  return pagesOf<{ url: string; title: string; lead: string }, LeadPage>('goose', (id, page, file) => ({ id, ...page, file }));
}

/**
 * A dev page's HTML, decoded as the CLI decodes a file. fundus saved every page as UTF-8 whatever
 * its `<meta charset>` still says (GB2312, EUC-KR, Shift_JIS…): valid UTF-8 is read as UTF-8.
 */
export function devHtml(page: { file: string }): string {
  return decodeHtml(gunzipSync(readFileSync(page.file)));
}
