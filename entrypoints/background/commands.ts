import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { saveArticleInTab } from './context-menu';
import { askTab } from './site-access';

/** Keyboard commands (manifest `commands`), forwarded to the active tab's content script. */
export function handleCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    const tabId = tab?.id;
    if (tabId === undefined) return;
    const forward = (): Promise<unknown> | undefined => {
      switch (command) {
        case 'mark-next':
          return sendMessage('focusMark', { direction: 1 }, tabId);
        case 'mark-previous':
          return sendMessage('focusMark', { direction: -1 }, tabId);
        case 'mark-page':
          return askTab(tabId, () => sendMessage('markPage', {}, tabId));
        case 'highlight-selection':
          return askTab(tabId, () => sendMessage('highlightSelection', {}, tabId));
        case 'save-article':
          return void saveArticleInTab(tabId);
        default:
          return undefined;
      }
    };
    // A tab without our content script (a browser page, a store) has no one to answer.
    void forward()?.catch((error: unknown) => console.debug('[newsmark] command not delivered', command, error));
  });
}
