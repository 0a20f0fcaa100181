/**
 * Feed text to plain text without a DOM (a Chrome service worker has no DOMParser):
 * titles and summaries often carry HTML, escaped once or twice.
 */
import { decodeHTML } from 'entities';

/** Tags, comments and CDATA markers; a lone "<" in text ("a < b") is not a tag and stays. */
const MARKUP = /<!--[\s\S]*?-->|<\/?[a-zA-Z][^<>]*>|<!\[CDATA\[|\]\]>/g;
/** Elements whose content is not text for a reader. */
const HIDDEN = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** Plain text of a string that may hold HTML: tags removed, entities decoded, spaces folded. */
export function toPlainText(html: string): string {
  let text = html;
  // Two rounds: feeds that escape HTML inside XML leave "&lt;b&gt;" after the XML decoding.
  for (let round = 0; round < 2; round++) {
    text = decodeHTML(text.replace(HIDDEN, ' ').replace(MARKUP, ' '));
  }
  return text.replace(MARKUP, ' ').replace(/\s+/g, ' ').trim();
}
