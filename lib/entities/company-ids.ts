/**
 * Company ids across gazetteer updates. A saved article keeps the ids it was recognised with; an
 * update may rename a company's id (its name read anew, two entries merged). Readers of the
 * library resolve ids through the alias table, so a dossier, a count or a filter finds the
 * articles saved under any earlier id of its company.
 */
import { COMPANY_ID_ALIASES } from './company-id-aliases';

/** Today's id of a company saved under `id` (itself when it was never renamed). */
export function currentCompanyId(id: string): string {
  return Object.hasOwn(COMPANY_ID_ALIASES, id) ? COMPANY_ID_ALIASES[id]! : id;
}

let earlierIds: Map<string, string[]> | undefined;

/** Every id the company `id` has been saved under: `id` itself (resolved), then its earlier ids. */
export function companyIdsFor(id: string): string[] {
  if (!earlierIds) {
    earlierIds = new Map();
    for (const [from, to] of Object.entries(COMPANY_ID_ALIASES)) earlierIds.set(to, [...(earlierIds.get(to) ?? []), from]);
  }
  const current = currentCompanyId(id);
  return [current, ...(earlierIds.get(current) ?? [])];
}
