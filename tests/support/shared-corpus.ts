/**
 * `../shared` beside the repository holds the corpora and fixtures that the corpus tests, some
 * end-to-end tests and the benches read. The extension never needs it, and a clone without it
 * must still pass `npm test`: the suites that read it are declared with `describeWithShared`,
 * which skips them there, saying why in their name (scripts/test-summary.ts counts them).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const SHARED_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../shared');
export const hasShared = existsSync(join(SHARED_DIR, 'corpus'));
/** The words a skipped suite's name ends with; the test summary looks for them. */
export const NEEDS_SHARED = '[skipped: needs ../shared]';

/**
 * A suite that reads ../shared: its body (which may read files) runs only where ../shared is, and
 * where the folder it `needs` is too (`scripts/corpus/fetch-shared.ts` fetches the public page
 * corpora, not the team's own labelled sets).
 */
export function describeWithShared(name: string, body: () => void, needs = 'corpus'): void {
  if (hasShared && existsSync(join(SHARED_DIR, needs))) describe(name, body);
  else describe.skip(`${name} ${NEEDS_SHARED}`, () => it('reads ../shared', () => undefined));
}
