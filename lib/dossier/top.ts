/** The companies the reader's library names most: the dossier page's index. */
import type { ArticleRecord } from '../contracts/records';
import { currentCompanyId } from '../entities/company-ids';

export interface NamedCompany {
  id: string;
  name: string;
  articles: number;
  mentions: number;
}

/** Companies by the number of live articles that name them, then by mentions; at most `limit`. */
export function companiesNamedMost(articles: readonly ArticleRecord[], limit = 50): NamedCompany[] {
  const byId = new Map<string, NamedCompany>();
  for (const article of articles) {
    if (article.deleted) continue;
    const inThis = new Set<string>();
    for (const e of article.entities) {
      if (e.type !== 'company' || !e.id) continue;
      // A company saved under an earlier id counts as itself (company-ids.ts).
      const id = currentCompanyId(e.id);
      const company = byId.get(id) ?? { id, name: e.name ?? e.text, articles: 0, mentions: 0 };
      company.mentions++;
      if (!inThis.has(id)) {
        inThis.add(id);
        company.articles++;
      }
      byId.set(id, company);
    }
  }
  return [...byId.values()].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, limit);
}
