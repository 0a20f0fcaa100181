/** The dossier page's services over the extension's database, which extension pages open themselves. */
import type { NewsmarkDb } from '@/lib/db';
import { dossierAddress } from '@/lib/dossier/address';
import { onTablesChanged } from '@/lib/library/changes';
import type { DossierServices } from './Dossier';

export function dossierServices(db: NewsmarkDb): DossierServices {
  return {
    load: (companyId) =>
      db.transaction('r', db.articles, db.highlights, async () => {
        // The multi-entry companyIds index finds the articles; tombstones are dropped after it.
        const found = companyId === null ? await db.articles.toArray() : await db.articles.where('companyIds').equals(companyId).toArray();
        const articles = found.filter((a) => !a.deleted);
        const highlights = companyId === null ? [] : await db.highlights.where('articleId').anyOf(articles.map((a) => a.id)).toArray();
        return { articles, highlights };
      }),
    watch: (onChange) => onTablesChanged(db, ['articles', 'highlights'], onChange),
    download: (name, type, text) => {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    addressOf: (companyId) => dossierAddress(companyId),
    libraryAddress: 'library.html',
  };
}
