import { devHtml, fundusPages } from '../corpus/dev-sets';
import { parseDocument } from '../analyze/parse';
import { analyzeArticle } from '../../lib/article/index';
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
for (const p of fundusPages().filter((p) => process.argv.slice(2).some((i) => p.id.startsWith(i)))) {
  const a = analyzeArticle(parseDocument(devHtml(p)), { url: p.url, skipGate: true });
  const truth = norm(p.truth);
  console.log('==', p.id, 'ours', a.map.text.length, 'truth', p.truth.length);
  for (const block of a.map.text.split(/\n+/)) {
    const b = norm(block);
    if (b && !truth.includes(b.slice(0, 60))) console.log('  EXTRA:', b.slice(0, 160));
  }
  const ours = norm(a.map.text);
  for (const block of p.truth.split(/\n+/)) { const b = norm(block); if (b && !ours.includes(b.slice(0, 60))) console.log('  MISSING:', b.slice(0, 160)); }
}
