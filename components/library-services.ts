/**
 * The library's services over the real browser: the newest articles first, from the
 * database's savedAt index; then every record straight from the extension's database with
 * liveQuery (so edits anywhere show at once); writes through the
 * background's messages, items opened at their place with a URL text fragment.
 */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { NewsmarkDb } from '@/lib/db';
import type { ArticleRecord } from '@/lib/db/library-records';
import { sendMessage } from '@/lib/messaging';
import { urlAtQuote } from '@/lib/library/text-fragment';
import type { LibraryServices } from './Library';
import { highlightActions } from './highlight-actions';

export function libraryServices(db: NewsmarkDb): LibraryServices {
  return {
    loadNewest: (limit) => db.transaction('r', db.articles, db.highlights, async () => {
      // Tombstones have no index of their own: read a little past the page and drop them.
      const articles: ArticleRecord[] = [];
      await db.articles.orderBy('savedAt').reverse().until(() => articles.length >= limit).each((a) => void (a.deleted || articles.push(a)));
      const highlights = await db.highlights.where('articleId').anyOf(articles.map((a) => a.id)).toArray();
      return { articles, highlights };
    }),
    watch: (onChange, onError) => {
      const subscription = liveQuery(() => db.transaction('r', db.articles, db.highlights, async () => ({
        articles: await db.articles.toArray(),
        highlights: await db.highlights.toArray(),
      }))).subscribe({ next: onChange, error: onError });
      return () => subscription.unsubscribe();
    },
    highlights: highlightActions(async (highlight) => {
      const article = await db.articles.get(highlight.articleId);
      const url = article ? urlAtQuote(article.url, highlight.selectors) : null;
      if (!url) return false;
      await browser.tabs.create({ url });
      return true;
    }),
    importText: (text) => sendMessage('importLibrary', { text }),
    download: (name, blob) => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.click();
      // The download has started by the next task; the object URL can go.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    },
  };
}
