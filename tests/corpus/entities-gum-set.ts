/**
 * The GUM news dev set (tests/corpus/entities-gum, built by scripts/gum-entities.ts): 24
 * Wikinews stories with their company and organisation mentions, offsets turned into UTF-16.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../scripts/corpus/entity-score';
import type { DevSet } from './entities-dev-set';

export const GUM_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'entities-gum');

export function loadGumSet(): DevSet {
  const rows = readFileSync(join(GUM_DIR, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Span);
  // Every story, labelled or not: a company marked in a story without one is a false positive too.
  const docs = readdirSync(GUM_DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  const texts = new Map(docs.map((doc) => [doc, readFileSync(join(GUM_DIR, `${doc}.txt`), 'utf8')]));
  const labels = rows.map((row) => {
    const text = texts.get(row.doc)!;
    const utf16 = (cp: number) => [...text].slice(0, cp).join('').length;
    return { ...row, start: utf16(row.start), end: utf16(row.end) };
  });
  return { texts, labels };
}
