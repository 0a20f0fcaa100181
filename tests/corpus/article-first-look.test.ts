// @vitest-environment node
import { expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { firstLook, pageAddress } from '@/lib/article/first-look';
import { secondLookAt } from '../support/second-look';
import { aebPages, gzippedPages, parseFile, readabilityCases, SHARED_NON_ARTICLES_DIR } from '../support/article-corpus';
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
      const looks = [firstLook(doc, pageAddress(doc, page.url)).pass ? '' : 'first look', secondLookAt(doc, page.url).pass ? '' : 'second look'].filter(Boolean);
      return looks.length ? [`${page.url} (${looks.join(', ')})`] : [];
    });

    it(`passes every page taken for an article, ${variant}`, () => {
      expect(turnedAway).toEqual([]);
    });
  }
});

describeWithShared('the first look on the Readability pages and the non-article pages', () => {
  for (const [variant, prepare] of [['as published', (d: Document) => d], ['with every claim taken away', withoutClaims]] as const) {
    // The pages have no address of their own: the first look reads the one they declare.
    const lost = readabilityCases().flatMap((c) => {
      const doc = prepare(parseFile(c.file));
      const look = firstLook(doc, pageAddress(doc, 'https://example.org/page'));
      if (look.pass || !analyzeArticle(prepare(parseFile(c.file)), { skipGate: true }).isArticle) return [];
      return [{ name: c.name, reason: look.reason, text: doc.body?.textContent?.trim().length ?? 0 }];
    });
    it(`stops no Readability page that detection takes for an article as a listing or a front, ${variant}`, () => {
      expect(lost.filter((page) => page.reason === 'listing' || page.reason === 'front')).toEqual([]);
    });
    it(`stops, of those, only Readability's own test snippets (under 2,000 characters, markup's spaces included), ${variant}`, () => {
      // Its unit fixtures (base-url, normalize-spaces…): a few lines in bare divs, no real page.
      expect(lost.filter((page) => page.text >= 2_000)).toEqual([]);
    });
  }

  const reasons = gzippedPages(SHARED_NON_ARTICLES_DIR).map((file) => {
    const doc = parseFile(file);
    return firstLook(doc, pageAddress(doc, 'https://example.org/page')).reason;
  });
  it('stops most of the shared non-article pages before the pipeline loads: listings, fronts, apps, boards', () => {
    // 27 of 45 when the listing and front rules moved here from the second look (11 before).
    expect(reasons.filter((reason) => !['claims', 'prose', 'line-breaks', 'unparagraphed-text'].includes(reason)).length).toBeGreaterThanOrEqual(25);
    for (const kind of ['listing', 'front', 'no-prose', 'scattered-prose']) expect(reasons).toContain(kind);
  });
});
