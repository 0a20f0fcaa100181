import { comesAfter } from './dom';

/**
 * Evidence about what kind of page this is, read from the page as printed rather than from what
 * it declares: a printed date, a shop's basket, a listing's URL. Detection weighs them.
 */

/**
 * Dates as pages print them: 2019-11-19, 19.11.2019, 11/19/2019, 11.14.2019, a month's name in
 * any language between day and year (Nov 19, 2019 · November 20th, 2019 · Tue, Nov 19 2019 ·
 * 19 November 2019 · 5 de outubro de 2018 · 13 августа 2018), a month's name, day and time
 * (Nov 19, 6:55 AM), "22 hours ago", and CJK dates (2019年11月19日 · 2019년 11월 19일).
 */
export const PRINTED_DATE = new RegExp(
  [
    '(?<!\\p{N})(?:',
    [
      '(?:19|20)\\d\\d[-/.]\\d\\d?[-/.]\\d\\d?',
      '\\d\\d?[-/.]\\d\\d?[-/.](?:19|20)\\d\\d',
      '\\p{L}{3,10}\\.?\\s+\\d\\d?(?:st|nd|rd|th)?,?\\s+(?:(?:19|20)\\d\\d|\\d\\d?:\\d\\d)',
      '\\d\\d?\\.?\\s+(?:de\\s+)?\\p{L}{3,10}\\.?,?\\s+(?:de\\s+)?(?:19|20)\\d\\d',
      '\\d\\d?\\s+(?:minutes?|hours?|days?)\\s+ago',
      '(?:19|20)\\d\\d\\s*[年년]\\s*\\d\\d?\\s*[月월]\\s*\\d\\d?\\s*[日일]',
    ].join('|'),
    ')(?!\\p{N})',
  ].join(''),
  'u',
);
/** A printed credit: "By Jane Doe", "Posted by Vortex", "Publicado por: Clarissa Borba", "von Max Muster". */
export const PRINTED_BYLINE = /(?<!\p{L})(?:[Bb]y|[Pp]or|[Vv]on|[Pp]ar|[Dd]i|[Dd]oor|[Aa]v|[Аа]втор):?\s+\p{Lu}\p{Ll}/u;
/** Controls that put goods in a basket: a shop's mark, which a page quoting share prices does not have. */
const BASKET = '[id*="add-to-cart" i], [id*="addtocart" i], [class*="add-to-cart" i], [class*="addtocart" i], [class*="add-to-basket" i], [class*="add-to-bag" i], form[action*="cart" i], form[action*="basket" i]';

/**
 * Product and shop pages: declared as products, or offering goods for a basket. Price classes
 * alone are not enough: finance stories carry quote widgets full of them.
 */
export function looksLikeShop(doc: Document, tags: Map<string, string>): boolean {
  if (tags.get('og:type')?.toLowerCase().includes('product') || tags.has('product:price:amount')) return true;
  if (doc.querySelector('[itemtype$="schema.org/Product"], [itemtype$="schema.org/Offer"]')) return true;
  return doc.querySelector(BASKET) !== null && doc.querySelector('[class*="price" i], [itemprop="price"]') !== null;
}

/** Path words of listings: tag, category, section, search, author and archive pages. */
const LISTING_WORDS = new Set(['tag', 'tags', 'topic', 'topics', 'category', 'categories', 'section', 'sections', 'search', 'author', 'authors', 'archive', 'archives', 'label']);
const SEARCH_QUERY = /[?&](?:s|q|query|search)=/i;
const PAGED = /\/page\/\d+\/?$/i;

/**
 * Whether a URL is a listing's: a listing word as the path's last or next-to-last segment
 * (/category/parenting/, /author/jane-doe, /tag/), a paged list or a search. A story filed under
 * a section has more path after it (/sections/money/2019/11/19/fed-raises-rates).
 */
export function isListingUrl(pathname: string, search: string): boolean {
  if (SEARCH_QUERY.test(search) || PAGED.test(pathname)) return true;
  const segments = pathname.split('/').filter(Boolean);
  return segments.slice(-2).some((segment) => LISTING_WORDS.has(segment.toLowerCase()));
}

/** Levels above the body's root within which its headline sits (the story's header beside its text). */
const HEADLINE_LEVELS = 3;
/** Shortest headline, in words: shorter h1s name a site or a section ("Politics", "The Verge"). */
const MIN_HEADLINE_WORDS = 3;
/** Shortest headline in scripts written without spaces (CJK): characters. */
const MIN_HEADLINE_CJK = 8;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/gu;

/**
 * Whether the page's title stands as a headline just above the body: a heading of a few words,
 * which the document's title repeats, before the body's text and in its near surroundings. One
 * story has one headline over its text; a front page's h1 is its name, a list's its section.
 * The headline is an `<h1>`, or an `<h2>` where a blog sets its own name as the page's h1 and
 * each post's title one level down (Pixnet, older WordPress themes).
 */
export function headlineAbove(doc: Document, root: Element): boolean {
  const title = squash(doc.title);
  if (!title) return false;
  let around: Element = root;
  for (let i = 0; i < HEADLINE_LEVELS && around.parentElement; i++) around = around.parentElement;
  for (const heading of around.querySelectorAll('h1, h2')) {
    const text = squash(heading.textContent ?? '');
    const long = text.split(' ').length >= MIN_HEADLINE_WORDS || (text.match(CJK_RUN)?.length ?? 0) >= MIN_HEADLINE_CJK;
    const before = root.contains(heading) || comesAfter(root, heading);
    if (long && before && title.includes(text) && !linksHome(heading)) return true;
  }
  return false;
}

/** A link to a site's front page, wherever the site is: `/`, `https://example.com/`, `/index.html`. */
const HOME_ADDRESS = /^(?:(?:https?:)?\/\/[^/?#]+\/?|\/)(?:index\.\w+)?$/i;

/** Whether the heading links to the site's front page: it is the site's name set as its logo ("Schneier on Security"), not a story's headline. */
function linksHome(heading: Element): boolean {
  const link = heading.closest('a[href]') ?? heading.querySelector('a[href]');
  return link !== null && HOME_ADDRESS.test(link.getAttribute('href')!.trim());
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
