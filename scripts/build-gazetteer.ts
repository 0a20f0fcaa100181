/**
 * Compiles lib/entities/data/companies.txt (the curated source, see lib/entities/SOURCES.md)
 * into lib/entities/gazetteer-data.ts, the compact string the content script ships:
 *   node --import tsx scripts/build-gazetteer.ts [--check]
 * It gives each company a stable id, drops duplicate aliases, and fails on an alias two companies claim. `--check` only reports whether
 * the committed file is up to date (the unit tests run the same comparison).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGazetteerSource } from '../lib/entities/gazetteer-compile';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'lib/entities/data/companies.txt');
const target = join(root, 'lib/entities/gazetteer-data.ts');

const compiled = compileGazetteerSource(readFileSync(source, 'utf8'));
const current = readFileSync(target, { encoding: 'utf8', flag: 'a+' });
if (process.argv.includes('--check')) {
  if (current !== compiled.module) {
    console.error('lib/entities/gazetteer-data.ts is out of date: run node --import tsx scripts/build-gazetteer.ts');
    process.exit(1);
  }
  console.log(`gazetteer up to date: ${compiled.companies} companies, ${compiled.aliases} aliases`);
} else {
  writeFileSync(target, compiled.module);
  console.log(`wrote ${target}: ${compiled.companies} companies, ${compiled.aliases} aliases, ${compiled.module.length} bytes`);
}
