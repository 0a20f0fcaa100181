/**
 * The cheap first look at a page: a handful of selector queries, no layout and no full-text
 * walk, so that pages that are plainly not articles cost almost nothing. It answers "worth
 * extracting?", not "is an article" — detection proper comes after it, so the gate errs on the
 * side of passing.
 */
import { isArticleNode, readJsonLd, type LdNode } from './json-ld';
import { holdsUnparagraphedText } from './first-look';

export interface GateResult {
  pass: boolean;
  /** Which signals fired, e.g. ["json-ld", "og:article", "paragraph-text"]. */
  signals: string[];
}

/** Enough text in paragraphs to read as an article even without metadata. */
const MIN_PARAGRAPH_CHARS = 500;
/** Paragraphs sampled for the text check: keeps the gate bounded on huge pages. */
const MAX_PARAGRAPHS_SAMPLED = 200;
/** Pages that set their text with `<br>` instead of paragraphs. */
const MIN_LINE_BREAKS = 8;

/**
 * Decides from cheap signals whether detection and extraction are worth running. `ld` is the
 * page's parsed JSON-LD, which the metadata needs anyway: parsing it natively costs less than
 * the first run of a pattern over its source text (measured in Chromium, cold).
 */
export function gatePage(doc: Document, ld: LdNode[] = readJsonLd(doc)): GateResult {
  const signals: string[] = [];
  if (ld.some(isArticleNode)) signals.push('json-ld');
  // Also as saved pages write them: `name` for `property`, `value` for `content` (see readMetaTags).
  const og = doc.querySelector('meta[property="og:type"], meta[name="og:type"]');
  const ogType = (og?.getAttribute('content') ?? og?.getAttribute('value'))?.trim().toLowerCase();
  if (ogType === 'article') signals.push('og:article');
  if (doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"]')) signals.push('article:published_time');
  if (doc.querySelector('article')) signals.push('article-element');
  if (paragraphChars(doc) >= MIN_PARAGRAPH_CHARS) signals.push('paragraph-text');
  else if (doc.querySelectorAll('br').length >= MIN_LINE_BREAKS) signals.push('line-breaks');
  // The first look passes such a page (its text in bare divs); the gate must not stop it after.
  else if (holdsUnparagraphedText(doc, doc.querySelectorAll('p').length)) signals.push('unparagraphed-text');
  // Any one signal is enough to look closer; a page with none has neither claims nor prose.
  return { pass: signals.length > 0, signals };
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
