/**
 * Where a page's paragraph text sits, read the same way by the first look (in the tiny first
 * stage) and the second look (in the pipeline): a story's body keeps its paragraphs together,
 * a listing scatters short summaries under linked headlines, card after card. Imports nothing,
 * so that the first stage stays small.
 */

export interface ProseLayout {
  /** The most paragraph text that one element holds in its own paragraphs (its `<p>` children). */
  siblingProse: number;
  /** Linked headings (h2–h4 whose text is mostly a link) in the element that holds most paragraph text within a few levels. */
  teaserHeadings: number;
  /** The most paragraph text that one element holds within a few levels (a div per paragraph, a div per block between ads). */
  groupedProse: number;
}

/** Paragraphs read: keeps the look bounded on huge pages (a comment section of thousands). */
const MAX_PARAGRAPHS = 300;
/** Ancestors of a paragraph that count it as theirs when finding where the prose sits. */
const GROUP_DEPTH = 4;
/** Share of a heading's text in its link from which the heading is a teaser's. */
const LINKED_HEADING_SHARE = 0.6;
/**
 * Paragraph text under one parent below which a page holding teaser headings is a listing: a
 * story's body keeps at least this much in one element's paragraphs (the least among the corpora's
 * articles with five linked headings around their text is 789), while a listing's longest run of
 * sibling paragraphs is one card's summary (98–468 in the listings of the corpora).
 */
const LISTING_SIBLING_PROSE = 500;
/** Linked headings among the paragraphs from which they are a listing's teasers. */
const LISTING_TEASERS = 5;

/**
 * Section fronts, tag and search pages: a linked headline over a short summary, card after card.
 * Many claim og:type=article, so claims do not spare them.
 */
export function isTeaserListing(layout: Pick<ProseLayout, 'siblingProse' | 'teaserHeadings'>): boolean {
  return layout.teaserHeadings >= LISTING_TEASERS && layout.siblingProse < LISTING_SIBLING_PROSE;
}

/**
 * Reads the layout: one pass over at most MAX_PARAGRAPHS paragraphs, then the headings of one
 * element. With `untilListingRuledOut`, the pass ends once one element's own paragraphs hold more
 * than a listing's card ever does (a story's body, found in its first paragraphs): the answer is
 * then no listing, and the prose figures are at least that much, which is all the first look asks.
 */
export function readProseLayout(body: ParentNode, { untilListingRuledOut = false } = {}): ProseLayout {
  const paragraphs = body.querySelectorAll('p');
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
    if (untilListingRuledOut && siblingProse >= LISTING_SIBLING_PROSE) return { siblingProse, teaserHeadings: 0, groupedProse: Math.max(most, siblingProse) };
    for (let at: Node | null = p.parentNode, depth = 0; at && depth < GROUP_DEPTH; at = at.parentNode, depth++) {
      const total = (grouped.get(at) ?? 0) + length;
      grouped.set(at, total);
      if (total > most) [most, proseHolder] = [total, at];
    }
  }
  return { siblingProse, teaserHeadings: proseHolder ? linkedHeadings(proseHolder) : 0, groupedProse: most };
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

/** Whether `url` is a site's root (its front page or an app's home). */
export function isRootAddress(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const { pathname, search } = new URL(url);
    // A root with a query is a search or an app's view (?p=123 is even a blog's post), not its front.
    return (pathname === '/' || pathname === '') && search === '';
  } catch {
    return false;
  }
}
