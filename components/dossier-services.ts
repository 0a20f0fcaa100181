/** The dossier page's services over the extension's database, which extension pages open themselves. */
import type { NewsmarkDb } from '@/lib/db';
import { dossierAddress } from '@/lib/dossier/address';
import { companyIdsFor } from '@/lib/entities/company-ids';
import { indexingProgress } from '@/lib/dossier/indexing';
import { loadDossier, loadNamedMost, loadWholeDossier } from '@/lib/dossier/load';
import { onTablesChanged } from '@/lib/library/changes';
import { sendMessage } from '@/lib/messaging';
import type { DossierServices } from './Dossier';
import { downloadBlob } from './download';
import { conflictActions } from './highlight-actions';

/** Feed items looked through for a company's coverage: the last half year. */
const COVERAGE_WINDOW_MS = 183 * 86_400_000;

export function dossierServices(db: NewsmarkDb): DossierServices {
  return {
    load: async (companyId, shown) => {
      // Read side by side: each is a read-only transaction of its own, which IndexedDB runs at once.
      const [dossier, companies, feedItems, note, indexing] = await Promise.all([
        companyId === null ? null : loadDossier(db, companyId, shown),
        companyId === null ? loadNamedMost(db) : [],
        companyId === null ? [] : db.feedItems.where('time').above(Date.now() - COVERAGE_WINDOW_MS).toArray(),
        companyId === null ? null : noteOn(db, companyId),
        indexingProgress(db),
      ]);
      return { dossier, companies, feedItems, note, indexing };
    },
    loadWhole: (companyId) => loadWholeDossier(db, companyId),
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
