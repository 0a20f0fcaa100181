/**
 * The popup's services over the real browser. It opens no database: the background (which has
 * it open) answers one snapshot of the page, and again whenever it says the library changed;
 * writes and page actions go through typed messages too. Loading the database code and
 * opening the database was most of the popup's time to first render.
 */
import { browser } from 'wxt/browser';
import { handleMessages, sendMessage, type HandlersOf } from '@/lib/messaging';
import type { PopupSnapshot, ToPages } from '@/lib/contracts/messages';
import type { RequestOf } from '@/lib/messaging';
import type { PopupAddress } from '@/lib/messaging/popup-address';
import { hostOf } from '@/lib/url/host';
import { watchSyncStatus } from '@/lib/sync/status-item';
import type { FirstAnswers, PopupServices } from '@/components/Popup';
import { highlightActions } from '@/components/highlight-actions';
import { readSnapshotCopy } from '@/lib/library/snapshot-copies';
import { sitePatternOf } from '@/lib/sites/registration';
import { anyCovers } from '@/lib/sites/match';
import { grantSites } from '@/components/site-grants';

/** The tab the popup is about, and the page's URL when the popup's address names it. */
export interface PopupTab {
  id: number | null;
  url?: string;
}

/**
 * The tab the popup is about: the tab its address names (the background addresses the popup
 * of every tab whose page reported itself; end-to-end tests and the demo name one too), else
 * the active tab, which the popup must then ask the browser for.
 */
export async function currentTab(address: PopupAddress): Promise<PopupTab> {
  if (address.tabId !== null) return { id: address.tabId, url: address.url };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id ?? null, url: tab?.url };
}

/**
 * The copy of the page's snapshot that the worker left in storage.session (see
 * lib/library/snapshot-copies.ts), or null: the popup shows it while the worker wakes up.
 * It is kept by the page's URL, which the browser tells when the address names only the tab.
 */
export async function snapshotCopyFor(url: Promise<string | undefined>): Promise<PopupSnapshot | null> {
  const pageUrl = await url;
  return pageUrl ? readSnapshotCopy(browser.storage.session, pageUrl) : null;
}

/** The page's URL: the one the address names, else the one the browser shows for the tab. */
export async function urlFor(tab: Promise<PopupTab>): Promise<string | undefined> {
  const { id, url } = await tab;
  return url ?? (id === null ? undefined : await urlOfTab(id));
}

/** The URL the browser shows for tab `id`: undefined when it hides it (no access granted) or the tab is gone. */
function urlOfTab(id: number): Promise<string | undefined> {
  return browser.tabs.get(id).then((tab) => tab?.url, () => undefined);
}

/** Which page the background's popup snapshot is of. */
type SnapshotRequest = RequestOf<'getPopupSnapshot'>;

/**
 * Which page the background's snapshot is of: the URL the address names, else the tab it
 * names (the background asks the browser for its URL, so the popup need not wait for it),
 * else the active tab's.
 */
export function snapshotRequest(address: PopupAddress): SnapshotRequest {
  if (address.url !== undefined) return { url: address.url };
  return address.tabId === null ? {} : { tabId: address.tabId };
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
 * loads. `page` says which page the background's snapshot is of (see snapshotRequest; `{}`:
 * the active tab's). `copy` is the worker's stored copy of the snapshot, if any: shown first
 * when it comes before the worker's answer, which follows it.
 */
export function popupServices(
  tab: Promise<number | null>,
  page: SnapshotRequest = {},
  copy: Promise<PopupSnapshot | null> = Promise.resolve(null),
  pageUrl: Promise<string | undefined> = Promise.resolve(undefined),
): StartedPopup {
  const toTab = async <T>(work: (id: number) => Promise<T>, fallback: T): Promise<T> => {
    const tabId = await tab;
    return tabId === null ? fallback : work(tabId);
  };
  // Runs the first stage in the tab once: the popup's opening lent it (activeTab).
  const startHere = () => toTab((id) => sendMessage('startFirstStage', { tabId: id }), undefined);
  // No content script in the tab (a browser page, a page opened before install): nothing to list.
  const readEntities = () => toTab((id) => sendMessage('getPageEntities', {}, id).catch(() => null), null);
  const readSnapshot = () => sendMessage('getPopupSnapshot', page);
  const fromWorker = readSnapshot();
  // The bench's breakdown: when each first answer arrived.
  const firstSnapshot = marked(firstOf(copy, fromWorker), 'newsmark:page');
  const firstEntities = marked(readEntities(), 'newsmark:entities');
  return {
    firstAnswers: (waitMs) => within(waitMs, Promise.all([firstSnapshot, firstEntities]).then(([page, entities]) => ({ page, entities }))),
    watchPage: watchSnapshots(readSnapshot, [firstSnapshot, fromWorker]),
    loadEntities: firstThenFresh(readEntities, firstEntities),
    markPage: () => toTab(async (id) => {
      try {
        return (await sendMessage('markPage', {}, id)).count;
      } catch {
        // No first stage here (a site the reader did not choose): the popup's click lent the
        // tab to Newsmark (activeTab), enough to run it once and ask again.
        await startHere();
        return (await sendMessage('markPage', {}, id)).count;
      }
    }, 0),
    loadSiteAccess: async () => {
      const url = await pageUrl;
      const pattern = url ? sitePatternOf(url) : null;
      if (!url || !pattern) return null;
      const marked = await sendMessage('getMarkedSites', {});
      return { host: new URL(url).hostname, pattern, marked: anyCovers(marked, url) };
    },
    startHere,
    grantSite: (pattern) =>
      // Asked at once: the browser grants only within the reader's click.
      grantSites([pattern]).then(async (marked) => {
        if (marked === null) return false;
        await startHere();
        return true;
      }),
    save: () => toTab(async (id) => void (await sendMessage('savePageArticle', {}, id)), undefined),
    unsave: async (articleId) => void (await sendMessage('unsaveArticle', { id: articleId })),
    undoUnsave: async (articleId) => void (await sendMessage('undoUnsaveArticle', { id: articleId })),
    saveArticleNote: async (articleId, note) => void (await sendMessage('updateArticle', { id: articleId, changes: { note } })),
    setArticleTags: async (articleId, tags) => void (await sendMessage('updateArticle', { id: articleId, changes: { tags } })),
    loadTags: () => sendMessage('listTags', {}),
    showEntity: (index) => toTab(async (id) => void (await sendMessage('showEntity', { index }, id)), undefined),
    highlights: highlightActions((h) => toTab((id) => sendMessage('showHighlight', { selectors: h.selectors }, id).catch(() => false), false)),
    loadSyncStatus: () => sendMessage('getSyncStatus', {}).catch(() => null),
    watchSyncStatus,
    loadRelated: (article, visit) => {
      const articleUrl = article?.url ?? visit?.url;
      if (!articleUrl) return { cached: Promise.resolve(null), fresh: Promise.resolve(null) };
      const cached = sendMessage('getCachedRelated', { url: articleUrl });
      const fresh = cached.then(({ result, stale }) => {
        if (!stale) return result;
        const title = article?.title ?? visit?.title ?? '';
        const source = hostOf(articleUrl) ?? '';
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
 * The stored copy when there is one and it comes before the worker's answer (or the worker
 * fails), else the worker's answer.
 */
function firstOf(copy: Promise<PopupSnapshot | null>, fromWorker: Promise<PopupSnapshot>): Promise<PopupSnapshot> {
  const stored = copy.catch(() => null);
  return new Promise((resolve, reject) => {
    void stored.then((snapshot) => snapshot && resolve(snapshot));
    fromWorker.then(resolve, (error: unknown) => void stored.then((snapshot) => (snapshot ? resolve(snapshot) : reject(error))));
  });
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
 * The popup's `watchPage` over `read`, whose first answers are `first` (asked for already,
 * shown in that order; a later one that arrives first wins): the listener for
 * `libraryChanged` is added now, before any answer, so no change can fall between the first
 * read and the listening. A change that arrives before the first watcher takes the early
 * answers has that watcher read again (they may predate the change). The listener lives as
 * long as the popup page.
 */
export function watchSnapshots(read: () => Promise<PopupSnapshot>, first: Promise<PopupSnapshot>[] = [read()]): PopupServices['watchPage'] {
  let changes = 0;
  const watchers = new Set<() => void>();
  handleMessages(
    {
      libraryChanged: () => {
        changes++;
        for (const reread of watchers) reread();
      },
    } satisfies HandlersOf<ToPages>,
  );
  let early: { answers: Promise<PopupSnapshot>[]; changes: number } | null = { answers: first, changes };
  for (const answer of first) answer.catch(() => undefined);
  return (onChange, onError) => {
    let stopped = false;
    // Answers may overtake each other: one is never shown after a newer read's. The same
    // answer given twice (the worker's, when it came before any stored copy) is shown once.
    let sent = 0;
    let shown = 0;
    let last: PopupSnapshot | undefined;
    const show = (answer: Promise<PopupSnapshot>) => {
      const ticket = ++sent;
      answer.then(
        (snapshot) => {
          if (stopped || ticket < shown || snapshot === last) return;
          shown = ticket;
          last = snapshot;
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
      for (const answer of first.answers) show(answer);
      if (changes !== first.changes) reread();
    }
    return () => {
      stopped = true;
      watchers.delete(reread);
    };
  };
}
