/**
 * `npm run bench -- entities`: recognition speed on news text (the AEB ground-truth article
 * bodies and the seed article) in Node on one thread, beside compromise doing
 * organizations() + money() + percentages() on the same text in the same run; and the
 * gazetteer's shipped size (gzip) and what it costs a document: setting it up and filling in
 * the names that start with the document's words (see gazetteer.ts), on a fresh gazetteer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import nlp from 'compromise';
import { recognize } from '@/lib/entities';
import { matchAt, parseGazetteer } from '@/lib/entities/gazetteer';
import { GAZETTEER_DATA } from '@/lib/entities/gazetteer-data';
import { tokenize } from '@/lib/entities/tokenize';
import { ENTITIES_DIR, aebTexts } from '../tests/corpus/entities-dev-set';
import type { BenchLine } from './types';

/**
 * Runs `fn` over every text until at least `minMs` have passed. Returns MB/s (UTF-8 bytes / 1e6
 * per second) by the wall clock, and by this process's user CPU time, which a machine shared
 * with other work disturbs less.
 */
function throughput(texts: readonly string[], fn: (text: string) => unknown, minMs: number): { wall: number; cpu: number } {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  let rounds = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const text of texts) fn(text);
    rounds++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  const cpuSeconds = process.cpuUsage(cpu0).user / 1e6;
  const megabytes = (bytes * rounds) / 1e6;
  return { wall: megabytes / (elapsed / 1000), cpu: megabytes / cpuSeconds };
}

function compromiseFigures(text: string): number {
  const doc = nlp(text);
  return doc.organizations().length + doc.money().length + doc.percentages().length;
}

export default function* entitiesBench(): Iterable<BenchLine> {
  const texts = [...aebTexts().values(), readFileSync(join(ENTITIES_DIR, 'seed-caixin-huawei.txt'), 'utf8')];
  const bytes = Buffer.byteLength(texts.join(''), 'utf8');
  yield { metric: 'corpus.bytes', value: bytes, unit: 'bytes' };

  // The first document is the one a content script pays (cold code); the median shows the steady cost.
  const loads: number[] = [];
  for (const text of texts.slice(0, 50)) {
    const tokens = tokenize(text);
    const t0 = performance.now();
    const gaz = parseGazetteer(GAZETTEER_DATA);
    for (let i = 0; i < tokens.length; i++) matchAt(gaz.root, tokens, i);
    loads.push(performance.now() - t0);
  }
  yield { metric: 'gazetteer.per-document.first', value: round(loads[0]!), unit: 'ms' };
  loads.sort((a, b) => a - b);
  yield { metric: 'gazetteer.per-document.median', value: round(loads[loads.length >> 1]!), unit: 'ms' };
  const gazetteerModule = readFileSync(new URL('../lib/entities/gazetteer-data.ts', import.meta.url));
  yield { metric: 'gazetteer.raw', value: gazetteerModule.length, unit: 'bytes' };
  yield { metric: 'gazetteer.gzip', value: gzipSync(gazetteerModule, { level: 9 }).length, unit: 'bytes' };

  yield* wakeCost(join(ENTITIES_DIR, 'seed-caixin-huawei.txt'));

  recognize('Warm-up: Apple Inc. paid $5 million, up 3%.');
  throughput(texts, recognize, 1500); // let the JIT settle before measuring
  const ours = throughput(texts, recognize, 4000);
  const theirs = throughput(texts, compromiseFigures, 4000);
  const baselineName = 'compromise organizations()+money()+percentages()';
  yield { metric: 'recognize.throughput', value: round(ours.wall), unit: 'MB/s', baseline: round(theirs.wall), baselineName };
  yield { metric: 'recognize.throughput.cpu', value: round(ours.cpu), unit: 'MB/s (CPU time)', baseline: round(theirs.cpu), baselineName };
}

/**
 * What the background worker pays for the gazetteer when it wakes: a fresh Node process imports
 * the recogniser bundled and minified as the extension ships it, and recognises one article;
 * the heap it then holds (after a full GC) and the time taken, median of five processes. The
 * baseline is compromise, bundled the same way, running organizations() on the same text.
 */
function* wakeCost(textFile: string): Iterable<BenchLine> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-wake-'));
  const script = fileURLToPath(new URL('./support/gazetteer-wake.mjs', import.meta.url));
  const measure = (name: string, code: string) => {
    const outfile = join(dir, `${name}.mjs`);
    buildSync({ stdin: { contents: code, resolveDir: root, loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'node', outfile, alias: { '@': root }, logLevel: 'error' });
    const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, ['--expose-gc', script, outfile, textFile], { encoding: 'utf8' })) as { ms: number; mb: number });
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
    return { ms: median(runs.map((r) => r.ms)), mb: median(runs.map((r) => r.mb)) };
  };
  try {
    const ours = measure('ours', "import { recognize } from '@/lib/entities'; export const run = (text) => recognize(text);");
    const theirs = measure('compromise', "import nlp from 'compromise'; export const run = (text) => nlp(text).organizations().out('array');");
    const baselineName = 'compromise organizations(), bundled the same way';
    yield { metric: 'gazetteer.background.memory', value: round(ours.mb), unit: 'MB', baseline: round(theirs.mb), baselineName };
    yield { metric: 'gazetteer.background.load', value: round(ours.ms), unit: 'ms', baseline: round(theirs.ms), baselineName };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
