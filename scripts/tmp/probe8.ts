import { devHtml, fundusPages } from '../corpus/dev-sets';
import { parseDocument } from '../analyze/parse';
import { analyzeArticle } from '../../lib/article/index';
import { analyzeContent } from '../../lib/article/content';
for (const p of fundusPages().filter((p) => process.argv.slice(2).some((i) => p.id.startsWith(i)))) {
  const doc = parseDocument(devHtml(p));
  for (const el of doc.querySelectorAll('script[type*="ld+json" i], meta[content]')) el.remove();
  for (const el of doc.querySelectorAll('[itemtype], [itemprop], [itemscope], [datetime]')) for (const n of ['itemtype', 'itemprop', 'itemscope', 'datetime']) el.removeAttribute(n);
  const a = analyzeArticle(doc, { url: p.url, skipGate: true });
  const c = analyzeContent(doc.body);
  console.log(p.id, a.signals.join(' '), 'len', a.map.text.length, 'truth', p.truth.length, 'root', c.root?.tagName, String(c.root?.className).slice(0, 50), 'prose', c.proseChars, 'furn', c.furniture.toFixed(0), 'teasers', JSON.stringify(c.teasers));
  console.log('  ours:', a.map.text.slice(0, 200).replace(/\s+/g, ' '));
  console.log('  truth:', p.truth.slice(0, 200).replace(/\s+/g, ' '));
}
