/** The dossier page's services over the extension's database, which extension pages open themselves. */
import type { NewsmarkDb } from '@/lib/db';
import { dossierAddress } from '@/lib/dossier/address';
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
      note: companyId === null ? null : (await db.companyNotes.get(companyId)) ?? null,
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

function loadRecords(db: NewsmarkDb, companyId: string | null) {
  return db.transaction('r', db.articles, db.highlights, db.feedItems, async () => {
    // The multi-entry companyIds index finds the articles; tombstones are dropped after it.
    const found = companyId === null ? await db.articles.toArray() : await db.articles.where('companyIds').equals(companyId).toArray();
    const articles = found.filter((a) => !a.deleted);
    const highlights = companyId === null ? [] : await db.highlights.where('articleId').anyOf(articles.map((a) => a.id)).toArray();
    const feedItems = companyId === null ? [] : await db.feedItems.where('time').above(Date.now() - COVERAGE_WINDOW_MS).toArray();
    return { articles, highlights, feedItems };
  });
}
