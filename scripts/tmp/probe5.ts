import { devHtml, fundusPages } from '../corpus/dev-sets';
import { aebPages, readHtml } from '../../tests/support/article-corpus';
import { parseDocument } from '../analyze/parse';
import { firstLook } from '../../lib/article/first-look';
import { gatePage } from '../../lib/article/gate';
const ids = process.argv.slice(2);
const pages = [...fundusPages().map((p) => ({ id: p.id, html: () => devHtml(p) })), ...aebPages().map((p) => ({ id: p.id, html: () => readHtml(p.file) }))].filter((p) => ids.some((i) => p.id.startsWith(i)));
for (const p of pages) {
  const doc = parseDocument(p.html());
  for (const el of doc.querySelectorAll('script[type*="ld+json" i], meta[content]')) el.remove();
  for (const el of doc.querySelectorAll('[itemtype], [itemprop], [itemscope], [datetime]')) for (const n of ['itemtype', 'itemprop', 'itemscope', 'datetime']) el.removeAttribute(n);
  const ps = doc.querySelectorAll('p');
  let pchars = 0; for (const x of ps) pchars += x.textContent!.length;
  console.log(p.id.slice(0, 30), 'p', ps.length, 'pchars', pchars, 'br', doc.querySelectorAll('br').length, 'article', doc.querySelectorAll('article').length, 'first', JSON.stringify(firstLook(doc)), 'gate', JSON.stringify(gatePage(doc)));
}
