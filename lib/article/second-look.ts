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
import { isRootAddress, isTeaserListing, readProseLayout, type ProseLayout } from './prose-layout';

export interface SecondLookSignals extends Omit<ProseLayout, 'groupedProse'> {
  /** The page claims to be an article: JSON-LD article type, og:type article, a publication time or Article microdata. */
  claimsArticle: boolean;
  /** JSON-LD declares a kind of page that is not an article (ItemList, ProfilePage, MusicGroup…; see NON_ARTICLE_TYPES). */
  declaresNonArticle: boolean;
  /** The page's address (canonical, or its own) is a site's root. */
  homeAddress: boolean;
  /** The page offers goods for a basket or declares a product (see looksLikeShop). */
  shop: boolean;
}

export interface SecondLook {
  pass: boolean;
  /** Why it stopped ("listing", "declared-non-article", "front", "shop"), or "can't tell". */
  reason: string;
}

export function secondLook(signals: SecondLookSignals): SecondLook {
  // Section fronts, tag and search pages: a linked headline over a short summary, card after card
  // (detection: teaser-headings, teaser-cards). Many claim og:type=article, so claims do not spare them.
  if (isTeaserListing(signals)) return stop('listing');
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

export interface PageClaims {
  ld: LdNode[];
  /** The page's meta tags (see readMetaTags). */
  tags: Map<string, string>;
  /** The page's canonical address, or its own. */
  canonicalUrl: string | null;
}

/** Reads the second look's signals: a few selector queries and at most a few hundred paragraphs' text. */
export function readSecondLookSignals(doc: Document, body: Element, { ld, tags, canonicalUrl }: PageClaims): SecondLookSignals {
  const claimsArticle =
    ld.some(isArticleNode) ||
    tags.get('og:type')?.toLowerCase() === 'article' ||
    tags.has('article:published_time') ||
    doc.querySelector('[itemtype*="schema.org/"][itemtype$="Article" i], [itemtype$="BlogPosting" i]') !== null;
  return {
    claimsArticle,
    declaresNonArticle: ld.some((node) => typesOf(node).some((type) => NON_ARTICLE_TYPES.has(type))),
    homeAddress: isRootAddress(canonicalUrl),
    shop: looksLikeShop(doc, tags),
    ...readProseLayout(body),
  };
}
