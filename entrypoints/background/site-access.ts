/**
 * Where Newsmark marks: the first stage runs only on the sites the reader chose and granted
 * (registered with `scripting.registerContentScripts`, kept in step with the choice and the
 * grants), and on a page the reader asks for through activeTab. The choice is made on the
 * first-run page, in the popup ("Mark articles on this site") and in the options (remove).
 */
import { browser, type Browser } from 'wxt/browser';
import type { SiteAccessMessages } from '@/lib/contracts/messages';
import type { HandlersOf } from '@/lib/messaging';
import { sendMessage } from '@/lib/messaging';
import { markedSitesItem, pendingSitesItem, siteChoiceMadeItem } from '@/lib/contracts/storage';
import { declaredSites, markedNow, withoutSites, withSites } from '@/lib/sites/chosen';
import { FIRST_STAGE_FILE, FIRST_STAGE_ID, syncFirstStage, type RegistrationApi } from '@/lib/sites/registration';
import { anyCovers, lostAccess } from '@/lib/sites/match';

/** Whether the browser grants each of `patterns`. */
function grants(patterns: readonly string[]): Promise<boolean[]> {
  return Promise.all(patterns.map((origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false)));
}

/** The chosen patterns whose grant stands. */
async function currentlyMarked(): Promise<string[]> {
  const chosen = await markedSitesItem.getValue();
  return markedNow(chosen, await grants(chosen));
}

const registrationApi: RegistrationApi = {
  getAllOrigins: currentlyMarked,
  getRegistered: () => browser.scripting.getRegisteredContentScripts({ ids: [FIRST_STAGE_ID] }),
  register: (script) => browser.scripting.registerContentScripts([script]),
  update: (script) => browser.scripting.updateContentScripts([script]),
  unregister: () => browser.scripting.unregisterContentScripts({ ids: [FIRST_STAGE_ID] }),
};

/** Registrations are made one at a time: two grants in a row must not both register. */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

const syncRegistration = (): Promise<string[]> =>
  inTurn(() => syncFirstStage(registrationApi)).catch((error: unknown) => {
    console.warn('[newsmark] first stage registration failed', error);
    return [];
  });

/** Runs the first stage in one tab now (registered scripts reach only pages loaded after). */
export async function startFirstStage(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${FIRST_STAGE_FILE}`] });
}

/** Open tabs on `patterns` get the first stage at once. */
async function startInOpenTabs(patterns: readonly string[]): Promise<void> {
  if (patterns.length === 0) return;
  const tabs = await browser.tabs.query({ url: [...patterns] }).catch(() => [] as Browser.tabs.Tab[]);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : startFirstStage(tab.id).catch(() => undefined))));
}

/** The patterns among `patterns` the browser has granted. */
async function grantedOf(patterns: readonly string[]): Promise<string[]> {
  const granted = await grants(patterns);
  return patterns.filter((_, i) => granted[i]);
}

async function addMarkedSites(patterns: readonly string[]): Promise<string[]> {
  const added = await grantedOf(patterns);
  if (added.length > 0) {
    await markedSitesItem.setValue(withSites(await markedSitesItem.getValue(), added));
    await siteChoiceMadeItem.setValue(true);
  }
  const marked = await syncRegistration();
  await startInOpenTabs(added);
  return marked;
}

/**
 * Stops marking `patterns`: pages on them are left as they were (unless another grant still
 * covers them), and the grants are given back, except where a feed's site still needs one.
 */
async function removeMarkedSites(patterns: readonly string[], feedUrls: () => Promise<string[]>): Promise<string[]> {
  const remaining = withoutSites(await markedSitesItem.getValue(), patterns);
  await markedSitesItem.setValue(remaining);
  // Found while the grant stands: without it the browser no longer tells these tabs' addresses.
  const tabs = await browser.tabs.query({ url: [...patterns] }).catch(() => [] as Browser.tabs.Tab[]);
  await Promise.all(
    tabs.map((tab) =>
      tab.id !== undefined && tab.url && lostAccess(tab.url, patterns, remaining)
        ? sendMessage('leavePage', {}, tab.id).catch(() => undefined)
        : undefined,
    ),
  );
  const feeds = await feedUrls().catch(() => [] as string[]);
  const unneeded = patterns.filter((pattern) => !feeds.some((url) => anyCovers([pattern], url)));
  if (unneeded.length > 0) await browser.permissions.remove({ origins: unneeded }).catch(() => false);
  return syncRegistration();
}

export function siteAccessHandlers(feedUrls: () => Promise<string[]>): HandlersOf<SiteAccessMessages> {
  return {
    expectSiteGrant: ({ patterns }) => pendingSitesItem.setValue({ patterns, at: Date.now() }),
    addMarkedSites: ({ patterns }) => addMarkedSites(patterns),
    removeMarkedSites: ({ patterns }) => removeMarkedSites(patterns, feedUrls),
    getMarkedSites: () => currentlyMarked(),
    startFirstStage: ({ tabId }) => startFirstStage(tabId),
  };
}

/** How long the browser's permission prompt may stay open before the grant it answers is no longer taken for marking. */
const PENDING_GRANT_MS = 5 * 60_000;

/** The first-run page: where the reader chooses the sites. */
const WELCOME_PAGE = '/welcome.html';

/**
 * Keeps the registration in step with the grants, finishes grants asked for by a page that
 * closed meanwhile, and opens the first-run page on install (and on the update that brought
 * this choice, for a reader who has not made it yet).
 */
export function watchSiteAccess(): void {
  browser.permissions.onAdded.addListener(() => {
    void (async () => {
      const pending = await pendingSitesItem.getValue();
      if (!pending || Date.now() - pending.at > PENDING_GRANT_MS) return void (await syncRegistration());
      await pendingSitesItem.setValue(null);
      await addMarkedSites(pending.patterns);
    })().catch((error: unknown) => console.warn('[newsmark] grant not recorded', error));
  });
  // Grants taken away in the browser's own settings: open pages that lost their access leave
  // (each page judges by its own address, which the background may no longer read).
  browser.permissions.onRemoved.addListener(({ origins }) => {
    void (async () => {
      const remaining = await syncRegistration();
      if (!origins?.length) return;
      const tabs = await browser.tabs.query({}).catch(() => [] as Browser.tabs.Tab[]);
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : sendMessage('leavePage', { removed: origins, remaining }, tab.id).catch(() => undefined))));
    })();
  });
  browser.runtime.onStartup.addListener(() => void syncRegistration());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void (async () => {
      const declared = declaredSites(browser.runtime.getManifest().host_permissions);
      if (declared.length > 0) await addMarkedSites(declared);
      else await syncRegistration();
      const chosen = await siteChoiceMadeItem.getValue();
      if ((reason === 'install' || reason === 'update') && !chosen) await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
    })().catch((error: unknown) => console.warn('[newsmark] first run failed', error));
  });
}

/**
 * Sends a tab what the reader asked for in it (a keyboard command, the context menu); where no
 * first stage runs (a site the reader did not choose), the reader's gesture lent Newsmark the
 * tab (activeTab): the first stage runs there once, and is asked again.
 */
export async function askTab<T>(tabId: number, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch {
    await startFirstStage(tabId);
    return ask();
  }
}
