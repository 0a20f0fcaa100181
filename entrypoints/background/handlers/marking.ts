import { browser } from 'wxt/browser';
import type { MarkingMessages } from '@/lib/contracts/messages';
import type { HandlersOf } from '@/lib/messaging';
import { popupAddress } from '@/lib/messaging/popup-address';
import { dossierAddress } from '@/lib/dossier/address';
import { recognize } from '@/lib/entities';
import { ratesItem } from '@/lib/contracts/storage';
import { currentRates } from '@/lib/rates/cache';
import { injectPipeline } from '../pipeline-injection';

/** Recognition for pages, the toolbar badge, and what hover cards need: exchange rates, the way to coverage. */
export function markingHandlers(): HandlersOf<MarkingMessages> {
  return {
    recognizeText: ({ text }) => recognize(text),
    // The tab's toolbar button: its badge counts the page's marks, and its popup is addressed
    // to the tab (see popup-address.ts). Set again on each report: a navigation resets both.
    setMarkCount: async ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      await Promise.all([
        browser.action.setBadgeBackgroundColor({ tabId, color: '#1d5fd1' }),
        browser.action.setBadgeText({ tabId, text: badgeText(count) }),
        browser.action.setPopup({ tabId, popup: popupAddress(tabId) }),
      ]);
    },
    // The card's "coverage of this company": the library, searched for it.
    openCoverage: async ({ query }) => {
      await browser.tabs.create({ url: `${browser.runtime.getURL('/library.html')}?q=${encodeURIComponent(query)}` });
    },
    // The card's "everything in your library": the company's dossier.
    openDossier: async ({ companyId }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/${dossierAddress(companyId)}`) });
    },
    getExchangeRates: () => currentRates({ get: () => ratesItem.getValue(), set: (v) => ratesItem.setValue(v) }, fetch),
    loadPipeline: async (_data, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await injectPipeline(tabId, sender.frameId ?? 0);
      return true;
    },
  };
}

/** The badge has room for about four characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
