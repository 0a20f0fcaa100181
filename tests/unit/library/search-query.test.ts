import { describe, expect, it } from 'vitest';
import { LibrarySearch } from '@/lib/library/search';
import { buildModel, facetsOf, queryLibrary } from '@/lib/library/query';
import { freshDb, seedLibrary } from './seed';

async function setup() {
  const db = freshDb();
  const ids = await seedLibrary(db);
  const articles = await db.articles.toArray();
  const highlights = await db.highlights.toArray();
  const search = new LibrarySearch();
  await search.addAll(articles, highlights);
  return { ids, articles, highlights, search, model: buildModel(articles, highlights) };
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

  it('follows changes: a deleted highlight or unsaved article is no longer found', async () => {
    const { ids, search, highlights, articles } = await setup();
    search.replace({ kind: 'highlight', value: { ...highlights.find((h) => h.id === ids.highlightIds[0])!, deleted: true } });
    expect(search.search('expensive').size).toBe(0);
    search.replace({ kind: 'article', value: { ...articles.find((a) => a.id === ids.articleIds[1])!, title: 'Memory makers slump' } });
    expect(search.search('memory').has(ids.articleIds[1]!)).toBe(true);
    expect(search.search('rally').has(ids.articleIds[1]!)).toBe(false);
  });
});
