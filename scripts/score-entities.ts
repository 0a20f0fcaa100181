/**
 * Prints the recogniser's scores on the entities dev set, per type:
 *   node --import tsx scripts/score-entities.ts [--errors]
 * `--errors` also lists the missed and spurious spans and the value errors.
 */
import { recognize } from '@/lib/entities';
import { score, valueAgrees, type Span } from '@/lib/entities/score';
import { loadDevSet } from '../tests/corpus/entities-dev-set';

const showErrors = process.argv.includes('--errors');
const { texts, labels } = loadDevSet();
const predictions: Span[] = [];
for (const [doc, text] of texts) {
  for (const e of recognize(text)) predictions.push({ doc, ...e });
}
const scored = score(labels.filter((l) => l.type !== 'org'), predictions);
for (const type of ['company', 'money', 'percent', 'number']) {
  const s = scored.get(type);
  if (!s) continue;
  const figure = type !== 'company' ? ` value+currency ${(s.valueAccuracy * 100).toFixed(1)}%` : '';
  console.log(`${type.padEnd(8)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})${figure}`);
  if (!showErrors) continue;
  for (const m of s.missed) console.log(`   missed   ${m.doc.slice(0, 8)} ${JSON.stringify(m.text)} ${context(m)}`);
  for (const p of s.spurious) console.log(`   spurious ${p.doc.slice(0, 8)} ${JSON.stringify(p.text)} ${context(p)}`);
}
if (showErrors) {
  for (const label of labels) {
    const p = predictions.find((x) => x.doc === label.doc && x.type === label.type && x.start < label.end && label.start < x.end);
    if (p && label.type !== 'company' && !valueAgrees(label, p)) {
      console.log(`   value    ${label.text} want ${label.value} ${label.currency ?? ''} got ${p.value} ${p.currency ?? ''}`);
    }
  }
}
const orgs = labels.filter((l) => l.type === 'org');
const orgHits = orgs.filter((o) => predictions.some((p) => p.doc === o.doc && p.type === 'company' && p.start < o.end && o.start < p.end));
console.log(`org labels marked as companies: ${orgHits.length}/${orgs.length}${showErrors ? ' ' + orgHits.map((o) => o.text).join(', ') : ''}`);

function context(p: Span): string {
  const text = texts.get(p.doc)!;
  return JSON.stringify(text.slice(Math.max(0, p.start - 30), p.end + 30).replace(/\s+/g, ' '));
}
