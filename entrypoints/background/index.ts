import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '@/lib/messaging';
import { openDb } from '@/lib/db';
import { pageHandlers } from './handlers/pages';
import { markingHandlers } from './handlers/marking';
import { libraryHandlers } from './handlers/library';
import { handleCommands } from './commands';
import { handleContextMenu } from './context-menu';

export default defineBackground(() => {
  const db = openDb();
  handleMessages({
    ...pageHandlers(db),
    ...markingHandlers(),
    ...libraryHandlers(db),
  });
  handleCommands();
  handleContextMenu();
});
