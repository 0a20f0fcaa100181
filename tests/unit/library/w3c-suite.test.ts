// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportAnnotations, type AnnotationCollection, type WebAnnotation } from '@/lib/library/annotation-export';
import { freshDb } from './seed';
import { RICH_TEXT, seedRichLibrary } from './rich-seed';
import { failures, MUST_TESTS, OPTIONAL_TESTS } from './w3c-suite';
import { apiBaseline } from './hypothesis-shapes';
import { applyImport } from '@/lib/library/import-apply';
import { parseImport } from '@/lib/library/import-parse';

async function richExport(): Promise<{ collection: AnnotationCollection; items: WebAnnotation[]; lib: Awaited<ReturnType<typeof seedRichLibrary>> }> {
  const db = freshDb();
  const lib = await seedRichLibrary(db);
  const collection = exportAnnotations(await db.articles.toArray(), await db.highlights.toArray(), { bodyLanguage: 'en-GB' });
  return { collection, items: collection.first?.items ?? [], lib };
}

/** An annotation of a page read on its own: the collection's context applies to it. */
const standalone = (collection: AnnotationCollection, a: Partial<WebAnnotation>) => ({ '@context': collection['@context'], ...a });

describe('the W3C Web Annotation test suite over the export', () => {
  it('finds no MUST failure in a realistic library: collection, page and every annotation', async () => {
    const { collection, items } = await richExport();
    expect(items).toHaveLength(5);
    expect(failures(MUST_TESTS.collection, collection)).toEqual([]);
    expect(failures(MUST_TESTS.page, collection)).toEqual([]);
    expect(failures(MUST_TESTS.page, { '@context': collection['@context'], ...collection.first })).toEqual([]);
    for (const a of items) expect(failures(MUST_TESTS.annotation, standalone(collection, a))).toEqual([]);
  });

  it('meets the SHOULDs the export claims: language and format on bodies and targets, a single motivation', async () => {
    const { collection, items } = await richExport();
    const claimed = [
      'annotations/bodiesTargets/3.2.1-bodySingleLanguage.json',
      'annotations/bodiesTargets/3.2.1-bodySingleFormat.json',
      'annotations/bodiesTargets/3.2.1-targSingleLanguage.json',
      'annotations/bodiesTargets/3.2.1-targSingleFormat.json',
      'annotations/3.3.5-annotationSingleMotivationImplemented.json',
      'annotations/3.3.1-annotationCreatedImplemented.json',
      'annotations/4.4-annotationStylesheetImplemented.json',
      'annotations/bodiesTargets/4-targSpecificResource.json',
    ];
    const withBody = items.filter((a) => a.body);
    for (const a of withBody) {
      const failed = failures(OPTIONAL_TESTS.annotation, standalone(collection, a)).map((f) => f.assertion);
      expect(failed.filter((f) => claimed.includes(f))).toEqual([]);
    }
  });

  it("finds no MUST failure in a library imported from Hypothesis's own files, with an edit", async () => {
    const db = freshDb();
    const { rows } = apiBaseline();
    await applyImport(db, parseImport(JSON.stringify({ total: 5, rows: rows.map((r, i) => (i ? r : { ...r, updated: '2017-01-05T09:30:00.250000+00:00' })) })));
    const collection = exportAnnotations(await db.articles.toArray(), await db.highlights.toArray());
    const items = collection.first?.items ?? [];
    expect(items).toHaveLength(5);
    expect(items.filter((a) => a.modified)).toHaveLength(1);
    expect(failures(MUST_TESTS.collection, collection)).toEqual([]);
    expect(failures(MUST_TESTS.page, collection)).toEqual([]);
    for (const a of items) expect(failures(MUST_TESTS.annotation, standalone(collection, a))).toEqual([]);
  });

  it('exports an empty library as a valid empty collection, without a page', () => {
    const empty = exportAnnotations([], []);
    expect(empty).toMatchObject({ type: 'AnnotationCollection', total: 0 });
    expect(empty.first).toBeUndefined();
    expect(failures(MUST_TESTS.collection, empty)).toEqual([]);
  });

  it('the suite itself fails what the issue found: no ids, a stylesheet only on the collection', async () => {
    const { collection, items } = await richExport();
    const { id: _c, ...noId } = collection;
    expect(failures(MUST_TESTS.collection, noId).map((f) => f.assertion)).toContain('collections/5.1-collectionIdValidated.json');
    const { stylesheet: _s, ...unstyled } = items[0]!;
    expect(failures(MUST_TESTS.annotation, standalone(collection, unstyled)).map((f) => f.assertion)).toContain('annotations/specificResource/4.4-styleClassValidIfPresent.json');
  });
});

describe('what the schemas cannot see', () => {
  it('counts positions in code points: after two emoji, "Fusion" starts at 3, not 5', async () => {
    const { items, lib } = await richExport();
    const yellow = items.find((a) => a.id.endsWith(lib.ids.yellow))!;
    const position = yellow.target.selector.find((s) => s.type === 'TextPositionSelector');
    expect(RICH_TEXT.indexOf('Fusion')).toBe(5);
    expect(position).toEqual({ type: 'TextPositionSelector', start: 3, end: 3 + [...'Fusion à Zürich'].length });
    const pink = items.find((a) => a.id.endsWith(lib.ids.pink))!;
    const [start, end] = ((s) => [s.start, s.end])(pink.target.selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number });
    expect([...RICH_TEXT].slice(start, end).join('')).toBe('the price was steep 📈.');
  });

  it('ends a RangeSelector where the highlight ends: the end selector quotes the text after it', async () => {
    const { items, lib } = await richExport();
    for (const a of items) {
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const range = a.target.selector.find((s) => s.type === 'RangeSelector');
      if (!range || range.type !== 'RangeSelector' || quote.type !== 'TextQuoteSelector') continue;
      // Read by the model: from where the start's quote begins to where the end's quote begins.
      const from = RICH_TEXT.indexOf(`${range.startSelector.prefix ?? ''}${range.startSelector.exact}`) + (range.startSelector.prefix ?? '').length;
      const to = RICH_TEXT.indexOf(`${range.endSelector.prefix ?? ''}${range.endSelector.exact}`) + (range.endSelector.prefix ?? '').length;
      expect(RICH_TEXT.slice(from, to)).toBe(quote.exact);
    }
    // "the price was steep 📈." ends the text: no text follows it, so it has no RangeSelector.
    const pink = items.find((a) => a.id.endsWith(lib.ids.pink))!;
    expect(pink.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it('carries colours, edits, language, the article and leaves deleted records out', async () => {
    const { items, lib } = await richExport();
    expect(items.map((a) => a.target.styleClass).sort()).toEqual(['newsmark-blue', 'newsmark-green', 'newsmark-pink', 'newsmark-purple', 'newsmark-yellow']);
    expect(items.some((a) => a.id.endsWith(lib.deletedHighlightId))).toBe(false);
    expect(items.some((a) => a.target.source.id === 'https://other.example.org/gone')).toBe(false);
    const green = items.find((a) => a.id.endsWith(lib.ids.green))!;
    expect(green.modified).toBe(new Date(1_700_086_400_000).toISOString());
    expect(items.find((a) => a.id.endsWith(lib.ids.blue))!.modified).toBeUndefined();
    expect(green.body).toContainEqual({ type: 'TextualBody', value: 'C++', purpose: 'tagging', format: 'text/plain', language: 'en-GB' });
    expect(green.target.source).toEqual({
      id: 'https://news.example.com/2026/z%C3%BCrich-fusion', type: 'Text', format: 'text/html', language: 'de',
      'dcterms:title': 'Fusion: #deal for "Baltic Grid" — *largest* <b>ever</b> 🚀', 'dcterms:creator': 'Zoë Ørsted',
      'dcterms:publisher': 'Exämple News', 'dcterms:issued': '2026-11-24T08:00:00+01:00',
    });
  });
});
