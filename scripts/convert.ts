/**
 * `npm run --silent convert -- --to w3c|markdown|json FILE...`: reads the files the library's
 * import takes (Newsmark JSON, W3C Web Annotation JSON-LD, Hypothesis JSON, Omnivore's export
 * zip), in the order given, and prints them as one file of the chosen format on stdout (Markdown: one document,
 * the articles as sections). What the import leaves out is said on stderr, as the library
 * says it. A file that cannot be read or is refused: its reason on stderr, exit status 1, and
 * nothing on stdout.
 */
import 'fake-indexeddb/auto';
import { readFileSync, statSync } from 'node:fs';
import { openDb } from '../lib/db/schema';
import { CONVERT_FORMATS, convertFiles, type ConvertFormat } from '../lib/library/convert';
import { checkImportSize, ImportError } from '../lib/library/import-errors';
import { readImportBytes } from '../lib/library/import-omnivore';

const USAGE = `usage: npm run --silent convert -- --to ${CONVERT_FORMATS.join('|')} FILE...`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { to: ConvertFormat; files: string[] } {
  const at = argv.indexOf('--to');
  const to = at === -1 ? undefined : argv[at + 1];
  if (!to || !(CONVERT_FORMATS as readonly string[]).includes(to)) fail(`convert: --to must be one of ${CONVERT_FORMATS.join(', ')}\n${USAGE}`);
  const files = argv.filter((_, i) => i !== at && i !== at + 1);
  if (!files.length) fail(`convert: no file given\n${USAGE}`);
  return { to: to as ConvertFormat, files };
}

function readInput(path: string): { name: string; text: string } {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) fail(`${path}: not a file`);
    checkImportSize(stat.size);
    return { name: path, text: readImportBytes(readFileSync(path)) };
  } catch (error) {
    if (error instanceof ImportError) fail(`${path}: ${error.message}`);
    fail(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function main(): Promise<void> {
  const { to, files } = parseArgs(process.argv.slice(2));
  const inputs = files.map(readInput);
  try {
    const { output, messages } = await convertFiles(openDb(`convert-${process.pid}`), inputs, to);
    for (const message of messages) process.stderr.write(`${message}\n`);
    process.stdout.write(`${output}\n`);
  } catch (error) {
    if (error instanceof ImportError) fail(error.message);
    throw error;
  }
}

await main();
