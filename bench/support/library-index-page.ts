/**
 * A bench-only extension page's script (bundled into the bench's temporary copy of the build,
 * never shipped): fills the library's index (lib/db/library-index.ts) over a library the bench
 * wrote straight into IndexedDB, as the version 7 upgrade fills it for a library saved before,
 * and answers how long that took and the longest task the page saw meanwhile.
 */
import { openDb } from '@/lib/db';
import { fillLibraryIndex } from '@/lib/db/library-index';

async function fill(): Promise<{ total: number; longestTask: number; articles: number }> {
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const db = openDb();
  const started = performance.now();
  await db.transaction('rw', [db.articles, db.highlights, db.libraryRows, db.searchDocs, db.searchTerms], () => fillLibraryIndex(db));
  const total = performance.now() - started;
  // Long tasks are reported after they end: give the last one its turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const articles = await db.libraryRows.count();
  db.close();
  return { total, longestTask, articles };
}

(globalThis as unknown as { fillLibraryIndex: typeof fill }).fillLibraryIndex = fill;
