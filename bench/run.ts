/**
 * `npm run bench [-- NAME...]`: runs the named benchmarks (all by default) and prints
 * one JSON line per figure: {"bench","metric","value","unit","baseline"?,"ratio"?}.
 * A benchmark is a file `bench/<name>.bench.ts` whose default export yields BenchLines.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

let failed = false;
for (const name of requested.length ? requested : available) {
  const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as BenchModule;
  try {
    for await (const line of mod.default()) {
      const ratio = line.baseline ? line.value / line.baseline : undefined;
      console.log(JSON.stringify({ bench: name, ...line, ...(ratio !== undefined && line.ratio === undefined ? { ratio: round(ratio) } : {}) }));
    }
  } catch (error) {
    failed = true;
    console.error(`bench ${name} failed:`, error);
  }
}
process.exit(failed ? 1 : 0);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
