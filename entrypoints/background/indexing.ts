/**
 * The library's articles without company ids are indexed here, where recognition runs: on every
 * start of the worker (a stopped one goes on where it was) and after every change to the articles.
 */
import { browser } from 'wxt/browser';
import type { NewsmarkDb } from '@/lib/db';
import { indexer } from '@/lib/dossier/indexing';
import { recognize } from '@/lib/entities';
import { onTablesChanged } from '@/lib/library/changes';

export function indexLibrary(db: NewsmarkDb): void {
  const worker = indexer(db, {
    recognize: (text) => recognize(text),
    // An extension call between slices keeps an MV3 worker awake while there is work; a timer alone would not.
    pause: () => browser.runtime.getPlatformInfo().then(() => undefined),
    onError: (error) => console.debug('[newsmark] indexing the library stopped', error),
  });
  onTablesChanged(db, ['articles'], () => void worker.poke());
  void worker.poke();
}
