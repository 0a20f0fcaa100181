/**
 * Built sizes of what each context loads, raw and gzip. Builds first when there is no
 * build output, so `npm run bench -- size` works on a fresh clone.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import type { BenchLine } from './types';

const OUT = '.output/chrome-mv3';

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile() && pattern.test(f));
}

function measure(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The scripts an HTML page loads, followed through its chunks' static imports. */
function pageScripts(html: string): string[] {
  const seen = new Set<string>();
  const queue = [...readFileSync(join(OUT, html), 'utf8').matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(OUT, file), 'utf8');
    for (const m of code.matchAll(/from\s*["']\.{1,2}\/([^"']+\.js)["']|import\s*["']\.{1,2}\/([^"']+\.js)["']/g)) {
      queue.push(join(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '', m[1] ?? m[2]!));
    }
  }
  return [...seen].map((f) => join(OUT, f));
}

export default function* sizeBench(): Iterable<BenchLine> {
  if (!existsSync(join(OUT, 'manifest.json'))) execSync('npx wxt build', { stdio: 'ignore' });
  const firstStage = [join(OUT, 'first-stage.js')];
  const pipeline = [join(OUT, 'pipeline.js')];
  const parts: Record<string, string[]> = {
    // All the content-script code a page can evaluate: the first stage, then the pipeline where it passes
    // (the marks' styles are in the background, which injects them with the pipeline).
    content: [...firstStage, ...pipeline, ...filesUnder(join(OUT, 'content-scripts'), /\.(js|css)$/)],
    // What every page evaluates, and what a page the first stage stops evaluates: this only.
    'first-stage': firstStage,
    pipeline,
    background: [join(OUT, 'background.js')],
    popup: pageScripts('popup.html'),
  };
  for (const [name, files] of Object.entries(parts)) {
    const { raw, gzip } = measure(files);
    yield { metric: `${name}.raw`, value: raw, unit: 'bytes' };
    yield { metric: `${name}.gzip`, value: gzip, unit: 'bytes' };
  }
}
