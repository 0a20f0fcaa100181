// @vitest-environment node
import { expect, it } from 'vitest';
import { basename } from 'node:path';
import { analyzeArticle } from '@/lib/article';
import { OWN_NON_ARTICLES_DIR, SHARED_NON_ARTICLES_DIR, gzippedPages, parseFile } from '../support/article-corpus';
import { describeWithShared } from '../support/shared-corpus';

/** The goal is <= 2.5% of non-articles taken for articles; the floor is what we reach plus a page of slack. */
const MAX_FALSE_POSITIVE_RATE = 0.03;

describeWithShared('non-article pages are not taken for articles', () => {
  const files = [...gzippedPages(SHARED_NON_ARTICLES_DIR), ...gzippedPages(OWN_NON_ARTICLES_DIR)];

  it('has at least 40 pages of our own beside the shared set', () => {
    expect(gzippedPages(OWN_NON_ARTICLES_DIR).length).toBeGreaterThanOrEqual(40);
  });

  it(`takes <= ${MAX_FALSE_POSITIVE_RATE * 100}% of them for articles`, () => {
    const taken = files.filter((file) => {
      const analysis = analyzeArticle(parseFile(file));
      return analysis.isArticle;
    });
    console.info(`non-articles taken for articles: ${taken.length}/${files.length}: ${taken.map((f) => basename(f)).join(', ')}`);
    expect(taken.length / files.length).toBeLessThanOrEqual(MAX_FALSE_POSITIVE_RATE);
  });
});
