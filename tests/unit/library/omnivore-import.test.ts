// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { NewsmarkDb } from '@/lib/db';
import { applyImport } from '@/lib/library/import-apply';
import { ImportError } from '@/lib/library/import-errors';
import { omnivoreHighlights, readImportBytes } from '@/lib/library/import-omnivore';
import { parseImport } from '@/lib/library/import-parse';
import { dump, freshDb, seedLibrary } from './seed';

/**
 * An Omnivore export as its export job wrote it (packages/api/src/jobs/export.ts and
 * highlightToMarkdown in packages/api/src/utils/parser.ts of omnivore-app/omnivore): the items'
 * metadata, each item's highlights as Markdown, and its content (not read).
 */
interface Highlight { quote?: string; labels?: string[]; note?: string }

/** One highlight as Omnivore writes it: blank lines of the quote as "> " lines, a space after the quote. */
function highlightMarkdown({ quote, labels = [], note }: Highlight): string {
  if (!quote) return note ? `${note}\n\n` : '';
  const formatted = quote.replace(/^(?=\n)$|^\s*?\n/gm, '> ');
  const tags = labels.map((l) => `#${l}`).join(' ');
  return `> ${formatted} ${tags ? `\n\n${tags}` : ''}${note ? `\n\n${note}` : ''}`;
}

const ITEMS = [
  {
    id: '3f0c1d7e-0000-4000-8000-000000000001', slug: 'the-grid-deal-18c2f', title: 'Nordwind buys "Baltic Grid"', description: 'A deal', author: 'Zoë Ørsted',
    url: 'https://news.example.com/2026/nordwind-baltic', state: 'Active', readingProgress: 80, thumbnail: null, labels: ['energy'],
    savedAt: '2024-10-01T08:00:00.000Z', updatedAt: '2024-10-02T08:00:00.000Z', publishedAt: '2024-09-30T06:00:00.000Z',
  },
  {
    id: '3f0c1d7e-0000-4000-8000-000000000002', slug: 'no-highlights-9a1b', title: 'Read later', description: null, author: null,
    url: 'https://blog.example.org/later', state: 'Archived', readingProgress: 0, thumbnail: null, labels: [],
    savedAt: '2024-10-03T08:00:00.000Z', updatedAt: '2024-10-03T08:00:00.000Z', publishedAt: null,
  },
];

const HIGHLIGHTS: Highlight[] = [
  { note: 'What I think of the whole piece' },
  { quote: 'Nordwind Energy agreed to buy Baltic Grid\n\nfor €2.4 billion', labels: ['M&A', 'supply chain'], note: 'Big **deal**\n\n- check the price' },
  { quote: 'values the grid operator at 11 times earnings' },
  { quote: 'the price was steep', note: 'agree' },
];

function exportZip(highlights = HIGHLIGHTS, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    'metadata_0_to_2.json': strToU8(JSON.stringify(ITEMS, null, 2)),
    'content/the-grid-deal-18c2f.html': strToU8('<div>Nordwind Energy agreed…</div>'),
    'highlights/the-grid-deal-18c2f.md': strToU8(highlights.map(highlightMarkdown).join('\n\n')),
    ...extra,
  });
}

const importZip = (db: NewsmarkDb, zip: Uint8Array) => applyImport(db, parseImport(readImportBytes(zip)), 1_800_000_000_000);

describe("Omnivore's export", () => {
  it('reads each highlight of its Markdown: the quote with its blank lines, labels with spaces, a Markdown note', () => {
    expect(omnivoreHighlights(HIGHLIGHTS.map(highlightMarkdown).join('\n\n'))).toEqual([
      { quote: '', labels: [], note: 'What I think of the whole piece' },
      { quote: 'Nordwind Energy agreed to buy Baltic Grid\n\nfor €2.4 billion', labels: ['M&A', 'supply chain'], note: 'Big **deal**\n\n- check the price' },
      { quote: 'values the grid operator at 11 times earnings', labels: [], note: '' },
      { quote: 'the price was steep', labels: [], note: 'agree' },
    ]);
    // A line of blanks in the quote: Omnivore writes it as "> " before the next line.
    expect(omnivoreHighlights(highlightMarkdown({ quote: 'one\n   \ntwo' }))).toEqual([{ quote: 'one\ntwo', labels: [], note: '' }]);
  });

  it('imports the zip: its highlights on their article, titled, with author, date and labels; the article note left out and counted', async () => {
    const db = freshDb();
    expect(await importZip(db, exportZip())).toEqual({
      format: 'omnivore', added: 4, updated: 0, unchanged: 0, skipped: 1,
      remarks: ['1 annotation that quotes no text (a page note or an image region) was left out'],
    });
    const [article, ...others] = await db.articles.toArray();
    expect(others).toEqual([]);
    expect(article).toMatchObject({ url: ITEMS[0]!.url, title: 'Nordwind buys "Baltic Grid"', byline: 'Zoë Ørsted', publishedAt: '2024-09-30T06:00:00.000Z', text: '', tags: ['energy'] });
    const highlights = (await db.highlights.toArray()).map((h) => ({ quote: h.quote, tags: h.tags, note: h.note, selectors: h.selectors }));
    expect(highlights).toContainEqual({
      quote: 'Nordwind Energy agreed to buy Baltic Grid\n\nfor €2.4 billion', tags: ['M&A', 'supply chain'], note: 'Big **deal**\n\n- check the price',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Nordwind Energy agreed to buy Baltic Grid\n\nfor €2.4 billion', prefix: '', suffix: '' }],
    });
    expect(highlights.map((h) => h.note).sort()).toEqual(['', 'Big **deal**\n\n- check the price', 'agree']);
    // Imported again: the same highlights.
    expect(await importZip(db, exportZip())).toMatchObject({ added: 0, unchanged: 3 });
  });

  it('refuses, changing nothing, a zip that is not an export, a broken export, and the metadata file alone', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const before = await dump(db);
    const refusal = async (make: () => string) => {
      const error = await (async () => applyImport(db, parseImport(make())))().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(await dump(db)).toEqual(before);
      return (error as Error).message;
    };
    expect(await refusal(() => readImportBytes(zipSync({ 'notes/a.md': strToU8('# hi') })))).toMatch(/This zip file is not an Omnivore export/);
    expect(await refusal(() => readImportBytes(zipSync({ 'metadata_0_to_1.json': strToU8('[{"slug": ') })))).toMatch(/metadata_0_to_1\.json in the zip is not valid JSON/);
    expect(await refusal(() => readImportBytes(exportZip().slice(0, 200)))).toMatch(/The zip file cannot be read/);
    expect(await refusal(() => JSON.stringify(ITEMS))).toMatch(/This is the list of articles in Omnivore's export; their highlights are in the export's highlights folder/);
  });

  it('refuses an export whose files would unpack past the size limit, before unpacking them', () => {
    const big = new Uint8Array(41 * 1024 * 1024).fill(0x20);
    expect(() => readImportBytes(exportZip(HIGHLIGHTS, { 'highlights/big.md': big }))).toThrow(/at most 40 MB/);
  });

  it('converts from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-omnivore-'));
    writeFileSync(join(dir, 'Omnivore.zip'), exportZip());
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', 'scripts/convert.ts', '--to', 'markdown', join(dir, 'Omnivore.zip')]);
    expect(stdout).toContain('## Nordwind buys "Baltic Grid"');
    expect(stdout).toContain('- > Nordwind Energy agreed to buy Baltic Grid\n  > for €2.4 billion');
    expect(stderr).toBe(`${join(dir, 'Omnivore.zip')}: 1 annotation that quotes no text (a page note or an image region) was left out.\n`);
  });
});

describe("the library page's file reading", () => {
  it('unpacks an Omnivore export zip chosen in the file input, and reads any other file as UTF-8 text', async () => {
    const { readImportFile } = await import('@/components/library-io');
    const text = await readImportFile(new File([exportZip() as Uint8Array<ArrayBuffer>], 'Omnivore-export.zip', { type: 'application/zip' }));
    expect(parseImport(text).format).toBe('omnivore');
    expect(text).toContain('Nordwind buys \\"Baltic Grid\\"');
    expect(await readImportFile(new File(['{"format":"newsmark-library","café":"é"}'], 'library.json'))).toBe('{"format":"newsmark-library","café":"é"}');
  });
});
