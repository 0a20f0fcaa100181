import { describe, expect, it } from 'vitest';
import { addHighlight, saveArticle, unsaveArticle } from '@/lib/db/library';
import { readPages, type RecordPage } from '@/lib/library/read-pages';
import { addToModel, buildModel, emptyModel } from '@/lib/library/model';
import { queryLibrary } from '@/lib/library/query';
import { LibrarySearch } from '@/lib/library/search';
import { libraryServices } from '@/components/library-services';
import type { NewsmarkDb } from '@/lib/db';
import { freshDb, seedLibrary } from './seed';

/** The seed's two articles and five more, one unsaved, each with a highlight on its text. */
async function library(): Promise<NewsmarkDb> {
  const db = freshDb();
  await seedLibrary(db);
  for (let i = 0; i < 5; i++) {
    const text = `Story ${i} about ${['copper', 'grain', 'freight', 'lithium', 'coffee'][i]} prices and the tariff.`;
    const article = await saveArticle(db, { url: `https://paged.example.com/${i}`, title: `Paged ${i}`, text }, 1_700_000_200_000 + i);
    await addHighlight(db, { articleId: article.id, colour: 'pink', selectors: [{ type: 'TextQuoteSelector', exact: 'the tariff', prefix: '', suffix: '' }], note: `note ${i}` }, 1_700_000_200_100 + i);
    if (i === 3) await unsaveArticle(db, article.id, 1_700_000_200_200);
  }
  return db;
}

async function pagesOf(db: NewsmarkDb, size: number): Promise<RecordPage[]> {
  const pages: RecordPage[] = [];
  await readPages(db, (page) => void pages.push(page), { size });
  return pages;
}

describe('reading the library in pages', () => {
  it('gives every article and every highlight once, articles in id order, each highlight with its article', async () => {
    const db = await library();
    // A highlight whose article record is gone (before the first id, and after the last) still comes once.
    await db.highlights.bulkPut([
      { ...(await db.highlights.toCollection().first())!, id: 'h-orphan-low', articleId: '0' },
      { ...(await db.highlights.toCollection().first())!, id: 'h-orphan-high', articleId: '~' },
    ]);
    for (const size of [3, 7, 100]) {
      const pages = await pagesOf(db, size);
      expect(pages.flatMap((p) => p.articles.map((a) => a.id))).toEqual((await db.articles.toArray()).map((a) => a.id).sort());
      expect(pages.flatMap((p) => p.highlights.map((h) => h.id)).sort()).toEqual((await db.highlights.toArray()).map((h) => h.id).sort());
      for (const page of pages) {
        const own = new Set(page.articles.map((a) => a.id));
        for (const h of page.highlights) if (!h.id.startsWith('h-orphan')) expect(own).toContain(h.articleId);
      }
    }
    expect((await pagesOf(db, 3)).map((p) => p.articles.length)).toEqual([3, 3, 1]);
  });

  it('indexes page by page to the same search answers and list as one pass over everything', async () => {
    const db = await library();
    const whole = buildModel(await db.articles.toArray(), await db.highlights.toArray());
    const once = new LibrarySearch();
    await once.addPage(whole);

    const paged = new LibrarySearch();
    const model = emptyModel();
    await readPages(db, async (records) => {
      const page = buildModel(records.articles, records.highlights);
      await paged.addPage(page);
      addToModel(model, page);
    }, { size: 2 });
    paged.keepOnly(new Set(model.articleById.keys()));

    for (const query of ['tariff', 'kestrel', 'note 2', 'lithium', 'expensive', 'semi', 'nothing-here']) {
      expect(paged.search(query).scores).toEqual(once.search(query).scores);
      const list = (m: typeof model) => queryLibrary(m, {}, 'relevance', paged.search(query)).map((e) => [e.article.id, e.highlights.map((h) => h.id)]);
      expect(list(model)).toEqual(list(whole));
    }
    expect(queryLibrary(model, {}, 'saved-desc').map((e) => e.article.id)).toEqual(queryLibrary(whole, {}, 'saved-desc').map((e) => e.article.id));
    // The list keeps no article text: only the index read it.
    expect(model.articles.every((a) => !('text' in a))).toBe(true);
  });

  it('reads again after a change to the articles, and the new read has it', async () => {
    const db = await library();
    const reads: string[][] = [];
    let current: string[] = [];
    const stop = libraryServices(db).watch({
      page: async (records) => void current.push(...records.articles.filter((a) => !a.deleted).map((a) => a.title)),
      done: () => {
        reads.push(current);
        current = [];
      },
      error: (e) => { throw e; },
    });
    await expect.poll(() => reads.length).toBe(1);
    expect(reads[0]).not.toContain('Late story');
    await saveArticle(db, { url: 'https://paged.example.com/late', title: 'Late story', text: 'Late.' }, 1_700_000_300_000);
    await expect.poll(() => reads.at(-1)).toContain('Late story');
    stop();
  });
});
