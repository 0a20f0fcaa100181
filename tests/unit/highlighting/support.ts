/** Article pages and a CSS Highlight API stand-in for page-side highlight tests (happy-dom has no Highlight API). */
import type { HighlightApi } from '@/lib/marking/highlight-api';

export const PARAGRAPHS = [
  'Shares of Acme Corp rose 4 percent on Tuesday after the company reported quarterly revenue that beat analyst estimates.',
  'The maker of industrial sensors said sales in Europe grew faster than expected, helped by strong demand from carmakers.',
  'Chief executive Dana Ruiz told analysts on a call that the company would keep investing in new factories next year.',
  'Rival Globex, which reports next week, has warned that supply shortages could weigh on its own results this quarter.',
];

/** A news article page: navigation, the body paragraphs (in `#body`), a footer. */
export function articleHtml(paragraphs: readonly string[] = PARAGRAPHS): string {
  return `<html lang="en"><head><title>Acme rises | Daily</title>
  <script type="application/ld+json">{"@type":"NewsArticle","headline":"Acme rises","datePublished":"2024-01-02T03:04:05Z"}</script>
  <meta property="og:type" content="article"><link rel="canonical" href="https://news.example/acme"></head><body>
  <nav id="nav"><a href="/">Home</a> <a href="/business">Business</a></nav>
  <article><h1>Acme rises</h1><div class="article-body" id="body">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></article>
  <footer id="footer"><p>© Daily. All rights reserved. Contact us for corrections or to report a problem.</p></footer></body></html>`;
}

/** Puts the page into the test window's document (selections need the window's own document). */
export function loadPage(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html').documentElement;
  document.documentElement.innerHTML = parsed.innerHTML;
  document.documentElement.lang = parsed.lang;
  return document;
}

/** Highlight objects as sets of ranges, a registry as a map that counts its writes. */
export class FakeHighlight extends Set<AbstractRange> {}

export interface FakeApi extends HighlightApi {
  registry: HighlightRegistry;
  writes(): number;
  texts(name: string): string[];
}

export function fakeHighlightApi(): FakeApi {
  const map = new Map<string, FakeHighlight>();
  let writes = 0;
  const registry = {
    get: (name: string) => map.get(name),
    set(name: string, value: FakeHighlight) {
      writes++;
      map.set(name, value);
      return registry;
    },
    delete: (name: string) => map.delete(name),
    has: (name: string) => map.has(name),
    keys: () => map.keys(),
    get size() {
      return map.size;
    },
  };
  return {
    registry: registry as unknown as HighlightRegistry,
    create: (ranges) => new FakeHighlight(ranges) as unknown as Highlight,
    writes: () => writes,
    texts: (name) => [...(map.get(name) ?? [])].map((r) => (r as Range).toString()),
  };
}
