// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { openDb } from '@/lib/db';
import {
  addHighlight, deleteHighlight, getArticleByUrl, isQuotaError, LibraryError, countArticlesNaming, listHighlights,
  saveArticle, StorageFullError, STORAGE_FULL_MESSAGE, undeleteHighlight, unsaveArticle, updateArticle, updateHighlight,
} from '@/lib/db/library';
import type { ArticleInput, HighlightRecord } from '@/lib/contracts/records';
import { describe as describeSpan } from '@/lib/anchoring';
import { compareHlc } from '@/lib/db/hlc';

const dbs: ReturnType<typeof openDb>[] = [];
function freshDb() {
  const db = openDb(`library-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

const TEXT = 'Shares of Acme Corp rose 4 percent on Tuesday after the company beat estimates. Globex reports next week.';
const INPUT: ArticleInput = {
  url: 'https://www.news.example/markets/acme?utm_source=newsletter',
  canonicalUrl: 'https://news.example/markets/acme',
  title: 'Acme beats estimates',
  byline: 'Dana Ruiz',
  publishedAt: '2024-05-07T10:00:00Z',
  text: TEXT,
  entities: [
    { type: 'company', start: 10, end: 19, text: 'Acme Corp', id: 'acme' },
    { type: 'percent', start: 25, end: 34, text: '4 percent', value: 4 },
    { type: 'company', start: 81, end: 87, text: 'Globex', id: 'globex' },
  ],
  tags: ['earnings'],
};

function selectorsFor(quote: string) {
  const start = TEXT.indexOf(quote);
  return describeSpan(TEXT, start, start + quote.length);
}

describe('saving articles', () => {
  it('saves metadata, text, entities with company ids, tags and the time saved', async () => {
    const db = freshDb();
    const saved = await saveArticle(db, INPUT, 1000);
    expect(saved).toMatchObject({
      url: INPUT.canonicalUrl, title: 'Acme beats estimates', byline: 'Dana Ruiz', text: TEXT, savedAt: 1000,
      companyIds: ['acme', 'globex'], tags: ['earnings'], note: '', deleted: false,
    });
    expect(await db.articles.get(saved.id)).toEqual(saved);
    expect(await countArticlesNaming(db, 'globex')).toBe(1);
  });

  it("finds a company's articles saved under an id it had before a gazetteer update (the hover card's count)", async () => {
    const db = freshDb();
    const before = { ...INPUT, entities: [{ type: 'company' as const, start: 10, end: 19, text: 'Acme Corp', id: 'abm-industries-inc-de' }] };
    const saved = await saveArticle(db, before, 1000);
    const after = await saveArticle(db, { ...INPUT, url: 'https://news.example/other', canonicalUrl: 'https://news.example/other', entities: [{ type: 'company', start: 10, end: 19, text: 'Acme Corp', id: 'abm-industries' }] }, 2000);
    expect(await countArticlesNaming(db, 'abm-industries')).toBe(2);
  });

  it('finds the same record under AMP, mobile and tracking-parameter URLs, and re-saving merges into it', async () => {
    const db = freshDb();
    const saved = await saveArticle(db, INPUT, 1000);
    for (const url of ['https://m.news.example/markets/acme', 'https://news.example/markets/acme/amp', 'https://news.example/markets/acme?fbclid=1']) {
      expect((await getArticleByUrl(db, url))?.id).toBe(saved.id);
    }
    const again = await saveArticle(db, { ...INPUT, url: 'https://amp.news.example/markets/acme', alternateUrls: ['https://news.example/short/123'], tags: ['acme'] }, 2000);
    expect(again.id).toBe(saved.id);
    expect(await db.articles.count()).toBe(1);
    expect(again.tags).toEqual(['earnings', 'acme']);
    expect(again.savedAt).toBe(1000);
    expect((await getArticleByUrl(db, 'https://news.example/short/123'))?.id).toBe(saved.id);
  });

  it('gives the same article the same id on every device', async () => {
    const a = await saveArticle(freshDb(), INPUT);
    const b = await saveArticle(freshDb(), { ...INPUT, url: 'https://news.example/markets/acme', canonicalUrl: undefined });
    expect(b.id).toBe(a.id);
  });

  it('unsaving leaves a tombstone and keeps note and highlights; saving again brings all back', async () => {
    const db = freshDb();
    const saved = await saveArticle(db, INPUT, 1000);
    await updateArticle(db, saved.id, { note: 'Read again before the call', tags: ['earnings', 'todo'] });
    const highlight = await addHighlight(db, { articleId: saved.id, colour: 'green', selectors: selectorsFor('rose 4 percent') });
    const gone = await unsaveArticle(db, saved.id, 2000);
    expect(gone.deleted).toBe(true);
    expect(await getArticleByUrl(db, INPUT.url)).toBeNull();
    const back = await saveArticle(db, INPUT, 3000);
    expect(back).toMatchObject({ id: saved.id, deleted: false, note: 'Read again before the call', tags: ['earnings', 'todo'], savedAt: 3000 });
    expect(await listHighlights(db, saved.id)).toEqual([highlight]);
  });

  it('refuses pages without an http(s) address or without text', async () => {
    const db = freshDb();
    await expect(saveArticle(db, { ...INPUT, url: 'about:blank', canonicalUrl: null })).rejects.toThrow(LibraryError);
    await expect(saveArticle(db, { ...INPUT, text: '  ' })).rejects.toThrow(LibraryError);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('highlights', () => {
  async function withArticle() {
    const db = freshDb();
    return { db, article: await saveArticle(db, INPUT, 1000) };
  }

  it('adds, edits, deletes and undeletes, stamping each changed field', async () => {
    const { db, article } = await withArticle();
    const added = await addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: selectorsFor('beat estimates') }, 2000);
    expect(added).toMatchObject({ quote: 'beat estimates', colour: 'yellow', note: '', tags: [], createdAt: 2000, deleted: false });
    const edited = await updateHighlight(db, added.id, { colour: 'pink', note: 'Why?' }, 3000);
    expect(edited).toMatchObject({ colour: 'pink', note: 'Why?' });
    expect(compareHlc(edited.updatedAt, added.updatedAt)).toBeGreaterThan(0);
    expect(edited.clocks.colour).toBe(edited.updatedAt);
    expect(edited.clocks.note).toBe(edited.updatedAt);
    expect(edited.clocks.tags).toBe(added.updatedAt);
    const deleted = await deleteHighlight(db, added.id, 4000);
    expect(deleted.deleted).toBe(true);
    expect(await listHighlights(db, article.id)).toEqual([]);
    expect(await db.highlights.get(added.id)).toEqual(deleted);
    const restored = await undeleteHighlight(db, added.id, 5000);
    expect(await listHighlights(db, article.id)).toEqual([restored]);
    expect(restored).toMatchObject({ colour: 'pink', note: 'Why?', deleted: false });
  });

  it('keeps markup in notes as plain text, verbatim', async () => {
    const { db, article } = await withArticle();
    const note = '<img src=x onerror=alert(1)> <b>bold?</b>';
    const added = await addHighlight(db, { articleId: article.id, colour: 'blue', selectors: selectorsFor('Globex'), note });
    expect((await db.highlights.get(added.id))?.note).toBe(note);
  });

  it('refuses empty selections, unknown colours, unknown articles and oversized notes', async () => {
    const { db, article } = await withArticle();
    const blank = [{ type: 'TextQuoteSelector' as const, exact: '   ', prefix: '', suffix: '' }];
    await expect(addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: blank })).rejects.toThrow('needs some selected text');
    await expect(addHighlight(db, { articleId: article.id, colour: 'red' as 'yellow', selectors: selectorsFor('Globex') })).rejects.toThrow('Unknown highlight colour');
    await expect(addHighlight(db, { articleId: 'a-missing', colour: 'yellow', selectors: selectorsFor('Globex') })).rejects.toThrow(LibraryError);
    await expect(addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: selectorsFor('Globex'), note: 'x'.repeat(100_001) })).rejects.toThrow('at most');
    await expect(updateHighlight(db, 'missing', { note: 'x' })).rejects.toThrow(LibraryError);
    expect(await db.highlights.count()).toBe(0);
  });

  it('lists thousands of highlights of one article in reading order', async () => {
    const { db, article } = await withArticle();
    const template = await addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: selectorsFor('Acme') });
    const many: HighlightRecord[] = Array.from({ length: 5000 }, (_, i) => ({
      ...template,
      id: `h-${i}`,
      selectors: [{ type: 'TextPositionSelector', start: 5000 - i, end: 5001 - i }, ...template.selectors.slice(0, 1)],
    }));
    await db.highlights.bulkAdd(many);
    const listed = await listHighlights(db, article.id);
    expect(listed).toHaveLength(5001);
    expect(listed[0]!.id).toBe('h-4999');
  });
});

describe('a full disk', () => {
  function quotaError(): DOMException {
    return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }

  it('becomes a StorageFullError and leaves nothing half-written', async () => {
    const db = freshDb();
    const article = await saveArticle(db, INPUT, 1000);
    const clockBefore = await db.meta.get('clock');
    // The clock write in `meta` succeeds first; the highlight write then hits the quota.
    const put = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'highlights') throw quotaError();
      return put.apply(this, args);
    });
    const attempt = addHighlight(db, { articleId: article.id, colour: 'yellow', selectors: selectorsFor('Globex') }, 2000);
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    await expect(attempt).rejects.toThrow(STORAGE_FULL_MESSAGE);
    vi.restoreAllMocks();
    expect(await db.highlights.count()).toBe(0);
    expect(await db.meta.get('clock')).toEqual(clockBefore);
  });

  it('is recognised in the forms Dexie wraps it in', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quotaError()))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('bulk', { 3: quotaError() } as unknown as Error[]))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
