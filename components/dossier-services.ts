/** The dossier page's services over the extension's database, which extension pages open themselves. */
import type { NewsmarkDb } from '@/lib/db';
import { dossierAddress } from '@/lib/dossier/address';
import { companyIdsFor } from '@/lib/entities/company-ids';
import { indexingProgress } from '@/lib/dossier/indexing';
import { onTablesChanged } from '@/lib/library/changes';
import { sendMessage } from '@/lib/messaging';
import type { DossierServices } from './Dossier';
import { downloadBlob } from './download';
import { conflictActions } from './highlight-actions';

/** Feed items looked through for a company's coverage: the last half year. */
const COVERAGE_WINDOW_MS = 183 * 86_400_000;

export function dossierServices(db: NewsmarkDb): DossierServices {
  return {
    load: async (companyId) => ({
      ...(await loadRecords(db, companyId)),
      note: companyId === null ? null : await noteOn(db, companyId),
      indexing: await indexingProgress(db),
    }),
    watch: (onChange) => onTablesChanged(db, ['articles', 'highlights', 'companyNotes', 'indexQueue'], onChange),
    saveNote: async (companyId, companyName, note) => void (await sendMessage('saveCompanyNote', { companyId, companyName, note })),
    searchCoverage: (names) => sendMessage('searchCompanyCoverage', { names }),
    download: (name, type, text) => downloadBlob(name, new Blob([text], { type })),
    addressOf: (companyId) => dossierAddress(companyId),
    libraryAddress: 'library.html',
    conflicts: conflictActions,
  };
}

/** The reader's note on the company: under its id of today, else under an earlier one. */
async function noteOn(db: NewsmarkDb, companyId: string) {
  const notes = await db.companyNotes.bulkGet(companyIdsFor(companyId));
  return notes.find((note) => note !== undefined) ?? null;
}

function loadRecords(db: NewsmarkDb, companyId: string | null) {
  return db.transaction('r', db.articles, db.highlights, db.feedItems, async () => {
    // The multi-entry companyIds index finds the articles; tombstones are dropped after it.
    // Under any id the company has had: a gazetteer update may have renamed it (company-ids.ts).
    const found = companyId === null ? await db.articles.toArray() : await db.articles.where('companyIds').anyOf(companyIdsFor(companyId)).toArray();
    const articles = found.filter((a) => !a.deleted);
    const highlights = companyId === null ? [] : await db.highlights.where('articleId').anyOf(articles.map((a) => a.id)).toArray();
    const feedItems = companyId === null ? [] : await db.feedItems.where('time').above(Date.now() - COVERAGE_WINDOW_MS).toArray();
    return { articles, highlights, feedItems };
  });
}
