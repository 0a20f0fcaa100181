// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { searchLibrary, type SearchResult } from '@/lib/library/search';
import { entryOf, facetsOf, queryRows, type LibraryFilters, type SortOrder } from '@/lib/library/query';
import { addHighlight, deleteHighlight, saveArticle, unsaveArticle } from '@/lib/db/library';
import type { NewsmarkDb } from '@/lib/db';
import { libraryServices } from '@/components/library-services';
import { freshDb, seedLibrary } from './seed';

/** The search over the index the database keeps (nothing built here: the writes kept it). */
async function search(db: NewsmarkDb, query: string): Promise<SearchResult> {
  const rows = await db.libraryRows.toArray();
  return searchLibrary(query, new Map(rows.map((r) => [r.articleId, r])), libraryServices(db).readTerms);
}

/** The entries the library page lists for a search, filters and order, with their records read as the page reads them. */
async function listed(db: NewsmarkDb, filters: LibraryFilters, sort: SortOrder, query?: string) {
  const found = query === undefined ? undefined : await search(db, query);
  const rows = queryRows(await db.libraryRows.toArray(), filters, sort, found);
  const { articles, highlights } = await libraryServices(db).loadEntries(rows.map((r) => r.articleId));
  return rows.map((row) => entryOf(articles.find((a) => a.id === row.articleId)!, highlights.filter((h) => h.articleId === row.articleId), filters, found));
}

async function setup() {
  const db = freshDb();
  const ids = await seedLibrary(db);
  return { db, ids };
}

describe('library search and filters', () => {
  it('finds articles by title, text and note, and highlights by quote and note (last word as a prefix)', async () => {
    const { db, ids } = await setup();
    const titles = async (q: string) => (await listed(db, {}, 'relevance', q)).map((e) => e.article.title);
    expect(await titles('chip')).toEqual(['Chip makers rally']);
    expect(await titles('analysts kestrel')).toEqual(['Nordwind buys "Baltic Grid"\nfor €2.4bn']);
    expect(await titles('multiple later')).toHaveLength(1);
    expect(await titles('nothing-like-this')).toEqual([]);
    // A match in a highlight's note shows that highlight only.
    const [entry] = await listed(db, {}, 'relevance', 'expensive');
    expect(entry!.highlights.map((h) => h.id)).toEqual([ids.highlightIds[0]]);
  });

  it('filters by site, tag, company, colour and date, and sorts', async () => {
    const { db, ids } = await setup();
    const ofFilter = async (filters: LibraryFilters) => (await listed(db, filters, 'saved-desc')).map((e) => e.article.id);
    expect(await ofFilter({})).toEqual([ids.articleIds[1], ids.articleIds[0]]);
    expect((await listed(db, {}, 'saved-asc')).map((e) => e.article.id)).toEqual(ids.articleIds);
    expect((await listed(db, {}, 'title')).map((e) => e.article.title[0])).toEqual(['C', 'N']);
    expect(await ofFilter({ site: 'other.example.org' })).toEqual([ids.articleIds[1]]);
    expect(await ofFilter({ company: 'nordwind' })).toEqual([ids.articleIds[0]]);
    expect(await ofFilter({ from: 1_700_000_050_000 })).toEqual([ids.articleIds[1]]);
    expect(await ofFilter({ to: 1_700_000_050_000 })).toEqual([ids.articleIds[0]]);
    const green = await listed(db, { colour: 'green' }, 'saved-desc');
    expect(green.map((e) => e.highlights.map((h) => h.colour))).toEqual([['green']]);
    // A tag on a highlight picks that highlight; a tag on the article keeps all of them.
    expect((await listed(db, { tag: 'Valuation' }, 'saved-desc'))[0]!.highlights.map((h) => h.id)).toEqual([ids.highlightIds[1]]);
    expect((await listed(db, { tag: 'energy' }, 'saved-desc'))[0]!.highlights).toHaveLength(2);
    // Search and filters together.
    expect(await listed(db, { site: 'other.example.org' }, 'relevance', 'nordwind')).toEqual([]);
  });

  it('offers every site, tag and company as filter values', async () => {
    const { db } = await setup();
    expect(facetsOf(await db.libraryRows.toArray())).toEqual({
      sites: ['news.example.com', 'other.example.org'],
      tags: ['chips', 'energy', 'M&A', 'valuation'],
      companies: [{ id: 'nordwind', name: 'Nordwind Energy' }],
    });
  });

  it('lists and filters a company saved under an earlier id (before a gazetteer update) as today\'s company', async () => {
    const db = freshDb();
    const entity = (id: string) => [{ type: 'company' as const, start: 0, end: 14, text: 'ABM Industries', id, name: 'ABM Industries' }];
    const before = await saveArticle(db, { url: 'https://example.net/a', title: 'A', text: 'ABM Industries won.', entities: entity('abm-industries-inc-de') }, 1_700_000_000_000);
    const after = await saveArticle(db, { url: 'https://example.net/b', title: 'B', text: 'ABM Industries won.', entities: entity('abm-industries') }, 1_700_000_100_000);
    expect(facetsOf(await db.libraryRows.toArray()).companies).toEqual([{ id: 'abm-industries', name: 'ABM Industries' }]);
    expect((await listed(db, { company: 'abm-industries' }, 'saved-desc')).map((e) => e.article.id)).toEqual([after.id, before.id]);
  });

  it('shows the highlights that hold the search words, or all of them when the article matched by its own fields', async () => {
    const { db, ids } = await setup();
    const shown = async (q: string) => (await listed(db, {}, 'relevance', q)).map((e) => e.highlights.map((h) => h.id));
    // In the article's text and in one highlight's quote: that highlight.
    expect(await shown('price steep')).toEqual([[ids.highlightIds[1]]]);
    // The last word as a prefix, in the quote only as a whole word's start.
    expect(await shown('guid')).toEqual([[ids.highlightIds[2]]]);
    // Title only: every highlight of the article.
    expect(await shown('nordwind')).toEqual([[ids.highlightIds[0], ids.highlightIds[1]]]);
    // Words spread over the title and a highlight's note: one article; no highlight holds both.
    expect(await shown('nordwind expensive')).toEqual([[ids.highlightIds[0], ids.highlightIds[1]]]);
    // "Grid" is a word in the quote; "gri" is a prefix of it, "rid" is not a word's start.
    expect(await shown('grid operator')).toEqual([[ids.highlightIds[0]]]);
    expect((await search(db, 'rid')).mentions((await db.highlights.get(ids.highlightIds[0]!))!)).toBe(false);
  });

  it('finds a highlight whose quote is not in its article text (an imported one)', async () => {
    const db = freshDb();
    const article = await saveArticle(db, { url: 'https://example.net/imported', title: 'Imported', text: 'A note on airships.' }, 1_700_000_000_000);
    const h = await addHighlight(db, { articleId: article.id, colour: 'pink', selectors: [{ type: 'TextQuoteSelector', exact: 'Zeppelin freight returns', prefix: '', suffix: '' }] }, 1_700_000_001_000);
    expect((await listed(db, {}, 'relevance', 'zeppelin freight')).map((e) => e.highlights.map((x) => x.id))).toEqual([[h.id]]);
  });

  it('is kept in step by every write: changed articles and highlights found anew, unsaved ones dropped', async () => {
    const { db, ids } = await setup();
    const found = async (q: string) => [...(await search(db, q)).scores.keys()];
    await deleteHighlight(db, ids.highlightIds[0]!, 1_700_000_300_000);
    expect(await found('expensive')).toEqual([]);
    await addHighlight(db, { articleId: ids.articleIds[1]!, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Shares', prefix: '', suffix: '' }], note: 'memory cycle' }, 1_700_000_300_001);
    expect(await found('memory cycle')).toEqual([ids.articleIds[1]]);
    await unsaveArticle(db, ids.articleIds[1]!, 1_700_000_300_002);
    expect(await found('tessel')).toEqual([]);
    expect(await found('kestrel')).toEqual([ids.articleIds[0]]);
  });
});
