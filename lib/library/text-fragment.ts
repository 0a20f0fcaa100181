/**
 * Opening an item "at its place": a URL text fragment (`#:~:text=prefix-,start,end,-suffix`,
 * https://wicg.github.io/scroll-to-text-fragment/) makes the browser scroll to and show the
 * quoted text when the page opens, with no script of ours in the page. Chrome 89+ and
 * Firefox 131+ follow them; other browsers just open the page.
 */
import type { Selector, TextQuoteSelector } from '../contracts/selectors';
import { safeHttpUrl } from '../url/safe';

/** Words of the quote's head and tail used as start/end terms when it is long. */
const EDGE_WORDS = 4;
/** Quotes up to this length are matched whole. */
const WHOLE_QUOTE_LIMIT = 80;

/** The article's URL with a text fragment pointing at the highlight; null when the URL is not http(s). */
export function urlAtQuote(articleUrl: string, selectors: readonly Selector[]): string | null {
  const safe = safeHttpUrl(articleUrl);
  if (!safe) return null;
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const base = safe.replace(/#.*$/, '');
  if (!quote || !quote.exact.trim()) return base;
  return `${base}#:~:text=${fragmentDirective(quote)}`;
}

function fragmentDirective(quote: TextQuoteSelector): string {
  const exact = fold(quote.exact);
  const prefix = lastWords(fold(quote.prefix), 3);
  const suffix = firstWords(fold(quote.suffix), 3);
  const words = exact.split(' ');
  const terms =
    exact.length <= WHOLE_QUOTE_LIMIT || words.length <= EDGE_WORDS * 2
      ? [encodeTerm(exact)]
      : [encodeTerm(words.slice(0, EDGE_WORDS).join(' ')), encodeTerm(words.slice(-EDGE_WORDS).join(' '))];
  return [prefix ? `${encodeTerm(prefix)}-,` : '', ...terms.map((t, i) => (i ? `,${t}` : t)), suffix ? `,-${encodeTerm(suffix)}` : ''].join('');
}

/** Text fragments match across whitespace differences; one space keeps the URL short. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lastWords(text: string, n: number): string {
  return text ? text.split(' ').slice(-n).join(' ') : '';
}

function firstWords(text: string, n: number): string {
  return text ? text.split(' ').slice(0, n).join(' ') : '';
}

/** Percent-encodes a term, including the characters that are syntax in a text directive (`-`, `,`, `&`). */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}
