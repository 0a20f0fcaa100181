/**
 * The import graph of the extension's source (lib/, components/, entrypoints/; tests, benches
 * and scripts left out), read with TypeScript's own pre-parser so comments and strings are not
 * taken for imports, type-only imports counted like any other. It answers what the layout
 * promises: no file imports itself round a loop, no folder of lib/ does, and no import runs
 * back up (lib/contracts imports nothing from the repository; lib/ never imports the UI or the
 * entrypoints; components/ never import the entrypoints). tests/unit/structure holds the code
 * to those answers.
 *
 *   node --import tsx scripts/import-graph.ts [--largest N]
 *
 * prints the counts and every offender, then the N largest files (10 if not told).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_ROOTS = ['lib', 'components', 'entrypoints'];

export interface ImportGraph {
  /** Repository-relative paths of the source files. */
  files: string[];
  /** Each file's imports of other source files (packages and files outside the roots left out). */
  imports: Map<string, string[]>;
}

export function sourcesUnder(dir: string, repo = REPO): string[] {
  return readdirSync(join(repo, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(repo, join(entry.parentPath, entry.name)))
    .sort();
}

/** The repository paths `file` imports, `@/` and `~/` taken from the root, extensions and index files resolved. */
export function importsOf(file: string, repo = REPO): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(repo, file), 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName: spec }) => {
    let base: string;
    if (/^[@~]\//.test(spec)) base = join(repo, spec.slice(2));
    else if (spec.startsWith('.')) base = resolve(join(repo, dirname(file)), spec);
    else return [];
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((path) => /\.tsx?$/.test(path) && existsSync(path));
    return found ? [relative(repo, found)] : [];
  });
}

export function readGraph(repo = REPO): ImportGraph {
  const files = SOURCE_ROOTS.flatMap((root) => sourcesUnder(root, repo));
  const known = new Set(files);
  const imports = new Map(files.map((file) => [file, [...new Set(importsOf(file, repo))].filter((target) => known.has(target))]));
  return { files, imports };
}

/** The strongly connected parts of more than one node (Tarjan), each sorted, as loops of imports. */
export function cycles(nodes: string[], edges: (node: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of edges(node)) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const part: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      part.push(member);
    } while (member !== node);
    if (part.length > 1) found.push(part.sort());
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

export function fileCycles({ files, imports }: ImportGraph): string[][] {
  return cycles(files, (file) => imports.get(file) ?? []);
}

/** The folder a file belongs to for the folder loops: lib/<feature>, or the top folder otherwise. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'lib' ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The arrows between folders, each with the file imports that draw it. */
export function folderImports({ imports }: ImportGraph): Map<string, Map<string, string[]>> {
  const arrows = new Map<string, Map<string, string[]>>();
  for (const [file, targets] of imports) {
    for (const target of targets) {
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      const out = arrows.get(from) ?? arrows.set(from, new Map()).get(from)!;
      out.set(to, [...(out.get(to) ?? []), `${file} -> ${target}`]);
    }
  }
  return arrows;
}

export function folderCycles(graph: ImportGraph): string[][] {
  const arrows = folderImports(graph);
  const folders = [...new Set(graph.files.map(folderOf))].sort();
  return cycles(folders, (folder) => [...(arrows.get(folder)?.keys() ?? [])]);
}

/** Imports that run back up: out of the contracts floor, from lib/ into the UI or entrypoints, from components/ into entrypoints/. */
export function upwardImports({ imports }: ImportGraph): string[] {
  const forbidden = (from: string, to: string): boolean =>
    (from.startsWith('lib/contracts/') && !to.startsWith('lib/contracts/')) ||
    (from.startsWith('lib/') && /^(components|entrypoints)\//.test(to)) ||
    (from.startsWith('components/') && to.startsWith('entrypoints/'));
  return [...imports].flatMap(([file, targets]) => targets.filter((target) => forbidden(file, target)).map((target) => `${file} -> ${target}`));
}

export function largestFiles({ files }: ImportGraph, count: number, repo = REPO): { file: string; lines: number }[] {
  return files
    .map((file) => ({ file, lines: readFileSync(join(repo, file), 'utf8').split('\n').filter((line, i, all) => i < all.length - 1 || line !== '').length }))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file))
    .slice(0, count);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--largest');
  const count = at > 0 ? Number(process.argv[at + 1]) : 10;
  const graph = readGraph();
  const arrows = [...graph.imports.values()].reduce((sum, targets) => sum + targets.length, 0);
  const folders = folderCycles(graph);
  const files = fileCycles(graph);
  const upward = upwardImports(graph);
  console.log(`${graph.files.length} source files, ${arrows} imports between them`);
  console.log(`folder cycles: ${folders.length}`);
  const between = folderImports(graph);
  for (const loop of folders) {
    console.log(`  ${loop.join(' <-> ')}`);
    for (const from of loop) for (const to of loop) for (const edge of between.get(from)?.get(to) ?? []) console.log(`    ${edge}`);
  }
  console.log(`file cycles: ${files.length}`);
  for (const loop of files) console.log(`  ${loop.join(' <-> ')}`);
  console.log(`upward imports: ${upward.length}`);
  for (const edge of upward) console.log(`  ${edge}`);
  console.log(`largest files (lines):`);
  for (const { file, lines } of largestFiles(graph, count)) console.log(`  ${String(lines).padStart(5)} ${file}`);
}
