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

export default defineBackground(() => {
  const db = openDb();
  handleMessages({
    ...pageHandlers(db),
    ...markingHandlers(),
    ...libraryHandlers(db),
    ...libraryIoHandlers(db),
    ...relatedHandlers(db),
  });
  // Alarm listeners are registered on every start: a stopped service worker is woken for them.
  browser.alarms.onAlarm.addListener(feedAlarmListener(db));
  void scheduleFeedRefresh();
  handleCommands();
  handleContextMenu();
});
