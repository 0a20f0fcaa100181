import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const body = '<p>' + 'Shares of the company rose after it reported results, and analysts said so. '.repeat(12) + '</p>';
const article = `<html lang="fr"><head><meta charset="windows-1252"><title>Caf\xe9 news</title><meta property="og:type" content="article">
  <meta property="article:published_time" content="2020-05-06T07:08:09Z"></head><body><article><h1>Caf\xe9 news</h1>${body}${body}</article></body></html>`;

/** Runs the CLI once over all files: one process for the batch, as the issue asks. */
function analyze(args: string[]): Record<string, unknown>[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], { encoding: 'utf8' });
  return out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm run analyze', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    writeFileSync(join(dir, 'good.html.gz'), gzipSync(Buffer.from(article, 'latin1')));
    writeFileSync(join(dir, 'broken.html.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'notes.txt'), 'Apple paid $3 billion.\n');
  });

  it('prints one line per file, an error line for unreadable ones, and goes on', () => {
    const lines = analyze([join(dir, 'good.html.gz'), join(dir, 'missing.html'), join(dir, 'broken.html.gz')]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ isArticle: true, title: 'Café news', lang: 'fr', publishedAt: '2020-05-06T07:08:09Z', entities: [] });
    expect(lines[0]!.text).toContain('Shares of the company rose');
    expect(Object.keys(lines[0]!)).toEqual(['file', 'isArticle', 'title', 'byline', 'publishedAt', 'siteName', 'lang', 'canonicalUrl', 'text', 'entities']);
    expect(lines[1]).toMatchObject({ file: join(dir, 'missing.html'), error: expect.stringContaining('ENOENT') });
    expect(lines[2]).toHaveProperty('error');
  });

  it('with --text, takes the file as the text', () => {
    const [line] = analyze(['--text', join(dir, 'notes.txt')]);
    expect(line).toMatchObject({ isArticle: null, text: 'Apple paid $3 billion.\n' });
  });
});
