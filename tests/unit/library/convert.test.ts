import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportAnnotations } from '@/lib/library/annotation-export';
import { convertFiles } from '@/lib/library/convert';
import { exportLibraryJson, type LibraryFile } from '@/lib/library/json-export';
import { freshDb, seedLibrary } from './seed';

const run = promisify(execFile);

async function libraryFile(): Promise<string> {
  const db = freshDb();
  await seedLibrary(db);
  return exportLibraryJson(await db.articles.toArray(), await db.highlights.toArray(), new Date(0));
}

const pdfAnnotation = JSON.stringify({ type: 'Annotation', id: 'p', target: { source: 'urn:x-pdf:abc', selector: { type: 'TextQuoteSelector', exact: 'x' } } });

describe('convert', () => {
  it('turns a Newsmark library into the same W3C collection the library exports, and back to the same JSON', async () => {
    const file = await libraryFile();
    const { articles, highlights } = JSON.parse(file) as LibraryFile;
    const w3c = await convertFiles(freshDb(), [{ name: 'lib.json', text: file }], 'w3c');
    expect(w3c.output).toBe(JSON.stringify(exportAnnotations(articles, highlights), null, 1));
    expect((await convertFiles(freshDb(), [{ name: 'lib.json', text: file }], 'json', new Date(0))).output).toBe(file);
  });

  it('says what it skips, per file, as the importer does', async () => {
    const { messages } = await convertFiles(freshDb(), [{ name: 'a.jsonld', text: pdfAnnotation }], 'markdown');
    expect(messages).toEqual(['a.jsonld: 1 annotation on a document that is not a web page (a local PDF or file) was left out.']);
  });

  it('runs as a command: Markdown on stdout, skips on stderr; a bad file gives its reason on stderr and exit status 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-convert-'));
    writeFileSync(join(dir, 'lib.json'), await libraryFile());
    writeFileSync(join(dir, 'pdf.jsonld'), pdfAnnotation);
    writeFileSync(join(dir, 'bad.json'), '{"a": 1, "a": 2}');
    const script = ['--import', 'tsx', 'scripts/convert.ts'];
    const ok = await run('node', [...script, '--to', 'markdown', join(dir, 'lib.json'), join(dir, 'pdf.jsonld')]);
    expect(ok.stdout).toMatch(/^# Newsmark highlights\n\n## Chip makers rally\n/);
    expect(ok.stdout).toContain('## Nordwind buys "Baltic Grid" for €2.4bn');
    expect(ok.stderr).toBe(`${join(dir, 'pdf.jsonld')}: 1 annotation on a document that is not a web page (a local PDF or file) was left out.\n`);
    const bad = await run('node', [...script, '--to', 'w3c', join(dir, 'lib.json'), join(dir, 'bad.json')]).then(() => null, (e: { code: number; stdout: string; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad!.stderr).toMatch(/bad\.json: The file names the key "a" twice in one object/);
    const usage = await run('node', [...script, '--to', 'pdf', join(dir, 'lib.json')]).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(usage).toMatchObject({ code: 1 });
    expect(usage!.stderr).toMatch(/--to must be one of w3c, markdown, json/);
  });
});
