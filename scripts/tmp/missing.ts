import { fundusPages, devHtml } from '../corpus/dev-sets';
import { parseDocument } from '../analyze/parse';
import { analyzeArticle } from '../../lib/article';
import { readFileSync } from 'node:fs';
const truth = JSON.parse(readFileSync('../dev-corpora/fundus/truth.json', 'utf8'));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
for (const id of process.argv.slice(2)) {
  const page = fundusPages().find((p) => p.id === id)!;
  const a = analyzeArticle(parseDocument(devHtml(page)), { skipGate: true });
  const got = norm(a.map.text);
  console.log('=====', id, 'root', a.root?.localName, a.root?.getAttribute('class')?.slice(0, 50));
  for (const para of (truth[id].body as string).split('\n\n')) {
    const n = norm(para);
    if (n && !got.includes(n.slice(0, 40))) console.log('  MISSING:', n.slice(0, 120));
  }
}
