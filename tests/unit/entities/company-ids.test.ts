// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COMPANY_ID_ALIASES } from '@/lib/entities/company-id-aliases';
import { companyIdsFor, currentCompanyId } from '@/lib/entities/company-ids';
import { parseGazetteer } from '@/lib/entities/gazetteer';
import { GAZETTEER_DATA } from '@/lib/entities/gazetteer-data';
import type { ArticleRecord, SavedEntity } from '@/lib/contracts/records';
import { buildDossier } from '@/lib/dossier/model';
import { companiesNamedMost } from '@/lib/dossier/top';
import { mentionRows, summariesOf } from '@/lib/db/company-mentions';

const gaz = parseGazetteer(GAZETTEER_DATA);
const today = new Set(Array.from({ length: gaz.size }, (_, i) => gaz.company(i).id));

describe('company ids across gazetteer updates', () => {
  it('maps only ids that are gone to ids that exist today', () => {
    const entries = Object.entries(COMPANY_ID_ALIASES);
    expect(entries.length).toBeGreaterThan(500);
    for (const [from, to] of entries) {
      expect(today.has(from), `${from} still exists: an alias would hide it`).toBe(false);
      expect(today.has(to), `${from} -> ${to}, which does not exist`).toBe(true);
    }
  });

  it("resolves a company saved before this session's update (the SEC's '/De/' names) to today's id, and back", () => {
    expect(currentCompanyId('abm-industries-inc-de')).toBe('abm-industries');
    expect(currentCompanyId('abm-industries')).toBe('abm-industries');
    expect(currentCompanyId('no-such-company')).toBe('no-such-company');
    expect(companyIdsFor('abm-industries')).toEqual(expect.arrayContaining(['abm-industries', 'abm-industries-inc-de']));
    expect(companyIdsFor('abm-industries-inc-de')[0]).toBe('abm-industries');
    // A property of a plain object is no company.
    expect(currentCompanyId('constructor')).toBe('constructor');
  });

  it('keeps a dossier and the most-named list whole when articles were saved under both ids', () => {
    const article = (id: string, companyId: string, savedAt: number): ArticleRecord => {
      const text = 'ABM Industries won a contract. ABM Industries hired.';
      const entity = (start: number): SavedEntity => ({ type: 'company', start, end: start + 14, text: 'ABM Industries', id: companyId, name: 'ABM Industries' });
      return {
        id, url: `https://news.example/${id}`, urls: [], title: id, byline: null, publisher: null, publishedAt: null, language: 'en', text,
        entities: [entity(0), entity(31)], companyIds: [companyId], tags: [], note: '', savedAt, updatedAt: '', deleted: false, clocks: {},
      };
    };
    const articles = [article('before-update', 'abm-industries-inc-de', 1), article('after-update', 'abm-industries', 2)];
    const dossier = buildDossier('abm-industries', articles, [])!;
    expect(dossier.articles.map((a) => a.id).sort()).toEqual(['after-update', 'before-update']);
    expect(dossier.mentions).toBe(4);
    expect(companiesNamedMost([...summariesOf(articles.flatMap((a) => mentionRows(a, 0))).values()])).toEqual([{ id: 'abm-industries', name: 'ABM Industries', articles: 2, mentions: 4 }]);
  });
});
