/** Real news pages from ../shared/corpus for end-to-end runs, read by tests only. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const AEB_HTML_DIR = resolve('../shared/corpus/scrapinghub-aeb/html');

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
