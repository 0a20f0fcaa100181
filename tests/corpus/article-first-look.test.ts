import { expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { firstLook } from '@/lib/article/first-look';
import { secondLookAt } from '../support/second-look';
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

// The first stage decides whether the pipeline loads at all, and the second look whether it
// scores the page: a page either stops is never marked. One parse a page serves the three.
describeWithShared('the first stage and the second look turn away no page the pipeline takes for an article (AEB, 181 pages)', () => {
  const pages = aebPages();

  for (const [variant, prepare] of [['as published', (d: Document) => d], ['with every claim taken away', withoutClaims]] as const) {
    // Read while the suite is collected, as article-aeb.test.ts does: 181 full analyses outlast a test's timeout on a busy machine.
    const turnedAway = pages.flatMap((page) => {
      const doc = prepare(parseFile(page.file));
      // skipGate: detection's verdict without the second look (the gate still weighs in it).
      if (!analyzeArticle(doc, { url: page.url, skipGate: true }).isArticle) return [];
      const looks = [firstLook(doc).pass ? '' : 'first look', secondLookAt(doc, page.url).pass ? '' : 'second look'].filter(Boolean);
      return looks.length ? [`${page.url} (${looks.join(', ')})`] : [];
    });

    it(`passes every page taken for an article, ${variant}`, () => {
      expect(turnedAway).toEqual([]);
    });
  }
});
