// @vitest-environment node
/**
 * The library's index kept by the derived-tables middleware: whatever writes the library, the
 * rows, search docs and term blocks say what the records now hold, and a fill from scratch
 * gives the same index as the writes did.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@/lib/contracts/records';
import type { NewsmarkDb } from '@/lib/db';
import { fillLibraryIndex } from '@/lib/db/library-index';
import { addHighlight, saveArticle, updateArticle, updateHighlight } from '@/lib/db/library';
import { searchLibrary } from '@/lib/library/search';
import { termRange } from '@/lib/search-index/terms';
import { libraryServices } from '@/components/library-services';
import { describe as describeSpan } from '@/lib/anchoring';
import { freshDb } from '../library/seed';

async function found(db: NewsmarkDb, query: string): Promise<string[]> {
  const rows = await db.libraryRows.toArray();
  const result = await searchLibrary(query, new Map(rows.map((r) => [r.articleId, r])), libraryServices(db).readTerms);
  return [...result.scores.keys()].sort();
}

/** The three derived tables, sorted, as plain data. */
async function indexOf(db: NewsmarkDb) {
  return {
    rows: await db.libraryRows.orderBy('articleId').toArray(),
    docs: await db.searchDocs.orderBy('articleId').toArray(),
    terms: await db.searchTerms.orderBy('key').toArray(),
  };
}

function article(i: number, text: string): ArticleRecord {
  return {
    id: `a-${String(i).padStart(3, '0')}`, url: `https://news.example/${i}`, urls: [`news.example/${i}`], title: `Story ${i}`, byline: null, publisher: null,
    publishedAt: null, language: 'en', text, entities: [], companyIds: [], tags: [], note: '', savedAt: 1_700_000_000_000 + i,
    deleted: false, updatedAt: `${1_700_000_000_000 + i}-00000-test`, clocks: {},
  };
}

describe('library index', () => {
  it('finds what an article says now: a changed text or note drops the old words and adds the new', async () => {
    const db = freshDb();
    const a = await saveArticle(db, { url: 'https://news.example/a', title: 'Airships', text: 'Zeppelin freight returns to the Baltic.' }, 1_700_000_000_000);
    expect(await found(db, 'zeppelin')).toEqual([a.id]);
    await saveArticle(db, { url: 'https://news.example/a', title: 'Airships', text: 'Hydrogen balloons return to the Baltic.' }, 1_700_000_001_000);
    expect(await found(db, 'zeppelin')).toEqual([]);
    expect(await found(db, 'hydrogen baltic')).toEqual([a.id]);
    await updateArticle(db, a.id, { note: 'ask the harbour master' }, 1_700_000_002_000);
    expect(await found(db, 'harbour')).toEqual([a.id]);
    await updateArticle(db, a.id, { note: '' }, 1_700_000_003_000);
    expect(await found(db, 'harbour')).toEqual([]);
  });

  it('keeps each row\'s highlight counts, colours and tags as highlights change', async () => {
    const db = freshDb();
    const text = 'Kestrel Bank cut its outlook after the results.';
    const a = await saveArticle(db, { url: 'https://news.example/k', title: 'Kestrel', text }, 1_700_000_000_000);
    const h = await addHighlight(db, { articleId: a.id, colour: 'blue', selectors: describeSpan(text, 0, 12), tags: ['Banks'] }, 1_700_000_001_000);
    expect(await db.libraryRows.get(a.id)).toMatchObject({ highlights: 1, colours: ['blue', 'blue\tbanks'], tags: ['Banks'] });
    await updateHighlight(db, h.id, { colour: 'pink', note: 'outlook cut twice' }, 1_700_000_002_000);
    expect(await db.libraryRows.get(a.id)).toMatchObject({ highlights: 1, colours: ['pink', 'pink\tbanks'] });
    expect(await found(db, 'twice')).toEqual([a.id]);
  });

  it('keeps a word most articles hold in blocks, and counts it once per article across them', async () => {
    const db = freshDb();
    // One write of many articles, as an import or a sync writes them.
    await db.articles.bulkPut(Array.from({ length: 60 }, (_, i) => article(i, i < 3 ? 'Rare tariff story, common words.' : 'Common words only.')));
    const blocks = await db.searchTerms.where('key').between(...termRange('common')).toArray();
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.reduce((n, b) => n + Object.keys(b.postings).length, 0)).toBe(60);
    expect(await found(db, 'common')).toHaveLength(60);
    // Every word must be found: only the three articles holding both.
    expect(await found(db, 'tariff common')).toEqual(['a-000', 'a-001', 'a-002']);
  });

  it('fills from scratch the index the writes kept', async () => {
    const db = freshDb();
    await db.articles.bulkPut(Array.from({ length: 450 }, (_, i) => article(i, `Story number ${i} on ${i % 2 ? 'grids' : 'chips'} and ${i % 7 ? 'rates' : 'tariffs'}.`)));
    await db.articles.update('a-005', { deleted: true });
    const kept = await indexOf(db);
    await db.transaction('rw', [db.libraryRows, db.searchDocs, db.searchTerms], async () => {
      await db.libraryRows.clear();
      await db.searchDocs.clear();
      await db.searchTerms.clear();
    });
    await db.transaction('rw', [db.articles, db.highlights, db.libraryRows, db.searchDocs, db.searchTerms], () => fillLibraryIndex(db));
    expect(await indexOf(db)).toEqual(kept);
    expect(kept.rows).toHaveLength(449);
  });
});
