/**
 * The popup's services over the real browser: reads from the extension's database directly
 * (liveQuery, so edits show at once; nothing on the first render waits for the background
 * worker), writes and page actions through typed messages.
 */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { getArticleByUrl, listHighlights } from '@/lib/db/library';
import { findPageVisit, type NewsmarkDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import type { PopupServices } from '@/components/Popup';
import { highlightActions } from '@/components/highlight-actions';

export interface PopupTarget {
  tabId: number | null;
  url: string | null;
}

/**
 * The tab the popup is about: the active tab, or, when the popup is opened as a page of its
 * own (end-to-end tests, the demo), the `tab` and `url` named in its address.
 */
export async function currentTarget(search: string): Promise<PopupTarget> {
  const params = new URLSearchParams(search);
  const [tab] = params.has('tab') ? [] : await browser.tabs.query({ active: true, currentWindow: true });
  const tabId = params.has('tab') ? Number(params.get('tab')) : (tab?.id ?? null);
  return { tabId, url: params.get('url') ?? tab?.url ?? null };
}

export function popupServices(db: NewsmarkDb, { tabId, url }: PopupTarget): PopupServices {
  const toTab = <T>(work: (id: number) => Promise<T>, fallback: T): Promise<T> => (tabId === null ? Promise.resolve(fallback) : work(tabId));
  return {
    // Read here rather than asked of the background: the worker may be asleep or busy (sync).
    loadVisit: () => (url ? findPageVisit(db, url) : Promise.resolve(null)),
    // No content script in the tab (a browser page, a page opened before install): nothing to list.
    loadEntities: () => toTab((id) => sendMessage('getPageEntities', {}, id).catch(() => null), null),
    watchSaved: (onChange, onError) => {
      const subscription = liveQuery(async () => {
        const article = url ? await getArticleByUrl(db, url) : null;
        return { article, highlights: article ? await listHighlights(db, article.id) : [] };
      }).subscribe({ next: onChange, error: onError });
      return () => subscription.unsubscribe();
    },
    save: () => toTab(async (id) => void (await sendMessage('savePageArticle', {}, id)), undefined),
    unsave: async (articleId) => void (await sendMessage('unsaveArticle', { id: articleId })),
    saveArticleNote: async (articleId, note) => void (await sendMessage('updateArticle', { id: articleId, changes: { note } })),
    showEntity: (index) => toTab(async (id) => void (await sendMessage('showEntity', { index }, id)), undefined),
    highlights: highlightActions((h) => toTab((id) => sendMessage('showHighlight', { selectors: h.selectors }, id).catch(() => false), false)),
    loadSyncStatus: () => sendMessage('getSyncStatus', {}).catch(() => null),
    loadRelated: (article, visit) => {
      const articleUrl = article?.url ?? url;
      if (!articleUrl) return { cached: Promise.resolve(null), fresh: Promise.resolve(null) };
      const cached = sendMessage('getCachedRelated', { url: articleUrl });
      const fresh = cached.then(({ result, stale }) => {
        if (!stale) return result;
        const title = article?.title ?? visit?.title ?? '';
        const source = new URL(articleUrl).hostname.replace(/^www\./, '');
        return sendMessage('refreshRelated', {
          article: { id: article?.id, title, text: article?.text, url: articleUrl, source, publishedAt: article?.publishedAt ?? undefined },
        });
      });
      return { cached: cached.then((c) => c.result), fresh };
    },
    openLibrary: () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }),
  };
}
