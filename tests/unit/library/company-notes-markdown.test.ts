// @vitest-environment node
/**
 * The library's Markdown export carries the reader's notes on companies: one file, a section per
 * company, the note's headings below it, and a note's other version a sync kept (two device
 * databases on fake-indexeddb merged through the sync store as a server would carry them).
 */
import { expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportFile } from '@/components/library-io';
import { saveArticle } from '@/lib/db/library';
import { saveCompanyNote } from '@/lib/db/company-notes';
import type { NewsmarkDb } from '@/lib/db';
import { DexieSyncStore } from '@/lib/sync/dexie-store';
import { conflictsForExport } from '@/lib/sync/conflicts';
import { companyNotesToMarkdown } from '@/lib/library/markdown-export';
import { conflictsByRecord } from '@/lib/library/conflict-export';
import { freshDb } from './seed';

async function carry(from: NewsmarkDb, to: NewsmarkDb): Promise<void> {
  const states = await new DexieSyncStore(from).outgoing(1_000, new Set());
  await new DexieSyncStore(to).applyRemote(states.map((s, i) => ({ key: s.key, rev: `${i + 1}-x`, body: s.body })));
}

const T = Date.UTC(2026, 11, 6, 23, 0, 0);

it("writes one file of the notes on companies, by name, the note's headings below the company's, nothing for cleared notes", () => {
  const note = (id: string, companyName: string, text: string, deleted = false) => ({ id, companyName, note: text, createdAt: T, deleted, updatedAt: `${id}`, clocks: {} });
  const file = companyNotesToMarkdown([
    note('nordwind', 'Nordwind Energy', '# Watch\n\nthe *regulator*'),
    note('baltic', 'Baltic\nGrid', 'Cheap.'),
    note('cleared', 'Cleared Co', ''),
    note('gone', 'Gone Co', 'old', true),
  ]);
  expect(file?.name).toBe('Notes on companies.md');
  expect(file?.content).toBe('# Notes on companies\n\n## Baltic Grid\n\nCheap.\n\n## Nordwind Energy\n\n### Watch\n\nthe *regulator*\n');
  expect(companyNotesToMarkdown([note('cleared', 'Cleared Co', '')])).toBeNull();
});

it("the library's Markdown zip holds the notes on companies, with a note's other version written on another device", async () => {
  const here = freshDb();
  const there = freshDb();
  const article = await saveArticle(here, { url: 'https://news.example/nordwind', title: 'Nordwind buys Baltic Grid', text: 'Nordwind Energy agreed to buy Baltic Grid.' }, T);
  await saveCompanyNote(here, { companyId: 'nordwind', companyName: 'Nordwind Energy', note: 'first' }, T);
  await carry(here, there);
  await saveCompanyNote(here, { companyId: 'nordwind', companyName: 'Nordwind Energy', note: 'from here' }, T + 60_000);
  await saveCompanyNote(there, { companyId: 'nordwind', companyName: 'Nordwind Energy', note: 'from there' }, T + 120_000);
  await carry(here, there);
  await carry(there, here);

  const all = async () => ({ articles: await here.articles.toArray(), highlights: [], companyNotes: await here.companyNotes.toArray() });
  const { name, blob } = await exportFile('markdown', all, { now: new Date(T), loadConflicts: () => conflictsForExport(here) });
  expect(name).toMatch(/^newsmark-markdown-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  expect(Object.keys(files).filter((f) => !f.includes('Nordwind buys'))).toEqual(['newsmark/Notes on companies.md']);
  expect(strFromU8(files['newsmark/Notes on companies.md']!)).toBe(
    '# Notes on companies\n\n## Nordwind Energy\n\nfrom there\n\n### Other version (written on another device at the same time, 2026-12-06T23:01:00.000Z)\n\nfrom here\n',
  );
  // Without conflicts the other version is not written.
  expect(companyNotesToMarkdown(await here.companyNotes.toArray(), conflictsByRecord([]))?.content).not.toContain('Other version');
  here.close();
  there.close();
});
