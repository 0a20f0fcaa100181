// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildIndex, groupByStory, rankRelated, searchKeywords } from '@/lib/related';
import type { FeedItem } from '@/lib/contracts/related';
import { tokenize, urlSlugText } from '@/lib/related/text';

let n = 0;
const item = (title: string, source: string, publishedAt = '2014-03-20T12:00:00Z', url = `https://${source.toLowerCase().replace(/\W/g, '')}.example/${++n}`): FeedItem => ({
  id: `i${n}`,
  title,
  url,
  source,
  publishedAt,
});
const article = {
  title: "Germany's top court clears euro bailout fund",
  url: 'https://daily.example/2014/03/18/germany-court-euro-bailout',
  source: 'Daily',
  publishedAt: '2014-03-18T14:00:00Z',
};

describe('tokenize', () => {
  it('folds case, accents and possessives, drops stop words, stems', () => {
    expect(tokenize("Germany's Top Court Rejects the Challenges")).toEqual(['germani', 'top', 'court', 'reject', 'challeng']);
    expect(tokenize('Société Générale')).toEqual(tokenize('societe generale'));
  });

  it('reads a headline from a URL slug but not ids or section names', () => {
    expect(urlSlugText('https://x.example/news/2014-03-18/esm-challenges-rejected-by-court-123.html')).toBe('esm challenges rejected by court');
    expect(urlSlugText('https://x.example/business/markets/163215.html')).toBe('');
  });
});

describe('rankRelated', () => {
  const pool = [
    item('Court upholds eurozone rescue fund', 'Belfast Telegraph', '2014-03-18T14:39:00Z'),
    item('German court confirms euro zone bailout scheme is legal', 'GlobalPost', '2014-03-18T14:40:00Z'),
    item("Germany's top court clears euro bailout fund", 'GlobalPost', '2014-03-18T14:41:00Z'),
    item('German top court clears euro bailout fund', 'AFP Wire', '2014-03-18T14:42:00Z'),
    item("Germany's top court clears euro bailout fund", 'Yahoo News', '2014-03-18T14:43:00Z'),
    item('Euro bailout fund cleared by German court', 'Daily', '2014-03-18T14:44:00Z'),
    item('Top court in Germany backs bailout fund', 'Reuters', '2014-03-08T14:00:00Z'),
    item('Apple earnings beat estimates', 'Reuters', '2014-03-18T14:00:00Z'),
  ];
  const index = buildIndex(pool);
  const ranked = rankRelated(index, article, { k: 10 });
  const titles = ranked.map((r) => `${r.item.source}: ${r.item.title}`);

  it("leaves out the article's own outlet and unrelated items", () => {
    expect(titles.some((t) => t.startsWith('Daily:'))).toBe(false);
    expect(titles.some((t) => t.includes('Apple'))).toBe(false);
  });

  it('folds wire copies of one headline into one result with "also from"', () => {
    const copies = ranked.filter((r) => r.item.title === "Germany's top court clears euro bailout fund");
    expect(copies).toHaveLength(1);
    expect([copies[0]!.item.source, ...copies[0]!.alsoFrom].sort()).toEqual(['GlobalPost', 'Yahoo News']);
  });

  it('prefers coverage from the same news cycle to an older item with the same words', () => {
    const older = titles.indexOf('Reuters: Top court in Germany backs bailout fund');
    expect(older).toBe(titles.length - 1);
  });

  it('spreads results over outlets before repeating one', () => {
    const outlets = ranked.slice(0, 3).map((r) => r.item.source);
    expect(new Set(outlets).size).toBe(3);
  });

  it('counts a company named in the article as a bonus', () => {
    const companyPool = buildIndex([
      item('Shares fall after recall', 'A'),
      item('Toyota shares fall after recall', 'B'),
    ]);
    const query = { title: 'Shares fall after recall', url: 'https://q.example/x', source: 'Q', publishedAt: '2014-03-20T12:00:00Z' };
    const lead = (companies: string[]) => {
      const [first, second] = rankRelated(companyPool, { ...query, companies });
      const b = first!.item.source === 'B' ? first! : second!;
      const a = first!.item.source === 'A' ? first! : second!;
      return b.score / a.score;
    };
    expect(lead(['Toyota'])).toBeGreaterThan(lead([]) * 1.2);
  });

  it('groups results by story with their outlets', () => {
    const groups = groupByStory(ranked);
    expect(groups[0]!.outlets.length).toBeGreaterThanOrEqual(3);
    expect(groups.flatMap((g) => g.items)).toHaveLength(ranked.length);
  });
});

describe('searchKeywords', () => {
  it('puts companies first, quoted when several words, and keeps to the limit', () => {
    expect(searchKeywords({ ...article, companies: ['European Stability Mechanism'] }, 5)).toBe('"European Stability Mechanism" Germany top court clears');
    expect(searchKeywords({ ...article, title: 'The and of' })).toBe('');
  });
});
