// @vitest-environment node
import { expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { secondLookAt } from '../support/second-look';
import { gzippedPages, parseFile, readabilityCases, SHARED_NON_ARTICLES_DIR } from '../support/article-corpus';
import { describeWithShared } from '../support/shared-corpus';

/** The page with every claim taken away (as in article-first-look.test.ts): the look must hold on structure alone. */
function withoutClaims(doc: Document): Document {
  for (const el of doc.querySelectorAll('script[type*="ld+json" i], meta[content]')) el.remove();
  for (const el of doc.querySelectorAll('[itemtype], [itemprop], [itemscope], [datetime]')) {
    for (const name of ['itemtype', 'itemprop', 'itemscope', 'datetime']) el.removeAttribute(name);
  }
  return doc;
}

// A page the second look stops is never marked (unless the reader asks): it must stop no article.
// The AEB pages are checked with the first look's (article-first-look.test.ts), on one parse.
describeWithShared('the second look stops no page the pipeline takes for an article (the Readability pages)', () => {
  const variants = [['as published', (d: Document) => d], ['with every claim taken away', withoutClaims]] as const;

  for (const [variant, prepare] of variants) {
    // Read while the suite is collected: on a busy machine the pages outlast a test's timeout.
    // skipGate runs detection without the gate and the second look; the gate still weighs in its verdict.
    const lost = readabilityCases().filter((c) => !secondLookAt(prepare(parseFile(c.file))).pass && analyzeArticle(prepare(parseFile(c.file)), { skipGate: true }).isArticle);

    it(`stops no Readability page that detection takes for an article, ${variant}`, () => {
      expect(lost.map((c) => c.name)).toEqual([]);
    });
  }

  const reasons = gzippedPages(SHARED_NON_ARTICLES_DIR).map((file) => secondLookAt(parseFile(file)).reason);
  it('stops listings, fronts, shops and declared non-articles among the shared non-article pages', () => {
    // What it stopped when it was written (27 of 45): a drop means a rule no longer sees its kind of page.
    expect(reasons.filter((reason) => reason !== "can't tell").length).toBeGreaterThanOrEqual(25);
    for (const kind of ['listing', 'front', 'shop', 'declared-non-article']) expect(reasons).toContain(kind);
  });
});
