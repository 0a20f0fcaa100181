/**
 * The popup's services over the real browser. It opens no database: the background (which has
 * it open) answers one snapshot of the page, and again whenever it says the library changed;
 * writes and page actions go through typed messages too. Loading the database code and
 * opening the database was most of the popup's time to first render.
 */
import { browser } from 'wxt/browser';
import { handleMessages, sendMessage } from '@/lib/messaging';
import type { PopupSnapshot } from '@/lib/messaging/contract';
import type { FirstAnswers, PopupServices } from '@/components/Popup';
import { highlightActions } from '@/components/highlight-actions';

/**
 * The id of the tab the popup is about: the active tab's, or, when the popup is opened as a
 * page of its own (end-to-end tests, the demo), the `tab` named in its address.
 */
export async function currentTabId(search: string): Promise<number | null> {
  const named = new URLSearchParams(search).get('tab');
  if (named !== null) return Number(named);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * The URL the popup's address names (end-to-end tests, the demo), else undefined: the
 * background then reads the active tab's own, so the snapshot need not wait for the popup
 * to ask the browser which tab that is (a round trip over a busy main thread).
 */
export function namedUrl(search: string): string | undefined {
  return new URLSearchParams(search).get('url') ?? undefined;
}

/** The popup's services, and its first answers for its first render. */
export interface StartedPopup extends PopupServices {
  /**
   * The first snapshot and the page's entities, once both are in, or undefined when either
   * fails or both are not in within `waitMs` (the popup then renders its shell and fills in).
   */
  firstAnswers(waitMs: number): Promise<FirstAnswers | undefined>;
}

/**
 * Services for the tab `tab` names. The first snapshot and the page's entities are asked for
 * at once, before the popup's interface code is even loaded: the answers travel while it
 * loads. `url` is the page's URL when the popup's address names it (undefined: the background
 * reads the active tab's).
 */
export function popupServices(tab: Promise<number | null>, url?: string): StartedPopup {
  const toTab = async <T>(work: (id: number) => Promise<T>, fallback: T): Promise<T> => {
    const tabId = await tab;
    return tabId === null ? fallback : work(tabId);
  };
  // No content script in the tab (a browser page, a page opened before install): nothing to list.
  const readEntities = () => toTab((id) => sendMessage('getPageEntities', {}, id).catch(() => null), null);
  const readSnapshot = () => sendMessage('getPopupSnapshot', url === undefined ? {} : { url });
  // The bench's breakdown: when each first answer arrived.
  const firstSnapshot = marked(readSnapshot(), 'newsmark:page');
  const firstEntities = marked(readEntities(), 'newsmark:entities');
  return {
    firstAnswers: (waitMs) => within(waitMs, Promise.all([firstSnapshot, firstEntities]).then(([page, entities]) => ({ page, entities }))),
    watchPage: watchSnapshots(readSnapshot, firstSnapshot),
    loadEntities: firstThenFresh(readEntities, firstEntities),
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

/** `answer`, setting the performance mark `name` when it arrives. */
function marked<T>(answer: Promise<T>, name: string): Promise<T> {
  answer.then(() => performance.mark(name), () => undefined);
  return answer;
}

/** `answer` if it arrives within `waitMs`; undefined if it fails or comes later. */
function within<T>(waitMs: number, answer: Promise<T>): Promise<T | undefined> {
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, waitMs, undefined));
  return Promise.race([answer.catch(() => undefined), late]);
}

/**
 * The first call of the returned function takes `early` (already asked for), later calls
 * read afresh. A failure of the early read is left to its taker (not reported as unhandled).
 */
function firstThenFresh<T>(read: () => Promise<T>, first: Promise<T>): () => Promise<T> {
  let early: Promise<T> | null = first;
  early.catch(() => undefined);
  return () => {
    const answer = early ?? read();
    early = null;
    return answer;
  };
}

/**
 * The popup's `watchPage` over `read`, whose first answer is `first` (asked for already): the
 * listener for `libraryChanged` is added now, before any answer, so no change can fall
 * between the first read and the listening. A change that arrives before the first watcher takes the
 * early answer has that watcher read again (the early answer may predate the change).
 * The listener lives as long as the popup page.
 */
export function watchSnapshots(read: () => Promise<PopupSnapshot>, first = read()): PopupServices['watchPage'] {
  let changes = 0;
  const watchers = new Set<() => void>();
  handleMessages({
    libraryChanged: () => {
      changes++;
      for (const reread of watchers) reread();
    },
  });
  let early: { answer: Promise<PopupSnapshot>; changes: number } | null = { answer: first, changes };
  early.answer.catch(() => undefined);
  return (onChange, onError) => {
    let stopped = false;
    // Answers may overtake each other: one is never shown after a newer read's.
    let sent = 0;
    let shown = 0;
    const show = (answer: Promise<PopupSnapshot>) => {
      const ticket = ++sent;
      answer.then(
        (snapshot) => {
          if (stopped || ticket < shown) return;
          shown = ticket;
          onChange(snapshot);
        },
        (e: unknown) => !stopped && onError(e),
      );
    };
    const reread = () => show(read());
    watchers.add(reread);
    const first = early;
    early = null;
    if (!first) reread();
    else {
      show(first.answer);
      if (changes !== first.changes) reread();
    }
    return () => {
      stopped = true;
      watchers.delete(reread);
    };
  };
}
