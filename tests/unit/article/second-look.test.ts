import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { readJsonLd } from '@/lib/article/json-ld';
import { readMetaTags } from '@/lib/article/metadata';
import { readSecondLookSignals, secondLook, type SecondLookSignals } from '@/lib/article/second-look';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
const sentence = 'Shares of the company rose after it reported results for the quarter. ';
const text = (chars: number) => sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
const paragraph = (chars: number) => `<p>${text(chars)}</p>`;

/** A page that gives the second look nothing to go on. */
const plain: SecondLookSignals = { claimsArticle: false, declaresNonArticle: false, homeAddress: false, shop: false, siblingProse: 3000, teaserHeadings: 0 };

function signalsOf(page: Document, url = 'https://news.example/2024/05/02/a-story'): SecondLookSignals {
  return readSecondLookSignals(page, page.body, { ld: readJsonLd(page), tags: readMetaTags(page), canonicalUrl: url });
}

/** A section front: a linked headline over a short summary, card after card, each card in its own box. */
function listing(cards: number, head = ''): Document {
  const card = (i: number) => `<div class="card"><h3><a href="/2024/story-${i}">Story number ${i} in the section</a></h3><div class="dek">${paragraph(160)}</div></div>`;
  return doc(`<head>${head}</head><body><main><div class="river">${Array.from({ length: cards }, (_, i) => card(i)).join('')}</div></main></body>`);
}

/** A story whose body sits in one element's paragraphs, closed by related headlines inside the same element. */
function story(paragraphs: number, related: number, head = ''): Document {
  const more = Array.from({ length: related }, (_, i) => `<h3><a href="/2024/related-${i}">A related story, number ${i}</a></h3>`).join('');
  return doc(`<head>${head}</head><body><main><article><h1>Company shares rise on results</h1><div class="body">${Array.from({ length: paragraphs }, () => paragraph(260)).join('')}<div class="more">${more}</div></div></article></main></body>`);
}

describe('secondLook (the decision)', () => {
  it("passes when it can't tell", () => {
    expect(secondLook(plain)).toEqual({ pass: true, reason: "can't tell" });
  });

  it('stops a listing (teaser headings over short scattered summaries), claims or not: fronts often claim og:type=article', () => {
    const listingSignals = { ...plain, siblingProse: 160, teaserHeadings: 12 };
    expect(secondLook(listingSignals)).toEqual({ pass: false, reason: 'listing' });
    expect(secondLook({ ...listingSignals, claimsArticle: true }).reason).toBe('listing');
  });

  it('passes a story closed by a strip of related headlines: its body holds its prose in one element', () => {
    expect(secondLook({ ...plain, siblingProse: 789, teaserHeadings: 25 }).pass).toBe(true);
    // Four linked headings are a story's "read more" links, not a listing.
    expect(secondLook({ ...plain, siblingProse: 120, teaserHeadings: 4 }).pass).toBe(true);
  });

  it('stops a page declared a list, profile or product that claims no article, and passes one that also claims an article (a story with its video)', () => {
    expect(secondLook({ ...plain, declaresNonArticle: true })).toEqual({ pass: false, reason: 'declared-non-article' });
    expect(secondLook({ ...plain, declaresNonArticle: true, claimsArticle: true }).pass).toBe(true);
  });

  it("stops a site's root that claims no article (a front, an app's home), and passes one that claims an article", () => {
    expect(secondLook({ ...plain, homeAddress: true })).toEqual({ pass: false, reason: 'front' });
    expect(secondLook({ ...plain, homeAddress: true, claimsArticle: true }).pass).toBe(true);
  });

  it('stops a shop page that claims no article, and passes a review or finance story with shopping widgets that claims one', () => {
    expect(secondLook({ ...plain, shop: true })).toEqual({ pass: false, reason: 'shop' });
    expect(secondLook({ ...plain, shop: true, claimsArticle: true }).pass).toBe(true);
  });
});

describe('readSecondLookSignals (the page)', () => {
  it('reads a listing: many teaser headings and no run of prose longer than one summary', () => {
    const signals = signalsOf(listing(12));
    expect(signals.teaserHeadings).toBe(12);
    expect(signals.siblingProse).toBe(160);
    expect(secondLook(signals).reason).toBe('listing');
  });

  it('reads a story: its paragraphs side by side, and passes it even with many related headlines', () => {
    const signals = signalsOf(story(8, 10));
    expect(signals.siblingProse).toBe(8 * 260);
    expect(signals.teaserHeadings).toBe(10);
    expect(secondLook(signals).pass).toBe(true);
  });

  it("does not count a section's title, nor a heading with a small link in it, as a teaser", () => {
    const headings = '<h2>Background</h2><h2>What happened next <a href="#fn1">[1]</a></h2><h3><a href="/x">Linked headline of a teaser</a></h3>';
    const page = doc(`<body><div>${headings}${paragraph(300)}${paragraph(300)}</div></body>`);
    expect(signalsOf(page).teaserHeadings).toBe(1);
  });

  it('reads claims from JSON-LD, OpenGraph, the publication time and microdata', () => {
    expect(signalsOf(story(3, 0, '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>')).claimsArticle).toBe(true);
    expect(signalsOf(story(3, 0, '<meta property="og:type" content="article">')).claimsArticle).toBe(true);
    expect(signalsOf(story(3, 0, '<meta property="article:published_time" content="2024-05-02">')).claimsArticle).toBe(true);
    expect(signalsOf(doc(`<body><div itemscope itemtype="https://schema.org/NewsArticle">${paragraph(300)}</div></body>`)).claimsArticle).toBe(true);
    expect(signalsOf(story(3, 0, '<meta property="og:type" content="website">')).claimsArticle).toBe(false);
  });

  it('reads what JSON-LD declares a page to be when it is not an article', () => {
    expect(signalsOf(story(3, 0, '<script type="application/ld+json">{"@type":"ItemList","itemListElement":[]}</script>')).declaresNonArticle).toBe(true);
    expect(signalsOf(story(3, 0, '<script type="application/ld+json">{"@type":"WebSite"}</script>')).declaresNonArticle).toBe(false);
  });

  it("reads a site's root as a home address, but not a root with a query (a search, ?p=123 posts) nor a path", () => {
    expect(signalsOf(story(3, 0), 'https://news.example/').homeAddress).toBe(true);
    expect(signalsOf(story(3, 0), 'https://news.example/?p=123').homeAddress).toBe(false);
    expect(signalsOf(story(3, 0), 'https://news.example/world').homeAddress).toBe(false);
    expect(readSecondLookSignals(story(3, 0), story(3, 0).body, { ld: [], tags: new Map(), canonicalUrl: null }).homeAddress).toBe(false);
  });
});

describe('the second look in the pipeline (analyzeArticle)', () => {
  it('stops a listing before content scoring, and says so in the signals', () => {
    const analysis = analyzeArticle(listing(12, '<meta property="og:type" content="article">'), { url: 'https://news.example/section/business' });
    expect(analysis.isArticle).toBe(false);
    expect(analysis.signals).toEqual(['second-look:listing']);
    expect(analysis.root).toBeNull();
    // The metadata is read before it, for the visit's title.
    expect(analysis.metadata.canonicalUrl).toBe('https://news.example/section/business');
  });

  it('still takes a story closed by related headlines for an article', () => {
    const head = '<title>Company shares rise on results</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Company shares rise on results"}</script>';
    expect(analyzeArticle(story(8, 10, head), { url: 'https://news.example/2024/05/02/shares' }).isArticle).toBe(true);
  });

  it('does not stop what the reader asked for', () => {
    const analysis = analyzeArticle(listing(12), { url: 'https://news.example/section/business', readerAsked: true });
    expect(analysis.signals).not.toContain('second-look:listing');
    expect(analysis.root).not.toBeNull();
  });
});
