/**
 * Is this page one article? Declarations (JSON-LD, OpenGraph, `article:*`, microdata) say what
 * the publisher claims; the extracted body says whether there is one dominant piece of prose.
 * Section fronts and home pages often claim `og:type=article`, and plain blogs claim nothing,
 * so neither side decides alone: each signal adds or removes points.
 */
import { NON_ARTICLE_TYPES, isArticleNode, typesOf, type LdNode } from './json-ld';
import type { ContentAnalysis } from './content';

export interface DetectionInput {
  doc: Document;
  ld: LdNode[];
  tags: Map<string, string>;
  content: ContentAnalysis;
  /** Length of the extracted body text. */
  textLength: number;
  canonicalUrl: string | null;
}

export interface Detection {
  isArticle: boolean;
  score: number;
  signals: string[];
}

/** Points needed to call a page an article. */
const THRESHOLD = 3;
/** Shorter bodies are never an article (a teaser, an app shell). */
const MIN_TEXT = 250;
/** URL paths of listings: tag, category, search, author and archive pages, paged lists. */
const LISTING_PATH = /\/(?:tags?|topics?|category|categories|section|sections|search|author|authors|archives?|page\/\d+|label)(?:\/|$)|[?&](?:s|q|query|search)=/i;

export function detectArticle(input: DetectionInput): Detection {
  const { doc, ld, tags, content, textLength, canonicalUrl } = input;
  const signals: string[] = [];
  let score = 0;
  const add = (points: number, signal: string) => {
    score += points;
    signals.push(signal);
  };

  const articleNodes = ld.filter(isArticleNode);
  if (articleNodes.length) add(2, `json-ld:${typesOf(articleNodes[0]!)[0]}`);
  const listingType = ld.flatMap(typesOf).find((t) => NON_ARTICLE_TYPES.has(t));
  if (listingType && !articleNodes.length) add(-2, `json-ld:${listingType}`);
  if (tags.get('og:type')?.toLowerCase() === 'article') add(1, 'og:article');
  if (tags.has('article:published_time') || tags.has('datepublished')) add(1, 'published-time');
  if (doc.querySelector('[itemtype*="schema.org/"][itemtype$="Article" i], [itemtype$="BlogPosting" i]')) add(1, 'microdata:article');

  if (textLength >= 1500) add(2, 'text:long');
  else if (textLength >= 700) add(1, 'text:medium');
  if (content.root?.closest('article')) add(1, 'in-article-element');
  const furnitureShare = content.furniture / Math.max(1, content.proseChars + content.furniture);
  if (content.proseChars >= 500 && furnitureShare < 0.25) add(1, 'prose-dominant');
  else if (furnitureShare > 0.5) add(-1, 'furniture-heavy');

  // One article has one headline; a listing has a linked heading per teaser inside what we took for the body.
  const teasers = content.root ? countTeaserHeadings(content.root) : 0;
  if (teasers >= 5) add(-2, 'teaser-headings');
  if (doc.querySelectorAll('article').length >= 5) add(-1, 'many-article-elements');
  if (looksLikeShop(doc, tags)) add(-2, 'shop');
  if (canonicalUrl) {
    const { pathname, search } = new URL(canonicalUrl);
    if (pathname === '/' || pathname === '') add(-2, 'url:home');
    else if (LISTING_PATH.test(pathname + search)) add(-2, 'url:listing');
  }
  const isArticle = textLength >= MIN_TEXT && score >= THRESHOLD;
  return { isArticle, score, signals };
}

/** Headings that are links to somewhere else: the mark of a teaser. */
function countTeaserHeadings(root: Element): number {
  let count = 0;
  for (const heading of root.querySelectorAll('h2, h3, h4')) {
    const link = heading.querySelector('a[href]') ?? heading.closest('a[href]');
    const headingText = heading.textContent?.trim().length ?? 0;
    if (link && headingText > 0 && (link.textContent?.trim().length ?? 0) >= headingText * 0.6) count++;
  }
  return count;
}

/** Product and shop pages: declared as products, or showing prices and a basket. */
function looksLikeShop(doc: Document, tags: Map<string, string>): boolean {
  if (tags.get('og:type')?.toLowerCase().includes('product') || tags.has('product:price:amount')) return true;
  if (doc.querySelector('[itemtype$="schema.org/Product"], [itemtype$="schema.org/Offer"]')) return true;
  return doc.querySelectorAll('[class*="price"], [class*="Price"], [id*="add-to-cart"], [id*="addToCart"], [class*="add-to-cart"]').length >= 5;
}
