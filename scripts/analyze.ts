/**
 * `npm run --silent analyze -- [--text] FILE...`: the article pipeline over files, one JSON line
 * per file on stdout: {file, isArticle, title, byline, publishedAt, siteName, lang, canonicalUrl,
 * text, entities}. HTML files may be gzipped and in any encoding they declare. With `--text`,
 * each FILE is UTF-8 plain text: nothing is detected and `text` is the file's content.
 * A file that cannot be read or parsed, or is empty, a directory, corrupt gzip or binary (an
 * executable, an image, an archive: see analyze/binary-evidence.ts), gets {file, error} saying
 * so; the batch goes on. All files run in this one process, so a thousand files cost one
 * start-up. Exit status 1 only when no file could be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { analyzeArticle } from '../lib/article/index';
import { decodeHtml } from './analyze/decode';
import { parseDocument } from './analyze/parse';
import { recognize } from '../lib/entities/index';
import { binaryEvidence } from './analyze/binary-evidence';

interface Line {
  file: string;
  isArticle: boolean | null;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  siteName: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  text: string;
  entities: ReturnType<typeof recognize>;
}

/** The file's bytes, gunzipped when they are gzip (by magic number, whatever the name says). */
function readBytes(file: string): Uint8Array {
  // Said here because Node's EISDIR message ("illegal operation on a directory") does not say it.
  if (statSync(file).isDirectory()) throw new Error('is a directory');
  const bytes = readFileSync(file);
  if (bytes.length === 0) throw new Error('empty file');
  if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes;
  const gunzipped = gunzip(bytes);
  if (gunzipped.length === 0) throw new Error('empty file once gunzipped');
  return gunzipped;
}

function gunzip(bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    // zlib's messages ("unexpected end of file") do not say that it was the gzip that failed.
    throw new Error(`corrupt gzip: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The file's content as `decode` reads it, or an error when it is binary rather than HTML or text. */
function readContent(file: string, decode: (bytes: Uint8Array) => string): string {
  const bytes = readBytes(file);
  const content = decode(bytes);
  const evidence = binaryEvidence(bytes, content);
  if (evidence) throw new Error(`binary file (${evidence}), not HTML or text`);
  return content;
}

function analyzeHtml(file: string): Line {
  const html = readContent(file, decodeHtml);
  // The tree a browser would build (one <html>, one body), which linkedom alone does not (see parseDocument).
  const analysis = analyzeArticle(parseDocument(html), { skipGate: true });
  const { metadata, map } = analysis;
  return {
    file,
    isArticle: analysis.isArticle,
    title: metadata.title,
    byline: metadata.byline,
    publishedAt: metadata.publishedAt,
    siteName: metadata.siteName,
    lang: metadata.lang,
    canonicalUrl: metadata.canonicalUrl,
    text: map.text,
    entities: recognize(map.text),
  };
}

function analyzeText(file: string): Line {
  const text = readContent(file, (bytes) => new TextDecoder('utf-8').decode(bytes));
  return {
    file,
    isArticle: null,
    title: null,
    byline: null,
    publishedAt: null,
    siteName: null,
    lang: null,
    canonicalUrl: null,
    text,
    entities: recognize(text),
  };
}

function main(argv: string[]): number {
  const textMode = argv.includes('--text');
  const files = argv.filter((arg) => arg !== '--text' && arg !== '--');
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent analyze -- [--text] FILE...\n');
    return 2;
  }
  let failures = 0;
  for (const file of files) {
    let line: string;
    try {
      line = JSON.stringify(textMode ? analyzeText(file) : analyzeHtml(file));
    } catch (error) {
      failures++;
      line = JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) });
    }
    process.stdout.write(line + '\n');
  }
  return failures === files.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
