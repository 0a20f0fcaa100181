import { describe, expect, it } from 'vitest';
import { LibrarySearch } from '@/lib/library/search';
import { buildModel, type LibraryModel } from '@/lib/library/model';
import { facetsOf, queryLibrary } from '@/lib/library/query';
import { addHighlight, deleteHighlight, saveArticle, unsaveArticle } from '@/lib/db/library';
import type { NewsmarkDb } from '@/lib/db';
import { freshDb, seedLibrary } from './seed';

async function modelOf(db: NewsmarkDb): Promise<LibraryModel> {
  return buildModel(await db.articles.toArray(), await db.highlights.toArray());
}

/** The index in step with a whole model, as a read of the library leaves it: every page added, the rest dropped. */
async function indexAll(search: LibrarySearch, model: LibraryModel): Promise<void> {
  await search.addPage(model);
  search.keepOnly(new Set(model.articleById.keys()));
}

async function setup() {
  const db = freshDb();
  const ids = await seedLibrary(db);
  const articles = await db.articles.toArray();
  const highlights = await db.highlights.toArray();
  const model = buildModel(articles, highlights);
  const search = new LibrarySearch();
  await indexAll(search, model);
  return { db, ids, articles, highlights, search, model };
}

describe('library search and filters', () => {
  it('finds articles by title, text and note, and highlights by quote and note (last word as a prefix)', async () => {
    const { ids, search, model } = await setup();
    const titles = (q: string) => queryLibrary(model, {}, 'relevance', search.search(q)).map((e) => e.article.title);
    expect(titles('chip')).toEqual(['Chip makers rally']);
    expect(titles('analysts kestrel')).toEqual(['Nordwind buys "Baltic Grid"\nfor €2.4bn']);
    expect(titles('multiple later')).toHaveLength(1);
    expect(titles('nothing-like-this')).toEqual([]);
    // A match in a highlight's note shows that highlight only.
    const [entry] = queryLibrary(model, {}, 'relevance', search.search('expensive'));
    expect(entry!.highlights.map((h) => h.id)).toEqual([ids.highlightIds[0]]);
  });

  it('filters by site, tag, company, colour and date, and sorts', async () => {
    const { ids, search, model } = await setup();
    const ofFilter = (filters: Parameters<typeof queryLibrary>[1]) => queryLibrary(model, filters, 'saved-desc').map((e) => e.article.id);
    expect(ofFilter({})).toEqual([ids.articleIds[1], ids.articleIds[0]]);
    expect(queryLibrary(model, {}, 'saved-asc').map((e) => e.article.id)).toEqual(ids.articleIds);
    expect(queryLibrary(model, {}, 'title').map((e) => e.article.title[0])).toEqual(['C', 'N']);
    expect(ofFilter({ site: 'other.example.org' })).toEqual([ids.articleIds[1]]);
    expect(ofFilter({ company: 'nordwind' })).toEqual([ids.articleIds[0]]);
    expect(ofFilter({ from: 1_700_000_050_000 })).toEqual([ids.articleIds[1]]);
    expect(ofFilter({ to: 1_700_000_050_000 })).toEqual([ids.articleIds[0]]);
    const green = queryLibrary(model, { colour: 'green' }, 'saved-desc');
    expect(green.map((e) => e.highlights.map((h) => h.colour))).toEqual([['green']]);
    // A tag on a highlight picks that highlight; a tag on the article keeps all of them.
    expect(queryLibrary(model, { tag: 'Valuation' }, 'saved-desc')[0]!.highlights.map((h) => h.id)).toEqual([ids.highlightIds[1]]);
    expect(queryLibrary(model, { tag: 'energy' }, 'saved-desc')[0]!.highlights).toHaveLength(2);
    // Search and filters together.
    expect(queryLibrary(model, { site: 'other.example.org' }, 'relevance', search.search('nordwind'))).toEqual([]);
  });

  it('offers every site, tag and company as filter values', async () => {
    const { model } = await setup();
    expect(facetsOf(model)).toEqual({
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
    const model = await modelOf(db);
    expect(facetsOf(model).companies).toEqual([{ id: 'abm-industries', name: 'ABM Industries' }]);
    expect(queryLibrary(model, { company: 'abm-industries' }, 'saved-desc').map((e) => e.article.id)).toEqual([after.id, before.id]);
  });

  it('shows the highlights that hold the search words, or all of them when the article matched by its own fields', async () => {
    const { ids, search, model } = await setup();
    const shown = (q: string) => queryLibrary(model, {}, 'relevance', search.search(q)).map((e) => e.highlights.map((h) => h.id));
    // In the article's text and in one highlight's quote: that highlight.
    expect(shown('price steep')).toEqual([[ids.highlightIds[1]]]);
    // The last word as a prefix, in the quote only as a whole word's start.
    expect(shown('guid')).toEqual([[ids.highlightIds[2]]]);
    // Title only: every highlight of the article.
    expect(shown('nordwind')).toEqual([[ids.highlightIds[0], ids.highlightIds[1]]]);
    // Words spread over the title and a highlight's note: one article; no highlight holds both.
    expect(shown('nordwind expensive')).toEqual([[ids.highlightIds[0], ids.highlightIds[1]]]);
    // "Grid" is a word in the quote; "gri" is a prefix of it, "rid" is not a word's start.
    expect(shown('grid operator')).toEqual([[ids.highlightIds[0]]]);
    expect(search.search('rid').mentions(model.highlightsByArticle.get(ids.articleIds[0]!)![0]!)).toBe(false);
  });

  it('finds a highlight whose quote is not in its article text (an imported one)', async () => {
    const db = freshDb();
    const article = await saveArticle(db, { url: 'https://example.net/imported', title: 'Imported', text: 'A note on airships.' }, 1_700_000_000_000);
    const h = await addHighlight(db, { articleId: article.id, colour: 'pink', selectors: [{ type: 'TextQuoteSelector', exact: 'Zeppelin freight returns', prefix: '', suffix: '' }] }, 1_700_000_001_000);
    const model = await modelOf(db);
    const search = new LibrarySearch();
    await indexAll(search, model);
    expect(queryLibrary(model, {}, 'relevance', search.search('zeppelin freight')).map((e) => e.highlights.map((x) => x.id))).toEqual([[h.id]]);
  });

  it('follows changes: re-indexes changed articles and highlights, drops unsaved ones', async () => {
    const { db, ids, search } = await setup();
    const found = (q: string) => [...search.search(q).scores.keys()];
    await deleteHighlight(db, ids.highlightIds[0]!, 1_700_000_300_000);
    await indexAll(search, await modelOf(db));
    expect(found('expensive')).toEqual([]);
    await addHighlight(db, { articleId: ids.articleIds[1]!, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Shares', prefix: '', suffix: '' }], note: 'memory cycle' }, 1_700_000_300_001);
    await indexAll(search, await modelOf(db));
    expect(found('memory cycle')).toEqual([ids.articleIds[1]]);
    await unsaveArticle(db, ids.articleIds[1]!, 1_700_000_300_002);
    await indexAll(search, await modelOf(db));
    expect(found('tessel')).toEqual([]);
    expect(found('kestrel')).toEqual([ids.articleIds[0]]);
  });
});
