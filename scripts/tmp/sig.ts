import { readFileSync } from 'node:fs';
import { parseDocument } from '../analyze/parse';
import { analyzeArticle } from '../../lib/article';
for (const f of process.argv.slice(2)) {
  const doc = parseDocument(readFileSync(f, 'utf8'));
  const a = analyzeArticle(doc);
  console.log(f.split('/').pop(), a.isArticle, a.signals.join(' '), a.map.text.length);
}
