import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '@/lib/messaging';
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
import { notifyLibraryChanged, popupHandlers } from './handlers/popup';

export default defineBackground(() => {
  const db = openDb();
  const syncDeps = createSyncDeps(db);
  handleMessages({
    ...pageHandlers(db),
    ...markingHandlers(),
    ...popupHandlers(db),
    // Every change to the library asks for a sync soon after (when sync is set up), and open
    // popups to read it again.
    ...afterWrites({ ...libraryHandlers(db), ...libraryIoHandlers(db) }, () => {
      notifyLibraryChanged();
      return syncSoon();
    }),
    ...relatedHandlers(db),
    ...syncHandlers(syncDeps),
  });
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
  handleCommands();
  handleContextMenu();
});
