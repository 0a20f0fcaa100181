/**
 * Is this page one article? Declarations (JSON-LD, OpenGraph, `article:*`, microdata) say what
 * the publisher claims; the extracted body says whether there is one dominant piece of prose.
 * Section fronts and home pages often claim `og:type=article`, and plain blogs claim nothing,
 * so neither side decides alone: each signal adds or removes points.
 */
import { NON_ARTICLE_TYPES, isArticleNode, typesOf, type LdNode } from './json-ld';
import { FURNITURE_TAGS, isFeed, type ContentAnalysis } from './content';
import { looksLikeBoilerplate } from './dom';
import type { TextMap } from './text-map';

export interface DetectionInput {
  doc: Document;
  ld: LdNode[];
  tags: Map<string, string>;
  content: ContentAnalysis;
  /** The extracted body text. */
  map: TextMap;
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
/** Text per linked heading below which the body is a list of teasers. */
const LISTING_CHARS_PER_TEASER = 180;
/**
 * Dates as pages print them: 2019-11-19, 19.11.2019, 11/19/2019, and a month's name in any
 * language between day and year: Nov 19, 2019 · 19 November 2019 · 5 de outubro de 2018 · 13 августа 2018.
 */
const PRINTED_DATE = /(?<![\p{L}\p{N}])(?:(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.](?:19|20)\d\d|\p{L}{3,10}\.?\s+\d\d?,\s+(?:19|20)\d\d|\d\d?\.?\s+(?:de\s+)?\p{L}{3,10}\.?,?\s+(?:de\s+)?(?:19|20)\d\d)(?![\p{L}\p{N}])/u;
/** A printed credit: "By Jane Doe", "Posted by Vortex", "Publicado por: Clarissa Borba", "von Max Muster". */
const PRINTED_BYLINE = /(?<!\p{L})(?:[Bb]y|[Pp]or|[Vv]on|[Pp]ar|[Dd]i|[Dd]oor|[Aa]v|[Аа]втор):?\s+\p{Lu}\p{Ll}/u;
/** How much of the body's own text is searched for its date and credit. */
const BODY_HEAD_CHARS = 1000;
/** Teaser cards from which a page whose teasers hold more prose than its body is a listing. */
const MIN_LISTING_TEASERS = 5;
/** Links to the page's own sections from which a page reads as a manual with a table of contents. */
const IN_PAGE_LINKS = 20;
/** How much text around the body is searched for a printed date. */
const DATE_SEARCH_CHARS = 6000;
/** URL paths of listings: tag, category, search, author and archive pages, paged lists. */
const LISTING_PATH = /\/(?:tags?|topics?|category|categories|section|sections|search|author|authors|archives?|page\/\d+|label)(?:\/|$)|[?&](?:s|q|query|search)=/i;

export function detectArticle(input: DetectionInput): Detection {
  const { doc, ld, tags, content, map, canonicalUrl } = input;
  const textLength = map.text.length;
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

  // Documentation, manuals and changelogs are long prose too, but claim nothing, carry no date
  // and link to their own sections; a page that claims to be an article is spared these checks.
  // A page that claims nothing but prints its date and author at the body, as articles do, earns
  // what claims would have given it; a date alone is common in specifications and changelogs.
  if (score <= 0 && content.root) {
    const head = textsAround(content.root);
    const dated = hasDate(content.root, head);
    if (dated && head.some((text) => PRINTED_BYLINE.test(text))) add(2, 'dated-byline');
    else if (!dated && !declaresDate(doc)) add(-2, 'undated');
    if (doc.querySelectorAll('a[href^="#"]').length >= IN_PAGE_LINKS) add(-1, 'in-page-links');
    if (listShare(content) > 0.5) add(-1, 'list-heavy');
  }
  if (textLength >= 1500) add(2, 'text:long');
  else if (textLength >= 700) add(1, 'text:medium');
  if (content.root?.closest('article')) add(1, 'in-article-element');
  const furnitureShare = content.furniture / Math.max(1, content.proseChars + content.furniture);
  if (content.proseChars >= 500 && furnitureShare < 0.25) add(1, 'prose-dominant');
  else if (furnitureShare > 0.5) add(-1, 'furniture-heavy');

  // One article has one headline; a listing has a linked heading per teaser inside what we took for the body.
  const teasers = content.root ? countTeaserHeadings(content.root) : 0;
  if (teasers >= 5) add(textLength / teasers < LISTING_CHARS_PER_TEASER ? -5 : -2, `teaser-headings:${teasers}`);
  const code = content.root ? content.root.querySelectorAll('pre, code, kbd, samp').length : 0;
  if (code >= 5) add(-2, `code:${code}`);
  if (doc.querySelectorAll('article').length >= 5) add(-1, 'many-article-elements');
  const nested = content.root ? content.root.querySelectorAll('article').length : 0;
  if (nested >= 3) add(-3, `articles-in-body:${nested}`);
  if (content.root && insideFeed(content.root)) add(-3, 'in-feed');
  if (content.teasers.count >= MIN_LISTING_TEASERS && content.teasers.prose > content.proseChars) add(-3, `teaser-cards:${content.teasers.count}`);
  if (looksLikeShop(doc, tags)) add(-2, 'shop');
  if (canonicalUrl) {
    const { pathname, search } = new URL(canonicalUrl);
    if (pathname === '/' || pathname === '') add(-2, 'url:home');
    else if (LISTING_PATH.test(pathname + search)) add(-2, 'url:listing');
  }
  const isArticle = textLength >= MIN_TEXT && score >= THRESHOLD;
  return { isArticle, score, signals };
}

/** Headings in the body (not in its rails and boxes) that link somewhere else: the mark of a teaser. */
function countTeaserHeadings(root: Element): number {
  let count = 0;
  for (const heading of root.querySelectorAll('h2, h3, h4')) {
    if (insideFurniture(heading, root)) continue;
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

/** A date the page declares anywhere, machine-readable. */
function declaresDate(doc: Document): boolean {
  return doc.querySelector('time[datetime], [itemprop~="datePublished"], meta[name="date" i], meta[property$="published_time"]') !== null;
}

/** The head of the body's text and of its surroundings (where a headline, date and byline sit). */
function textsAround(root: Element): string[] {
  const around = root.parentElement?.parentElement ?? root.parentElement ?? root;
  return [(root.textContent ?? '').slice(0, BODY_HEAD_CHARS), (around.textContent ?? '').slice(0, DATE_SEARCH_CHARS)];
}

/** A machine-readable or printed date at the body: articles are dated, manuals are not. */
function hasDate(root: Element, head: string[]): boolean {
  const around = root.parentElement?.parentElement ?? root.parentElement ?? root;
  if (around.querySelector('time[datetime], [itemprop~="datePublished"]')) return true;
  return head.some((text) => PRINTED_DATE.test(text));
}

/** Whether the body is one of several posts listed side by side (a blog's front page). */
function insideFeed(root: Element): boolean {
  for (let node = root.parentElement; node; node = node.parentElement) if (isFeed(node)) return true;
  return false;
}

function insideFurniture(el: Element, root: Element): boolean {
  for (let node = el.parentElement; node && node !== root; node = node.parentElement) {
    if (FURNITURE_TAGS.has(node.localName) || looksLikeBoilerplate(node)) return true;
  }
  return false;
}

/** Share of the body's prose that sits in list items and table cells: high in changelogs and manuals. */
function listShare(content: ContentAnalysis): number {
  const root = content.root;
  if (!root) return 0;
  let listed = 0;
  let all = 0;
  for (const [el, stats] of content.fragments) {
    if (!root.contains(el)) continue;
    all += stats.chars;
    if (el.localName === 'li' || el.localName === 'td' || el.localName === 'dd' || el.localName === 'pre') listed += stats.chars;
  }
  return all ? listed / all : 0;
}
