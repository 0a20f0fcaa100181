import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Handlers } from '@/lib/messaging';
import { currentRates, type StoredRates } from '@/lib/rates/cache';

const ratesItem = storage.defineItem<StoredRates | null>('local:ecbRates', { fallback: null });

/** The toolbar badge, the exchange rates the hover cards convert with. */
export function markingHandlers(): Handlers {
  return {
    setMarkCount: async ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#1d5fd1' });
      await browser.action.setBadgeText({ tabId, text: badgeText(count) });
    },
    getExchangeRates: () => currentRates({ get: () => ratesItem.getValue(), set: (v) => ratesItem.setValue(v) }, fetch),
  };
}

/** The badge has room for about four characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
