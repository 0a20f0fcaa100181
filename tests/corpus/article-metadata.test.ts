// @vitest-environment node
import { expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { parseFile, readabilityCases } from '../support/article-corpus';
import { describeWithShared } from '../support/shared-corpus';

/** Floors a little under what the metadata reader reaches on the Readability corpus. */
const MIN_TITLE = 0.945;
const MIN_BYLINE = 0.72;
const MIN_DATE = 0.9;

function norm(value: string | null | undefined): string {
  return (value ?? '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The same headline: equal, or equal but for the site's name that one side appends or prefixes
 * ("Story | eHow"). The expected titles are Readability's, which keep whatever og:title says.
 */
function sameHeadline(got: string | null, want: string | null): boolean {
  const a = norm(got);
  const b = norm(want);
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 3) return false;
  const rest = long.startsWith(short) ? long.slice(short.length) : long.endsWith(short) ? long.slice(0, -short.length) : null;
  return rest !== null && /^\s*(?:[|\-–—:·•»_]|::|\[)|(?:[|\-–—:·•»_]|::)\s*$/.test(rest) && rest.length <= 60;
}

describeWithShared('article metadata on the Readability test pages', () => {
  const cases = readabilityCases().map((c) => ({ ...c, metadata: analyzeArticle(parseFile(c.file), { skipGate: true }).metadata }));

  function accuracy(label: string, relevant: typeof cases, right: (c: (typeof cases)[number]) => boolean): number {
    const wrong = relevant.filter((c) => !right(c));
    const share = 1 - wrong.length / relevant.length;
    console.info(`${label}: ${relevant.length - wrong.length}/${relevant.length} (${(share * 100).toFixed(1)}%)`);
    return share;
  }

  it(`gets the title right on >= ${MIN_TITLE * 100}% of pages`, () => {
    expect(accuracy('title', cases, (c) => sameHeadline(c.metadata.title, c.expected.title))).toBeGreaterThanOrEqual(MIN_TITLE);
  });

  it(`gets the byline right on >= ${MIN_BYLINE * 100}% of pages that have one`, () => {
    const withByline = cases.filter((c) => c.expected.byline);
    const right = (c: (typeof cases)[number]) => {
      const got = norm(c.metadata.byline);
      const want = norm(c.expected.byline).replace(/^by\s+/, '');
      return got !== '' && (got === want || want.includes(got) || got.includes(want));
    };
    expect(accuracy('byline', withByline, right)).toBeGreaterThanOrEqual(MIN_BYLINE);
  });

  it(`gets the publication date right on >= ${MIN_DATE * 100}% of pages that have one`, () => {
    const dated = cases.filter((c) => c.expected.publishedTime);
    const right = (c: (typeof cases)[number]) => c.metadata.publishedAt?.slice(0, 10) === new Date(c.expected.publishedTime!).toISOString().slice(0, 10) || c.metadata.publishedAt?.slice(0, 10) === c.expected.publishedTime!.slice(0, 10);
    expect(accuracy('publishedAt (date)', dated, right)).toBeGreaterThanOrEqual(MIN_DATE);
  });
});
