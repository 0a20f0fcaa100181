/**
 * A library as a careful reader's would be: non-ASCII and emoji text (so UTF-16 and code-point
 * positions differ), every colour, tags with characters notes apps treat as syntax, Markdown
 * notes, an edited highlight, a deleted highlight and a deleted article; made through the
 * real write functions.
 */
import { describe as describeSelectors } from '@/lib/anchoring';
import type { NewsmarkDb } from '@/lib/db';
import { addHighlight, deleteHighlight, saveArticle, unsaveArticle, updateHighlight } from '@/lib/db/library';

/** Two emoji (two UTF-16 units each) before everything else. */
export const RICH_TEXT =
  '😀🚀 Fusion à Zürich: Nordwind übernimmt *Baltic Grid* für €2,4 Mrd.\n\n# Not a heading, the 1. rule\n- not a list: <b>bold</b> and [[link]] #deal ==mark== $x$ ((ref)) {{macro}} key:: value\n\nAnalysts said the price was steep 📈.';

const at = (text: string, exact: string) => {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the text`);
  return describeSelectors(text, start, start + exact.length);
};

export interface RichLibrary {
  articleId: string;
  /** The live highlights' ids by colour. */
  ids: Record<'yellow' | 'green' | 'blue' | 'pink' | 'purple', string>;
  deletedHighlightId: string;
  deletedArticleId: string;
}

export async function seedRichLibrary(db: NewsmarkDb): Promise<RichLibrary> {
  const article = await saveArticle(db, {
    url: 'https://news.example.com/2026/zürich-fusion',
    title: 'Fusion: #deal for "Baltic Grid" — *largest* <b>ever</b> 🚀',
    byline: 'Zoë Ørsted',
    publisher: 'Exämple News',
    publishedAt: '2026-11-24T08:00:00+01:00',
    language: 'de',
    text: RICH_TEXT,
    tags: ['M&A', 'supply chain', 'énergie', '2026'],
  }, 1_700_000_000_000);
  const add = (colour: keyof RichLibrary['ids'], exact: string, extra: { note?: string; tags?: string[] }, when: number) =>
    addHighlight(db, { articleId: article.id, colour, selectors: at(RICH_TEXT, exact), ...extra }, when);
  const yellow = await add('yellow', 'Fusion à Zürich', { note: '**Big** one\n\n## My take\n- buy', tags: ['M&A'] }, 1_700_000_001_000);
  const green = await add('green', 'Nordwind übernimmt *Baltic Grid* für €2,4 Mrd.\n\n# Not a heading', { tags: ['valuation', 'Ünïcode tag'] }, 1_700_000_002_000);
  const blue = await add('blue', '<b>bold</b> and [[link]] #deal ==mark== $x$ ((ref)) {{macro}} key:: value', {}, 1_700_000_003_000);
  const pink = await add('pink', 'the price was steep 📈.', { note: 'emoji 👍' }, 1_700_000_004_000);
  const purple = await add('purple', '1. rule', { note: 'short' }, 1_700_000_005_000);
  // Edited after it was made: note and tags changed a day later.
  await updateHighlight(db, green.id, { note: 'edited later', tags: ['valuation', 'Ünïcode tag', 'C++'] }, 1_700_086_400_000);
  const gone = await add('yellow', 'Analysts said', {}, 1_700_000_006_000);
  await deleteHighlight(db, gone.id, 1_700_000_007_000);
  const other = await saveArticle(db, { url: 'https://other.example.org/gone', title: 'Gone', text: 'Removed article text.' }, 1_700_000_100_000);
  await addHighlight(db, { articleId: other.id, colour: 'blue', selectors: at('Removed article text.', 'article') }, 1_700_000_101_000);
  await unsaveArticle(db, other.id, 1_700_000_102_000);
  return {
    articleId: article.id,
    ids: { yellow: yellow.id, green: green.id, blue: blue.id, pink: pink.id, purple: purple.id },
    deletedHighlightId: gone.id,
    deletedArticleId: other.id,
  };
}
