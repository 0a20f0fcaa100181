/**
 * Pages built to break a content script: built from the seed article so that what should
 * be marked is known, with one hostile twist each.
 */
import { caixinArticlePage } from './pages';

/** The seed article with `extra` appended to its body. */
function seedWith(extra: string, head = ''): string {
  return caixinArticlePage().replace('</head>', `${head}</head>`).replace('</body>', `${extra}</body>`);
}

/** About 100,000 extra elements in a comment section under the article. */
export function hugeDomPage(): string {
  const comment = (i: number) => `<li class="comment"><span class="author">reader${i}</span><p>Comment number ${i} says the deal looks fine.</p><a href="#r${i}">reply</a></li>`;
  return seedWith(`<section class="comments"><ul>${Array.from({ length: 25_000 }, (_, i) => comment(i)).join('')}</ul></section>`);
}

/**
 * The page's own script breaks built-ins before anything else runs, and mends them 2.5 s
 * later (the drivers' own page scripts need them to read the result).
 */
export function redefinedBuiltinsPage(): string {
  const sabotage = `<script>
(() => {
  const saved = [];
  const breakIt = (owner, name) => { const d = Object.getOwnPropertyDescriptor(owner, name); saved[saved.length] = [owner, name, d];
    Object.defineProperty(owner, name, { configurable: true, writable: true, value: function () { throw new Error('hostile ' + name); } }); };
  for (const n of ['map', 'forEach', 'push', 'slice', 'indexOf', 'sort', 'filter', 'join']) breakIt(Array.prototype, n);
  for (const n of ['parse', 'stringify']) breakIt(JSON, n);
  for (const n of ['appendChild', 'insertBefore', 'removeChild', 'contains']) breakIt(Node.prototype, n);
  for (const n of ['attachShadow', 'getBoundingClientRect', 'querySelectorAll']) breakIt(Element.prototype, n);
  for (const n of ['createElement', 'createRange', 'createTreeWalker']) breakIt(Document.prototype, n);
  breakIt(String.prototype, 'replace');
  breakIt(window, 'requestIdleCallback');
  breakIt(window, 'MutationObserver');
  // Mend itself once the content script has run, so that the test's driver can read the page.
  setTimeout(() => { for (const [o, n, d] of saved) d ? Object.defineProperty(o, n, d) : delete o[n]; window.__mended = true; }, 2500);
})();
</script>`;
  return caixinArticlePage().replace('<head>', `<head>${sabotage}`);
}

/** A page whose CSP forbids everything it can. */
export const STRICT_CSP = "default-src 'none'; style-src 'none'; img-src 'none'; script-src 'none'; font-src 'none'";

/** Text in an iframe and in a shadow root next to the article: not part of it, never marked, nothing breaks. */
export function shadowAndIframePage(): string {
  const shadow = `<div class="widget"><template shadowrootmode="open"><p>Apple Inc. paid $5 billion in the shadow widget.</p></template></div>`;
  const frame = `<iframe srcdoc="<p>Microsoft Corp. paid $7 billion in the frame.</p>" title="related"></iframe>`;
  return seedWith(shadow + frame);
}

/** The seed article's body, moved whole into an open (declarative) shadow root of a web component. */
export function shadowRootArticlePage(): string {
  const page = caixinArticlePage();
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page)![1]!;
  return page.replace(body, `<news-story><template shadowrootmode="open">${body}</template></news-story>`);
}

/** The page defines its own `chrome` and `browser` and breaks Function.prototype.toString before anything else runs. */
export function fakeExtensionGlobalsPage(): string {
  const sabotage = `<script>
window.chrome = { runtime: { id: 'fake', sendMessage() { throw new Error('hostile chrome'); }, onMessage: { addListener() { throw new Error('hostile'); } } } };
window.browser = { runtime: { id: 'fake', sendMessage() { throw new Error('hostile browser'); } } };
Function.prototype.toString = function () { throw new Error('hostile toString'); };
</script>`;
  return caixinArticlePage().replace('<head>', `<head>${sabotage}`);
}

/** Two paragraphs of about 170 characters: the short SPA story the test navigates to. */
export const SHORT_STORY = [
  'Nordwind Energy A/S agreed on Tuesday to buy Baltic Grid Holdings for €2.4 billion in cash, a 27% premium to the closing price, the companies said in a joint statement.',
  'The deal, which needs approval from regulators in three countries, would give Nordwind control of about 35,000 kilometres of lines and is expected to close next year.',
];

/** A single-page app's home: teaser links only, no article and no claims (the first stage stops it). */
export function spaHomePage(): string {
  const teasers = Array.from({ length: 12 }, (_, i) => `<li><a href="/story/${i}">Energy wrap ${i}: grids, deals and prices</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example News</title></head>
<body><header><nav><a href="/">Home</a> <a href="/energy">Energy</a></nav></header><main id="app"><h1>Energy</h1><ul>${teasers}</ul></main></body></html>`;
}
