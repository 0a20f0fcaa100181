/**
 * The popup's address names the tab it is about. The background gives every tab whose page
 * reported itself a popup addressed to that tab (`action.setPopup`), so the popup asks that
 * tab for its marks at once, instead of first asking the browser which tab is active: one
 * round trip less before its first complete render. End-to-end tests and the demo, which open
 * the popup as a page of its own, also name the page's URL.
 */

/** What a popup's address names: its tab (null: the active tab), and maybe the page's URL. */
export interface PopupAddress {
  tabId: number | null;
  url?: string;
}

/** The popup's path (as `action.setPopup` takes it) for the tab `tabId`. */
export function popupAddress(tabId: number, url?: string): string {
  const query = new URLSearchParams({ tab: String(tabId) });
  if (url !== undefined) query.set('url', url);
  return `popup.html?${query}`;
}

/** What the popup's address (its `location.search`) names; a tab that is not a whole number is none. */
export function readPopupAddress(search: string): PopupAddress {
  const query = new URLSearchParams(search);
  const tab = query.get('tab');
  const tabId = tab !== null && /^\d+$/.test(tab) ? Number(tab) : null;
  const url = query.get('url') ?? undefined;
  return url === undefined ? { tabId } : { tabId, url };
}
