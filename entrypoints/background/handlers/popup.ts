import { browser } from 'wxt/browser';
import { sendMessage, type Handlers } from '@/lib/messaging';
import type { PopupSnapshot } from '@/lib/messaging/contract';
import { findPageVisit, type NewsmarkDb } from '@/lib/db';
import { getArticleByUrl, listHighlights } from '@/lib/db/library';

/**
 * The popup's first read, answered here where the database is already open: the popup then
 * loads no database code and opens no database, which was most of its time to first render.
 */
export function popupHandlers(db: NewsmarkDb): Handlers {
  return {
    getPopupSnapshot: async ({ url }) => {
      const pageUrl = url ?? (await activeTabUrl());
      return pageUrl ? popupSnapshot(db, pageUrl) : NOTHING;
    },
  };
}

const NOTHING: PopupSnapshot = { visit: null, article: null, highlights: [] };

/**
 * The URL of the tab the popup is open over: the active tab of the focused window (the
 * popup's, while it is open). Undefined for a page the extension may not see (a browser page).
 */
async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.url;
}

/** The visit, the saved article and its highlights for `url`, read in one transaction (one consistent state). */
export function popupSnapshot(db: NewsmarkDb, url: string): Promise<PopupSnapshot> {
  return db.transaction('r', db.pageVisits, db.articles, db.highlights, async () => {
    const [visit, article] = await Promise.all([findPageVisit(db, url), getArticleByUrl(db, url)]);
    return { visit, article, highlights: article ? await listHighlights(db, article.id) : [] };
  });
}

/**
 * Tells open extension pages (the popup) that the library changed, so they read it again.
 * No page open is the usual case: then no one answers, and that is not an error.
 */
export function notifyLibraryChanged(): void {
  void sendMessage('libraryChanged', {}).catch(() => undefined);
}
