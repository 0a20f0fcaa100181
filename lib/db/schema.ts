/**
 * The one Dexie schema of Newsmark. Every version stays listed so that a
 * database at any older version upgrades step by step and keeps its records.
 * Opened only in extension contexts (background, popup, options): a content
 * script runs in the page's origin and would open the site's IndexedDB instead.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ArticleRecord, CompanyMention, CompanyNoteRecord, CompanySummary, HighlightRecord, IndexQueueEntry, LibraryRow, MetaEntry, PageVisit, SearchDocRow, SearchTermRow } from '../contracts/records';
import type { SyncRecordState } from '../contracts/sync';
import type { FeedSubscription, RelatedCacheEntry, StoredFeedItem } from '../contracts/related';
import { companyMentionsDerivation, mentionRows, summariesOf } from './company-mentions';
import { derivedTablesMiddleware } from './derived';
import { fillLibraryIndex, libraryIndexDerivation } from './library-index';

export const DB_NAME = 'newsmark';
/** Rows written per call while version 6 fills the company mentions. */
const UPGRADE_SLICE = 1_000;

export type NewsmarkDb = Dexie & {
  pageVisits: EntityTable<PageVisit, 'url'>;
  articles: EntityTable<ArticleRecord, 'id'>;
  highlights: EntityTable<HighlightRecord, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
  syncRecords: EntityTable<SyncRecordState, 'key'>;
  feeds: EntityTable<FeedSubscription, 'url'>;
  feedItems: EntityTable<StoredFeedItem, 'key'>;
  relatedCache: EntityTable<RelatedCacheEntry, 'articleUrl'>;
  companyNotes: EntityTable<CompanyNoteRecord, 'id'>;
  indexQueue: EntityTable<IndexQueueEntry, 'articleId'>;
  companyMentions: EntityTable<CompanyMention, 'key'>;
  companySummaries: EntityTable<CompanySummary, 'companyId'>;
  libraryRows: EntityTable<LibraryRow, 'articleId'>;
  searchDocs: EntityTable<SearchDocRow, 'articleId'>;
  searchTerms: EntityTable<SearchTermRow, 'key'>;
};

/** Declares every schema version; Dexie applies the ones a database lacks, in order. */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    pageVisits: '&url, seenAt, isArticle',
  });
  // The reader's library (see library-records.ts). `deleted` is a boolean, which IndexedDB
  // cannot index: queries filter tombstones out after the index lookup.
  db.version(2).stores({
    articles: 'id, *urls, *companyIds, *tags, savedAt, updatedAt',
    highlights: 'id, articleId, *tags, createdAt, updatedAt',
    meta: 'key',
  });
  // Sync bookkeeping per library record (server revision, note versions, pending marker);
  // `synced` is 0/1 because IndexedDB cannot index booleans. See lib/sync/dexie-store.ts.
  db.version(3).stores({
    syncRecords: 'key, synced',
  });
  // Related coverage (lib/contracts/related.ts): the reader's feed subscriptions, their items
  // by feed and by time (the ranking window), and cached results per article.
  db.version(4).stores({
    feeds: '&url, nextFetchAt',
    feedItems: '&key, feedUrl, time, fetchedAt',
    relatedCache: '&articleUrl, fetchedAt',
  });
  // The reader's notes on companies (a synced kind; `updatedAt` finds local edits for sync), and
  // the articles found without company ids, waiting (1) or read (0) for their companies to be
  // recognised in the background (lib/dossier/indexing.ts). Both new tables: every record of
  // version 4 stays as it was.
  db.version(5).stores({
    companyNotes: 'id, updatedAt',
    indexQueue: '&articleId, waiting',
  });
  // What each saved article says of each company it names, and their sum per company
  // (lib/db/company-mentions.ts), derived from the articles and their highlights: filled here for
  // the library saved before them, then kept by the middleware on every write. Nothing of
  // version 5 changes.
  db.version(6)
    .stores({ companyMentions: '&key, articleId', companySummaries: '&companyId' })
    .upgrade(async (tx) => {
      const live = new Map<string, number>();
      await tx.table<HighlightRecord>('highlights').each((h) => void (h.deleted || live.set(h.articleId, (live.get(h.articleId) ?? 0) + 1)));
      const rows: CompanyMention[] = [];
      await tx.table<ArticleRecord>('articles').each((a) => void rows.push(...mentionRows(a, live.get(a.id) ?? 0)));
      // Written a slice at a time: one call copying a large library's rows would hold the worker.
      for (let from = 0; from < rows.length; from += UPGRADE_SLICE) await tx.table<CompanyMention>('companyMentions').bulkPut(rows.slice(from, from + UPGRADE_SLICE));
      await tx.table<CompanySummary>('companySummaries').bulkPut([...summariesOf(rows).values()]);
    });
  // The library's index (lib/db/library-index.ts): what the library page lists and searches,
  // derived from the articles and highlights, so that opening the page rebuilds nothing. Filled
  // here for the library saved before it, then kept by the middleware on every write. Nothing of
  // version 6 changes.
  db.version(7)
    .stores({ libraryRows: '&articleId', searchDocs: '&articleId', searchTerms: '&key' })
    .upgrade((tx) => fillLibraryIndex({
      articles: tx.table('articles'),
      highlights: tx.table('highlights'),
      libraryRows: tx.table('libraryRows'),
      searchDocs: tx.table('searchDocs'),
      searchTerms: tx.table('searchTerms'),
    }));
  db.use(derivedTablesMiddleware([companyMentionsDerivation, libraryIndexDerivation]));
}

export function openDb(name = DB_NAME): NewsmarkDb {
  const db = new Dexie(name) as NewsmarkDb;
  declareSchema(db);
  return db;
}
