/**
 * The popup's services over the real browser. It opens no database: the background (which has
 * it open) answers one snapshot of the page, and again whenever it says the library changed;
 * writes and page actions go through typed messages too. Loading the database code and
 * opening the database was most of the popup's time to first render.
 */
import { browser } from 'wxt/browser';
import { handleMessages, sendMessage } from '@/lib/messaging';
import type { PopupSnapshot } from '@/lib/messaging/contract';
import type { PopupServices } from '@/components/Popup';
import { highlightActions } from '@/components/highlight-actions';

export interface PopupTarget {
  tabId: number | null;
  url: string | null;
}

const NOTHING: PopupSnapshot = { visit: null, article: null, highlights: [] };

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

/**
 * Services for the tab `target` names; the popup renders before it is known. The first
 * snapshot and the page's entities are asked for at once, before the popup renders: the
 * answers are on their way while it paints its shell, instead of after.
 */
export function popupServices(target: Promise<PopupTarget>): PopupServices {
  const toTab = async <T>(work: (id: number) => Promise<T>, fallback: T): Promise<T> => {
    const { tabId } = await target;
    return tabId === null ? fallback : work(tabId);
  };
  const readSnapshot = async () => {
    const { url } = await target;
    return url ? sendMessage('getPopupSnapshot', { url }) : NOTHING;
  };
  // No content script in the tab (a browser page, a page opened before install): nothing to list.
  const readEntities = () => toTab((id) => sendMessage('getPageEntities', {}, id).catch(() => null), null);
  const snapshot = firstThenFresh(readSnapshot);
  return {
    watchPage: (onChange, onError) => {
      let stopped = false;
      // Answers may overtake each other: only the latest read is shown.
      let latest = 0;
      const read = () => {
        const ticket = ++latest;
        snapshot().then((s) => !stopped && ticket === latest && onChange(s), (e: unknown) => !stopped && onError(e));
      };
      const stopListening = handleMessages({ libraryChanged: read });
      read();
      return () => {
        stopped = true;
        stopListening();
      };
    },
    loadEntities: firstThenFresh(readEntities),
    markPage: () => toTab(async (id) => (await sendMessage('markPage', {}, id)).count, 0),
    save: () => toTab(async (id) => void (await sendMessage('savePageArticle', {}, id)), undefined),
    unsave: async (articleId) => void (await sendMessage('unsaveArticle', { id: articleId })),
    saveArticleNote: async (articleId, note) => void (await sendMessage('updateArticle', { id: articleId, changes: { note } })),
    showEntity: (index) => toTab(async (id) => void (await sendMessage('showEntity', { index }, id)), undefined),
    highlights: highlightActions((h) => toTab((id) => sendMessage('showHighlight', { selectors: h.selectors }, id).catch(() => false), false)),
    loadSyncStatus: () => sendMessage('getSyncStatus', {}).catch(() => null),
    loadRelated: (article, visit) => {
      const articleUrl = article?.url ?? visit?.url;
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
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
}

/**
 * Calls `read` now; the first call of the returned function takes that answer, later calls
 * read afresh. A failure of the early read is left to its taker (not reported as unhandled).
 */
function firstThenFresh<T>(read: () => Promise<T>): () => Promise<T> {
  let early: Promise<T> | null = read();
  early.catch(() => undefined);
  return () => {
    const answer = early ?? read();
    early = null;
    return answer;
  };
}
