/**
 * The body a page declares in JSON-LD (`articleBody`), used where the DOM body was hard to find:
 * its paragraphs are looked up in the page's text, and the element that holds them is the body.
 * Publishers write the body they render, so its sentences name the right element even where
 * scoring was misled (a body in pieces among widgets, a body set in odd markup).
 */
import { mainArticle, text, type LdNode } from './json-ld';

/** Shortest declared body worth looking for: shorter ones are teasers or truncated copies. */
export const MIN_DECLARED_CHARS = 500;
/** Characters of each paragraph's start looked up in the page (white space left out). */
const PROBE_CHARS = 40;
/** Paragraphs looked up, spread over the body. */
const MAX_PROBES = 12;
/** Share of the probes that must be found in one element for it to be the body. */
const MIN_FOUND_SHARE = 0.5;

const TAG = /<[^>]*>/g;
const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos|nbsp|#39));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };
const WHITE_SPACE = /\s+/g;

/**
 * The declared body as plain text, paragraphs separated by blank lines, or null when the page
 * declares none long enough. Pages write it as text, as HTML, or with entities still escaped.
 */
export function declaredBodyText(ld: LdNode[]): string | null {
  const raw = text(mainArticle(ld)?.articleBody);
  if (!raw) return null;
  // Entities first: some pages escape their HTML twice, and its tags only show once decoded.
  const plain = raw
    .replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
      if (code >= 0) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      return NAMED[name!.toLowerCase()] ?? '';
    })
    .replace(/<\/?(?:p|div|br|h[1-6]|li|blockquote)\b[^>]*>/gi, '\n')
    .replace(TAG, '');
  const paragraphs = plain.split(/\n+/).map((p) => p.replace(WHITE_SPACE, ' ').trim()).filter(Boolean);
  const body = paragraphs.join('\n\n');
  return body.length >= MIN_DECLARED_CHARS ? body : null;
}

/**
 * The element of `body` that holds most of the declared text: the nearest common ancestor of
 * the text nodes where the starts of its paragraphs are found. Null when too few are found
 * (the page renders another text, or none). Text is compared without white space, since
 * markup and JSON fold it differently.
 */
export function locateDeclaredBody(body: Element, declared: string): Element | null {
  const starts = declared.split('\n\n').map((p) => p.replace(WHITE_SPACE, '').slice(0, PROBE_CHARS)).filter((p) => p.length >= PROBE_CHARS / 2);
  if (starts.length === 0) return null;
  const step = Math.max(1, starts.length / MAX_PROBES);
  const probes: string[] = [];
  for (let i = 0; i < starts.length && probes.length < MAX_PROBES; i += step) probes.push(starts[Math.floor(i)]!);

  // The page's text without white space, and where each text node starts in it.
  const nodes: Text[] = [];
  const offsets: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const walker = body.ownerDocument.createTreeWalker(body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent === 'script' || parent === 'style' || parent === 'noscript' || parent === 'template') continue;
    const squeezed = (node as Text).data.replace(WHITE_SPACE, '');
    if (!squeezed) continue;
    nodes.push(node as Text);
    offsets.push(length);
    parts.push(squeezed);
    length += squeezed.length;
  }
  const haystack = parts.join('');
  const found: Element[] = [];
  for (const probe of probes) {
    const at = haystack.indexOf(probe);
    if (at < 0) continue;
    const node = nodes[nodeIndexAt(offsets, at)]!;
    if (node.parentElement) found.push(node.parentElement);
  }
  if (found.length < 2 || found.length < probes.length * MIN_FOUND_SHARE) return null;
  let common: Element | null = found[0]!;
  for (const el of found.slice(1)) {
    while (common && !common.contains(el)) common = common.parentElement;
  }
  return common;
}

/**
 * Whether an element's text begins with text of the declared body: wrappers an ad system or a
 * widget puts around paragraphs look like furniture by their names, but hold the story.
 */
export function declaredTextTest(declared: string): (el: Element) => boolean {
  const squeezed = declared.replace(WHITE_SPACE, '');
  return (el) => {
    const start = (el.textContent ?? '').replace(WHITE_SPACE, '').slice(0, PROBE_CHARS);
    return start.length >= PROBE_CHARS / 2 && squeezed.includes(start);
  };
}

/** Index of the last node starting at or before `offset`. */
function nodeIndexAt(offsets: number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
