/**
 * Indexing the library for dossiers: articles saved before entities were kept with them, imported
 * from files, or synced from an older device have no company ids, so no dossier finds them. The
 * background recognises their companies again, a slice at a time, and stores the entities with
 * them. Everything it needs to go on is in the database: the articles waiting to be read and
 * those read (`indexQueue`), and in `meta` how many were read since nothing waited. A worker
 * stopped half-way starts where it was.
 */
import type { ArticleRecord, IndexQueueEntry, SavedEntity } from '../contracts/records';
import type { NewsmarkDb } from '../db/schema';
import { stampChanges, write } from '../db/write';

/** Articles read since nothing last waited: "120 of 400". */
const DONE_KEY = 'indexing:done';

/** Articles looked at per transaction while filling the queue. */
const SCAN_CHUNK = 50;
/** Articles read per slice at most; a slice also ends once its time budget is spent. */
const SLICE_ARTICLES = 25;

export interface IndexingProgress {
  done: number;
  total: number;
}

/** An article the dossier cannot find by company: live, with text, and no company id among its entities. */
export function needsIndexing(article: ArticleRecord | undefined): article is ArticleRecord {
  return !!article && !article.deleted && !(article.companyIds?.length) && typeof article.text === 'string' && article.text.trim() !== '';
}

function companyIdsOf(entities: readonly SavedEntity[]): string[] {
  return [...new Set(entities.flatMap((e) => (e.type === 'company' && e.id ? [e.id] : [])))];
}

/**
 * Queues the articles without company ids not yet read as they are now: found by keys alone
 * (every article's id and stamp, less those in the company index, those waiting, and those read
 * at the stamp they still have), then looked at a chunk per transaction. Imports and sync keep
 * their records' own stamps, which may be older than any mark, so nothing short of the whole
 * key set finds them all. Answers how many it queued.
 */
export async function queueUnindexed(db: NewsmarkDb, chunk = SCAN_CHUNK): Promise<number> {
  const candidates = await db.transaction('r', [db.articles, db.indexQueue], async () => {
    const byStamp = db.articles.orderBy('updatedAt');
    const [ids, stamps] = [(await byStamp.primaryKeys()) as string[], (await byStamp.keys()) as string[]];
    const named = new Set((await db.articles.orderBy('companyIds').primaryKeys()) as string[]);
    const known = new Map((await db.indexQueue.toArray()).map((row) => [row.articleId, row]));
    return ids.filter((id, i) => {
      const row = known.get(id);
      // Read before, and changed since (saved again, or replaced by an import or by sync): read again.
      return !named.has(id) && (!row || (row.waiting === 0 && row.readAt !== stamps[i]));
    });
  });
  let queued = 0;
  for (let from = 0; from < candidates.length; from += chunk) {
    queued += await db.transaction('rw', [db.articles, db.indexQueue], async () => {
      const articles = await db.articles.bulkGet(candidates.slice(from, from + chunk));
      const waiting = articles.filter(needsIndexing).map((a) => ({ articleId: a.id, waiting: 1 as const }));
      await db.indexQueue.bulkPut(waiting);
      return waiting.length;
    });
  }
  return queued;
}

export interface SliceOptions {
  recognize: (text: string) => SavedEntity[];
  /** Milliseconds of recognition per slice: the background stays free for the reader's pages. */
  budgetMs?: number;
  clock?: () => number;
  now?: number;
}

/**
 * Reads one slice of the queue: recognises each article's companies (outside any transaction),
 * then in one transaction stores the entities of those that name a company and takes them off
 * the queue. An article saved again meanwhile (its text changed, or it now has companies) keeps
 * what it has. Answers the progress after the slice, or null when the queue is empty.
 */
export async function indexSlice(db: NewsmarkDb, options: SliceOptions): Promise<IndexingProgress | null> {
  const clock = options.clock ?? (() => performance.now());
  const budget = options.budgetMs ?? 30;
  const rows = await db.indexQueue.where('waiting').equals(1).limit(SLICE_ARTICLES).toArray();
  if (rows.length === 0) return indexingProgress(db);
  const articles = await db.articles.bulkGet(rows.map((r) => r.articleId));
  const read: { id: string; text?: string; entities?: SavedEntity[] }[] = [];
  const started = clock();
  for (const [i, article] of articles.entries()) {
    if (read.length > 0 && clock() - started >= budget) break;
    if (!needsIndexing(article)) read.push({ id: rows[i]!.articleId });
    else read.push({ id: article.id, text: article.text, entities: options.recognize(article.text) });
  }
  await write(db, [db.articles, db.indexQueue], options.now ?? Date.now(), async ({ stamp }) => {
    const rows: IndexQueueEntry[] = [];
    const found: ArticleRecord[] = [];
    const current = await db.articles.bulkGet(read.map((r) => r.id));
    for (const [i, { id, text, entities }] of read.entries()) {
      const article = current[i];
      const companyIds = entities ? companyIdsOf(entities) : [];
      // Only articles found to name a company are written: the rest stay as they were, so an
      // article that names none is neither stamped again nor sent to sync for nothing.
      if (entities && companyIds.length > 0 && needsIndexing(article) && article.text === text) {
        found.push(stampChanges(article, { entities, companyIds }, stamp));
        rows.push({ articleId: id, waiting: 0 });
      } else {
        // Kept as read at the stamp it has: not read again on the next look unless it changes.
        const changedMeanwhile = article !== undefined && text !== undefined && article.text !== text;
        rows.push(changedMeanwhile ? { articleId: id, waiting: 1 } : { articleId: id, waiting: 0, ...(article ? { readAt: article.updatedAt } : {}) });
      }
    }
    // One write of the slice's articles: the derived tables are kept for all of them in one pass.
    await db.articles.bulkPut(found);
    await db.indexQueue.bulkPut(rows);
    const remaining = await db.indexQueue.where('waiting').equals(1).count();
    const done = remaining === 0 ? 0 : Number((await db.meta.get(DONE_KEY))?.value ?? 0) + read.length;
    await db.meta.put({ key: DONE_KEY, value: String(done) });
  });
  return indexingProgress(db);
}

/** How far indexing is, or null when nothing waits. */
export async function indexingProgress(db: NewsmarkDb): Promise<IndexingProgress | null> {
  return db.transaction('r', [db.indexQueue, db.meta], async () => {
    const remaining = await db.indexQueue.where('waiting').equals(1).count();
    if (remaining === 0) return null;
    const done = Number((await db.meta.get(DONE_KEY))?.value ?? 0);
    return { done, total: done + remaining };
  });
}

export interface Indexer {
  /** Looks for articles to index and reads them all, a slice at a time; a call while running asks for one more round. */
  poke(): Promise<void>;
}

export interface IndexerOptions extends Omit<SliceOptions, 'now'> {
  /** Between slices: gives the event loop back (and, in a service worker, may keep it awake). */
  pause?: () => Promise<void>;
  onError?: (error: unknown) => void;
}

export function indexer(db: NewsmarkDb, options: IndexerOptions): Indexer {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let running: Promise<void> | null = null;
  let again = false;
  const round = async () => {
    do {
      again = false;
      await queueUnindexed(db);
      while ((await indexSlice(db, options)) !== null) await pause();
    } while (again);
  };
  return {
    poke() {
      if (running) {
        again = true;
        return running;
      }
      running = round()
        .catch((error: unknown) => options.onError?.(error))
        .finally(() => (running = null));
      return running;
    },
  };
}
