import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { askTab } from './site-access';

const SAVE_ARTICLE_MENU = 'newsmark-save-article';

/**
 * "Save article to Newsmark" in the page's context menu. The menu item is created once per
 * install or update (browsers keep it across restarts of the background); a click asks the
 * tab's content script to extract the article and save it (see `saveArticleInTab`).
 */
export function handleContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create(
      { id: SAVE_ARTICLE_MENU, title: browser.i18n.getMessage('menuSaveArticle'), contexts: ['page', 'selection'] },
      // An item left from before an update already exists: nothing to do.
      () => void browser.runtime.lastError,
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_ARTICLE_MENU && tab?.id !== undefined) saveArticleInTab(tab.id);
  });
}

/**
 * Saves the article in a tab: only its content script has the live page to extract from.
 * Shared by the context menu and the `save-article` keyboard command.
 */
export function saveArticleInTab(tabId: number): void {
  askTab(tabId, () => sendMessage('savePageArticle', {}, tabId)).catch((error: unknown) => console.debug('[newsmark] save not delivered', error));
}
