// @vitest-environment node
/**
 * Indexing the library for dossiers over IndexedDB (fake-indexeddb), with the real recogniser:
 * articles without company ids are found, read a slice at a time, and a stop anywhere (between
 * slices, or half-way through looking for them) loses nothing when a fresh worker goes on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { openDb, type NewsmarkDb } from '@/lib/db';
import { saveArticle } from '@/lib/db/library';
import { recognize } from '@/lib/entities';
import { indexer, indexingProgress, indexSlice, queueUnindexed } from '@/lib/dossier/indexing';
import { countArticlesNaming } from '@/lib/db/articles';
import { applyImport } from '@/lib/library/import-apply';
import { parseImport } from '@/lib/library/import-parse';
import { exportLibraryJson } from '@/lib/library/json-export';

const names: string[] = [];
const open: NewsmarkDb[] = [];
function freshDb(name = `indexing-${crypto.randomUUID()}`): NewsmarkDb {
  names.push(name);
  const db = openDb(name);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

const SIEMENS = 'Siemens Energy won a 2.1 billion euro order to build converter stations for the North Sea grid.';
const APPLE = 'Apple sold fewer phones in China this quarter, and its shares fell 3 percent.';
const NOBODY = 'The weather stayed mild across the region all week, forecasters said.';

/** Articles as an older release saved them: text, no entities. */
async function saveOld(db: NewsmarkDb, texts: string[], now = 1_700_000_000_000, site = 'news.example') {
  const saved = [];
  for (const [i, text] of texts.entries()) saved.push(await saveArticle(db, { url: `https://${site}/${i}`, title: `Story ${i}`, text }, now + i));
  return saved;
}

/** One article a slice: the budget is spent by the first. */
const oneASlice = { recognize, budgetMs: 0 };

describe('indexing the library for dossiers', () => {
  it('finds the companies of articles saved without them, so their dossiers list them; articles naming none stay as they were', async () => {
    const db = freshDb();
    const [siemens, apple, nobody] = await saveOld(db, [SIEMENS, APPLE, NOBODY]);
    expect(await countArticlesNaming(db, 'siemens-energy')).toBe(0);

    expect(await queueUnindexed(db)).toBe(3);
    expect(await indexingProgress(db)).toEqual({ done: 0, total: 3 });
    await indexer(db, { recognize }).poke();

    expect(await countArticlesNaming(db, 'siemens-energy')).toBe(1);
    expect((await db.articles.get(siemens!.id))!.companyIds).toEqual(['siemens-energy']);
    expect(await countArticlesNaming(db, 'apple')).toBe(1);
    expect((await db.articles.get(apple!.id))!.companyIds).toContain('apple');
    const stored = (await db.articles.get(siemens!.id))!;
    expect(stored.entities.find((e) => e.type === 'money')).toMatchObject({ text: '2.1 billion euro', value: 2.1e9, currency: 'EUR' });
    // Stamped like any edit, so sync carries the entities to the reader's other devices.
    expect(stored.updatedAt > siemens!.updatedAt).toBe(true);
    expect(stored.clocks.entities).toBe(stored.updatedAt);
    expect(await db.articles.get(nobody!.id)).toEqual(nobody);
    expect(await indexingProgress(db)).toBeNull();
    expect(await db.indexQueue.where('waiting').equals(1).count()).toBe(0);
    // Nothing new: a second round looks at nothing and writes nothing.
    expect(await queueUnindexed(db)).toBe(0);
  });

  it('goes on where it stopped after the worker is stopped between slices, counting from where it was', async () => {
    const name = `indexing-${crypto.randomUUID()}`;
    const first = freshDb(name);
    await saveOld(first, [SIEMENS, APPLE, NOBODY, `${SIEMENS} ${APPLE}`]);
    await queueUnindexed(first);
    expect(await indexSlice(first, oneASlice)).toEqual({ done: 1, total: 4 });
    expect(await indexSlice(first, oneASlice)).toEqual({ done: 2, total: 4 });
    first.close();

    // A new worker: a new connection, nothing in memory.
    const second = freshDb(name);
    expect(await indexingProgress(second)).toEqual({ done: 2, total: 4 });
    const seen: (object | null)[] = [];
    const slices = vi.fn(async () => void seen.push(await indexingProgress(second)));
    await indexer(second, { ...oneASlice, pause: slices }).poke();
    expect(seen).toEqual([{ done: 3, total: 4 }]);
    expect(await indexingProgress(second)).toBeNull();
    expect(await second.articles.where('companyIds').equals('siemens-energy').count()).toBe(2);
    expect(await second.articles.where('companyIds').equals('apple').count()).toBe(2);
  });

  it('loses no article when stopped half-way through looking for them, imported ones with their old stamps included', async () => {
    const db = freshDb();
    const source = freshDb();
    const saved = await saveOld(source, Array.from({ length: 7 }, (_, i) => (i % 2 ? APPLE : SIEMENS)));
    // Our own export keeps each record's stamps, older than anything this library wrote.
    await applyImport(db, parseImport(exportLibraryJson(saved, [])));
    expect((await db.articles.get(saved[0]!.id))!.updatedAt).toBe(saved[0]!.updatedAt);

    // The worker stops after the second chunk of three is written.
    const transaction = db.transaction.bind(db);
    let calls = 0;
    const spy = vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<typeof transaction>) => {
      if (++calls === 4) return Promise.reject(new Error('worker stopped'));
      return transaction(...args);
    }) as typeof db.transaction);
    await expect(queueUnindexed(db, 3)).rejects.toThrow('worker stopped');
    spy.mockRestore();
    expect(await db.indexQueue.count()).toBe(6);

    await queueUnindexed(db, 3);
    expect(await db.indexQueue.count()).toBe(7);
    await indexer(db, { recognize }).poke();
    expect(await db.articles.where('companyIds').anyOf('siemens-energy', 'apple').count()).toBe(7);
  });

  it('keeps what an article saved again meanwhile has, and indexes articles imported later', async () => {
    const db = freshDb();
    const [old] = await saveOld(db, [SIEMENS]);
    await queueUnindexed(db);
    // Saved again from the page before its turn: new text, entities from the page.
    const resaved = await saveArticle(db, { url: old!.url, title: old!.title, text: APPLE, entities: recognize(APPLE) });
    await indexer(db, { recognize }).poke();
    expect(await db.articles.get(old!.id)).toEqual(resaved);

    const [later] = await saveOld(freshDb(), [SIEMENS]);
    await applyImport(db, parseImport(exportLibraryJson([{ ...later!, id: 'a-imported', urls: ['news.example/imported'] }], [])));
    await indexer(db, { recognize }).poke();
    expect((await db.articles.get('a-imported'))!.companyIds).toEqual(['siemens-energy']);
  });

  it('reads an article again once it changes: saved again without entities, with new text or the same', async () => {
    const db = freshDb();
    const [nobody, siemens] = await saveOld(db, [NOBODY, SIEMENS]);
    const read = vi.fn(recognize);
    const worker = indexer(db, { recognize: read });
    await worker.poke();
    expect(read).toHaveBeenCalledTimes(2);
    await worker.poke();
    expect(read).toHaveBeenCalledTimes(2);

    // An older client (or an old export imported) saves both again without entities.
    await saveArticle(db, { url: nobody!.url, title: nobody!.title, text: APPLE });
    await saveArticle(db, { url: siemens!.url, title: siemens!.title, text: SIEMENS });
    expect((await db.articles.get(siemens!.id))!.companyIds).toEqual([]);
    await worker.poke();
    expect(read).toHaveBeenCalledTimes(4);
    expect((await db.articles.get(nobody!.id))!.companyIds).toEqual(['apple']);
    expect((await db.articles.get(siemens!.id))!.companyIds).toEqual(['siemens-energy']);
  });

  it('a poke while running asks for one more round, not a second worker', async () => {
    const db = freshDb();
    await saveOld(db, [SIEMENS, APPLE]);
    const read = vi.fn(recognize);
    const worker = indexer(db, { recognize: read, budgetMs: 0 });
    const running = worker.poke();
    await saveOld(db, [`${APPLE} Again.`], 1_800_000_000_000, 'later.example');
    void worker.poke();
    await running;
    await worker.poke();
    expect(read).toHaveBeenCalledTimes(3);
    expect(await db.articles.where('companyIds').equals('apple').count()).toBe(2);
  });
});
