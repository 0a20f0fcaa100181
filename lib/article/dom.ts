/**
 * Small DOM predicates shared by detection and extraction. They read attributes only,
 * never layout or computed style, so they cost the same in a page, in happy-dom and in linkedom.
 */

/** Elements that start a new paragraph in the text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'caption',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Class and id words are looked up in sets rather than matched by one case-insensitive
 * alternation: V8 compiles such a pattern on its first two runs (1–4 ms each for these, measured
 * in Node; in Chromium the change was under the marking bench's noise), a cost every page the
 * content script runs on would pay.
 */
function wordSet(words: string[]): Set<string> {
  return new Set(words.flatMap((word) => (word.endsWith('?') ? [word.slice(0, -2), word.slice(0, -1)] : [word])));
}

/**
 * Class or id words that name page furniture whatever else the element is called: share bars,
 * rails, newsletter boxes, ads, comments, bylines, datelines and photo credits. A trailing "?"
 * makes the last letter optional ("comments?": comment, comments).
 */
const FURNITURE_WORDS = wordSet([
  'comments?', 'disqus', 'related', 'relatedlinks', 'share', 'sharing', 'sharebar', 'social', 'newsletter',
  'subscribe', 'subscription', 'signup', 'sponsor', 'sponsored', 'outbrain', 'taboola', 'recommended',
  'recommendations', 'sidebar', 'footer', 'breadcrumbs?', 'cookies?', 'consent', 'popup', 'modal', 'promo',
  'advert', 'advertisement', 'bylines?', 'caption', 'credits?', 'dateline', 'trending', 'popular', 'readmore',
  // "Recirculation": the publishers' word for boxes sending the reader on to other stories.
  'recirculation',
  // The same furniture as sites name it in their own language: share, comments, ads, related.
  'teilen', 'kommentare', 'werbung', 'anzeige', 'empfehlungen', 'partager', 'partage', 'commentaires', 'publicite',
  'compartir', 'compartilhar', 'comentarios', 'publicidad', 'publicidade', 'relacionadas', 'relacionados',
  'condividi', 'commenti', 'correlati', 'pubblicita', 'delen', 'reacties', 'advertentie', 'gerelateerd',
]);
/** Weaker furniture words, outweighed by a content word on the same element ("author-content" is content). */
const MAYBE_FURNITURE_WORDS = wordSet([
  'ads?', 'adv', 'adslot', 'dfp', 'gpt', 'authors?', 'timestamp', 'tags?', 'toolbar', 'banner', 'rail', 'nav',
  'navigation', 'menu', 'masthead', 'sr', 'visually', 'screenreader', 'offscreen', 'print', 'teasers?', 'follow',
  'kicker', 'topics', 'pagination', 'pager', 'skip', 'disclaimer', 'bio', 'more', 'weitere', 'mehr',
]);
/** Class or id words of the article body itself. */
const CONTENT_WORDS = wordSet(['article', 'articlebody', 'body', 'content', 'entry', 'post', 'story', 'text', 'main', 'prose', 'richtext']);

/** Where class and id words break: white space, hyphens and underscores. */
const WORD_BREAKS = /[\s_-]+/;
const CAMEL_CASE = /([a-z])([A-Z])/g;

/** The element's class and id words, lower-cased, camelCase split ("relatedLinks" is "related", "links"). */
export function nameWords(el: Element): string[] {
  const className = el.getAttribute('class');
  const id = el.id;
  // Most elements have neither: skip building and splitting a string for them.
  if (!className && !id) return [];
  return `${className ?? ''} ${id}`.replace(CAMEL_CASE, '$1-$2').toLowerCase().split(WORD_BREAKS);
}

function hasWordOf(words: string[], set: Set<string>): boolean {
  for (const word of words) if (set.has(word)) return true;
  return false;
}

/** Whether a furniture word of `set` names the element, not a layout it has (see namesLayout). */
function hasFurnitureWordOf(words: string[], set: Set<string>): boolean {
  for (let i = 0; i < words.length; i++) if (set.has(words[i]!) && !namesLayout(words, i)) return true;
  return false;
}

/** Words after a furniture word that make the name a layout's: "sidebar-grid", "sidebar-layout" hold the page's main column too. */
const LAYOUT_WORDS = new Set(['grid', 'layout']);
/** Words before one that say the element has it, not is it: "has-sidebar", "with-sidebar", "no-sidebar". */
const HAVING_WORDS = new Set(['has', 'with', 'no', 'without']);

/** Whether the word at `i` names a layout the element has rather than what the element is. */
function namesLayout(words: string[], i: number): boolean {
  return LAYOUT_WORDS.has(words[i + 1] ?? '') || HAVING_WORDS.has(words[i - 1] ?? '');
}

/** Whether the element's class or id names page furniture rather than article text. */
export function looksLikeBoilerplate(el: Element): boolean {
  const words = nameWords(el);
  if (words.length === 0) return false;
  return hasFurnitureWordOf(words, FURNITURE_WORDS) || (hasFurnitureWordOf(words, MAYBE_FURNITURE_WORDS) && !hasWordOf(words, CONTENT_WORDS));
}

/**
 * Whether a block is furniture by its class or id, or by the embed it stands in for (see
 * standsInForEmbed). A link is never furniture by its name: its
 * text is part of a sentence, and auto-linkers name theirs after tags
 * (`<a id="auto-tag_boeing_1">Boeing</a>`); a link-only block is caught by its link density.
 * Nor is an inline element with words of the sentence beside it: taggers and ad scripts wrap
 * names in running text the same way (`Shares of <span class="related-tag">Boeing</span> fell`).
 */
export function isNamedFurniture(el: Element): boolean {
  return el.localName !== 'a' && !inSentence(el) && (looksLikeBoilerplate(el) || standsInForEmbed(el));
}

/** Markup of an embed: a player's frame, a post's script or its quoted text. */
const EMBED_MARKUP = /<(?:iframe|script|blockquote)\b/i;
/** Longest text of a stand-in for an embed: a heading, a sentence or two of consent and a button's label. */
const MAX_STAND_IN_TEXT = 1000;

/**
 * Whether `el` stands in for an embed until the reader consents to it (a "two-click" embed, as
 * European sites load YouTube, X or Instagram): it keeps the embed's markup in a data attribute
 * and shows a short notice instead ("Empfohlener redaktioneller Inhalt … YouTube-Inhalte
 * erlauben", Gamestar; "Externer Inhalt nicht verfügbar", Business Insider). The notice is no
 * more the article's text than the embed would be.
 */
function standsInForEmbed(el: Element): boolean {
  for (const { name, value } of el.attributes) {
    if (name.startsWith('data-') && value.includes('<') && EMBED_MARKUP.test(value)) {
      return (el.textContent?.length ?? 0) <= MAX_STAND_IN_TEXT;
    }
  }
  return false;
}

/** Elements that sit inside a line of text rather than making a block of their own. */
const INLINE_TAGS = new Set(['span', 'em', 'strong', 'b', 'i', 'u', 'mark', 'small', 'abbr', 'cite', 'q', 'sub', 'sup', 'time', 'data', 'font', 's', 'del', 'ins', 'dfn', 'bdi']);

/** Whether `el` is inline with text of its own line right before or after it. */
function inSentence(el: Element): boolean {
  if (!INLINE_TAGS.has(el.localName)) return false;
  const words = (node: Node | null) => node?.nodeType === 3 && /\S/.test((node as Text).data);
  return words(el.previousSibling) || words(el.nextSibling);
}

/** Whether the element's class or id names article content. */
export function looksLikeContent(el: Element): boolean {
  return hasWordOf(nameWords(el), CONTENT_WORDS);
}

/** A dialog's own element: marked `aria-hidden` while closed, and hidden by the site's style too. */
function isDialog(el: Element): boolean {
  const role = el.getAttribute('role');
  return role === 'dialog' || role === 'alertdialog' || el.localName === 'dialog' || el.hasAttribute('aria-modal');
}

/** Paragraphs from which an `aria-hidden` element is a page hidden from screen readers, not from the eye. */
const ARIA_HIDDEN_PAGE_PARAGRAPHS = 3;

/**
 * Hidden by attributes the page sets (no style computation). `aria-hidden` hides from screen
 * readers only: what it marks is mostly decoration (icons, duplicated labels) and is left out,
 * but sites also set it on their whole page while a dialog (cookie consent, a paywall offer)
 * is open, and that page, paragraphs and all, is on screen behind the dialog. A closed dialog
 * marked so stays hidden, whatever it holds.
 */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return !isStreamedSegment(el);
  if (el.getAttribute('aria-hidden') === 'true' && (isDialog(el) || el.getElementsByTagName('p').length < ARIA_HIDDEN_PAGE_PARAGRAPHS)) return true;
  const style = el.getAttribute('style');
  if (style === null || !style.includes(':')) return false;
  // Compared without white space and case, rather than by a case-insensitive pattern (see wordSet).
  const declarations = style.replace(WHITE_SPACE, '').toLowerCase();
  return declarations.includes('display:none') || declarations.includes('visibility:hidden');
}

const WHITE_SPACE = /\s+/g;

/**
 * A part of the page a React server streamed after its shell (`<div hidden id="S:1a">`): the
 * page's own script moves it into place and shows it as soon as it arrives, so it is content,
 * not hidden. In a page whose scripts ran it is gone from there; in a saved page, or one read
 * without scripts (the CLI), the story of a Next.js or Remix site is often all in such parts.
 */
function isStreamedSegment(el: Element): boolean {
  return el.localName === 'div' && el.id.startsWith('S:');
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

/**
 * Whether `later` comes after `earlier` in document order (a node inside `earlier` does), as
 * `earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING` answers in a
 * browser. Worked out from the two nodes' ancestors, because linkedom (the CLI's DOM) answers
 * the reverse for nodes in different branches, and the CLI must find what the page finds.
 */
export function comesAfter(later: Node, earlier: Node): boolean {
  const chain = (node: Node): Node[] => {
    const nodes: Node[] = [];
    for (let n: Node | null = node; n; n = n.parentNode) nodes.push(n);
    return nodes.reverse();
  };
  const a = chain(earlier);
  const b = chain(later);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length) return i < b.length; // `later` is inside `earlier`
  if (i === b.length || i === 0) return false; // `later` holds `earlier`, or they share no tree
  for (let sibling = a[i]!.nextSibling; sibling; sibling = sibling.nextSibling) if (sibling === b[i]) return true;
  return false;
}
