/** Real news pages from ../shared/corpus for end-to-end runs, read by tests only. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const AEB_HTML_DIR = resolve('../shared/corpus/scrapinghub-aeb/html');
export const NON_ARTICLES_DIR = resolve('../shared/corpus/non-articles');

export interface CorpusPage {
  name: string;
  file: string;
  /** The page's bytes as published (the browser decodes them as the page declares). */
  bytes: Buffer;
}

/** The first `count` AEB pages in name order: a fixed, reproducible sample. */
export function aebPages(count: number): CorpusPage[] {
  return readdirSync(AEB_HTML_DIR)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .slice(0, count)
    .map((f) => {
      const file = resolve(AEB_HTML_DIR, f);
      return { name: f.slice(0, 12), file, bytes: gunzipSync(readFileSync(file)) };
    });
}

/** The pages that are not articles (news fronts, search, shops, apps), in name order. */
export function nonArticlePages(): CorpusPage[] {
  return readdirSync(NON_ARTICLES_DIR)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f, i) => {
      const file = resolve(NON_ARTICLES_DIR, f);
      return { name: `non-article-${String(i).padStart(2, '0')}`, file, bytes: gunzipSync(readFileSync(file)) };
    });
}
