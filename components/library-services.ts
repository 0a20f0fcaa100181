/**
 * The library's services over the real browser: the newest articles first, from the
 * database's savedAt index; then every record straight from the extension's database, read in
 * pages, and again after each change to articles or highlights (so edits anywhere show at
 * once); writes through the background's messages, items opened at their place with a URL
 * text fragment.
 */
import { browser } from 'wxt/browser';
import type { NewsmarkDb } from '@/lib/db';
import type { ArticleRecord } from '@/lib/contracts/records';
import { sendMessage } from '@/lib/messaging';
import { onTablesChanged } from '@/lib/library/changes';
import { readPages } from '@/lib/library/read-pages';
import { urlAtQuote } from '@/lib/library/text-fragment';
import type { LibraryReader, LibraryServices } from './Library';
import { downloadBlob } from './download';
import { conflictsForExport } from '@/lib/sync/conflicts';
import { conflictActions, highlightActions } from './highlight-actions';

export function libraryServices(db: NewsmarkDb): LibraryServices {
  return {
    loadNewest: (limit) => db.transaction('r', db.articles, db.highlights, async () => {
      // Tombstones have no index of their own: read a little past the page and drop them.
      const articles: ArticleRecord[] = [];
      await db.articles.orderBy('savedAt').reverse().until(() => articles.length >= limit).each((a) => void (a.deleted || articles.push(a)));
      const highlights = await db.highlights.where('articleId').anyOf(articles.map((a) => a.id)).toArray();
      return { articles, highlights };
    }),
    watch: (reader) => watchInPages(db, reader),
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
 * Reads every record in pages for `reader`, and again whenever articles or highlights change
 * (Dexie tells every page of the extension of a write, wherever it was made): a change during
 * a read starts another once it ends, so the last read always follows the last change.
 * Page visits, written on every page the reader opens, do not start one.
 */
function watchInPages(db: NewsmarkDb, reader: LibraryReader): () => void {
  let stopped = false;
  let reading = false;
  let changed = false;
  const read = async () => {
    reading = true;
    changed = false;
    try {
      await readPages(db, (page) => reader.page(page), { stopped: () => stopped });
      if (!stopped) reader.done();
    } catch (error) {
      if (!stopped) reader.error(error);
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
