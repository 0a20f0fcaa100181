import { analyzeContent } from '../../lib/article/content';
import { devHtml, goosePages } from '../corpus/dev-sets';
import { parseDocument } from '../analyze/parse';
for (const p of goosePages().filter((p) => process.argv.slice(2).includes(p.id))) {
  const doc = parseDocument(devHtml(p));
  const c = analyzeContent(doc.body);
  console.log(p.id, 'prose', c.proseChars, 'furniture', c.furniture, 'teasers', JSON.stringify(c.teasers), c.root?.tagName, c.root?.className, c.root?.id);
}
