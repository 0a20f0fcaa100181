/** The companies the reader's library names most: the dossier page's index. */
import type { CompanySummary } from '../contracts/records';
import { currentCompanyId } from '../entities/company-ids';
import { mostUsedName } from '../db/company-mentions';

export interface NamedCompany {
  id: string;
  name: string;
  articles: number;
  mentions: number;
}

/** Companies by the number of live articles that name them, then by mentions; at most `limit`. */
export function companiesNamedMost(summaries: readonly CompanySummary[], limit = 50): NamedCompany[] {
  const byId = new Map<string, NamedCompany>();
  for (const summary of summaries) {
    if (summary.articles <= 0) continue;
    // A company saved under an earlier id counts as itself (company-ids.ts).
    const id = currentCompanyId(summary.companyId);
    const company = byId.get(id) ?? { id, name: mostUsedName(summary.names) || id, articles: 0, mentions: 0 };
    company.articles += summary.articles;
    company.mentions += summary.mentions;
    byId.set(id, company);
  }
  return [...byId.values()].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, limit);
}
