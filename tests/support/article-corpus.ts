/**
 * Corpus pages for the article tests and the extract bench, parsed the way the CLI parses
 * them (linkedom, declared encoding). Paths are relative to the repository: ../shared/corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../scripts/analyze/decode';
import { parseDocument } from '../../scripts/analyze/parse';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const AEB_DIR = join(repo, '../shared/corpus/scrapinghub-aeb');
export const READABILITY_DIR = join(repo, '../shared/corpus/readability');
export const SHARED_NON_ARTICLES_DIR = join(repo, '../shared/corpus/non-articles');
export const OWN_NON_ARTICLES_DIR = join(repo, 'tests/fixtures/non-articles');

export interface AebPage {
  id: string;
  url: string;
  truth: string;
  file: string;
}

/** The 181 AEB pages with their ground-truth body. */
export function aebPages(): AebPage[] {
  const truth = JSON.parse(readFileSync(join(AEB_DIR, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth).map(([id, { articleBody, url }]) => ({ id, url, truth: articleBody, file: join(AEB_DIR, 'html', `${id}.html.gz`) }));
}

export interface ReadabilityCase {
  name: string;
  file: string;
  expected: { title: string | null; byline: string | null; publishedTime: string | null; siteName: string | null; lang: string | null; readerable: boolean };
}

/** The Readability test pages with their expected metadata. */
export function readabilityCases(): ReadabilityCase[] {
  return readdirSync(READABILITY_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      file: join(READABILITY_DIR, entry.name, 'source.html'),
      expected: JSON.parse(readFileSync(join(READABILITY_DIR, entry.name, 'expected-metadata.json'), 'utf8')) as ReadabilityCase['expected'],
    }));
}

/** Gzipped HTML files of a directory. */
export function gzippedPages(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.gz')).sort().map((f) => join(dir, f));
}

/** The HTML of a file, gunzipped and decoded as the page declares. */
export function readHtml(file: string): string {
  const bytes = readFileSync(file);
  return decodeHtml(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
}

/** A linkedom document of the file, built as a browser builds it (see parseDocument). */
export function parseFile(file: string): Document {
  return parseDocument(readHtml(file));
}
