import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import type { Selector } from '@/lib/contracts/selectors';
import { openDb, type NewsmarkDb } from '@/lib/db';
import type { HighlightRecord } from '@/lib/contracts/records';
import { recognize } from '@/lib/entities';
import { PageHighlights, type LibrarySend } from '@/lib/highlights/page-highlights';
import { libraryHandlers } from '@/entrypoints/background/handlers/library';
import type { Handler, MessageName } from '@/lib/messaging';
import { articleHtml, fakeHighlightApi, loadPage, PARAGRAPHS, type FakeApi } from './support';

const URL_NOW = 'https://news.example/acme?utm_source=feed';
const dbs: NewsmarkDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

/** The background's real library handlers over a fresh in-memory database, with a log of the messages sent. */
function library(): { db: NewsmarkDb; send: LibrarySend; sent: MessageName[] } {
  const db = openDb(`highlights-${crypto.randomUUID()}`);
  dbs.push(db);
  const handlers = libraryHandlers(db);
  const sent: MessageName[] = [];
  const send = ((type: MessageName, data: unknown) => {
    sent.push(type);
    return Promise.resolve((handlers[type] as Handler<MessageName>)(data as never, {}));
  }) as LibrarySend;
  return { db, send, sent };
}

function openPage(send: LibrarySend, paragraphs: readonly string[] = PARAGRAPHS): { page: PageHighlights; api: FakeApi; doc: Document } {
  const doc = loadPage(articleHtml(paragraphs));
  const api = fakeHighlightApi();
  const page = new PageHighlights(doc, api, { send, recognize: async (text) => recognize(text), location: () => ({ url: URL_NOW, title: doc.title }) });
  return { page, api, doc };
}

async function ready(page: PageHighlights, doc: Document): Promise<string> {
  const analysis = analyzeArticle(doc);
  await page.onArticle(analysis);
  return analysis.map.text;
}

function spanOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}"`);
  return { start, end: start + quote.length };
}

/** Selectors as `describe` makes them for unique words, without its uniqueness scan (slow for 10,000). */
function selectorsAt(text: string, start: number, end: number): Selector[] {
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    { type: 'TextPositionSelector', start, end },
  ];
}

describe('PageHighlights', () => {
  it('saves an unsaved article (metadata, text, company ids) before its first highlight, and draws it in its colour', async () => {
    const { db, send } = library();
    const { page, api, doc } = openPage(send);
    const text = await ready(page, doc);
    expect(page.report().articleId).toBeNull();

    const record = await page.create(spanOf(text, 'sales in Europe grew'), 'green');
    const article = (await db.articles.toArray())[0]!;
    expect(article).toMatchObject({ url: 'https://news.example/acme', title: 'Acme rises', text, language: 'en' });
    expect(article.entities.some((e) => e.type === 'company')).toBe(true);
    expect(record).toMatchObject({ articleId: article.id, colour: 'green', quote: 'sales in Europe grew' });
    expect(api.texts('newsmark-hl-green')).toEqual(['sales in Europe grew']);
    expect(page.report()).toEqual({ articleId: article.id, anchored: 1, orphans: [] });
  });

  it('on a revisit re-anchors saved highlights in the changed page; what it cannot place is listed, never drawn', async () => {
    const { send } = library();
    const first = openPage(send);
    const text = await ready(first.page, first.doc);
    await first.page.create(spanOf(text, 'Dana Ruiz told analysts'), 'yellow');
    const gone = await first.page.create(spanOf(text, 'supply shortages could weigh'), 'pink');

    // The publisher inserted a paragraph and rewrote the last one.
    const changed = ['Editor’s note: this story was updated.', ...PARAGRAPHS.slice(0, 3), 'Globex declined to comment on its results.'];
    const revisit = openPage(send, changed);
    await ready(revisit.page, revisit.doc);
    expect(revisit.api.texts('newsmark-hl-yellow')).toEqual(['Dana Ruiz told analysts']);
    expect(revisit.api.registry.has('newsmark-hl-pink')).toBe(false);
    const report = revisit.page.report();
    expect(report.anchored).toBe(1);
    expect(report.orphans.map((o) => o.id)).toEqual([gone.id]);
  });

  it('saves fresh selectors for a highlight found only approximately, so the next visit finds it exactly', async () => {
    const { db, send } = library();
    const first = openPage(send);
    const text = await ready(first.page, first.doc);
    const { id } = await first.page.create(spanOf(text, 'Chief executive Dana Ruiz told analysts on a call'), 'yellow');

    // The publisher corrected a word inside the passage.
    const corrected = PARAGRAPHS.map((p) => p.replace('told analysts on a call', 'told analysts in a call'));
    const revisit = openPage(send, corrected);
    await ready(revisit.page, revisit.doc);
    expect(revisit.api.texts('newsmark-hl-yellow')).toEqual(['Chief executive Dana Ruiz told analysts in a call']);
    await vi.waitFor(async () => {
      const quote = (await db.highlights.get(id))!.selectors.find((s) => s.type === 'TextQuoteSelector');
      expect(quote && 'exact' in quote ? quote.exact : '').toBe('Chief executive Dana Ruiz told analysts in a call');
    });
  });

  it('re-anchors when late content changes the article text', async () => {
    const { send } = library();
    const { page, api, doc } = openPage(send);
    const text = await ready(page, doc);
    await page.create(spanOf(text, 'keep investing in new factories'), 'blue');
    const late = doc.createElement('p');
    late.textContent = 'A paragraph that loaded late, above the rest of the story, pushing every offset down.';
    doc.getElementById('body')!.prepend(late);
    const after = await ready(page, doc);
    expect(api.texts('newsmark-hl-blue')).toEqual(['keep investing in new factories']);
    const id = page.layer.idAt(after.indexOf('keep investing'));
    expect(id && page.layer.rangeOf(id)?.toString()).toBe('keep investing in new factories');
  });

  it('changes colour, note and tags; a note with markup stays text', async () => {
    const { send } = library();
    const { page, api, doc } = openPage(send);
    const text = await ready(page, doc);
    const { id } = await page.create(spanOf(text, 'Rival Globex'), 'yellow');
    const note = '<img src=x onerror="alert(1)"><b>bold?</b>';
    const updated = await page.update(id, { colour: 'purple', note, tags: ['rivals', ' Rivals '] });
    expect(updated).toMatchObject({ colour: 'purple', note, tags: ['rivals'] });
    expect(api.texts('newsmark-hl-purple')).toEqual(['Rival Globex']);
    expect(api.registry.has('newsmark-hl-yellow')).toBe(false);
    expect(doc.querySelector('img')).toBeNull();
  });

  it('deletes a highlight and brings it back on undo', async () => {
    const { db, send } = library();
    const { page, api, doc } = openPage(send);
    const text = await ready(page, doc);
    const { id } = await page.create(spanOf(text, 'beat analyst estimates'), 'yellow');
    await page.remove(id);
    expect(api.registry.has('newsmark-hl-yellow')).toBe(false);
    expect((await db.highlights.get(id))?.deleted).toBe(true);
    await page.restore(id);
    expect(api.texts('newsmark-hl-yellow')).toEqual(['beat analyst estimates']);
    expect((await db.highlights.get(id))?.deleted).toBe(false);
  });

  it('refuses to highlight where there is no article text', async () => {
    const { send } = library();
    const { page } = openPage(send);
    await page.onArticle(null);
    expect(page.canHighlight).toBe(false);
    await expect(page.create({ start: 0, end: 5 }, 'yellow')).rejects.toThrow(/no article text/);
  });

  it('lists 10,000 highlights of one page in one call and paints them in one registry write per colour', async () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i.toString(36)}`);
    const paragraphs = Array.from({ length: 100 }, (_, p) => words.slice(p * 100, p * 100 + 100).join(' ') + '.');
    const { db, send, sent } = library();
    const first = openPage(send, paragraphs);
    const text = await ready(first.page, first.doc);
    const article = await first.page.save();
    const colours = ['yellow', 'green', 'blue', 'pink'] as const;
    let from = 0;
    const records: HighlightRecord[] = words.map((word, i) => {
      const at = (from = text.indexOf(word, from));
      return {
        id: `h${i}`, articleId: article.id, colour: colours[i % 4]!, note: '', tags: [], quote: word, createdAt: i, deleted: false,
        selectors: selectorsAt(text, at, at + word.length), updatedAt: '0', clocks: {},
      };
    });
    await db.highlights.bulkPut(records);

    sent.length = 0;
    const revisit = openPage(send, paragraphs);
    await ready(revisit.page, revisit.doc);
    expect(sent.filter((m) => m === 'listHighlights')).toHaveLength(1);
    expect(revisit.page.report()).toMatchObject({ anchored: 10_000, orphans: [] });
    expect(revisit.api.writes()).toBe(4);
    expect(revisit.api.texts('newsmark-hl-green')).toHaveLength(2500);
    expect(revisit.api.texts('newsmark-hl-yellow')[1]).toBe(words[4]);
  });
});
