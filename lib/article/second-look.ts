/**
 * The second look: at the start of the pipeline, after the gate and the page's claims are read
 * and before content scoring walks the page, it stops pages that are plainly not one article
 * (teaser listings, fronts, shops, pages that declare themselves something else), so that they
 * cost a few selector queries instead of the whole analysis. Where it cannot tell, it passes and
 * detection decides. The decision is a pure function over plain data (`secondLook`); reading
 * those data from the page is apart (`readSecondLookSignals`).
 *
 * Each rule stops a kind of page that the pipeline's detection turns away anyway (its signals
 * are named beside each rule), and none stops a page of the article corpora (AEB, fundus, the
 * Readability pages) as published or with every claim taken away: see
 * tests/corpus/article-second-look.test.ts.
 */
import { isArticleNode, NON_ARTICLE_TYPES, typesOf, type LdNode } from './json-ld';
import { looksLikeShop } from './page-kind';

export interface SecondLookSignals {
  /** The page claims to be an article: JSON-LD article type, og:type article, a publication time or Article microdata. */
  claimsArticle: boolean;
  /** JSON-LD declares a kind of page that is not an article (ItemList, ProfilePage, MusicGroup…; see NON_ARTICLE_TYPES). */
  declaresNonArticle: boolean;
  /** The page's address (canonical, or its own) is a site's root. */
  homeAddress: boolean;
  /** The page offers goods for a basket or declares a product (see looksLikeShop). */
  shop: boolean;
  /** The most paragraph text that one element holds in its own paragraphs (its `<p>` children). */
  siblingProse: number;
  /** Linked headings (h2–h4 whose text is mostly a link) in the element that holds most paragraph text within a few levels. */
  teaserHeadings: number;
}

export interface SecondLook {
  pass: boolean;
  /** Why it stopped ("listing", "declared-non-article", "front", "shop"), or "can't tell". */
  reason: string;
}

/**
 * Paragraph text under one parent below which a page holding teaser headings is a listing: a
 * story's body keeps at least this much in one element's paragraphs (the least among the corpora's
 * articles with five linked headings around their text is 789), while a listing's longest run of
 * sibling paragraphs is one card's summary (98–468 in the listings of the corpora).
 */
const LISTING_SIBLING_PROSE = 500;
/** Linked headings among the paragraphs from which they are a listing's teasers. */
const LISTING_TEASERS = 5;

export function secondLook(signals: SecondLookSignals): SecondLook {
  // Section fronts, tag and search pages: a linked headline over a short summary, card after card
  // (detection: teaser-headings, teaser-cards). Many claim og:type=article, so claims do not spare them.
  if (signals.teaserHeadings >= LISTING_TEASERS && signals.siblingProse < LISTING_SIBLING_PROSE) return stop('listing');
  // What a publisher that claims no article says the page is: a list, a profile, a band, a product
  // (detection: json-ld:ItemList and the like). A story that also declares its video keeps its article claim.
  if (signals.declaresNonArticle && !signals.claimsArticle) return stop('declared-non-article');
  // A site's root that claims no article is its front page or an app's home (detection: url:home).
  // A claim spares it: some sites print the root as every page's canonical address.
  if (signals.homeAddress && !signals.claimsArticle) return stop('front');
  // A product page or a shop's listing that claims no article (detection: shop). Reviews and
  // finance stories with shopping widgets claim theirs.
  if (signals.shop && !signals.claimsArticle) return stop('shop');
  return { pass: true, reason: "can't tell" };
}

function stop(reason: string): SecondLook {
  return { pass: false, reason };
}

/** Paragraphs read: keeps the look bounded on huge pages (as the first look). */
const MAX_PARAGRAPHS = 300;
/** Ancestors of a paragraph that count it as theirs when finding where the prose sits (as the first look). */
const GROUP_DEPTH = 4;
/** Share of a heading's text in its link from which the heading is a teaser's. */
const LINKED_HEADING_SHARE = 0.6;

export interface PageClaims {
  ld: LdNode[];
  /** The page's meta tags (see readMetaTags). */
  tags: Map<string, string>;
  /** The page's canonical address, or its own. */
  canonicalUrl: string | null;
}

/** Reads the second look's signals: a few selector queries and at most MAX_PARAGRAPHS paragraphs' text. */
export function readSecondLookSignals(doc: Document, body: Element, { ld, tags, canonicalUrl }: PageClaims): SecondLookSignals {
  const claimsArticle =
    ld.some(isArticleNode) ||
    tags.get('og:type')?.toLowerCase() === 'article' ||
    tags.has('article:published_time') ||
    doc.querySelector('[itemtype*="schema.org/"][itemtype$="Article" i], [itemtype$="BlogPosting" i]') !== null;
  const { siblingProse, proseHolder } = whereProseSits(body);
  return {
    claimsArticle,
    declaresNonArticle: ld.some((node) => typesOf(node).some((type) => NON_ARTICLE_TYPES.has(type))),
    homeAddress: isRootAddress(canonicalUrl),
    shop: looksLikeShop(doc, tags),
    siblingProse,
    teaserHeadings: proseHolder ? linkedHeadings(proseHolder) : 0,
  };
}

/** The most paragraph text that one parent holds directly, and the element holding most within GROUP_DEPTH levels. */
function whereProseSits(body: Element): { siblingProse: number; proseHolder: Node | null } {
  const paragraphs = body.getElementsByTagName('p');
  const count = Math.min(paragraphs.length, MAX_PARAGRAPHS);
  const direct = new Map<Node, number>();
  const grouped = new Map<Node, number>();
  let siblingProse = 0;
  let most = 0;
  let proseHolder: Node | null = null;
  for (let i = 0; i < count; i++) {
    const p = paragraphs[i]!;
    const length = p.textContent?.length ?? 0;
    if (length === 0 || !p.parentNode) continue;
    const own = (direct.get(p.parentNode) ?? 0) + length;
    direct.set(p.parentNode, own);
    if (own > siblingProse) siblingProse = own;
    for (let at: Node | null = p.parentNode, depth = 0; at && depth < GROUP_DEPTH; at = at.parentNode, depth++) {
      const total = (grouped.get(at) ?? 0) + length;
      grouped.set(at, total);
      if (total > most) [most, proseHolder] = [total, at];
    }
  }
  return { siblingProse, proseHolder };
}

/** Headings whose text is mostly one link: a teaser's headline, not a section's title. */
function linkedHeadings(root: Node): number {
  if (!('querySelectorAll' in root)) return 0;
  let count = 0;
  for (const heading of (root as ParentNode).querySelectorAll('h2, h3, h4')) {
    const text = heading.textContent?.trim().length ?? 0;
    const link = heading.querySelector('a[href]') ?? heading.closest('a[href]');
    if (link && text > 0 && (link.textContent?.trim().length ?? 0) >= text * LINKED_HEADING_SHARE) count++;
  }
  return count;
}

function isRootAddress(url: string | null): boolean {
  if (!url) return false;
  try {
    const { pathname, search } = new URL(url);
    // A root with a query is a search or an app's view (?p=123 is even a blog's post), not its front.
    return (pathname === '/' || pathname === '') && search === '';
  } catch {
    return false;
  }
}
