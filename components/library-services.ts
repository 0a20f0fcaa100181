/**
 * The library's services over the real browser: the library's rows and search words read from
 * its index in the extension's database (lib/db/library-index.ts), again after each change to
 * articles or highlights (so edits anywhere show at once); the entries on screen read by id;
 * writes through the background's messages, items opened at their place with a URL text fragment.
 */
import { browser } from 'wxt/browser';
import type { NewsmarkDb } from '@/lib/db';
import type { HighlightRecord, LibraryRow } from '@/lib/contracts/records';
import type { ListedArticle } from '@/lib/library/model';
import { sendMessage } from '@/lib/messaging';
import { onTablesChanged } from '@/lib/library/changes';
import { urlAtQuote } from '@/lib/library/text-fragment';
import { termRange } from '@/lib/search-index/terms';
import type { LibraryServices } from './Library';
import { downloadBlob } from './download';
import { conflictsForExport } from '@/lib/sync/conflicts';
import { conflictActions, highlightActions } from './highlight-actions';

export function libraryServices(db: NewsmarkDb): LibraryServices {
  return {
    watchRows: (onRows, onError) => watchRows(db, onRows, onError),
    readTerms: (word, prefix) => (prefix ? db.searchTerms.where('key').startsWith(word) : db.searchTerms.where('key').between(...termRange(word))).toArray(),
    loadNewest: (limit) => db.transaction('r', db.articles, db.highlights, async () => {
      // Tombstones have no index of their own: read a little past the page and drop them.
      const articles: ListedArticle[] = [];
      await db.articles.orderBy('savedAt').reverse().until(() => articles.length >= limit).each(({ text: _text, ...listed }) => void (listed.deleted || articles.push(listed)));
      return { articles, highlights: await highlightsOf(db, articles.map((a) => a.id)) };
    }),
    loadEntries: (ids) => db.transaction('r', db.articles, db.highlights, async () => {
      const articles: ListedArticle[] = [];
      const texts = new Map<string, string>();
      for (const article of await db.articles.bulkGet([...ids])) {
        if (!article || article.deleted) continue;
        const { text, ...listed } = article;
        articles.push(listed);
        texts.set(article.id, text);
      }
      return { articles, texts, highlights: await highlightsOf(db, ids) };
    }),
    loadAll: () => db.transaction('r', db.articles, db.highlights, db.companyNotes, async () => ({
      articles: await db.articles.toArray(),
      highlights: await db.highlights.toArray(),
      companyNotes: await db.companyNotes.toArray(),
    })),
    highlights: highlightActions(async (highlight) => {
      const article = await db.articles.get(highlight.articleId);
      const url = article ? urlAtQuote(article.url, highlight.selectors) : null;
      if (!url) return false;
      await browser.tabs.create({ url });
      return true;
    }),
    articles: {
      saveNote: async (id, note) => void (await sendMessage('updateArticle', { id, changes: { note } })),
      setTags: async (id, tags) => void (await sendMessage('updateArticle', { id, changes: { tags } })),
      remove: async (id) => void (await sendMessage('unsaveArticle', { id })),
      undoRemove: async (id) => void (await sendMessage('undoUnsaveArticle', { id })),
      conflicts: conflictActions,
    },
    articleText: async (id) => (await db.articles.get(id))?.text ?? '',
    importText: (text) => sendMessage('importLibrary', { text }),
    previewText: (text) => sendMessage('previewImport', { text }),
    download: downloadBlob,
    loadConflicts: () => conflictsForExport(db),
  };
}

/**
 * The highlights of a page's few articles: one request per article, all sent at once, where
 * `anyOf` walks a cursor across them (a round trip to the browser's database per step).
 */
async function highlightsOf(db: NewsmarkDb, articleIds: readonly string[]): Promise<HighlightRecord[]> {
  return (await Promise.all(articleIds.map((id) => db.highlights.where('articleId').equals(id).toArray()))).flat();
}

/**
 * Reads every live article's row for `onRows`, and again whenever articles or highlights change
 * (Dexie tells every page of the extension of a write, wherever it was made): a change during a
 * read starts another once it ends, so the last read always follows the last change. Page
 * visits, written on every page the reader opens, do not start one.
 */
function watchRows(db: NewsmarkDb, onRows: (rows: LibraryRow[]) => void, onError: (error: unknown) => void): () => void {
  let stopped = false;
  let reading = false;
  let changed = false;
  const read = async () => {
    reading = true;
    changed = false;
    try {
      const rows = await db.libraryRows.toArray();
      if (!stopped) onRows(rows);
    } catch (error) {
      if (!stopped) onError(error);
    } finally {
      reading = false;
    }
    if (changed && !stopped) void read();
  };
  const stopListening = onTablesChanged(db, ['articles', 'highlights'], () => {
    changed = true;
    if (!reading) void read();
  });
  void read();
  return () => {
    stopped = true;
    stopListening();
  };
}
