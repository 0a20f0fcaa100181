// @vitest-environment node
/**
 * The library's JSON file carries the reader's notes on companies: exported beside articles and
 * highlights, imported back into a new library as they were (the newer one kept where both
 * have it), checked like every record; files from before them import as ever.
 */
import { expect, it } from 'vitest';
import { saveArticle } from '@/lib/db/library';
import { saveCompanyNote } from '@/lib/db/company-notes';
import { exportLibraryJson, type LibraryFile } from '@/lib/library/json-export';
import { applyImport } from '@/lib/library/import-apply';
import { parseImport } from '@/lib/library/import-parse';
import { freshDb } from './seed';

const T = Date.UTC(2026, 11, 6, 23, 0, 0);

it('exports the notes on companies and imports them back as they were; a newer note in the library stays', async () => {
  const db = freshDb();
  const article = await saveArticle(db, { url: 'https://news.example/nordwind', title: 'Nordwind', text: 'Nordwind Energy agreed to buy Baltic Grid.' }, T);
  const note = await saveCompanyNote(db, { companyId: 'nordwind-energy', companyName: 'Nordwind Energy', note: 'Watch the *regulator*' }, T + 1);
  const text = exportLibraryJson([article], [], new Date(T + 2), [], [note]);
  expect((JSON.parse(text) as LibraryFile).companyNotes).toEqual([note]);

  const fresh = freshDb();
  const summary = await applyImport(fresh, parseImport(text));
  expect(summary.added).toBe(2);
  expect(await fresh.companyNotes.get('nordwind-energy')).toEqual(note);

  const other = freshDb();
  await saveCompanyNote(other, { companyId: 'nordwind-energy', companyName: 'Nordwind Energy', note: 'written later' }, T + 5_000);
  await applyImport(other, parseImport(text));
  expect((await other.companyNotes.get('nordwind-energy'))!.note).toBe('written later');
});

it('writes no companyNotes key without notes, reads files without one, and refuses a malformed note saying where', async () => {
  const db = freshDb();
  const article = await saveArticle(db, { url: 'https://news.example/a', title: 'A', text: 'Some text here.' }, T);
  const plain = exportLibraryJson([article], [], new Date(T));
  expect(Object.keys(JSON.parse(plain) as object)).not.toContain('companyNotes');
  expect((await applyImport(freshDb(), parseImport(plain))).added).toBe(1);

  const bad = { ...(JSON.parse(plain) as LibraryFile), companyNotes: [{ id: 'has spaces', companyName: 'X', note: 1, createdAt: T, updatedAt: 'nope', deleted: false, clocks: {} }] };
  expect(() => parseImport(JSON.stringify(bad))).toThrow(/companyNotes\[0\]\.id: should be an id.*companyNotes\[0\]\.note: should be text/);
});
