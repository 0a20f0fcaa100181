/** A small library in a fresh fake-indexeddb database, made through the real write functions. */
import { describe as describeSelectors } from '@/lib/anchoring';
import { openDb, type NewsmarkDb } from '@/lib/db';
import { addHighlight, saveArticle, updateArticle } from '@/lib/db/library';

let counter = 0;

/** A database of its own per call (fake-indexeddb keeps databases for the process). */
export function freshDb(): NewsmarkDb {
  return openDb(`library-test-${process.pid}-${++counter}`);
}

export const ARTICLE_TEXT =
  'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday.\n\nThe deal, the largest in the sector this year, values the grid operator at 11 times earnings. Analysts at Kestrel Bank said the price was steep.';

export async function seedLibrary(db: NewsmarkDb): Promise<{ articleIds: string[]; highlightIds: string[] }> {
  const a = await saveArticle(db, {
    url: 'https://news.example.com/2026/nordwind-baltic?utm_source=x',
    canonicalUrl: 'https://news.example.com/2026/nordwind-baltic',
    title: 'Nordwind buys "Baltic Grid"\nfor €2.4bn',
    byline: 'Ana Ruiz',
    publisher: 'Example News',
    publishedAt: '2026-11-24T08:00:00Z',
    language: 'en',
    text: ARTICLE_TEXT,
    entities: [{ type: 'company', start: 0, end: 15, text: 'Nordwind Energy', id: 'nordwind', name: 'Nordwind Energy', country: 'Denmark', industry: 'Utilities', website: 'nordwind.example' }],
    tags: ['energy', 'M&A'],
  }, 1_700_000_000_000);
  await updateArticle(db, a.id, { note: 'Check <script>alert(1)</script> the multiple\nlater' }, 1_700_000_000_500);
  const b = await saveArticle(db, {
    url: 'https://other.example.org/markets/chips',
    title: 'Chip makers rally',
    text: 'Shares of Tessel Semiconductor rose 12% after results. The company raised guidance.',
    tags: ['chips'],
  }, 1_700_000_100_000);
  const quote = (text: string, exact: string) => {
    const start = text.indexOf(exact);
    return describeSelectors(text, start, start + exact.length);
  };
  const h1 = await addHighlight(db, { articleId: a.id, colour: 'yellow', selectors: quote(ARTICLE_TEXT, 'values the grid operator at 11 times earnings'), note: 'expensive' }, 1_700_000_001_000);
  const h2 = await addHighlight(db, { articleId: a.id, colour: 'green', selectors: quote(ARTICLE_TEXT, 'the price was steep'), tags: ['valuation'] }, 1_700_000_002_000);
  const h3 = await addHighlight(db, { articleId: b.id, colour: 'blue', selectors: quote('Shares of Tessel Semiconductor rose 12% after results. The company raised guidance.', 'raised guidance'), note: 'javascript:alert(1)' }, 1_700_000_101_000);
  return { articleIds: [a.id, b.id], highlightIds: [h1.id, h2.id, h3.id] };
}

/** Every record, sorted, as plain data: two libraries are identical when these are equal. */
export async function dump(db: NewsmarkDb): Promise<unknown> {
  const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
  return { articles: (await db.articles.toArray()).sort(byId), highlights: (await db.highlights.toArray()).sort(byId) };
}
