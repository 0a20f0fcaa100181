// @vitest-environment node
/**
 * Reading a dossier at the cost of what the page shows (lib/dossier/load.ts): the counts and the
 * chart cover every article, the newest articles and highlights are the right ones whichever way
 * they are read, and the whole dossier (for exports) agrees with the page.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { describe as describeSelectors } from '@/lib/anchoring';
import { addHighlight, deleteHighlight, saveArticle } from '@/lib/db/library';
import { loadDossier, loadNamedMost, loadWholeDossier } from '@/lib/dossier/load';
import type { NewsmarkDb } from '@/lib/db';
import { freshDb } from '../library/seed';

const TEXT = 'Nordwind Energy and Kestrel Bank signed a deal worth $40 million.';
const entity = (id: string, name: string) => ({ type: 'company' as const, id, name, text: name, start: TEXT.indexOf(name), end: TEXT.indexOf(name) + name.length });

/** 30 articles naming Kestrel, each with 10 highlights; the first also names Nordwind, with 3 more highlights of its own. */
async function library(): Promise<{ db: NewsmarkDb; newest: string[] }> {
  const db = freshDb();
  let clock = 1_700_000_000_000;
  for (let i = 0; i < 30; i++) {
    const named = i === 0 ? [entity('nordwind', 'Nordwind Energy'), entity('kestrel', 'Kestrel Bank')] : [entity('kestrel', 'Kestrel Bank')];
    const a = await saveArticle(db, { url: `https://news.example/${i}`, title: `Story ${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), text: TEXT, entities: named }, ++clock);
    for (let h = 0; h < (i === 0 ? 13 : 10); h++) await addHighlight(db, { articleId: a.id, colour: 'yellow', selectors: describeSelectors(TEXT, 0, 8), note: `${i}/${h}` }, ++clock);
  }
  const all = await db.highlights.orderBy('createdAt').reverse().toArray();
  return { db, newest: all.map((h) => h.note) };
}

describe('loading a dossier', () => {
  it("counts every article and highlight but reads only the newest shown, for a company holding most of the library's highlights", async () => {
    const { db, newest } = await library();
    const dossier = (await loadDossier(db, 'kestrel', { articles: 5, highlights: 7 }))!;
    expect([dossier.articleCount, dossier.highlightCount, dossier.mentions]).toEqual([30, 303, 30]);
    expect(dossier.articles.map((a) => a.title)).toEqual(['Story 29', 'Story 28', 'Story 27', 'Story 26', 'Story 25']);
    expect(dossier.highlights.map((h) => h.note)).toEqual(newest.slice(0, 7));
    expect(dossier.weeks.reduce((sum, w) => sum + w.articles, 0)).toBe(30);
  });

  it('finds the newest highlights of a company holding few of them, and leaves deleted ones out', async () => {
    const { db } = await library();
    const onFirst = (await db.highlights.toArray()).filter((h) => h.note.startsWith('0/')).sort((a, b) => b.createdAt - a.createdAt);
    await deleteHighlight(db, onFirst[0]!.id);
    const dossier = (await loadDossier(db, 'nordwind', { articles: 50, highlights: 5 }))!;
    expect([dossier.articleCount, dossier.highlightCount]).toEqual([1, 12]);
    expect(dossier.highlights.map((h) => h.note)).toEqual(onFirst.slice(1, 6).map((h) => h.note));
  });

  it('agrees with the whole dossier the exports read, and the index counts from the same rows', async () => {
    const { db } = await library();
    const page = (await loadDossier(db, 'kestrel', { articles: 50, highlights: 1_000 }))!;
    const whole = (await loadWholeDossier(db, 'kestrel'))!;
    expect(page).toEqual(whole);
    expect(await loadNamedMost(db)).toEqual([
      { id: 'kestrel', name: 'Kestrel Bank', articles: 30, mentions: 30 },
      { id: 'nordwind', name: 'Nordwind Energy', articles: 1, mentions: 1 },
    ]);
    expect(await loadDossier(db, 'nobody', { articles: 50, highlights: 50 })).toBeNull();
  });
});
