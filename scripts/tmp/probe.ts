import { analyzeArticle } from '../../lib/article/index';
import { devHtml, goosePages } from '../corpus/dev-sets';
import { parseDocument } from '../analyze/parse';
const ids = process.argv.slice(2);
const bare = process.env.BARE === '1';
for (const p of goosePages().filter((p) => ids.includes(p.id))) {
  const doc = parseDocument(devHtml(p));
  if (bare) {
    for (const el of doc.querySelectorAll('script[type*="ld+json" i], meta[content]')) el.remove();
    for (const el of doc.querySelectorAll('[itemtype], [itemprop], [itemscope], [datetime]')) for (const n of ['itemtype', 'itemprop', 'itemscope', 'datetime']) el.removeAttribute(n);
  }
  const a = analyzeArticle(doc, { url: p.url });
  const b = analyzeArticle(parseDocument(devHtml(p)), { url: p.url, skipGate: true });
  console.log('==', p.id, a.isArticle, (a as any).score, a.signals.join(' '), 'len', b.map.text.length);
  console.log('   lead:', p.lead.slice(0, 100).replace(/\s+/g, ' '));
  console.log('   ours:', b.map.text.slice(0, 300).replace(/\s+/g, ' '));
}
import { analyzeContent } from '../../lib/article/content';
