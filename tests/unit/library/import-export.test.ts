import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportLibraryJson } from '@/lib/library/json-export';
import { exportAnnotations } from '@/lib/library/annotation-export';
import { parseImport } from '@/lib/library/import-parse';
import { applyImport } from '@/lib/library/import-apply';
import { checkImportSize, ImportError } from '@/lib/library/import-errors';
import type { NewsmarkDb } from '@/lib/db';
import { dump, freshDb, seedLibrary } from './seed';

async function exportOf(db: NewsmarkDb): Promise<string> {
  return exportLibraryJson(await db.articles.toArray(), await db.highlights.toArray(), new Date(0));
}

/** Imports `text` into `db`, expecting a refusal; answers its message after checking nothing changed. */
async function refused(db: NewsmarkDb, text: string): Promise<string> {
  const before = await dump(db);
  let message = '';
  try {
    await applyImport(db, parseImport(text));
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    message = (error as Error).message;
  }
  expect(message).not.toBe('');
  expect(await dump(db)).toEqual(before);
  return message;
}

afterEach(() => vi.restoreAllMocks());

describe('JSON export and import', () => {
  it('round-trips: a fresh library importing an export is identical, and re-importing changes nothing', async () => {
    const source = freshDb();
    await seedLibrary(source);
    const file = await exportOf(source);
    const target = freshDb();
    const first = await applyImport(target, parseImport(file));
    expect(first).toEqual({ format: 'newsmark', added: 5, updated: 0, unchanged: 0, skipped: 0, remarks: [] });
    expect(await dump(target)).toEqual(await dump(source));
    expect(await exportOf(target)).toBe(file);
    const again = await applyImport(source, parseImport(file));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 5 });
  });

  it('keeps the more recently changed copy of a record', async () => {
    const db = freshDb();
    const { articleIds } = await seedLibrary(db);
    const older = await exportOf(db);
    await db.articles.update(articleIds[1]!, { note: 'newer', updatedAt: '1999999999999-00000-zz' });
    expect(await applyImport(db, parseImport(older))).toMatchObject({ unchanged: 5 });
    expect((await db.articles.get(articleIds[1]!))!.note).toBe('newer');
  });

  it('keeps notes with markup as plain text', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const target = freshDb();
    await applyImport(target, parseImport(await exportOf(db)));
    const notes = (await target.articles.toArray()).map((a) => a.note);
    expect(notes).toContain('Check <script>alert(1)</script> the multiple\nlater');
  });

  it('writes in one transaction: a failure half-way leaves the library as it was', async () => {
    const source = freshDb();
    await seedLibrary(source);
    const file = await exportOf(source);
    const target = freshDb();
    await target.open();
    vi.spyOn(target.highlights, 'bulkPut').mockRejectedValue(new Error('disk on fire'));
    await expect(applyImport(target, parseImport(file))).rejects.toThrow('disk on fire');
    expect(await target.articles.count()).toBe(0);
  });
});

describe('refused imports change nothing and say why', () => {
  it('refuses a file that is not JSON', async () => {
    const db = freshDb();
    await seedLibrary(db);
    expect(await refused(db, '{"format": "newsmark-library", "version": 1, ')).toMatch(/not valid JSON/);
  });

  it('refuses a file from a newer Newsmark', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const file = JSON.parse(await exportOf(db)) as { version: number };
    file.version = 2;
    expect(await refused(db, JSON.stringify(file))).toMatch(/newer Newsmark \(library format 2\).*reads format 1/);
  });

  it('refuses files over the size limit before parsing them', async () => {
    expect(() => checkImportSize(100 * 1024 * 1024)).toThrow(/100 MB.*at most 40 MB/);
    const db = freshDb();
    await seedLibrary(db);
    expect(await refused(db, `[${' '.repeat(41 * 1024 * 1024)}]`)).toMatch(/at most 40 MB/);
  });

  it('refuses javascript: addresses and names the record', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const file = JSON.parse(await exportOf(db)) as { articles: { url: string }[] };
    file.articles[1]!.url = 'javascript:alert(document.cookie)';
    expect(await refused(db, JSON.stringify(file))).toMatch(/articles\[1\]\.url: "javascript:alert\(document\.cookie\)" is not an http\(s\) address/);
  });

  it('refuses records of the wrong shape, listing the first problems', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const file = JSON.parse(await exportOf(db)) as { highlights: Record<string, unknown>[] };
    file.highlights[0]!.colour = 'octarine';
    file.highlights[1]!.articleId = 'a-missing';
    file.highlights[2]!.selectors = [{ type: 'XPathSelector', value: '/html' }];
    const message = await refused(db, JSON.stringify(file));
    expect(message).toMatch(/highlights\[0\]\.colour: should be one of yellow/);
    expect(message).toMatch(/highlights\[2\]\.selectors: has no TextQuoteSelector/);
    expect(message).toMatch(/highlights\[1\]\.articleId: names an article that is not in the file/);
  });

  it('refuses unknown JSON', async () => {
    const db = freshDb();
    expect(await refused(db, '{"hello": "world"}')).toMatch(/does not recognise this file/);
    expect(await refused(db, 'null')).toMatch(/does not recognise/);
  });

  it('skips, counts and says so for a W3C annotation whose target is not an http(s) page, adding nothing', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const before = await dump(db);
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'x',
      target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'hi' } },
    };
    expect(await applyImport(db, parseImport(JSON.stringify(annotation)))).toEqual({
      format: 'w3c', added: 0, updated: 0, unchanged: 0, skipped: 1,
      remarks: ['1 annotation on a document that is not a web page (a local PDF or file) was left out'],
    });
    expect(await dump(db)).toEqual(before);
  });
});

describe('W3C Web Annotation', () => {
  it('exports a collection that imports back as the same highlights', async () => {
    const source = freshDb();
    const { highlightIds } = await seedLibrary(source);
    const collection = exportAnnotations(await source.articles.toArray(), await source.highlights.toArray());
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3 });
    const first = collection.first!.items.find((a) => a.id.endsWith(highlightIds[0]!))!;
    expect(first).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [{ type: 'TextualBody', value: 'expensive', purpose: 'commenting', format: 'text/markdown' }],
      target: { type: 'SpecificResource', source: { id: 'https://news.example.com/2026/nordwind-baltic', language: 'en' }, styleClass: 'newsmark-yellow' },
    });
    // Into a library that already has the articles: same ids, so nothing is added.
    expect(await applyImport(source, parseImport(JSON.stringify(collection)))).toMatchObject({ format: 'w3c', added: 0, unchanged: 3 });
    // Into an empty one: an article per page, highlights with their colours, notes and tags.
    const target = freshDb();
    expect(await applyImport(target, parseImport(JSON.stringify(collection)))).toMatchObject({ added: 5 });
    const imported = await target.highlights.toArray();
    const original = await source.highlights.toArray();
    const pick = (h: (typeof original)[number]) => ({ id: h.id, colour: h.colour, note: h.note, tags: h.tags, quote: h.quote, selectors: h.selectors });
    expect(imported.map(pick).sort((a, b) => a.id.localeCompare(b.id))).toEqual(original.map(pick).sort((a, b) => a.id.localeCompare(b.id)));
    expect((await target.articles.toArray()).map((a) => a.url).sort()).toEqual(['https://news.example.com/2026/nordwind-baltic', 'https://other.example.org/markets/chips']);
  });
});

describe('Hypothesis export', () => {
  const hypothesis = {
    export_date: '2026-01-02T03:04:05Z',
    export_userid: 'acct:reader@hypothes.is',
    client_version: '1.1500.0',
    annotations: [
      {
        id: 'AbC123xyz', created: '2025-12-01T10:00:00.000Z', updated: '2025-12-01T10:00:00.000Z', uri: 'https://paper.example.net/story',
        text: 'Good point <img src=x onerror=alert(1)>', tags: ['policy'], document: { title: ['A story'] },
        target: [{ source: 'https://paper.example.net/story', selector: [
          { type: 'RangeSelector', startContainer: '/div[1]/p[2]', startOffset: 0, endContainer: '/div[1]/p[2]', endOffset: 10 },
          { type: 'TextPositionSelector', start: 120, end: 134 },
          { type: 'TextQuoteSelector', exact: 'central claim', prefix: 'the ', suffix: ' of' },
        ] }],
      },
      { id: 'pagenote1', uri: 'https://paper.example.net/story', text: 'page note', tags: [], target: [{ source: 'https://paper.example.net/story' }] },
      { id: 'reply1', uri: 'https://paper.example.net/story', text: 'agree', references: ['AbC123xyz'], target: [{ source: 'https://paper.example.net/story' }] },
    ],
  };

  it('imports text annotations as highlights and skips page notes and replies', async () => {
    const db = freshDb();
    const summary = await applyImport(db, parseImport(JSON.stringify(hypothesis)));
    expect(summary).toEqual({
      format: 'hypothesis', added: 2, updated: 0, unchanged: 0, skipped: 2,
      remarks: ['1 annotation that quotes no text (a page note or an image region) was left out', '1 reply was left out'],
    });
    const [article] = await db.articles.toArray();
    expect(article).toMatchObject({ title: 'A story', url: 'https://paper.example.net/story', text: '' });
    const [highlight] = await db.highlights.toArray();
    expect(highlight).toMatchObject({ articleId: article!.id, quote: 'central claim', note: 'Good point <img src=x onerror=alert(1)>', tags: ['policy'] });
    // Its position counts over Hypothesis's text of the whole page, not the article's: not kept.
    expect(highlight!.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    expect(await applyImport(db, parseImport(JSON.stringify(hypothesis)))).toMatchObject({ added: 0, unchanged: 1 });
  });
});
