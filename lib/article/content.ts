/**
 * Finds the element that holds the article body, in one bottom-up pass over the live DOM.
 *
 * Text is cut into fragments: the text of one block element that is not inside a nested block
 * (a paragraph, a list item, a div's loose text). A fragment long enough and not made of links
 * is prose ("good"); link text and short scraps are furniture ("bad"). Each element scores
 * good − bad over its subtree, and the best-scoring element is the body's root: going up from a
 * paragraph gathers more prose until the next step up would gather more furniture than prose.
 * Furniture containers (nav, aside, footer, elements named "related", "comments", "share"…)
 * count all their prose as furniture, so that prose-like rails and comments repel the root.
 */
import { BLOCK_TAGS, HEADING_TAGS, comesAfter, isHidden, isNamedFurniture, looksLikeContent, visibleLength } from './dom';
import { runSteps } from './steps';

/** Elements walked for nothing: no readable text inside. */
export const OPAQUE_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio',
  'button', 'select', 'textarea', 'input', 'head', 'title', 'meta', 'link', 'img', 'picture', 'math', 'dialog',
]);
/** Elements that hold page furniture by their nature. */
export const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'header', 'figcaption', 'menu', 'label']);
/** Elements that may be the body's root. */
const ROOT_TAGS = new Set(['div', 'section', 'article', 'main', 'td', 'body', 'span', 'font', 'center', 'blockquote', 'form']);

/** Paragraphs from which an `<a>` around them is a tag left open: a teaser card links one or two. */
const LINKED_PARAGRAPHS = 3;
/** Shortest fragment that reads as prose, in visible characters; CJK characters count double. */
const MIN_PROSE_CHARS = 70;
/**
 * The same for a page where no fragment reaches MIN_PROSE_CHARS: a story told in short
 * paragraphs (a line a paragraph, as tabloids and breaking items write) is read again with this.
 */
export const SHORT_PROSE_CHARS = 25;
/** Share of link text above which a fragment is navigation, not prose. */
const MAX_PROSE_LINK_DENSITY = 0.33;
/** Weight of a candidate root inside furniture: kept above zero for bodies wrapped in misnamed elements. */
const FURNITURE_WEIGHT = 0.3;
/** Share of a root's prose one child must hold for the root to narrow to it. */
const NARROW_SHARE = 0.8;
/** Prose a story under its own headline holds at least, to be taken as one of several on a page. */
const MIN_STORY_PROSE = 500;
/** Cards of other stories. */
const CARDS = 'article, h2 a, h3 a, h4 a';
/** Most prose a lead above the body's container holds, as a share of the body's prose. */
const MAX_LEAD_SHARE = 0.25;
/** Weight of short non-link text (headings, labels, dates) as furniture. */
const SCRAP_WEIGHT = 0.3;
/** Most prose a teaser card (a linked headline and its summary) holds; an article under a linked title holds more. */
const MAX_TEASER_PROSE = 400;
/** Sibling `<article>` elements from which their parent is a feed of other posts. */
const FEED_ARTICLES = 3;
/** Share of a heading's text in links from which the heading links elsewhere (a teaser's headline). */
const LINKED_HEADING_SHARE = 0.6;

/** Text statistics of one fragment (the text of a block, not counting nested blocks). */
export interface FragmentStats {
  chars: number;
  linkChars: number;
}

export interface ContentAnalysis {
  /** The best-scoring element, or null when the page has no prose at all. */
  root: Element | null;
  /** When the body is split into containers of one kind, all of them in page order, the root among them (see partsOf). */
  parts: Element[] | null;
  /** Prose characters under the root. */
  proseChars: number;
  /** Furniture weight under the root. */
  furniture: number;
  /** Fragment statistics of every block element walked, for the text pass. */
  fragments: Map<Element, FragmentStats>;
  /** Prose characters under each furniture element (teaser cards and feeds included), so the text pass can skip them or keep a misnamed body. */
  furnitureProse: Map<Element, number>;
  /** Teaser cards found on the whole page, and the prose they hold: a listing's mark. */
  teasers: { count: number; prose: number; cards: { card: Element; prose: number }[] };
  /** Prose characters under each candidate root, for a root chosen later by other evidence. */
  proseOf: Map<Element, number>;
  /** The standfirst the story's header sets between its headline and the root (see standfirstOf), read before the root; empty when there is none. */
  standfirst: Element[];
}

interface Totals {
  good: number;
  bad: number;
  /** Text of inline content not yet assigned to a block. */
  chars: number;
  linkChars: number;
  /** Headings in the subtree whose text is mostly a link. */
  linkedHeadings: number;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** Elements walked between two pauses of a stepped walk (content scoring, the text pass). */
export const ELEMENTS_PER_STEP = 200;
/**
 * Most elements one analysis walks: a page that keeps moving nodes between pauses could
 * otherwise keep the walk going forever. Far above any real page (100k-node DOMs included).
 */
export const MAX_ELEMENTS_WALKED = 1_000_000;

/** One element under way in the walk: its flags, its totals so far, and the next child to read. */
interface Frame {
  el: Element;
  tag: string;
  linked: boolean;
  inFurniture: boolean;
  furniture: boolean;
  /** A parent of several `<article>`s: furniture unless it holds more prose of its own (see storyAmongCards). */
  feed: boolean;
  totals: Totals;
  next: ChildNode | null;
}

/** Scores the subtree of `body` and returns the element most likely to hold the article body. */
export function analyzeContent(body: Element): ContentAnalysis {
  return runSteps(analyzeContentSteps(body));
}

/**
 * The same scoring as a generator that pauses every few hundred elements, so a page is never
 * held for long. The walk is iterative (an explicit stack, not recursion) so that it can pause
 * anywhere; elements are scored bottom-up as they are left, exactly as a recursive walk would.
 */
export function* analyzeContentSteps(body: Element, minProseChars = MIN_PROSE_CHARS): Generator<void, ContentAnalysis> {
  const fragments = new Map<Element, FragmentStats>();
  const furnitureProse = new Map<Element, number>();
  const goodOf = new Map<Element, number>();
  const badOf = new Map<Element, number>();
  let best: Element | null = null;
  let bestScore = 0;
  let bestTotals: Totals = emptyTotals();
  const teasers: ContentAnalysis['teasers'] = { count: 0, prose: 0, cards: [] };
  const feeds = feedsUnder(body);

  /** A frame for `el`, or null when nothing under it is readable. */
  const enter = (el: Element, inLink: boolean, inFurniture: boolean): Frame | null => {
    const tag = el.localName;
    if (OPAQUE_TAGS.has(tag) || isHidden(el)) return null;
    const furniture = FURNITURE_TAGS.has(tag) || isNamedFurniture(el);
    // An `<a>` without an address is a named anchor, not a link; one around paragraphs is a tag
    // left open, not a link either. Old pages open one at the top (`<a name="top">`, a logo's
    // `<a href="/">`) and never close it, and the browser puts the rest of the page inside it.
    const linked = inLink || (tag === 'a' && el.hasAttribute('href') && el.getElementsByTagName('p').length < LINKED_PARAGRAPHS);
    return { el, tag, linked, inFurniture, furniture, feed: feeds.has(el), totals: emptyTotals(), next: el.firstChild };
  };

  /** Scores a frame whose children are all read; its totals then go to its parent. */
  const leave = ({ el, tag, inFurniture, furniture, feed, totals }: Frame): void => {
    if (BLOCK_TAGS.has(tag)) closeFragment(el, totals);
    // A linked headline with a short summary is a teaser for another page, wherever it sits.
    const teaser = totals.linkedHeadings === 1 && totals.good > 0 && totals.good < MAX_TEASER_PROSE;
    if (teaser) {
      teasers.count++;
      teasers.prose += totals.good;
      teasers.cards.push({ card: el, prose: totals.good });
    }
    if (furniture || teaser || (feed && !storyAmongCards(el, totals.good, goodOf))) {
      if (totals.good > 0) furnitureProse.set(el, totals.good);
      totals.bad += totals.good;
      totals.good = 0;
    } else if (ROOT_TAGS.has(tag)) {
      const weight = (looksLikeContent(el) || tag === 'article' ? 1.1 : 1) * (inFurniture ? FURNITURE_WEIGHT : 1);
      const score = (totals.good - totals.bad) * weight;
      goodOf.set(el, totals.good);
      badOf.set(el, totals.bad);
      if (score > bestScore) {
        bestScore = score;
        best = el;
        bestTotals = { ...totals };
      }
    }
  };

  /** Turns the inline text gathered so far into a fragment of `el` and scores it. */
  const closeFragment = (el: Element, totals: Totals): void => {
    const { chars, linkChars } = totals;
    if (chars > 0) fragments.set(el, { chars, linkChars });
    const isHeading = HEADING_TAGS.has(el.localName);
    if (isHeading && chars > 0 && linkChars >= chars * LINKED_HEADING_SHARE) totals.linkedHeadings++;
    if (!isHeading && readsAsProse(chars, linkChars, minProseChars)) {
      totals.good += chars;
    } else if (!isHeading) {
      totals.bad += linkChars + SCRAP_WEIGHT * (chars - linkChars);
    }
    totals.chars = 0;
    totals.linkChars = 0;
  };

  const first = enter(body, false, false);
  const stack: Frame[] = first ? [first] : [];
  let walked = 0;
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const { totals } = frame;
    let child = frame.next;
    // Reads text children into the frame's totals until its next readable element child.
    let entered: Frame | null = null;
    for (; child && !entered; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        const n = visibleLength(data) * (CJK.test(data) ? 2 : 1);
        totals.chars += n;
        if (frame.linked) totals.linkChars += n;
      } else if (child.nodeType === 1) {
        entered = enter(child as Element, frame.linked, frame.inFurniture || frame.furniture || frame.feed);
      }
    }
    frame.next = child;
    if (entered) {
      stack.push(entered);
      if (++walked % ELEMENTS_PER_STEP === 0) {
        if (walked >= MAX_ELEMENTS_WALKED) break;
        yield;
      }
      continue;
    }
    stack.pop();
    leave(frame);
    const parent = stack[stack.length - 1];
    if (parent) addTotals(parent.totals, totals);
  }
  const declared = declaredBody(body, best);
  if (declared) {
    best = declared;
    bestTotals = { ...emptyTotals(), good: goodOf.get(declared) ?? 0, bad: badOf.get(declared) ?? 0 };
  }
  // A root that gathered a little prose from far away (a teaser, a caption) has one child that
  // holds nearly all of it, with less furniture: that child is the body.
  for (let narrowed = true; best && narrowed; ) {
    narrowed = false;
    const total = goodOf.get(best) ?? 0;
    if (total <= 0) break;
    for (let child: Element | null = (best as Element).firstElementChild; child; child = child.nextElementSibling) {
      const good = goodOf.get(child) ?? 0;
      if (good >= total * NARROW_SHARE) {
        if (continuedBeside(child, goodOf)) break;
        best = child;
        bestTotals = { ...emptyTotals(), good, bad: badOf.get(child) ?? 0 };
        narrowed = true;
        break;
      }
    }
  }
  const story = best && firstStoryIn(best, goodOf);
  if (story) {
    best = story;
    bestTotals = { ...emptyTotals(), good: goodOf.get(story) ?? 0, bad: badOf.get(story) ?? 0 };
  }
  const parts = best ? partsOf(best, goodOf) : null;
  if (parts) bestTotals = { ...emptyTotals(), good: parts.reduce((sum, part) => sum + (goodOf.get(part) ?? 0), 0), bad: bestTotals.bad };
  const lead = best && !parts && leadAbove(best, goodOf, badOf, fragments, furnitureProse);
  if (lead) {
    best = lead;
    bestTotals = { ...emptyTotals(), good: goodOf.get(lead) ?? 0, bad: badOf.get(lead) ?? 0 };
  }
  const standfirst = best ? standfirstOf(parts ?? [best], fragments) : [];
  return { root: best, parts, proseChars: bestTotals.good, furniture: bestTotals.bad, fragments, furnitureProse, teasers, proseOf: goodOf, standfirst };
}

/** Levels above the root within which the story's headline and standfirst sit. */
const STANDFIRST_LEVELS = 4;
/** Paragraphs of prose between headline and body above which they are not a standfirst but a part of the page the root left out. */
const MAX_STANDFIRST_PARAGRAPHS = 2;
/** Where a paragraph between headline and body is not the story's: rails, pictures and their captions, forms. */
const OUTSIDE_STANDFIRST = 'nav, aside, footer, figure, figcaption, form, [role="navigation"]';

/**
 * The story's standfirst: the paragraph or two of prose set between its headline and its body,
 * in the header (`<header><h1>…</h1><p class="article-subtitle">…</p></header>`, `<p
 * class="preface">`, `<div class="lead"><p>`). The scoring leaves it out, since headers are
 * furniture and the body's container often starts below them; readers read it as the story's
 * first lines, and it often holds the news. With the headline above the root, the paragraphs
 * between the two; with the headline inside the root, those after it in its `<header>` (the
 * text pass skips headers). `body` is the root, or the parts of a body split into several.
 * Only prose counts (bylines and dates are short, link lists are links), and more than two
 * paragraphs are not a standfirst.
 */
function standfirstOf(body: readonly Element[], fragments: Map<Element, FragmentStats>): Element[] {
  // The body's first part stands for it: the standfirst comes before all of them.
  const root = body[0]!;
  const headline = headlineOf(root);
  if (!headline) return [];
  const inside = root.contains(headline);
  const scope = inside ? headline.closest('header') : commonAncestor(headline, root);
  if (!scope || (inside && !root.contains(scope))) return [];
  const paragraphs: Element[] = [];
  for (const p of scope.querySelectorAll('p')) {
    const afterHeadline = comesAfter(p, headline);
    const beforeBody = inside || (comesAfter(root, p) && !root.contains(p));
    if (!afterHeadline || !beforeBody || p.closest(OUTSIDE_STANDFIRST) || p.parentElement?.closest('p') || leftOutBetween(p, scope)) continue;
    const stats = fragments.get(p);
    if (stats && readsAsProse(stats.chars, stats.linkChars)) paragraphs.push(p);
  }
  return paragraphs.length <= MAX_STANDFIRST_PARAGRAPHS ? paragraphs : [];
}

/** The story's headline: the first `<h1>` in the root, else the last one above it within a few levels. */
function headlineOf(root: Element): Element | null {
  const own = root.querySelector('h1');
  if (own) return own;
  let around: Element = root;
  for (let level = 0; level < STANDFIRST_LEVELS && around.parentElement; level++) {
    around = around.parentElement;
    const headings = around.querySelectorAll('h1');
    for (let i = headings.length - 1; i >= 0; i--) if (comesAfter(root, headings[i]!)) return headings[i]!;
  }
  return null;
}

/**
 * Whether `el` or a container of it below `scope` is hidden or furniture by its name: a photo's
 * caption set in a plain div between headline and body (`<div class="caption-text-block"><p>`),
 * a byline box, a share bar. The header around them is furniture too, so only what lies below it counts.
 */
function leftOutBetween(el: Element, scope: Element): boolean {
  for (let node: Element | null = el; node && node !== scope; node = node.parentElement) if (isNamedFurniture(node) || isHidden(node)) return true;
  return false;
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let node: Element | null = a.parentElement; node; node = node.parentElement) if (node.contains(b)) return node;
  return null;
}

/**
 * The child of `root` holding the first of several stories, each under its own `<h1>`: pages
 * that load the next story as the reader scrolls append it, headline and all, beside the first,
 * and the two together outscore either. The page's address names the first; a child holding
 * every `<h1>`, too little prose for a story or no `<article>` is not one story of several.
 */
function firstStoryIn(root: Element, goodOf: Map<Element, number>): Element | null {
  const headlines = root.querySelectorAll('h1');
  if (headlines.length < 2) return null;
  let child: Element = headlines[0]!;
  while (child.parentElement && child.parentElement !== root) child = child.parentElement;
  if (child === headlines[0] || child.contains(headlines[headlines.length - 1]!)) return null;
  // Stories are set in `<article>`s; a manual's chapters, each under its own `<h1>`, are not.
  const article = headlines[0]!.closest('article');
  if (!article || !child.contains(article)) return null;
  return (goodOf.get(child) ?? 0) >= MIN_STORY_PROSE ? child : null;
}

/**
 * The containers of a body split into several of one kind (same tag, same class) around ads and
 * boxes, the root among them, in page order; null when the root stands alone. The scoring finds
 * the longest part: their parent holds the boxes between them, and often rails and lists after
 * them, which weigh it down. Only parts holding prose count: an empty one is a placeholder.
 */
function partsOf(root: Element, goodOf: Map<Element, number>): Element[] | null {
  const kind = root.getAttribute('class')?.trim();
  const parent = root.parentElement;
  if (!kind || !parent) return null;
  const parts: Element[] = [];
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName === root.localName && sibling.getAttribute('class')?.trim() === kind && (goodOf.get(sibling) ?? 0) > 0) parts.push(sibling);
  }
  return parts.length > 1 ? parts : null;
}

/**
 * The root's parent, when the prose it adds is a lead: a standfirst or summary set in its own
 * container above the story's, as many publishers print it (`<div class="lead">` then
 * `<div class="article-body">`). The scoring prefers the body's container, which holds nearly
 * all the prose and is named as content; the lead is the story's first paragraph all the same.
 * Taken only when all the added prose lies before the root, is short beside it, and comes with
 * no more furniture than prose: prose gathered from far away (a bio, a teaser) lies after it.
 */
function leadAbove(
  root: Element,
  goodOf: Map<Element, number>,
  badOf: Map<Element, number>,
  fragments: Map<Element, FragmentStats>,
  furnitureProse: Map<Element, number>,
): Element | null {
  const parent = root.parentElement;
  const inside = goodOf.get(root) ?? 0;
  const whole = parent ? goodOf.get(parent) : undefined;
  if (!parent || whole === undefined || inside <= 0) return null;
  const added = whole - inside;
  if (added <= 0 || added > inside * MAX_LEAD_SHARE) return null;
  if ((badOf.get(parent) ?? 0) - (badOf.get(root) ?? 0) > added) return null;
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling !== root && sibling.querySelector(CARDS)) return null;
  }
  for (let sibling = root.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (holdsProse(sibling, goodOf, fragments, furnitureProse)) return null;
  }
  return parent;
}

/** Whether `el`, beside the root, holds prose the scoring counted for their parent. */
function holdsProse(el: Element, goodOf: Map<Element, number>, fragments: Map<Element, FragmentStats>, furnitureProse: Map<Element, number>): boolean {
  const counted = goodOf.get(el);
  if (counted !== undefined) return counted > 0;
  if (furnitureProse.has(el) || FURNITURE_TAGS.has(el.localName) || isNamedFurniture(el)) return false;
  const isProse = (block: Element) => {
    const stats = fragments.get(block);
    return !!stats && !HEADING_TAGS.has(block.localName) && readsAsProse(stats.chars, stats.linkChars);
  };
  if (isProse(el)) return true;
  for (const block of el.querySelectorAll('*')) if (isProse(block) && !block.closest('nav, aside, footer, header, figcaption')) return true;
  return false;
}

/** Whether a fragment's text reads as prose: long enough, and not made of links. */
function readsAsProse(chars: number, linkChars: number, minChars = MIN_PROSE_CHARS): boolean {
  return chars >= minChars && linkChars <= chars * MAX_PROSE_LINK_DENSITY;
}

/**
 * Whether the story in `part` goes on in a sibling of the same kind (same tag, same class) that
 * holds prose: pages split their body around an ad, a related-links box or a newsletter form
 * into containers of one class, and the root must hold all of them, not the longest alone.
 * Elements without a class are not compared: a bare `<div>` says nothing about its kind.
 */
function continuedBeside(part: Element, goodOf: Map<Element, number>): boolean {
  const kind = part.getAttribute('class')?.trim();
  if (!kind) return false;
  for (let sibling = part.parentElement?.firstElementChild ?? null; sibling; sibling = sibling.nextElementSibling) {
    if (sibling !== part && sibling.localName === part.localName && sibling.getAttribute('class')?.trim() === kind && (goodOf.get(sibling) ?? 0) > 0) return true;
  }
  return false;
}

/**
 * The element the page marks as its body (`itemprop="articleBody"`), when the scored root lies
 * outside every marked element: publishers mark the body they render, so a root elsewhere means
 * the scoring was misled (a body made of a table or of link-led list items scores poorly).
 * A root inside a marked element is kept: it is the same body, less the furniture around it.
 */
function declaredBody(body: Element, best: Element | null): Element | null {
  const marked = body.querySelectorAll('[itemprop~="articleBody"]');
  let choice: Element | null = null;
  let choiceChars = MIN_PROSE_CHARS;
  for (let i = 0; i < marked.length; i++) {
    const el = marked[i]!;
    if (best && (el.contains(best) || best.contains(el))) return null;
    const chars = visibleLength(el.textContent ?? '');
    if (chars > choiceChars && !isHidden(el)) {
      choice = el;
      choiceChars = chars;
    }
  }
  return choice;
}

function addTotals(to: Totals, from: Totals): void {
  to.good += from.good;
  to.bad += from.bad;
  to.chars += from.chars;
  to.linkChars += from.linkChars;
  to.linkedHeadings += from.linkedHeadings;
}

function emptyTotals(): Totals {
  return { good: 0, bad: 0, chars: 0, linkChars: 0, linkedHeadings: 0 };
}

/**
 * The feeds (see isFeed) under `root`, found from its `<article>` elements: one native query
 * instead of reading every element's children (most pages have none or a few).
 */
function feedsUnder(root: Element): Set<Element> {
  const articlesOf = new Map<Element, number>();
  const feeds = new Set<Element>();
  for (const article of root.querySelectorAll('article')) {
    const parent = article.parentElement;
    if (!parent) continue;
    const count = (articlesOf.get(parent) ?? 0) + 1;
    articlesOf.set(parent, count);
    if (count >= FEED_ARTICLES) feeds.add(parent);
  }
  return feeds;
}

/**
 * Whether a parent of several `<article>` elements is a story with cards among its paragraphs
 * (publishers set "related" cards as `<article>`s inside the body) rather than a feed of posts:
 * more of its prose lies outside those elements than inside them.
 */
function storyAmongCards(el: Element, good: number, goodOf: Map<Element, number>): boolean {
  let inArticles = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'article') inArticles += goodOf.get(child) ?? 0;
  }
  return good - inArticles > inArticles;
}

/** A parent of several `<article>` elements lists other posts (a "more stories" strip, a blog's front). */
export function isFeed(el: Element): boolean {
  let articles = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'article' && ++articles >= FEED_ARTICLES) return true;
  }
  return false;
}
