/**
 * The address each tab's page last reported. A view that knows the tab but may not see its URL
 * (the side panel, which has no activeTab grant, as the toolbar popup does when clicked) finds
 * the page's snapshot through it. Kept in storage.session: the worker sleeps between reports.
 */
import { browser } from 'wxt/browser';

const keyOf = (tabId: number) => `reportedUrl:${tabId}`;

export const reportedUrls = {
  remember(tabId: number, url: string): Promise<void> {
    return browser.storage.session.set({ [keyOf(tabId)]: url });
  },
  async of(tabId: number): Promise<string | undefined> {
    const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)];
    return typeof stored === 'string' ? stored : undefined;
  },
  forget(tabId: number): Promise<void> {
    return browser.storage.session.remove(keyOf(tabId));
  },
};
