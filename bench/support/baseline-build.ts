/**
 * The sources of an earlier commit, for a benchmark that times the code before a change beside
 * the code after it in the same run (same browser, same machine load). Extracted with
 * `git archive` into a temporary directory; the working tree is not touched.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The tree of `commit` (its lib/ and bench/), extracted once per commit. */
export function sourcesAt(commit: string): string {
  const full = execSync(`git rev-parse --verify ${JSON.stringify(`${commit}^{commit}`)}`, { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `newsmark-baseline-${full.slice(0, 12)}`);
  if (!existsSync(join(dir, 'lib'))) {
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${full} lib bench | tar -x -C ${JSON.stringify(dir)}`);
  }
  return dir;
}
