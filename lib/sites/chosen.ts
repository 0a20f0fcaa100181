/**
 * The sites the reader chose for marking, as a list of host permission patterns kept in
 * storage (markedSitesItem): adding and removing patterns, and which ones mark now. Pure; the
 * browser's grants are asked at the edge and passed in.
 */
import { coversEverySite, firstStageMatches } from './registration';

/** `chosen` with `added`, each once, sorted; once every site is chosen, nothing narrower is kept. */
export function withSites(chosen: readonly string[], added: readonly string[]): string[] {
  return firstStageMatches([...chosen, ...added]);
}

/** `chosen` without `removed`; removing "every site" (both schemes) removes every pattern. */
export function withoutSites(chosen: readonly string[], removed: readonly string[]): string[] {
  if (coversEverySite(removed)) return [];
  return chosen.filter((pattern) => !removed.includes(pattern));
}

/** What marks now: the chosen patterns whose grant stands (`granted[i]` for `chosen[i]`). */
export function markedNow(chosen: readonly string[], granted: readonly boolean[]): string[] {
  return firstStageMatches(chosen.filter((_, i) => granted[i]));
}

/**
 * The sites a build declares in its manifest (`host_permissions`), which the browser granted at
 * install: a build that names its sites has made the reader's first choice (Newsmark's own
 * service hosts are not sites; see SERVICE_ORIGINS).
 */
export function declaredSites(hostPermissions: readonly string[] | undefined): string[] {
  return firstStageMatches(hostPermissions ?? []);
}

