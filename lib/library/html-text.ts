/**
 * An HTML note (a W3C body of format text/html) as the plain text a reader would see: block
 * elements and <br> end lines, list items get "- ", scripts and styles are dropped with their
 * content, other tags are dropped and character references decoded. Notes are stored as text,
 * so the markup must not come in as markup.
 */
import { decodeHTML } from 'entities';

const BLOCK = /^(?:p|div|section|article|blockquote|pre|h[1-6]|ul|ol|li|tr|table|hr)$/i;

export function htmlToText(html: string): string {
  const out = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?([a-zA-Z][\w-]*)\b[^>]*>/g, (tag, name: string) => {
      if (/^br$/i.test(name)) return '\n';
      if (/^li$/i.test(name) && !tag.startsWith('</')) return '\n- ';
      return BLOCK.test(name) ? '\n\n' : '';
    });
  return decodeHTML(out)
    .replace(/[ \t\f\r]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
