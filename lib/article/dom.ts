/**
 * Small DOM predicates shared by detection and extraction. They read attributes only,
 * never layout or computed style, so they cost the same in a page, in happy-dom and in linkedom.
 */

/** Elements whose content is never article text. */
export const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio',
  'button', 'select', 'textarea', 'input', 'label', 'nav', 'aside', 'footer', 'form', 'figcaption', 'menu',
  'dialog', 'math', 'picture', 'img', 'head', 'title', 'link', 'meta',
]);

/** Elements that start a new paragraph in the text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'caption',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Whole words of a class or id (split at spaces, hyphens, underscores) matching one of `words`. */
function wordPattern(words: string[]): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${words.join('|')})(?=$|[\\s_-])`, 'i');
}

/**
 * Class or id words that name page furniture whatever else the element is called: share bars,
 * rails, newsletter boxes, ads, comments, bylines, datelines and photo credits.
 */
const FURNITURE_WORDS = wordPattern([
  'comments?', 'disqus', 'related', 'relatedlinks', 'share', 'sharing', 'sharebar', 'social', 'newsletter',
  'subscribe', 'subscription', 'signup', 'sponsor', 'sponsored', 'outbrain', 'taboola', 'recommended',
  'recommendations', 'sidebar', 'footer', 'breadcrumbs?', 'cookies?', 'consent', 'popup', 'modal', 'promo',
  'advert', 'advertisement', 'bylines?', 'caption', 'credits?', 'dateline', 'trending', 'popular', 'readmore',
]);
/** Weaker furniture words, outweighed by a content word on the same element ("author-content" is content). */
const MAYBE_FURNITURE_WORDS = wordPattern([
  'ads?', 'adv', 'adslot', 'dfp', 'gpt', 'authors?', 'timestamp', 'tags?', 'toolbar', 'banner', 'rail', 'nav',
  'navigation', 'menu', 'masthead', 'sr', 'visually', 'screenreader', 'offscreen', 'print', 'teasers?', 'follow',
  'kicker', 'topics', 'pagination', 'pager', 'skip', 'disclaimer', 'bio', 'more',
]);
/** Class or id words of the article body itself. */
const CONTENT_WORDS = wordPattern(['article', 'articlebody', 'body', 'content', 'entry', 'post', 'story', 'text', 'main', 'prose', 'richtext']);

/** The element's class and id, lower-cased, camelCase split into words. */
export function classAndId(el: Element): string {
  const className = el.getAttribute('class');
  const id = el.id;
  // Most elements have neither: skip building and scanning a string for them.
  if (!className && !id) return '';
  const raw = `${className ?? ''} ${id ?? ''}`;
  return CAMEL_CASE.test(raw) ? raw.replace(CAMEL_CASE_GLOBAL, '$1-$2') : raw;
}

const CAMEL_CASE = /[a-z][A-Z]/;
const CAMEL_CASE_GLOBAL = /([a-z])([A-Z])/g;

/** Whether the element's class or id names page furniture rather than article text. */
export function looksLikeBoilerplate(el: Element): boolean {
  const names = classAndId(el);
  if (names.length < 2) return false;
  return FURNITURE_WORDS.test(names) || (MAYBE_FURNITURE_WORDS.test(names) && !CONTENT_WORDS.test(names));
}

/** Whether the element's class or id names article content. */
export function looksLikeContent(el: Element): boolean {
  return CONTENT_WORDS.test(classAndId(el));
}

/** Hidden by attributes the page sets (no style computation). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Characters of `data` that are not foldable whitespace: a cheap measure of visible text. */
export function visibleLength(data: string): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) n++;
  }
  return n;
}
