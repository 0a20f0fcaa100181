import { describe, expect, it } from 'vitest';
import { exportAnnotations } from '@/lib/library/annotation-export';
import { applyImport, previewImport } from '@/lib/library/import-apply';
import { updateHighlight } from '@/lib/db/library';
import { ImportError } from '@/lib/library/import-errors';
import { parseImport } from '@/lib/library/import-parse';
import { exportLibraryJson } from '@/lib/library/json-export';
import type { NewsmarkDb } from '@/lib/db';
import { dump, freshDb, seedLibrary } from './seed';
import { seedRichLibrary } from './rich-seed';
import { apiBaseline, clientExport, jsonLd, type HypothesisRow } from './hypothesis-shapes';

const importInto = async (db: NewsmarkDb, value: unknown) => applyImport(db, parseImport(typeof value === 'string' ? value : JSON.stringify(value)));
const w3cOf = async (db: NewsmarkDb) => exportAnnotations(await db.articles.toArray(), await db.highlights.toArray(), { bodyLanguage: 'en' });

async function refusal(db: NewsmarkDb, text: string): Promise<string> {
  const before = await dump(db);
  const error = await (async () => applyImport(db, parseImport(text)))().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect(await dump(db)).toEqual(before);
  return (error as Error).message;
}

const PAGE = 'https://paper.example.net/story';
const QUOTE = { type: 'TextQuoteSelector', exact: 'central claim', prefix: 'the ', suffix: ' of' };

/** The same five annotations as Hypothesis's API answers them (the client's test baselines' shape)… */
const hypothesisApi = {
  total: 5,
  rows: [
    { id: 'h1', created: '2025-12-01T10:00:00.000000+00:00', updated: '2025-12-02T10:00:00.000000+00:00', uri: PAGE, text: 'A **Markdown** note', tags: ['policy', 'M&A'],
      document: { title: ['A story, as a list'] }, target: [{ source: PAGE, selector: [
        { type: 'RangeSelector', startContainer: '/div[1]/p[2]', startOffset: 4, endContainer: '/div[1]/p[2]', endOffset: 17 },
        { type: 'TextPositionSelector', start: 120, end: 133 }, QUOTE] }] },
    { id: 'h2', created: '2025-12-01T11:00:00.000000+00:00', uri: 'urn:x-pdf:6c2fa7aa8c2d4bd3', text: 'on a local PDF', tags: [],
      document: { title: 'paper.pdf' }, target: [{ source: 'urn:x-pdf:6c2fa7aa8c2d4bd3', selector: [{ type: 'TextQuoteSelector', exact: 'in the pdf' }] }] },
    { id: 'h3', created: '2025-12-01T12:00:00.000000+00:00', uri: PAGE, text: 'a page note', tags: [], document: { title: ['A story, as a list'] }, target: [{ source: PAGE }] },
    { id: 'h4', created: '2025-12-01T13:00:00.000000+00:00', uri: PAGE, text: 'I agree', tags: [], references: ['h1'], target: [{ source: PAGE }] },
    { id: 'h5', created: '2025-12-01T14:00:00.000000+00:00', uri: 'https://blog.example.org/post', text: '', tags: [],
      document: { title: 'A title as one string' }, target: [{ source: 'https://blog.example.org/post', selector: [{ type: 'TextQuoteSelector', exact: 'second passage', prefix: 'a ', suffix: '.' }] }] },
  ],
};

/** …and as its JSON-LD of the same annotations. */
const hypothesisJsonLd = hypothesisApi.rows.map((row) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  id: `https://hypothes.is/a/${row.id}`,
  created: row.created.replace('.000000+00:00', 'Z'),
  creator: 'acct:reader@hypothes.is',
  body: [
    ...(row.text ? [{ type: 'TextualBody', value: row.text, format: 'text/markdown' }] : []),
    ...row.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ],
  target: row.target,
}));

describe('Hypothesis', () => {
  it('imports every web annotation of its API answer, skips the PDF, page note and reply with a count and a reason', async () => {
    const db = freshDb();
    const summary = await importInto(db, hypothesisApi);
    expect(summary).toEqual({
      format: 'hypothesis', added: 4, updated: 0, unchanged: 0, skipped: 3,
      remarks: [
        '1 annotation on a document that is not a web page (a local PDF or file) was left out',
        '1 annotation that quotes no text (a page note or an image region) was left out',
        '1 reply was left out',
      ],
    });
    const titles = (await db.articles.toArray()).map((a) => a.title).sort();
    expect(titles).toEqual(['A story, as a list', 'A title as one string']);
    const notes = (await db.highlights.toArray()).map((h) => h.note).sort();
    expect(notes).toEqual(['', 'A **Markdown** note']);
  });

  it('takes the client export shape of the same rows as the same highlights', async () => {
    const db = freshDb();
    await importInto(db, hypothesisApi);
    const clientExport = { export_date: '2026-01-02T03:04:05Z', export_userid: 'acct:reader@hypothes.is', client_version: '1.1500.0', annotations: hypothesisApi.rows };
    expect(await importInto(db, clientExport)).toMatchObject({ added: 0, unchanged: 2, skipped: 3 });
  });

  it('imports its JSON and its JSON-LD of the same annotations as one highlight each', async () => {
    const db = freshDb();
    await importInto(db, hypothesisApi);
    expect(await importInto(db, hypothesisJsonLd)).toMatchObject({ format: 'w3c', added: 0, unchanged: 2, skipped: 3 });
    expect(await db.highlights.count()).toBe(2);
    const other = freshDb();
    await importInto(other, hypothesisJsonLd);
    expect((await other.highlights.toArray()).map((h) => h.id).sort()).toEqual((await db.highlights.toArray()).map((h) => h.id).sort());
  });
});

describe("Hypothesis's own files: its client's baseline of an API answer, the client export and the JSON-LD of the same rows", () => {
  const NOW = 1_800_000_000_000;
  const WIKI = 'https://en.wikipedia.org/wiki/Regression_testing';
  /** Records without their change stamps, which name the device that imported them. */
  const unstamped = async (db: NewsmarkDb) => {
    const { articles, highlights } = (await dump(db)) as { articles: Record<string, unknown>[]; highlights: Record<string, unknown>[] };
    const strip = ({ updatedAt: _u, clocks: _c, ...rest }: Record<string, unknown>) => rest;
    return { articles: articles.map(strip), highlights: highlights.map(strip) };
  };

  it('imports every annotation of the API answer onto its article, titled as the answer says', async () => {
    const db = freshDb();
    const { rows } = apiBaseline();
    expect(await applyImport(db, parseImport(JSON.stringify(apiBaseline())), NOW)).toEqual({ format: 'hypothesis', added: 6, updated: 0, unchanged: 0, skipped: 0, remarks: [] });
    const [article, ...others] = await db.articles.toArray();
    expect(others).toEqual([]);
    expect(article).toMatchObject({ url: WIKI, title: 'Regression testing - Wikipedia', text: '', savedAt: NOW });
    const highlights = await db.highlights.toArray();
    const quoteOf = (row: HypothesisRow) => row.target[0]!.selector!.find((s) => s.type === 'TextQuoteSelector')!.exact;
    expect(highlights.map((h) => [h.note, h.quote, h.createdAt]).sort()).toEqual(
      rows.map((row) => [row.text, quoteOf(row), Date.parse(row.created.slice(0, 23) + 'Z') + (Number(row.created.slice(23, 26)) >= 500 ? 1 : 0)]).sort(),
    );
    // Never edited (updated is created): no modified time.
    expect(highlights.every((h) => h.modifiedAt === undefined && h.articleId === article!.id)).toBe(true);
  });

  it("reads the client's JSON export and the JSON-LD of the same rows as the same highlights", async () => {
    const { rows } = apiBaseline();
    const fromApi = freshDb();
    await applyImport(fromApi, parseImport(JSON.stringify(apiBaseline())), NOW);
    expect(await importInto(fromApi, clientExport(rows))).toMatchObject({ format: 'hypothesis', added: 0, unchanged: 5, skipped: 0 });
    expect(await importInto(fromApi, rows.map(jsonLd))).toMatchObject({ format: 'w3c', added: 0, unchanged: 5, skipped: 0 });
    expect((await fromApi.articles.toArray())[0]!.title).toBe('Regression testing - Wikipedia');
    const expected = await unstamped(fromApi);
    const fromExport = freshDb();
    await applyImport(fromExport, parseImport(JSON.stringify(clientExport(rows))), NOW);
    expect(await unstamped(fromExport)).toEqual(expected);
    // The JSON-LD names no document title: the same article, named by its address.
    const fromJsonLd = freshDb();
    await applyImport(fromJsonLd, parseImport(JSON.stringify(rows.map(jsonLd))), NOW);
    expect(await unstamped(fromJsonLd)).toEqual({ ...expected, articles: expected.articles.map((a) => ({ ...a, title: WIKI })) });
  });

  it("keeps an edit's time from either shape, and reads a range across elements as no selector of ours", async () => {
    const [first] = apiBaseline().rows;
    const edited: HypothesisRow = { ...first!, updated: '2017-01-05T09:30:00.250000+00:00', text: 'Footer, edited' };
    const across = { type: 'RangeSelector', startContainer: '/div[5]/ul[1]/li[1]', startOffset: 32, endContainer: '/div[5]/ul[1]/li[2]', endOffset: 3 };
    const spanning: HypothesisRow = { ...edited, target: [{ ...edited.target[0], selector: [across, ...edited.target[0]!.selector!.slice(1)] }] };
    for (const file of [{ total: 1, rows: [edited] }, [jsonLd(spanning)]]) {
      const db = freshDb();
      await importInto(db, file);
      const [h] = await db.highlights.toArray();
      expect(h!.modifiedAt).toBe(Date.UTC(2017, 0, 5, 9, 30, 0, 250));
      // The XPath range is dropped, and the position too: it counts over Hypothesis's text of the page.
      expect(h!.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector']);
      expect((await w3cOf(db)).first!.items[0]!.modified).toBe('2017-01-05T09:30:00.250Z');
    }
  });
});

describe('W3C Web Annotation in', () => {
  const annotation = (extra: Record<string, unknown>, target: Record<string, unknown> = {}) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'https://annotations.example/1', created: '2026-01-02T03:04:05Z',
    target: { source: PAGE, selector: QUOTE, ...target }, ...extra,
  });

  it('reads bodyValue as the note and an HTML body as the text it shows', async () => {
    const db = freshDb();
    await importInto(db, [
      annotation({ bodyValue: 'plain words' }),
      annotation({ id: 'https://annotations.example/2', created: '2026-01-03T00:00:00Z', body: { type: 'TextualBody', format: 'text/html', value: '<p>One &amp; <b>two</b></p><ul><li>three</li></ul><script>alert(1)</script>' } }),
    ]);
    expect((await db.highlights.toArray()).map((h) => h.note).sort()).toEqual(['One & two\n\n- three', 'plain words']);
  });

  it('counts an annotation of a whole page (its target the address, or the page itself) as quoting no text, not as off the web', async () => {
    const db = freshDb();
    const summary = await importInto(db, [
      annotation({ target: PAGE }),
      annotation({ target: { id: PAGE, type: 'Text' } }),
      annotation({ target: 'urn:x-pdf:6c2fa7aa8c2d4bd3' }),
    ]);
    expect(summary).toMatchObject({ added: 0, skipped: 3, remarks: [
      '1 annotation on a document that is not a web page (a local PDF or file) was left out',
      '2 annotations that quote no text (page notes or image regions) were left out',
    ] });
  });

  it('reads a text quote that refines a fragment selector', async () => {
    const db = freshDb();
    const refined = annotation({}, { selector: { type: 'FragmentSelector', value: 'para5', refinedBy: QUOTE } });
    expect(await importInto(db, refined)).toMatchObject({ added: 2, skipped: 0 });
    expect((await db.highlights.toArray())[0]!.quote).toBe('central claim');
  });

  it('reads a RangeSelector with the model\'s exclusive end, and drops one that disagrees with the quote', async () => {
    const db = freshDb();
    const range = { type: 'RangeSelector', startSelector: { type: 'TextQuoteSelector', exact: 'central', prefix: 'the ' }, endSelector: { type: 'TextQuoteSelector', exact: ' of the', prefix: 'the central claim' } };
    const wrong = { ...range, endSelector: { type: 'TextQuoteSelector', exact: 'claim' } };
    await importInto(db, [
      annotation({}, { selector: [QUOTE, range] }),
      annotation({ id: 'https://annotations.example/2', created: '2026-01-03T00:00:00Z' }, { selector: [QUOTE, wrong] }),
    ]);
    const [kept, dropped] = (await db.highlights.toArray()).sort((a, b) => a.createdAt - b.createdAt);
    expect(kept!.selectors[1]).toEqual({
      type: 'RangeSelector',
      startSelector: { type: 'TextQuoteSelector', exact: 'central', prefix: 'the ', suffix: '' },
      endSelector: { type: 'TextQuoteSelector', exact: 'central claim', prefix: 'the ', suffix: ' of the' },
    });
    expect(dropped!.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });

  it('reads dates in any ISO 8601 form as the same instant, and a missing one as the import time', async () => {
    const forms = ['2026-01-02T04:04:05+01:00', '2026-01-02T03:04:05.000Z', '20260102T030405Z', '2026-01-02 03:04:05Z', '2026-01-02T00:04:05-0300'];
    for (const created of forms) {
      const db = freshDb();
      await importInto(db, annotation({ created }));
      expect((await db.highlights.toArray())[0]!.createdAt, created).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
    }
    const db = freshDb();
    const { created: _c, ...undated } = annotation({});
    await applyImport(db, parseImport(JSON.stringify(undated)), 1_800_000_000_000);
    expect((await db.highlights.toArray())[0]!.createdAt).toBe(1_800_000_000_000);
  });

  it('round-trips a realistic library: W3C → empty library → W3C keeps ids, colours, notes, tags, quotes, selectors and the article', async () => {
    const source = freshDb();
    await seedRichLibrary(source);
    const first = await w3cOf(source);
    const target = freshDb();
    expect(await importInto(target, first)).toMatchObject({ added: 6, skipped: 0 });
    const again = await w3cOf(target);
    // The edited highlight's `modified` too, though the import is not an edit.
    expect(first.first!.items.filter((a) => a.modified)).toHaveLength(1);
    expect(again).toEqual(first);
    const [article] = await target.articles.toArray();
    expect(article).toMatchObject({ title: 'Fusion: #deal for "Baltic Grid" — *largest* <b>ever</b> 🚀', byline: 'Zoë Ørsted', publisher: 'Exämple News', publishedAt: '2026-11-24T08:00:00+01:00', language: 'de' });
  });

  it('maps code-point positions onto the saved text of an article the library has', async () => {
    const source = freshDb();
    const lib = await seedRichLibrary(source);
    const file = await w3cOf(source);
    const target = freshDb();
    await importInto(target, exportLibraryJson((await source.articles.toArray()), [], new Date(0)));
    await importInto(target, file);
    // After two emoji: UTF-16 offsets again, as the library counts them.
    expect((await target.highlights.get(lib.ids.yellow))!.selectors).toEqual((await source.highlights.get(lib.ids.yellow))!.selectors);
    const position = (id: string) => async (db: NewsmarkDb) => (await db.highlights.get(id))!.selectors.find((s) => s.type === 'TextPositionSelector');
    expect(await position(lib.ids.pink)(target)).toEqual(await position(lib.ids.pink)(source));
  });
});

describe('Newsmark JSON', () => {
  it('round-trips a realistic library byte for byte', async () => {
    const source = freshDb();
    await seedRichLibrary(source);
    const file = exportLibraryJson(await source.articles.toArray(), await source.highlights.toArray(), new Date(0));
    const target = freshDb();
    await importInto(target, file);
    expect(exportLibraryJson(await target.articles.toArray(), await target.highlights.toArray(), new Date(0))).toBe(file);
  });

  it('round-trips highlights imported from another tool, with the edit time their file gave', async () => {
    const source = freshDb();
    await seedRichLibrary(source);
    const imported = freshDb();
    await importInto(imported, await w3cOf(source));
    const file = exportLibraryJson(await imported.articles.toArray(), await imported.highlights.toArray(), new Date(0));
    expect(file).toContain('"modifiedAt": ');
    const target = freshDb();
    await importInto(target, file);
    expect(exportLibraryJson(await target.articles.toArray(), await target.highlights.toArray(), new Date(0))).toBe(file);
    expect(await w3cOf(target)).toEqual(await w3cOf(source));
  });
});

describe('an import previewed: what it would do, with nothing written', () => {
  const clockOf = async (db: NewsmarkDb) => (await db.meta.get('clock'))?.value;

  it('counts the records of the reader a newer file would replace, the records it would add, and writes none', async () => {
    const source = freshDb();
    const { highlightIds } = await seedLibrary(source);
    const target = freshDb();
    await importInto(target, exportLibraryJson(await source.articles.toArray(), await source.highlights.toArray()));
    await updateHighlight(source, highlightIds[0]!, { note: 'edited on the other device' }, 1_900_000_000_000);
    await seedRichLibrary(source);
    const file = parseImport(exportLibraryJson(await source.articles.toArray(), await source.highlights.toArray()));
    const [before, clock] = [await dump(target), await clockOf(target)];
    const preview = await previewImport(target, file);
    expect(preview).toEqual({ format: 'newsmark', added: 9, updated: 1, unchanged: 4, skipped: 0, remarks: [] });
    expect([await dump(target), await clockOf(target)]).toEqual([before, clock]);
    expect(await applyImport(target, file)).toEqual(preview);
    expect((await target.highlights.get(highlightIds[0]!))!.note).toBe('edited on the other device');
  });

  it("says what another tool's file would add and leave out, and refuses as the import would", async () => {
    const db = freshDb();
    await seedLibrary(db);
    const before = await dump(db);
    const preview = await previewImport(db, parseImport(JSON.stringify(apiBaseline())));
    expect(preview).toMatchObject({ format: 'hypothesis', added: 6, skipped: 0 });
    expect(await dump(db)).toEqual(before);
    const colliding = JSON.stringify({ type: 'Annotation', id: `urn:newsmark:highlight:${(await db.highlights.toArray())[0]!.id}`, target: { source: PAGE, selector: QUOTE } });
    await expect(previewImport(db, parseImport(colliding))).rejects.toThrow(/of a highlight your library keeps on another article/);
    expect(await dump(db)).toEqual(before);
  });
});

describe('bad input changes nothing and says why', () => {
  it('reads a file that starts with a byte-order mark', async () => {
    const db = freshDb();
    expect(await importInto(db, `\uFEFF${JSON.stringify(hypothesisApi)}`)).toMatchObject({ added: 4 });
  });

  it('refuses JSON that names a key twice in one object', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const text = '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "x", "body": {"type": "TextualBody", "value": "a", "value": "b"}, "target": "https://x.example/"}';
    expect(await refusal(db, text)).toMatch(/names the key "value" twice in one object/);
    // Escapes name the same key: "\u0061" is "a".
    expect(await refusal(db, '{"format": "newsmark-library", "\\u0066ormat": 1}')).toMatch(/names the key "format" twice/);
  });

  it('refuses a date that is not ISO 8601, naming the annotation', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const text = JSON.stringify({ type: 'Annotation', id: 'x', created: 'last Tuesday', target: { source: PAGE, selector: QUOTE } });
    expect(await refusal(db, text)).toMatch(/annotation 1 created: "last Tuesday" is not an ISO 8601 date/);
    const modified = JSON.stringify({ type: 'Annotation', id: 'x', created: '2026-01-02', modified: '2026-13-01', target: { source: PAGE, selector: QUOTE } });
    expect(await refusal(db, modified)).toMatch(/annotation 1 modified: "2026-13-01" is not an ISO 8601 date/);
  });

  it('refuses an id that names a highlight on another article', async () => {
    const db = freshDb();
    const { highlightIds } = await seedLibrary(db);
    const text = JSON.stringify({ type: 'Annotation', id: `urn:newsmark:highlight:${highlightIds[0]}`, target: { source: PAGE, selector: QUOTE } });
    expect(await refusal(db, text)).toMatch(/annotation 1 has the id ".*" of a highlight your library keeps on another article \("values the grid operator/);
  });

  it('refuses a Newsmark file whose ids name other records of the library: an article at another address, a highlight on another article', async () => {
    const db = freshDb();
    const { articleIds, highlightIds } = await seedLibrary(db);
    const file = JSON.parse(exportLibraryJson(await db.articles.toArray(), await db.highlights.toArray(), new Date(0))) as { articles: Record<string, unknown>[]; highlights: Record<string, unknown>[] };
    const moved = { ...file, articles: file.articles.map((a) => (a.id === articleIds[1] ? { ...a, url: 'https://elsewhere.example/chips', urls: [] } : a)) };
    expect(await refusal(db, JSON.stringify(moved))).toMatch(
      /articles\[\d\] has the id ".*" of an article your library keeps at another address \(https:\/\/other.example.org\/markets\/chips\), but is at https:\/\/elsewhere.example\/chips/,
    );
    const swapped = { ...file, highlights: file.highlights.map((h) => (h.id === highlightIds[0] ? { ...h, articleId: articleIds[1] } : h)) };
    expect(await refusal(db, JSON.stringify(swapped))).toMatch(/highlights\[\d\] has the id ".*" of a highlight your library keeps on another article \("values the grid operator/);
  });

  it('leaves out, and says so, a position of its own export that points past the saved text', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const text = JSON.stringify({ type: 'Annotation', id: 'urn:newsmark:highlight:from-elsewhere', target: { source: 'https://other.example.org/markets/chips', selector: [{ type: 'TextPositionSelector', start: 5000, end: 5010 }, { ...QUOTE, exact: 'raised guidance' }] } });
    const summary = await importInto(db, text);
    expect(summary.remarks).toEqual(['1 position points past the saved text of its article and was left out; the quoted text places that highlight']);
    expect((await db.highlights.get('from-elsewhere'))!.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });

  it("keeps no position of another tool's annotation: it counts over that tool's text of the page", async () => {
    const db = freshDb();
    await seedLibrary(db);
    const text = JSON.stringify({ type: 'Annotation', id: 'https://annotations.example/9', target: { source: 'https://other.example.org/markets/chips', selector: [{ type: 'TextPositionSelector', start: 3, end: 18 }, { ...QUOTE, exact: 'raised guidance' }] } });
    expect((await importInto(db, text)).remarks).toEqual([]);
    const added = (await db.highlights.toArray()).find((h) => h.id.startsWith('ext-'))!;
    expect(added.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });

  it("says why Readwise's CSV export cannot be imported: it names no page address", async () => {
    const db = freshDb();
    await seedLibrary(db);
    const csv = 'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags\n"The deal values the grid operator at 11 times earnings",Nordwind buys Baltic Grid,Ana Ruiz,,expensive,yellow,,offset,120,2026-11-24 09:00:00+00:00,\n';
    expect(await refusal(db, csv)).toMatch(/This is Readwise's CSV export\. It names the book or article of each highlight but no web address/);
  });

  it('refuses a 50 MB file before reading it', async () => {
    const db = freshDb();
    expect(await refusal(db, `[${' '.repeat(50 * 1024 * 1024)}]`)).toMatch(/at most 40 MB/);
  });
});
