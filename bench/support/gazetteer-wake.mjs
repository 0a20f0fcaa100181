// Run in a fresh process by bench/entities.bench.ts: what the background worker pays for the
// gazetteer when it wakes. The recogniser comes bundled to one ES module as the extension ships
// it, so the figure is loading and running JavaScript, not compiling TypeScript:
//   node --expose-gc bench/support/gazetteer-wake.mjs <bundle exporting run(text)> <text file>
// Prints {"ms", "mb"}: the time to import the bundle and recognise one article, and the heap
// still held afterwards (after a full GC).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
globalThis.gc();
const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const found = mod.run(text);
const ms = performance.now() - t0;
globalThis.gc();
const mb = (process.memoryUsage().heapUsed - heap0) / 1e6;
console.log(JSON.stringify({ ms, mb, found: found.length }));
