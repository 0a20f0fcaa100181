/**
 * Is this page one article? Declarations (JSON-LD, OpenGraph, `article:*`, microdata) say what
 * the publisher claims; the extracted body says whether there is one dominant piece of prose.
 * Section fronts and home pages often claim `og:type=article`, and plain blogs claim nothing,
 * so neither side decides alone: each signal adds or removes points.
 */
import { NON_ARTICLE_TYPES, isArticleNode, typesOf, type LdNode } from './json-ld';
import { FURNITURE_TAGS, isFeed, type ContentAnalysis } from './content';
import { isNamedFurniture, looksLikeBoilerplate } from './dom';
import { PRINTED_BYLINE, PRINTED_DATE, headlineAbove, isListingUrl, looksLikeShop } from './page-kind';
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
/** Reading length of a body long enough to be a short story by itself. */
const MEDIUM_TEXT = 700;
/** Reading length of a body long enough to be a whole story by itself. */
const LONG_TEXT = 1500;
/** Shorter bodies are never an article (a teaser, an app shell). */
const MIN_TEXT = 250;
/** Text per linked heading below which the body is a list of teasers. */
const LISTING_CHARS_PER_TEASER = 180;
/** How much of the body's own text is searched for its date and credit. */
const BODY_HEAD_CHARS = 1000;
/** How much text around the body is searched for its date and credit. */
const AROUND_HEAD_CHARS = 6000;
/** Printed dates in the body from which it is a log of dated entries, not a story. */
const DATED_ENTRIES = 6;
const PRINTED_DATES = new RegExp(PRINTED_DATE.source, 'gu');
/** Share of an `<article>`'s text in links from which it is a link card, not a post. */
const MAX_POST_LINK_SHARE = 0.5;
/** Teaser cards from which a page whose teasers hold more prose than its body is a listing. */
const MIN_LISTING_TEASERS = 5;
/** Times the body's prose its teaser cards hold, from which the page is a listing whatever else it shows. */
const LISTING_TEASER_PROSE = 2;
/** Shortest own text of a table cell that counts it among a table's prose cells. */
const LIST_CELL_CHARS = 70;
/** Links to the page's own sections from which a page reads as a manual with a table of contents. */
const IN_PAGE_LINKS = 20;

export function detectArticle(input: DetectionInput): Detection {
  const { doc, ld, tags, content, map, canonicalUrl } = input;
  const signals: string[] = [];
  let score = 0;
  let againstCount = 0;
  const add = (points: number, signal: string) => {
    score += points;
    if (points < 0) againstCount++;
    signals.push(signal);
  };

  const articleNodes = ld.filter(isArticleNode);
  if (articleNodes.length) add(2, `json-ld:${typesOf(articleNodes[0]!)[0]}`);
  const listingType = ld.flatMap(typesOf).find((t) => NON_ARTICLE_TYPES.has(t));
  if (listingType && !articleNodes.length) add(-2, `json-ld:${listingType}`);
  if (tags.get('og:type')?.toLowerCase() === 'article') add(1, 'og:article');
  if (tags.has('article:published_time') || tags.has('datepublished')) add(1, 'published-time');
  if (doc.querySelector('[itemtype*="schema.org/"][itemtype$="Article" i], [itemtype$="BlogPosting" i]')) add(1, 'microdata:article');

  // Documentation, manuals and changelogs are long prose too, but claim nothing and link to their
  // own sections; a page that claims to be an article is spared these checks. A page that claims
  // nothing but prints its date (and author) at the body, under its headline, as stories do, earns
  // what claims would have given it. A missing date costs nothing: many stories print theirs only
  // through scripts, and saved pages lose their claims, so one dominant prose body carries the page.
  if (score <= 0 && content.root) {
    const around = surroundings(content.root);
    const head = textHead(content.root, around);
    const datedHere = around.querySelector('time[datetime], [itemprop~="datePublished"]') !== null || PRINTED_DATE.test(head);
    if (datedHere && PRINTED_BYLINE.test(head)) add(2, 'dated-byline');
    else if (datedHere) add(1, 'dated');
    if (headlineAbove(doc, content.root)) add(1, 'headline');
    // A story prints its date once or twice; release notes, changelogs and archives one per entry.
    const dates = map.text.match(PRINTED_DATES)?.length ?? 0;
    if (dates >= DATED_ENTRIES) add(-3, `dated-entries:${dates}`);
    if (tableOfContents(doc)) add(-2, 'in-page-links');
    if (listShare(content) > 0.5) add(-1, 'list-heavy');
  }
  const length = readingLength(map.text);
  if (length >= LONG_TEXT) add(2, 'text:long');
  else if (length >= MEDIUM_TEXT) add(1, 'text:medium');
  if (content.root?.closest('article')) add(1, 'in-article-element');
  const furnitureShare = content.furniture / Math.max(1, content.proseChars + content.furniture);
  if (content.proseChars >= 500 && furnitureShare < 0.25) add(1, 'prose-dominant');
  else if (furnitureShare > 0.5) add(-1, 'furniture-heavy');

  // One article has one headline; a listing has a linked heading per teaser inside what we took for the body.
  // A long story may close on a strip of cards, which comes after its last words; a short text
  // followed by linked headlines is as likely a listing's lead, whose headlines count.
  const bodyEnd = length >= LONG_TEXT ? (map.segments.at(-1)?.node ?? null) : null;
  const teasers = content.root ? countTeaserHeadings(content.root, content, bodyEnd) : 0;
  if (teasers >= 5) add(length / teasers < LISTING_CHARS_PER_TEASER ? -5 : -2, `teaser-headings:${teasers}`);
  const code = content.root ? content.root.querySelectorAll('pre, code, kbd, samp').length : 0;
  if (code >= 5) add(-2, `code:${code}`);
  const nested = content.root ? postsIn(content.root, bodyEnd) : 0;
  if (nested >= 3) add(-3, `articles-in-body:${nested}`);
  // Posts side by side around the body make it a blog's front page. Prose `<article>` cards
  // elsewhere on the page (a "more stories" rail with summaries) say nothing of the body, so
  // only the feed holding the body counts against it, and enough to outweigh a long post's points.
  if (content.root && insideFeed(content.root)) add(-4, 'in-feed');
  // A story may close on a strip of teaser cards holding about as much prose as itself; a
  // listing's cards hold several times what it took for the body. Cards after a long story's
  // last words (a stream of other stories below it) count as such a strip whatever they hold.
  if (content.teasers.count >= MIN_LISTING_TEASERS && content.teasers.prose > content.proseChars) {
    const listing = proseOfCardsBefore(content.teasers.cards, bodyEnd) > content.proseChars * LISTING_TEASER_PROSE;
    add(listing ? -3 : -1, `teaser-cards:${content.teasers.count}`);
  }
  if (looksLikeShop(doc, tags)) add(-2, 'shop');
  if (canonicalUrl) {
    const { pathname, search } = new URL(canonicalUrl);
    if (pathname === '/' || pathname === '') add(-2, 'url:home');
    else if (isListingUrl(pathname, search)) add(-2, 'url:listing');
  }
  // One dominant piece of prose that nothing speaks against is an article even with no claim,
  // date or headline to show (a saved page loses them; many blogs and small outlets print none):
  // where the page cannot tell, it passes.
  const unopposedProse = score >= THRESHOLD - 1 && againstCount === 0 && signals.includes('prose-dominant') && length >= MEDIUM_TEXT;
  const isArticle = length >= MIN_TEXT && (score >= THRESHOLD || unopposedProse);
  return { isArticle, score, signals };
}

/**
 * Headings in the body (not in its rails and boxes) that link somewhere else: the mark of a
 * teaser. Two kinds of linked heading are not teasers: one over a section of the story's own
 * prose (a list article's items, each titled by a link to what it reviews), and one after
 * `bodyEnd`, the last words of a long story (a strip of cards closing it, which the text leaves
 * out anyway). A listing's teasers stand between the texts taken for its body, each over a short summary.
 */
function countTeaserHeadings(root: Element, content: ContentAnalysis, bodyEnd: Node | null): number {
  // Read only once a linked heading is found: most bodies have none.
  let proseUnder: Map<Element, number> | null = null;
  let count = 0;
  for (const heading of root.querySelectorAll('h2, h3, h4')) {
    if (insideFurniture(heading, root)) continue;
    const link = heading.querySelector('a[href]') ?? heading.closest('a[href]');
    const headingText = heading.textContent?.trim().length ?? 0;
    if (!link || headingText === 0 || (link.textContent?.trim().length ?? 0) < headingText * 0.6) continue;
    if (bodyEnd && bodyEnd.compareDocumentPosition(heading) & FOLLOWING) continue;
    proseUnder ??= proseUnderHeadings(root, content);
    if ((proseUnder.get(heading) ?? 0) >= SECTION_PROSE) continue;
    count++;
  }
  return count;
}

/** The prose of the teaser cards not after `bodyEnd` (of all of them without it). */
function proseOfCardsBefore(cards: readonly { card: Element; prose: number }[], bodyEnd: Node | null): number {
  let prose = 0;
  for (const { card, prose: held } of cards) if (!(bodyEnd && bodyEnd.compareDocumentPosition(card) & FOLLOWING)) prose += held;
  return prose;
}

/** Node.DOCUMENT_POSITION_FOLLOWING, which a pure module cannot read from the page's Node. */
const FOLLOWING = 4;
/** Prose under a linked heading, up to the next heading, from which it titles a section of the story rather than a teaser (a teaser's summary is shorter). */
const SECTION_PROSE = 400;

/** Prose characters between each heading of `root` and the next, in page order. */
function proseUnderHeadings(root: Element, content: ContentAnalysis): Map<Element, number> {
  const prose = new Map<Element, number>();
  let heading: Element | null = null;
  for (const el of root.querySelectorAll('*')) {
    if (/^h[1-6]$/.test(el.localName)) {
      heading = el;
      prose.set(el, 0);
      continue;
    }
    const stats = heading && !heading.contains(el) ? content.fragments.get(el) : undefined;
    if (stats && stats.linkChars < stats.chars * PROSE_LINK_SHARE) prose.set(heading!, prose.get(heading!)! + stats.chars);
  }
  return prose;
}

/** Share of a fragment's text in links below which it counts as prose under a heading. */
const PROSE_LINK_SHARE = 0.33;

/** The body's near surroundings, where its headline, date and byline sit. */
function surroundings(root: Element): Element {
  return root.parentElement?.parentElement ?? root.parentElement ?? root;
}

/** The head of the body's text and of its surroundings' text, searched for a date and a credit. */
function textHead(root: Element, around: Element): string {
  return `${(root.textContent ?? '').slice(0, BODY_HEAD_CHARS)}\n${(around.textContent ?? '').slice(0, AROUND_HEAD_CHARS)}`;
}

/**
 * A table of contents as documentation generators name theirs (DocBook's `<div class="TOC">`,
 * Sphinx's and MkDocs' `toc`, `table-of-contents`): a manual's, however few its sections.
 */
const NAMED_CONTENTS = '[class~="toc" i], [id="toc" i], [class*="table-of-contents" i], [id*="table-of-contents" i]';
/** Sections a named table of contents links to from which it is one. */
const NAMED_CONTENTS_LINKS = 2;

/**
 * Whether the page links to sections as a manual's table of contents does: bare fragments that
 * name a section of the page (#intro), or sections of sibling files of the same document
 * (index.html#intro, x34.html#AEN40), each a different one, twenty of them, or a few from a box
 * named a table of contents. Script-driven "#" links name nothing and do not count, nor do links
 * into the page's furniture: a site menu's panels (#sidebarmenu-poder) and skip links (#menu,
 * #footer) are no table of contents (Folha de S.Paulo).
 */
function tableOfContents(doc: Document): boolean {
  const links = doc.querySelectorAll('a[href*="#"]');
  const named = doc.querySelector(NAMED_CONTENTS);
  if (links.length < (named ? NAMED_CONTENTS_LINKS : IN_PAGE_LINKS)) return false;
  const sections = new Map<string, Element>();
  for (const el of doc.querySelectorAll('[id], a[name]')) sections.set(el.id || (el.getAttribute('name') ?? ''), el);
  if (named && sectionsLinked(named.querySelectorAll('a[href*="#"]'), sections) >= NAMED_CONTENTS_LINKS) return true;
  return sectionsLinked(links, sections) >= IN_PAGE_LINKS;
}

/** How many different sections of the document `links` name (see tableOfContents); `sections`, the page's elements by id or anchor name. */
function sectionsLinked(links: Iterable<Element>, sections: ReadonlyMap<string, Element>): number {
  // Sections are counted once each: a comment thread's reply links all name its one form.
  const linked = new Set<string>();
  for (const link of links) {
    const href = link.getAttribute('href')!;
    const fragment = href.slice(href.indexOf('#') + 1);
    const file = href.slice(0, href.indexOf('#'));
    const target = sections.get(fragment);
    const section = file ? !/[/:?]/.test(file) : target !== undefined && !inFurniture(target);
    if (fragment && section) linked.add(href);
  }
  return linked.size;
}

/** Whether `el` is, or sits inside, page furniture by its tag or name. */
function inFurniture(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (FURNITURE_TAGS.has(node.localName) || isNamedFurniture(node)) return true;
  }
  return false;
}

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/gu;

/**
 * Text length as reading length: a CJK character counts as two, as in content scoring, since
 * it carries about what two Latin letters do; a Japanese story is half as long in characters.
 */
function readingLength(text: string): number {
  return text.length + (text.match(CJK_CHAR)?.length ?? 0);
}

/**
 * `<article>` elements in the body that hold prose rather than links: posts listed side by
 * side. A story's own strip of related-link cards, each an `<article>`, is not a feed, nor are
 * cards after `bodyEnd` (see countTeaserHeadings).
 */
function postsIn(root: Element, bodyEnd: Node | null): number {
  let posts = 0;
  for (const article of root.querySelectorAll('article')) {
    if (bodyEnd && bodyEnd.compareDocumentPosition(article) & FOLLOWING) continue;
    const chars = article.textContent?.trim().length ?? 0;
    let linked = 0;
    for (const link of article.querySelectorAll('a[href]')) linked += link.textContent?.trim().length ?? 0;
    if (chars > 0 && linked < chars * MAX_POST_LINK_SHARE) posts++;
  }
  return posts;
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

/**
 * Share of the body's prose that sits in list items and definitions, directly or in paragraphs
 * inside them, and in table cells: high in changelogs, manuals and glossaries.
 */
function listShare(content: ContentAnalysis): number {
  const root = content.root;
  if (!root) return 0;
  let listed = 0;
  let all = 0;
  // Table cells whose own text is prose, by table: a table of several is a glossary or a grid;
  // one cell alone is an old layout's story, set in one cell (often with <br>s, no <p>).
  const proseCells = new Map<Element | null, number>();
  for (const [el, stats] of content.fragments) {
    if (el.localName === 'td' && stats.chars >= LIST_CELL_CHARS && root.contains(el)) proseCells.set(el.closest('table'), (proseCells.get(el.closest('table')) ?? 0) + 1);
  }
  for (const [el, stats] of content.fragments) {
    if (!root.contains(el)) continue;
    all += stats.chars;
    // A table cell counts only as the prose's own block, and only beside other such cells.
    const item = el.localName === 'td' ? ((proseCells.get(el.closest('table')) ?? 0) > 1 ? el : null) : el.closest('li, dd, pre');
    if (item && root.contains(item)) listed += stats.chars;
  }
  return all ? listed / all : 0;
}
