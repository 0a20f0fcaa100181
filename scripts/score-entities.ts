/**
 * Prints the recogniser's scores per labelled source, per type:
 *   node --import tsx scripts/score-entities.ts [--errors] [--source dev|gum]
 * Sources: "dev" is ../shared/corpus/entities (16 documents: companies, orgs and figures);
 * "gum" is tests/corpus/entities-gum (24 Wikinews stories from GUM: companies and orgs only,
 * so only companies are scored there). `--errors` also lists missed and spurious spans and
 * value errors.
 */
import { existsSync } from 'node:fs';
import { recognize } from '@/lib/entities';
import { score, valueAgrees, type Span } from './corpus/entity-score';
import { ENTITIES_DIR, loadDevSet, type DevSet } from '../tests/corpus/entities-dev-set';
import { loadGumSet } from '../tests/corpus/entities-gum-set';

const showErrors = process.argv.includes('--errors');
const only = process.argv.includes('--source') ? process.argv[process.argv.indexOf('--source') + 1] : undefined;
const sources: Array<{ name: string; load: () => DevSet; types: string[] }> = [
  ...(existsSync(ENTITIES_DIR) ? [{ name: 'dev', load: loadDevSet, types: ['company', 'money', 'percent', 'number'] }] : []),
  { name: 'gum', load: loadGumSet, types: ['company'] },
];
for (const source of sources) {
  if (only && source.name !== only) continue;
  console.log(`== ${source.name}`);
  report(source.load(), source.types);
}

function report({ texts, labels }: DevSet, types: string[]): void {
  const predictions: Span[] = [];
  for (const [doc, text] of texts) {
    for (const e of recognize(text)) if (types.includes(e.type)) predictions.push({ doc, ...e });
  }
  const context = (p: Span) => {
    const text = texts.get(p.doc)!;
    return JSON.stringify(text.slice(Math.max(0, p.start - 30), p.end + 30).replace(/\s+/g, ' '));
  };
  const scored = score(labels.filter((l) => l.type !== 'org'), predictions);
  for (const type of types) {
    const s = scored.get(type);
    if (!s) continue;
    const figure = type !== 'company' ? ` value+currency ${(s.valueAccuracy * 100).toFixed(1)}%` : '';
    console.log(`${type.padEnd(8)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})${figure}`);
    if (!showErrors) continue;
    for (const m of s.missed) console.log(`   missed   ${m.doc.slice(0, 14)} ${JSON.stringify(m.text)} ${context(m)}`);
    for (const p of s.spurious) console.log(`   spurious ${p.doc.slice(0, 14)} ${JSON.stringify(p.text)} ${context(p)}`);
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
}
