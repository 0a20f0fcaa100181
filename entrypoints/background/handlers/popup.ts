import { browser } from 'wxt/browser';
import type { PopupMessages, PopupSnapshot } from '@/lib/contracts/messages';
import { sendMessage, type HandlersOf } from '@/lib/messaging';
import { findPageVisit, type NewsmarkDb } from '@/lib/db';
import { getArticleByUrl, listHighlights } from '@/lib/db/library';
import { onTablesChanged } from '@/lib/library/changes';
import type { SnapshotCopies } from '@/lib/library/snapshot-copies';
import { reportedUrls } from '../reported-urls';

/**
 * The popup's first read, answered here where the database is already open: the popup then
 * loads no database code and opens no database, which was most of its time to first render.
 */
export function popupHandlers(snapshots: SnapshotCache): HandlersOf<PopupMessages> {
  return {
    getPopupSnapshot: async ({ url, tabId }) => {
      const pageUrl = url ?? (tabId === undefined ? await activeTabUrl() : await tabUrl(tabId));
      return pageUrl ? snapshots.get(pageUrl) : NOTHING;
    },
  };
}

/** Snapshots kept: the popup is opened again and again over the same few pages. */
const CACHED_SNAPSHOTS = 16;

/** The popup's snapshots, kept in memory (and in `copies`, when given) between changes. */
export interface SnapshotCache {
  /** `url`'s snapshot, from memory while nothing was written since it was read. */
  get(url: string): Promise<PopupSnapshot>;
  /** `url`'s snapshot read afresh and kept: its page was just recorded. */
  refresh(url: string): Promise<PopupSnapshot>;
}

/**
 * `popupSnapshot` answered from memory while nothing was written since it was read: the read
 * transaction was most of the worker's part of opening the popup (about 8 ms of 10 at idle).
 * Every write to the tables it reads, by the worker or any page of the extension, empties the
 * cache, an answer still on its way included; a failed read is not kept. Each snapshot read
 * is also kept in `copies` (when given), for popups opened while the worker sleeps, unless
 * the library changed while it was read.
 */
export function cachedSnapshots(db: NewsmarkDb, copies?: SnapshotCopies): SnapshotCache {
  const cache = new Map<string, Promise<PopupSnapshot>>();
  onTablesChanged(db, ['pageVisits', 'articles', 'highlights'], () => cache.clear());
  // A page visit changes that page's snapshot only: its copy is written again when it is recorded.
  if (copies) onTablesChanged(db, ['articles', 'highlights'], () => copies.changed());
  const read = (url: string) => {
    const readAt = copies?.generation() ?? 0;
    const answer = popupSnapshot(db, url);
    answer.then((snapshot) => copies?.keep(url, snapshot, readAt), () => undefined);
    return answer;
  };
  const remember = (url: string, answer: Promise<PopupSnapshot>) => {
    // Deleted and set again: the Map's order is then the order of last use.
    cache.delete(url);
    cache.set(url, answer);
    if (cache.size > CACHED_SNAPSHOTS) cache.delete(cache.keys().next().value!);
    answer.catch(() => cache.get(url) === answer && cache.delete(url));
    return answer;
  };
  return {
    get: (url) => remember(url, cache.get(url) ?? read(url)),
    refresh: (url) => remember(url, read(url)),
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

/**
 * The URL of tab `tabId`: as the browser shows it where the extension may see it (the popup, on
 * its click), else as the tab's page last reported it (the side panel); undefined for neither.
 */
async function tabUrl(tabId: number): Promise<string | undefined> {
  const shown = await browser.tabs.get(tabId).then((tab) => tab?.url, () => undefined);
  return shown ?? (await reportedUrls.of(tabId).catch(() => undefined));
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
