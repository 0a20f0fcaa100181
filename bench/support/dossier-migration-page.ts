/**
 * A bench-only extension page's script (bundled into a temporary copy of the build, never
 * shipped): the dossier's migration in a real browser. It writes a library of articles saved
 * without company ids into a database of its own (through Dexie, so the derived tables are kept
 * as the extension keeps them), then times the background's indexing of it, slice by slice, with
 * the longest task the page saw meanwhile.
 */
import { openDb } from '@/lib/db';
import { indexer } from '@/lib/dossier/indexing';
import { recognize } from '@/lib/entities';
import type { ArticleRecord } from '@/lib/contracts/records';

async function migrate(articles: ArticleRecord[]): Promise<{ total: number; longestTask: number; indexed: number }> {
  const db = openDb(`bench-migration-${Date.now()}`);
  for (let from = 0; from < articles.length; from += 500) await db.articles.bulkAdd(articles.slice(from, from + 500));
  recognize(articles[0]!.text); // the gazetteer's first load is not the migration's to pay for
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const started = performance.now();
  await indexer(db, { recognize }).poke();
  const total = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const indexed = new Set(await db.articles.orderBy('companyIds').primaryKeys()).size;
  db.close();
  return { total, longestTask, indexed };
}

(globalThis as unknown as { migrate: typeof migrate }).migrate = migrate;
