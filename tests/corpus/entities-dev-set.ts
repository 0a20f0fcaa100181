/**
 * Loads ../shared/corpus/entities: the 16 labelled dev documents and their labels, with the
 * labels' code-point offsets turned into the UTF-16 offsets `recognize` returns.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../scripts/corpus/entity-score';

const shared = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
export const ENTITIES_DIR = join(shared, 'entities');
export const AEB_GROUND_TRUTH = join(shared, 'scrapinghub-aeb/ground-truth.json');

export interface DevSet {
  texts: Map<string, string>;
  labels: Span[];
}

/** UTF-16 offset of every code-point offset in `text` (index = code-point offset). */
function utf16Offsets(text: string): number[] {
  const offsets: number[] = [];
  let unit = 0;
  for (const ch of text) {
    offsets.push(unit);
    unit += ch.length;
  }
  offsets.push(unit);
  return offsets;
}

/** The AEB article bodies, keyed as the labels key them. */
export function aebTexts(): Map<string, string> {
  const truth = JSON.parse(readFileSync(AEB_GROUND_TRUTH, 'utf8')) as Record<string, { articleBody: string }>;
  return new Map(Object.entries(truth).map(([id, page]) => [id, page.articleBody]));
}

export function loadDevSet(): DevSet {
  const aeb = aebTexts();
  const rows = readFileSync(join(ENTITIES_DIR, 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Span);
  const texts = new Map<string, string>();
  for (const { doc } of rows) {
    if (texts.has(doc)) continue;
    texts.set(doc, aeb.get(doc) ?? readFileSync(join(ENTITIES_DIR, `${doc}.txt`), 'utf8'));
  }
  const offsets = new Map([...texts].map(([doc, text]) => [doc, utf16Offsets(text)]));
  const labels = rows.map((row) => {
    const map = offsets.get(row.doc)!;
    return { ...row, start: map[row.start]!, end: map[row.end]! };
  });
  return { texts, labels };
}
