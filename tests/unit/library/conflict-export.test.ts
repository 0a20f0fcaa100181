/**
 * Sync conflicts in the exports (issue 26): two device databases on fake-indexeddb merged through
 * the sync store as a server would carry them; the library's Markdown and JSON exports of one
 * device hold the note's other version and the highlight shown again after a deletion, and the
 * JSON still imports into a new library.
 */
import { expect, it } from 'vitest';
import { addHighlight, deleteHighlight, saveArticle, updateArticle, updateHighlight } from '@/lib/db/library';
import type { NewsmarkDb } from '@/lib/db';
import { DexieSyncStore } from '@/lib/sync/dexie-store';
import { conflictsForExport } from '@/lib/sync/conflicts';
import { decodeHlc } from '@/lib/db/hlc';
import { exportLibraryJson, type LibraryFile } from '@/lib/library/json-export';
import { libraryToMarkdown, libraryToMarkdownDocument } from '@/lib/library/markdown-export';
import { conflictsByRecord } from '@/lib/library/conflict-export';
import { buildModel } from '@/lib/library/model';
import { applyImport } from '@/lib/library/import-apply';
import { parseImport } from '@/lib/library/import-parse';
import { freshDb } from './seed';

async function carry(from: NewsmarkDb, to: NewsmarkDb): Promise<void> {
  const states = await new DexieSyncStore(from).outgoing(1_000, new Set());
  await new DexieSyncStore(to).applyRemote(states.map((s, i) => ({ key: s.key, rev: `${i + 1}-x`, body: s.body })));
}

const T = Date.UTC(2026, 11, 6, 21, 0, 0);

async function conflicted() {
  const here = freshDb();
  const there = freshDb();
  const article = await saveArticle(here, { url: 'https://news.example/conflict', title: 'Nordwind buys Baltic Grid', text: 'Nordwind bought Baltic Grid on Monday.' }, T);
  const selectors = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];
  const noted = await addHighlight(here, { articleId: article.id, colour: 'yellow', selectors: selectors('Nordwind'), note: 'first' }, T);
  const dropped = await addHighlight(here, { articleId: article.id, colour: 'green', selectors: selectors('Baltic Grid'), note: '' }, T);
  await carry(here, there);
  await updateHighlight(here, noted.id, { note: 'Ü from here\nsecond line' }, T + 60_000);
  await updateArticle(here, article.id, { note: 'article note from here' }, T + 60_000);
  await deleteHighlight(here, dropped.id, T + 60_000);
  await updateHighlight(there, noted.id, { note: 'from there 🙂' }, T + 120_000);
  await updateArticle(there, article.id, { note: 'article note from there' }, T + 120_000);
  await updateHighlight(there, dropped.id, { note: 'edited there' }, T + 120_000);
  await carry(here, there);
  await carry(there, here);
  return { here, article, noted, dropped };
}

async function everything(db: NewsmarkDb) {
  return { articles: await db.articles.toArray(), highlights: await db.highlights.toArray(), conflicts: await conflictsForExport(db) };
}

it('the JSON export lists each unsettled conflict by record, with the other texts and when they were written', async () => {
  const { here, article, noted, dropped } = await conflicted();
  const { articles, highlights, conflicts } = await everything(here);
  const file = JSON.parse(exportLibraryJson(articles, highlights, new Date(T), conflicts)) as LibraryFile;
  const deletedAt = new Date(decodeHlc(((await here.highlights.get(dropped.id)) as unknown as { revived: string }).revived).wall).toISOString();
  expect(file.conflicts).toEqual([
    { kind: 'article', id: article.id, otherNotes: [{ text: 'article note from here', writtenAt: '2026-12-06T21:01:00.000Z' }] },
    { kind: 'highlight', id: noted.id, otherNotes: [{ text: 'Ü from here\nsecond line', writtenAt: '2026-12-06T21:01:00.000Z' }] },
    { kind: 'highlight', id: dropped.id, otherNotes: [], deletedAt },
  ].sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : 1)));
  expect(deletedAt).toBe('2026-12-06T21:01:00.000Z');
  // The records hold what the reader sees: the later note, and the highlight back with its edit.
  expect(file.highlights.find((h) => h.id === noted.id)?.note).toBe('from there 🙂');
  expect(file.highlights.find((h) => h.id === dropped.id)).toMatchObject({ deleted: false, note: 'edited there' });

  // A library without conflicts exports no `conflicts` key; the file imports into a new library as before.
  expect(Object.keys(JSON.parse(exportLibraryJson(articles, highlights, new Date(T))) as object)).not.toContain('conflicts');
  const fresh = freshDb();
  await applyImport(fresh, parseImport(exportLibraryJson(articles, highlights, new Date(T), conflicts)));
  expect((await fresh.highlights.get(noted.id))?.note).toBe('from there 🙂');
  expect((await fresh.highlights.get(dropped.id))?.deleted).toBe(false);
});

it('the Markdown export writes the other versions under their notes and says which highlight came back', async () => {
  const { here } = await conflicted();
  const { articles, highlights, conflicts } = await everything(here);
  const model = buildModel(articles, highlights);
  const [file] = libraryToMarkdown(model.articles, (id) => model.highlightsByArticle.get(id) ?? [], conflictsByRecord(conflicts));
  const text = file!.content;
  expect(text).toContain('## Note\n\narticle note from there\n\n## Note, other version (written on another device at the same time, 2026-12-06T21:01:00.000Z)\n\narticle note from here\n');
  expect(text).toContain('  - from there 🙂\n\n  - Other version of the note (written on another device at the same time, 2026-12-06T21:01:00.000Z): Ü from here\n    second line');
  expect(text).toContain('  - edited there\n\n  - Deleted on one device (2026-12-06T21:01:00.000Z) and edited later on another: shown again until you keep or delete it in Newsmark.');
  // One document for the convert command writes the same.
  const document = libraryToMarkdownDocument(model.articles, (id) => model.highlightsByArticle.get(id) ?? [], conflictsByRecord(conflicts));
  expect(document).toContain('Other version of the note (written on another device at the same time, 2026-12-06T21:01:00.000Z): Ü from here');
  // Without conflicts, nothing of the kind.
  const [plain] = libraryToMarkdown(model.articles, (id) => model.highlightsByArticle.get(id) ?? []);
  expect(plain!.content).not.toContain('Other version');
});
