/**
 * The import rules the layout stands on, checked over the source text: lib/contracts is the
 * ground floor (it imports nothing from the rest of the repository), and lib/ never reaches up
 * into the UI or the entrypoints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(repo, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(repo, join(entry.parentPath, entry.name)));
}

/** The repository paths a file imports (packages left out), `@/` resolved to the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(repo, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.flatMap((spec) => {
    if (spec.startsWith('@/')) return [spec.slice(2)];
    if (spec.startsWith('.')) return [relative(repo, resolve(join(repo, dirname(file)), spec))];
    return [];
  });
}

describe('import rules', () => {
  it('lib/contracts imports only itself', () => {
    const outside = sourcesUnder('lib/contracts').flatMap((file) =>
      importsOf(file).filter((target) => !target.startsWith('lib/contracts/')).map((target) => `${file} -> ${target}`),
    );
    expect(outside).toEqual([]);
  });

  it('lib/ imports neither components/ nor entrypoints/', () => {
    const upward = sourcesUnder('lib').flatMap((file) =>
      importsOf(file).filter((target) => /^(components|entrypoints)\//.test(target)).map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });
});
