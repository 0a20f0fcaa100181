/**
 * The cheap first look at a page: a handful of selector queries, no layout and
 * no full-text walk, so that pages that are plainly not articles cost almost
 * nothing. It answers "worth extracting?", not "is an article" — detection
 * proper comes after it.
 */
export interface GateResult {
  pass: boolean;
  /** Which signals fired, e.g. ["json-ld:NewsArticle", "og:article"]. */
  signals: string[];
}

const ARTICLE_LD_TYPE = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:News|Reportage|Analysis|Opinion|Review|Background|Satirical|Scholarly|Tech)?Article"|"@type"\s*:\s*(?:\[[^\]]*)?"(?:BlogPosting|LiveBlogPosting)"/;
/** Enough text in paragraphs to read as an article even without metadata. */
const MIN_PARAGRAPH_CHARS = 1200;
/** Paragraphs sampled for the text check: keeps the gate bounded on huge pages. */
const MAX_PARAGRAPHS_SAMPLED = 200;

export function gatePage(doc: Document): GateResult {
  const signals: string[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const match = ARTICLE_LD_TYPE.exec(script.textContent ?? '');
    if (match) {
      signals.push('json-ld');
      break;
    }
  }
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article') signals.push('og:article');
  if (doc.querySelector('meta[property="article:published_time"]')) signals.push('article:published_time');
  if (doc.querySelector('article')) signals.push('article-element');
  if (paragraphChars(doc) >= MIN_PARAGRAPH_CHARS) signals.push('paragraph-text');
  // Metadata alone is not enough (section fronts carry og:type=article too): the
  // page must also show article-length prose, or declare itself and wrap it in <article>.
  const declared = signals.includes('json-ld') || signals.includes('og:article');
  const pass = signals.includes('paragraph-text') || (declared && signals.includes('article-element'));
  return { pass, signals };
}

function paragraphChars(doc: Document): number {
  let total = 0;
  const paragraphs = doc.querySelectorAll('p');
  const count = Math.min(paragraphs.length, MAX_PARAGRAPHS_SAMPLED);
  for (let i = 0; i < count; i++) {
    total += paragraphs[i]!.textContent?.length ?? 0;
    if (total >= MIN_PARAGRAPH_CHARS) break;
  }
  return total;
}
