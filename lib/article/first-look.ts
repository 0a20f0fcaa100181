/**
 * The first look at a page, in the tiny script that runs on every page: a few selector queries
 * and at most a couple of hundred paragraphs' text, no JSON parsing, no layout. It stops pages
 * that are plainly not one article, so that the pipeline is never loaded there; where it cannot
 * tell, it passes, and the pipeline's detection decides. It imports only the reading of where
 * the prose sits, which imports nothing, so that the first stage stays small.
 */
import { isRootAddress, isTeaserListing, readProseLayout } from './prose-layout';

export interface FirstLook {
  pass: boolean;
  /** Why, e.g. "claims", "prose", "listing", "front", "no-prose", "scattered-prose". */
  reason: string;
}

/** A JSON-LD script naming an article type (see ARTICLE_TYPES in json-ld.ts), by its text alone. */
const ARTICLE_LD = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:https?:\/\/schema\.org\/)?(?:[A-Za-z]*Article|BlogPosting|LiveBlogPosting|Report|DiscussionForumPosting)"/;
/** What the publisher claims: an article's OpenGraph type, its publication time, or schema.org microdata. */
const CLAIM_SELECTOR = [
  'meta[property="og:type" i][content="article" i]',
  'meta[name="og:type" i][content="article" i]',
  'meta[name="og:type" i][value="article" i]',
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  '[itemtype*="schema.org/"][itemtype$="Article" i]',
  '[itemtype$="BlogPosting" i]',
].join(', ');

/** Paragraph text under one parent from which a page may hold one article's body. */
const MIN_GROUPED_PROSE = 400;
/** Ancestors of a paragraph that count it as theirs. */
const GROUP_DEPTH = 4;
/** Paragraphs read: keeps the look bounded on huge pages (a comment section of thousands). */
const MAX_PARAGRAPHS = 300;
/** Pages that set their text with `<br>` instead of paragraphs: line breaks in one element… */
const MIN_LINE_BREAKS = 8;
/** …around text enough for a story's body, outside links. */
const MIN_LINE_BROKEN_TEXT = 400;
/** Fewer paragraphs than this, and the page sets its text some other way (or has none). */
const FEW_PARAGRAPHS = 10;
/** Light-DOM elements up to which a page may live in shadow roots (a web-components app shell). */
const SHADOW_APP_ELEMENTS = 300;
/** Shadow roots nested in shadow roots, as component trees nest them, looked into. */
const SHADOW_DEPTH = 3;
/** Text (of any kind) from which a page with few paragraphs may still hold a story. */
const MIN_UNPARAGRAPHED_TEXT = 1000;

/** The page's canonical address (its canonical link, else og:url), else its own: where the page says it lives. */
export function pageAddress(doc: Document, own: string): string {
  const declared = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  if (declared) {
    try {
      return new URL(declared, own).href;
    } catch {
      // An unparsable address names nothing: the page's own stands.
    }
  }
  return own;
}

/**
 * Looks at `root` (the document, or an open shadow root holding the page) at `address` (the
 * page's canonical address, else its own; see pageAddress).
 */
export function firstLook(root: Document | ShadowRoot | Element, address?: string | null): FirstLook {
  const claims = root.querySelector(CLAIM_SELECTOR) !== null || hasArticleLd(root);
  const layout = readProseLayout(bodyOf(root), { untilListingRuledOut: true });
  // The second look's first rules, moved here so that their pages never load the pipeline
  // (second-look.ts says why each holds; its corpus tests hold for this look too).
  if (isTeaserListing(layout)) return { pass: false, reason: 'listing' };
  if (!claims && isRootAddress(address)) return { pass: false, reason: 'front' };
  if (claims) return { pass: true, reason: 'claims' };
  const paragraphs = root.querySelectorAll('p');
  if (layout.groupedProse >= MIN_GROUPED_PROSE) return { pass: true, reason: 'prose' };
  if (lineBrokenText(root) >= MIN_LINE_BROKEN_TEXT) return { pass: true, reason: 'line-breaks' };
  // A body set in bare divs between a few paragraphs (a standfirst, a caption), or with none at
  // all: the first look cannot tell, and passes when the page holds text enough for a story.
  if (holdsUnparagraphedText(root, paragraphs.length)) return { pass: true, reason: 'unparagraphed-text' };
  return { pass: false, reason: paragraphs.length ? 'scattered-prose' : 'no-prose' };
}

/**
 * Whether a page with `paragraphs` paragraphs, a few, holds text enough for a story outside
 * them: a body set in bare divs between a standfirst and a caption. A page with no paragraph at
 * all is most often an app, a video, a profile or a board, whose text is many short labels: it
 * holds a story only where runs of text a sentence or more long stand together, in one element
 * or in sibling elements of one container (a short Blogger post set with line breaks, a Times of
 * India story, a story set a div a paragraph). A feed of cards has such runs too, one summary a
 * card, each in a container of its own (Yandex's front page).
 */
export function holdsUnparagraphedText(root: Document | ShadowRoot | Element, paragraphs: number): boolean {
  if (paragraphs >= FEW_PARAGRAPHS) return false;
  return paragraphs > 0 ? textLength(root) >= MIN_UNPARAGRAPHED_TEXT : hasRunsTogether(root);
}

/** Characters of one run of text (a text node) that make it a sentence or more, not a label. */
const LONG_RUN = 150;
/** Long runs in one container from which a page without paragraphs may hold a story. */
const MIN_LONG_RUNS = 3;
/** Code whose text is no reading matter. */
const CODE = 'script, style, noscript, template';
/** Elements that set text within a line: a run's block is the nearest element around it of another kind. */
const INLINE_TAGS = new Set(['span', 'a', 'b', 'i', 'u', 'em', 'strong', 'small', 'mark', 'font']);
/** NodeFilter.SHOW_TEXT, which a module run outside a page cannot read from the page's globals. */
const SHOW_TEXT = 4;

/** Whether MIN_LONG_RUNS runs of text LONG_RUN characters long stand in one container: their block, or its parent. */
function hasRunsTogether(root: Document | ShadowRoot | Element): boolean {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(bodyOf(root), SHOW_TEXT);
  const runsIn = new Map<Element, number>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const { data } = node as Text;
    // Most text nodes are short: the length alone rules them out before anything else is read.
    let block = data.length < LONG_RUN ? null : node.parentElement;
    if (!block || block.matches(CODE) || data.trim().length < LONG_RUN) continue;
    while (INLINE_TAGS.has(block.localName) && block.parentElement) block = block.parentElement;
    // Counted in the block (runs between line breaks) and in its parent (a div a paragraph), never twice in one.
    for (const container of new Set([block, block.parentElement ?? block])) {
      const runs = (runsIn.get(container) ?? 0) + 1;
      if (runs >= MIN_LONG_RUNS) return true;
      runsIn.set(container, runs);
    }
  }
  return false;
}

function hasArticleLd(root: ParentNode): boolean {
  for (const script of root.querySelectorAll('script[type*="ld+json" i]')) {
    if (ARTICLE_LD.test(script.textContent ?? '')) return true;
  }
  return false;
}

/** The text under `root` outside scripts and styles: only read on pages with few paragraphs. */
function textLength(root: Document | ShadowRoot | Element): number {
  const at = bodyOf(root);
  let length = at.textContent?.length ?? 0;
  for (const code of at.querySelectorAll(CODE)) length -= code.textContent?.length ?? 0;
  return length;
}

/** The document's body, or the root itself when it is a shadow root or an element. */
function bodyOf(root: Document | ShadowRoot | Element): Element | ShadowRoot {
  return 'body' in root && root.body ? root.body : (root as ShadowRoot | Element);
}

/**
 * The text, outside links, of the element that sets the most lines with `<br>` (at least
 * MIN_LINE_BREAKS of them): a story set line by line holds paragraphs of it; an address block,
 * a list of links or a forum's signature lines hold little.
 */
function lineBrokenText(root: Document | ShadowRoot | Element): number {
  const breaksIn = new Map<Element, number>();
  let holder: Element | null = null;
  let most = 0;
  for (const br of root.querySelectorAll('br')) {
    const parent = br.parentElement;
    if (!parent) continue;
    const count = (breaksIn.get(parent) ?? 0) + 1;
    breaksIn.set(parent, count);
    if (count > most) [holder, most] = [parent, count];
  }
  if (!holder || most < MIN_LINE_BREAKS) return 0;
  let length = holder.textContent?.length ?? 0;
  for (const link of holder.querySelectorAll('a[href]')) length -= link.textContent?.length ?? 0;
  return length;
}

/**
 * The open shadow root holding the page's prose, for a page that lives in shadow roots (a small
 * light DOM whose own paragraphs say nothing); null for every other page. Closed roots stay closed.
 */
export function shadowPageOf(doc: Document): ShadowRoot | null {
  const body = doc.body;
  if (!body || body.getElementsByTagName('*').length > SHADOW_APP_ELEMENTS) return null;
  if (readProseLayout(body, { untilListingRuledOut: true }).groupedProse >= MIN_GROUPED_PROSE) return null;
  return proseRootUnder(body, SHADOW_DEPTH);
}

function proseRootUnder(root: Element | ShadowRoot, depth: number): ShadowRoot | null {
  if (depth === 0) return null;
  const elements = root.querySelectorAll('*');
  if (elements.length > SHADOW_APP_ELEMENTS * 10) return null;
  for (const element of elements) {
    const shadow = element.shadowRoot;
    if (!shadow) continue;
    if (firstLook(shadow).pass) return shadow;
    const nested = proseRootUnder(shadow, depth - 1);
    if (nested) return nested;
  }
  return null;
}

/** The element of the page's shadow root (see shadowPageOf) that holds most of its text: the body to analyse. */
export function shadowPageBody(doc: Document): Element | undefined {
  const shadow = shadowPageOf(doc);
  let best: Element | undefined;
  let most = -1;
  for (const child of shadow?.children ?? []) {
    const length = child.textContent?.length ?? 0;
    if (length > most) [best, most] = [child, length];
  }
  return best;
}
