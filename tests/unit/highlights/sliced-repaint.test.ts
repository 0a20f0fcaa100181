/**
 * Re-anchoring 10,000 highlights on a page without freezing it: PageHighlights anchors in
 * scheduler slices, draws each slice as it completes, and a newer extraction cancels the pass
 * under way. The library is a fake `send` over fixed records; the scheduler is a fake too.
 */
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { anchorAll } from '@/lib/anchoring';
import type { Selector } from '@/lib/contracts/selectors';
import type { ArticleRecord, HighlightRecord } from '@/lib/contracts/records';
import { PageHighlights, type LibrarySend } from '@/lib/highlights/page-highlights';
import { articleHtml, fakeHighlightApi, loadPage } from '../highlighting/support';
import { fakeScheduler } from '../anchoring/fake-scheduler';

const WORDS = Array.from({ length: 10_000 }, (_, i) => `w${i.toString(36)}`);
const PARAGRAPHS = Array.from({ length: 100 }, (_, p) => `${WORDS.slice(p * 100, p * 100 + 100).join(' ')}.`);
const ARTICLE = { id: 'a1' } as ArticleRecord;

/** One highlight per word of `text`; every tenth quote no longer occurs (an orphan). */
function records(text: string): HighlightRecord[] {
  let at = 0;
  return WORDS.map((word, i) => {
    const start = text.indexOf(word, at);
    at = start + word.length;
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: i % 10 === 9 ? `gone${i}` : word, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(at, at + 32) },
      { type: 'TextPositionSelector', start, end: at },
    ];
    return { id: `h${i}`, articleId: ARTICLE.id, colour: 'yellow', note: '', tags: [], quote: word, createdAt: i, deleted: false, selectors, updatedAt: '0', clocks: {} };
  });
}

function libraryOf(list: HighlightRecord[]): LibrarySend {
  return ((type: string) => Promise.resolve(type === 'getArticleByUrl' ? ARTICLE : type === 'listHighlights' ? list : null)) as LibrarySend;
}

/** Lets the page's promise chain (library look-up, queue) reach the point where it schedules a slice. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

describe('PageHighlights re-anchoring in slices', () => {
  it('draws 10,000 highlights slice by slice, each slice within the budget, none lost', async () => {
    const doc = loadPage(articleHtml(PARAGRAPHS));
    const analysis = analyzeArticle(doc);
    const scheduler = fakeScheduler(1);
    const api = fakeHighlightApi();
    const page = new PageHighlights(doc, api, { send: libraryOf(records(analysis.map.text)), recognize: async () => [], location: () => ({ url: 'https://news.example/a', title: '' }), scheduler });
    const painted = page.onArticle(analysis);
    await settle();
    expect(page.report().anchored).toBe(0);
    scheduler.runNext();
    // The first slice is drawn before the next one runs: at most 8 highlights at 1 ms each.
    const first = page.report().anchored;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(8);
    const slices = 1 + scheduler.runAll();
    await painted;
    expect(slices).toBeGreaterThanOrEqual(10_000 / 8);
    const report = page.report();
    expect(report.anchored).toBe(9000);
    expect(report.orphans.map((o) => o.id)).toEqual(WORDS.map((_, i) => `h${i}`).filter((_, i) => i % 10 === 9));
    expect(api.texts('newsmark-hl-yellow').slice(0, 3)).toEqual(WORDS.slice(0, 3));
  });

  it('cancels the pass under way when the page is extracted again, and anchors against the new text', async () => {
    const doc = loadPage(articleHtml(PARAGRAPHS));
    const before = analyzeArticle(doc);
    const scheduler = fakeScheduler(1);
    const api = fakeHighlightApi();
    const saved = records(before.map.text);
    const page = new PageHighlights(doc, api, { send: libraryOf(saved), recognize: async () => [], location: () => ({ url: 'https://news.example/a', title: '' }), scheduler });
    const firstPass = page.onArticle(before);
    await settle();
    scheduler.runNext();
    scheduler.runNext();
    // Late content: a paragraph arrives at the top; the old offsets are all off by its length.
    const late = doc.createElement('p');
    late.textContent = 'Update: this story was updated with new figures at noon.';
    doc.getElementById('body')!.prepend(late);
    const after = analyzeArticle(doc);
    const secondPass = page.onArticle(after);
    await firstPass; // the cancelled pass lets its caller go
    await settle();
    scheduler.runAll();
    await secondPass;
    // Exactly what anchoring each highlight against the new text at once gives, nothing lost.
    const expected = anchorAll(after.map.text, saved.map((r) => r.selectors));
    const placed = expected.filter((r) => r.kind === 'anchored').length;
    expect(placed).toBeGreaterThan(8900);
    expect(page.report().anchored).toBe(placed);
    expect(page.report().orphans).toHaveLength(10_000 - placed);
    const drawn = api.texts('newsmark-hl-yellow');
    expect(drawn).toHaveLength(placed);
    const words = new Set(WORDS);
    expect(drawn.every((text) => words.has(text))).toBe(true);
  });
});
