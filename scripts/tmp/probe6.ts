import { devHtml, fundusPages } from '../corpus/dev-sets';
import { aebPages, readHtml } from '../../tests/support/article-corpus';
import { parseDocument } from '../analyze/parse';
import { analyzeArticle } from '../../lib/article/index';
import { analyzeContent } from '../../lib/article/content';
const ids = process.argv.slice(2);
const pages = [...fundusPages().map((p) => ({ id: p.id, url: p.url, html: () => devHtml(p) })), ...aebPages().map((p) => ({ id: p.id, url: p.url, html: () => readHtml(p.file) }))].filter((p) => ids.some((i) => p.id.startsWith(i)));
for (const p of pages) {
  for (const bare of [false, true]) {
    const doc = parseDocument(p.html());
    if (bare) {
      for (const el of doc.querySelectorAll('script[type*="ld+json" i], meta[content]')) el.remove();
      for (const el of doc.querySelectorAll('[itemtype], [itemprop], [itemscope], [datetime]')) for (const n of ['itemtype', 'itemprop', 'itemscope', 'datetime']) el.removeAttribute(n);
    }
    const a = analyzeArticle(doc, { url: p.url });
    const c = analyzeContent(doc.body);
    console.log(p.id.slice(0, 30), bare ? 'bare' : 'saved', a.isArticle, a.signals.join(' '), 'len', a.map.text.length, '| content root', c.root?.tagName, c.root?.className?.slice(0, 40), 'prose', c.proseChars, 'furn', c.furniture);
  }
}
