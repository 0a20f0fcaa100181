/**
 * HTML to a linkedom Document as a browser would build it, for the CLI, the corpus tests and the
 * dev scripts. linkedom builds the tree as the tags come, where a browser's parser repairs it:
 * with a second `<html>` start tag (pages that open one per IE version between conditional
 * comments, or a stray `<html></html>` in the body) it nests a new document inside the first and
 * leaves the body empty, with no `<html>` tag outside comments it puts what follows the head
 * beside the body, and after a `</body>` or `</html>` it puts the rest outside the body. The
 * markup is rewritten to the one `<html>` a browser keeps, without those end tags.
 */
import { parseHTML } from 'linkedom';

/** Comments (where conditional comments hide `<html>` tags), scripts and styles (where strings hold them), and `<html>` start tags. */
const COMMENT_OR_HTML_TAG = /<!--[\s\S]*?-->|<(script|style|textarea)\b[\s\S]*?<\/\1\s*>|<html(?=[\s>/])[^>]*>|<\/(?:html|body)\s*>/gi;

/** The page's markup with exactly one `<html>` start tag outside comments, the first it had. */
export function withOneHtmlTag(html: string): string {
  let seen = false;
  const repaired = html.replace(COMMENT_OR_HTML_TAG, (match) => {
    // A browser ignores end tags of the body and the document where they stand (what follows is body text).
    if (match.startsWith('</')) return '';
    if (!/^<html/i.test(match)) return match;
    if (seen) return '';
    seen = true;
    return match;
  });
  if (seen) return repaired;
  // No <html>: a browser supplies one around whatever there is, after the doctype.
  const doctype = /^\s*<!doctype[^>]*>/i.exec(repaired);
  const rest = doctype ? repaired.slice(doctype[0].length) : repaired;
  return /<(?:head|body)[\s>]/i.test(rest) ? `<!DOCTYPE html><html>${rest}</html>` : `<!DOCTYPE html><html><body>${rest}</body></html>`;
}

/** A linkedom document of `html` (typed as a DOM Document: linkedom implements what the pipeline reads). */
export function parseDocument(html: string): Document {
  // A browser's tree builder drops NUL characters from a page's text (and makes them U+FFFD in
  // scripts and attributes, which the pipeline does not read); linkedom keeps them.
  const doc = parseHTML(withOneHtmlTag(html.replaceAll('\0', ''))).document as unknown as Document;
  mergeBodies(doc);
  lowerCaseAttributeNames(doc);
  return doc;
}

/**
 * A browser lower-cases the attribute names of HTML elements (`<DIV CLASS="TOC">`, `<A HREF>`
 * in pages a generator or an old editor wrote); linkedom keeps them as written, and then
 * `getAttribute('class')`, `[href]` and every class or id the pipeline reads find nothing.
 * Renamed here as a browser names them (where the same name is also written in lower case, that one is kept).
 * SVG and MathML keep theirs (`viewBox`).
 */
function lowerCaseAttributeNames(doc: Document): void {
  for (const el of doc.querySelectorAll('*')) {
    const names = el.getAttributeNames();
    if (!names.some((name) => name !== name.toLowerCase()) || el.closest('svg, math')) continue;
    for (const name of names) {
      const lower = name.toLowerCase();
      if (lower === name) continue;
      const value = el.getAttribute(name)!;
      el.removeAttribute(name);
      if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
    }
  }
}

/**
 * linkedom's `document.body` is the element right after the head, or a new empty body it inserts
 * there: where the page has an element between its head and its `<body>` (a `<script>` or
 * `<noscript>` outside both, a `<div>` in the head), the page's own body is never returned, and
 * a second `<body>` tag makes a second body. A browser keeps one body, holding everything after
 * the head in order: so does this. An element before the `<head>` (a `<div>` a script framework
 * stamps there) starts the body in a browser, which then reads the head's tags as the body's;
 * here it goes first in the body and the head stays the head, where the page's claims are read.
 */
function mergeBodies(doc: Document): void {
  const root = doc.documentElement;
  const children = [...root.children];
  const firstBody = children.find((child) => child.localName === 'body');
  if (!firstBody) {
    if (!children.some((child) => child.localName === 'frameset')) implyBody(doc);
    return;
  }
  const head = children.find((child) => child.localName === 'head');
  const bodies = children.filter((child) => child.localName === 'body').length;
  const beforeHead = head ? children.slice(0, children.indexOf(head)) : [];
  const inOrder = head ? head.nextElementSibling === firstBody && beforeHead.length === 0 : children[0] === firstBody;
  if (bodies === 1 && firstBody === children[children.length - 1] && inOrder) return;
  const body = doc.createElement('body');
  for (const attr of [...firstBody.attributes]) body.setAttribute(attr.name, attr.value);
  for (const stray of beforeHead) body.appendChild(stray);
  for (let child = head ? head.nextSibling : root.firstChild; child; ) {
    const next = child.nextSibling;
    if (child.nodeType === 1 && (child as Element).localName === 'body') {
      while (child.firstChild) body.appendChild(child.firstChild);
      child.parentNode!.removeChild(child);
    } else {
      body.appendChild(child);
    }
    child = next;
  }
  root.appendChild(body);
}

/** Elements a browser keeps in an implied head, until the first that belongs in the body. */
const HEAD_TAGS = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template']);

/**
 * A page with no `<body>` tag (`<html><title>…</title><p>…</p></html>`, or text after the head):
 * a browser opens the body at the first thing that cannot go in the head and puts everything from
 * there on into it; linkedom leaves it all beside an empty body.
 */
function implyBody(doc: Document): void {
  const root = doc.documentElement;
  let head = [...root.children].find((child) => child.localName === 'head') ?? null;
  const body = doc.createElement('body');
  let inBody = false;
  for (let child = root.firstChild; child; ) {
    const next = child.nextSibling;
    if (child === head) {
      child = next;
      continue;
    }
    const headish = child.nodeType === 8 || (child.nodeType === 3 && !child.textContent?.trim()) || (child.nodeType === 1 && HEAD_TAGS.has((child as Element).localName));
    if (!inBody && headish && child.nodeType === 1) {
      head ??= root.insertBefore(doc.createElement('head'), root.firstChild);
      head.appendChild(child);
    } else if (inBody || !headish) {
      inBody = true;
      body.appendChild(child);
    }
    child = next;
  }
  root.appendChild(body);
}
