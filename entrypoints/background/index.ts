import { defineBackground } from 'wxt/utils/define-background';
import type { ToBackground } from '@/lib/contracts/messages';
import { allHandlers, handleMessages } from '@/lib/messaging';
import { openDb } from '@/lib/db';
import { pageHandlers } from './handlers/pages';
import { markingHandlers } from './handlers/marking';
import { libraryHandlers } from './handlers/library';
import { libraryIoHandlers } from './handlers/library-io';
import { handleCommands } from './commands';
import { handleContextMenu } from './context-menu';
import { feedAlarmListener, relatedHandlers, scheduleFeedRefresh } from './handlers/related';
import { browser } from 'wxt/browser';
import { createSyncDeps, handleSyncAlarm, scheduleSyncAlarms, syncHandlers, syncSoon } from './handlers/sync';
import { afterWrites } from './after-writes';
import { indexLibrary } from './indexing';
import { reportedUrls } from './reported-urls';
import { cachedSnapshots, notifyLibraryChanged, popupHandlers } from './handlers/popup';
import { snapshotCopies } from '@/lib/library/snapshot-copies';
import { listFeeds } from '@/lib/related/store';
import { siteAccessHandlers, watchSiteAccess } from './site-access';

export default defineBackground(() => {
  const db = openDb();
  const syncDeps = createSyncDeps(db);
  // Popup snapshots, in memory and copied to storage.session for popups opened while the worker sleeps.
  const snapshots = cachedSnapshots(db, snapshotCopies(browser.storage.session));
  // Every change to the library asks for a sync soon after (when sync is set up), and open
  // pages to read it again.
  const handlers = allHandlers<ToBackground>()(
    // A page just recorded has its popup snapshot read and copied at once: the popup is most
    // often opened on a page loaded a while ago, when the worker may be asleep. Views already
    // open on it (the side panel follows the tab as it loads) are told to read it again.
    pageHandlers(db, (url) => void snapshots.refresh(url).then(notifyLibraryChanged, () => undefined)),
    popupHandlers(snapshots),
    markingHandlers(),
    siteAccessHandlers(async () => (await listFeeds(db)).map((feed) => feed.url)),
    libraryHandlers(db),
    libraryIoHandlers(db),
    relatedHandlers(db),
    syncHandlers(syncDeps),
  );
  handleMessages(
    afterWrites(handlers, () => {
      notifyLibraryChanged();
      return syncSoon();
    }),
  );
  browser.tabs.onRemoved.addListener((tabId) => void reportedUrls.forget(tabId).catch(() => undefined));
  // Alarm listeners are registered on every start: a stopped service worker is woken for them.
  const onFeedAlarm = feedAlarmListener(db);
  browser.alarms.onAlarm.addListener((alarm) => {
    void onFeedAlarm(alarm);
    void handleSyncAlarm(alarm, syncDeps);
  });
  void scheduleFeedRefresh();
  // Not on every wake: re-creating the periodic alarm would keep pushing it back.
  browser.runtime.onInstalled.addListener(() => void scheduleSyncAlarms());
  browser.runtime.onStartup.addListener(() => void scheduleSyncAlarms());
  // Articles saved or imported without company ids get them, in slices (lib/dossier/indexing.ts).
  indexLibrary(db);
  watchSiteAccess();
  handleCommands();
  handleContextMenu();
});
