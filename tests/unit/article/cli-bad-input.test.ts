import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeHtml } from '@/scripts/analyze/decode';
import { binaryEvidence } from '../../../scripts/analyze/binary-evidence';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** A 1×1 transparent PNG, byte for byte. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' +
    '0000000b4944415478da636000020000050001e9fadcd80000000049454e44ae426082',
  'hex',
);
/** Characters no text should carry into `text`: controls other than whitespace, and U+FFFD. */
const NON_TEXT = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]/;

describe('binaryEvidence', () => {
  it.each([
    ['a PNG by its magic number', PNG, utf8, 'PNG image'],
    ['a tar archive by its magic number at offset 257', new Uint8Array([...latin1('a'.repeat(257)), ...latin1('ustar  ')]), utf8, 'tar archive'],
    ['text with a NUL', latin1('plain\0text'), utf8, 'NUL bytes'],
    ['a crawled HTML page with a stray NUL in a script', latin1(`<!doctype html><html><script>var a = "\0";</script><p>${'Words of the story. '.repeat(20)}</p></html>`), utf8, null],
    ['a binary that starts like a tag but is mostly not text', latin1(`<b${'\0\x01\x02\x03'.repeat(40)}`), utf8, '99% control characters or undecodable bytes'],
    ['bytes that are mostly not text (5 of 9 characters)', latin1('\x01\x02\x03\xfe\xfa abc'), utf8, '56% control characters or undecodable bytes'],
    ['text that only starts like a zip', latin1('PKI certificates, explained.'), utf8, null],
    ['Latin-1 text read as UTF-8 (a few undecodable bytes)', latin1('Le caf\xe9 de la gare a ferm\xe9 ses portes hier soir.'), utf8, null],
    ['UTF-16 HTML, whose zero bytes decode away', new Uint8Array([0xff, 0xfe, ...Array.from('<p>é</p>').flatMap((c) => [c.charCodeAt(0), 0])]), decodeHtml, null],
    ['Shift_JIS HTML', new Uint8Array([...latin1('<meta charset="Shift_JIS"><p>'), 0x93, 0xfa, 0x96, 0x7b]), decodeHtml, null],
    ['windows-1252 HTML with curly quotes', latin1('<p>caf\xe9 \x93quoted\x94</p>'), decodeHtml, null],
  ] as const)('%s', (_, bytes, decode, expected) => {
    expect(binaryEvidence(bytes, decode(bytes))).toBe(expected);
  });
});

const body = '<p>' + 'Shares of the company rose after it reported results, and analysts said so. '.repeat(12) + '</p>';
const article = `<html lang="en"><head><title>Results day</title><meta property="og:type" content="article"></head>
  <body><article><h1>Results day</h1>${body}${body}</article></body></html>`;

function analyze(args: string[]): Record<string, unknown>[] {
  // execFileSync throws on a non-zero exit; the batch has good files, so the status must be 0.
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], { encoding: 'utf8' });
  return out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm run analyze on files that are not HTML or text', () => {
  let dir: string;
  const files = ['true', 'pixel.png', 'empty.html', 'folder', 'truncated.html.gz', 'good.html.gz', 'good.html'];
  const path = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'analyze-bad-'));
    copyFileSync('/bin/true', path('true'));
    writeFileSync(path('pixel.png'), PNG);
    writeFileSync(path('empty.html'), '');
    mkdirSync(path('folder'));
    const gzipped = gzipSync(Buffer.from(article));
    writeFileSync(path('truncated.html.gz'), gzipped.subarray(0, gzipped.length / 2));
    writeFileSync(path('good.html.gz'), gzipped);
    writeFileSync(path('good.html'), article);
  });

  it.each([[[] as string[]], [['--text']]])('gives one line per file, in order, an error for each bad one (args %j)', (flags) => {
    const lines = analyze([...flags, ...files.map(path)]);
    expect(lines.map((line) => line.file)).toEqual(files.map(path));
    expect(lines.slice(0, 5).map((line) => line.error)).toEqual([
      'binary file (ELF executable), not HTML or text',
      'binary file (PNG image), not HTML or text',
      'empty file',
      'is a directory',
      'corrupt gzip: unexpected end of file',
    ]);
    for (const good of lines.slice(5)) {
      expect(good).not.toHaveProperty('error');
      expect(good.text).toContain('Shares of the company rose');
    }
    for (const line of lines) expect(String(line.text ?? '')).not.toMatch(NON_TEXT);
  });

  it('still reads a gzipped HTML page as the page itself', () => {
    const [gzipped, plain] = analyze([path('good.html.gz'), path('good.html')]);
    expect(gzipped).toEqual({ ...plain, file: path('good.html.gz') });
    expect(plain).toMatchObject({ isArticle: true, title: 'Results day' });
  });
});
