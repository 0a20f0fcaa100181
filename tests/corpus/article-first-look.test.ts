import { expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { firstLook } from '@/lib/article/first-look';
import { aebPages, parseFile } from '../support/article-corpus';
import { describeWithShared } from '../support/shared-corpus';

/** The page with every claim taken away (as in article-aeb.test.ts): the look must hold on structure alone. */
function withoutClaims(doc: Document): Document {
  for (const el of doc.querySelectorAll('script[type*="ld+json" i], meta[content]')) el.remove();
  for (const el of doc.querySelectorAll('[itemtype], [itemprop], [itemscope], [datetime]')) {
    for (const name of ['itemtype', 'itemprop', 'itemscope', 'datetime']) el.removeAttribute(name);
  }
  return doc;
}

// The first stage decides whether the pipeline loads at all: a page it stops is never marked.
describeWithShared('the first stage turns away no page the pipeline takes for an article (AEB, 181 pages)', () => {
  const pages = aebPages();

  for (const [variant, prepare] of [['as published', (d: Document) => d], ['with every claim taken away', withoutClaims]] as const) {
    it(`passes every page taken for an article, ${variant}`, () => {
      const turnedAway = pages.filter((page) => {
        const taken = analyzeArticle(prepare(parseFile(page.file)), { url: page.url }).isArticle;
        return taken && !firstLook(prepare(parseFile(page.file))).pass;
      });
      expect(turnedAway.map((page) => page.url)).toEqual([]);
    });
  }
});
