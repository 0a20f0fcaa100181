import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidePanel, type PanelTab, type SidePanelServices } from '@/components/SidePanel';
import { t } from '@/components/i18n';
import { readPopupAddress } from '@/lib/messaging/popup-address';
import { popupServices, snapshotCopyFor, urlFor } from '../popup/services';
import '@/components/base.css';

document.title = t('sidePanelTitle');

/**
 * The tab being read in the panel's window, followed across tab switches and navigations. An
 * address naming a tab (`sidepanel.html?tab=ID`, as end-to-end tests open it in a tab of its
 * own) pins the panel to that tab.
 */
function followTab(onTab: (tab: PanelTab | null) => void): () => void {
  const pinned = readPopupAddress(location.search).tabId;
  let current: PanelTab | null = null;
  let loads = 0;
  /** Shows `tab` unless it is the page shown already; a page loaded anew in the same tab is a new one. */
  const show = (tab: { id?: number; url?: string } | undefined, loaded = false) => {
    if (loaded) loads++;
    const next = tab?.id === undefined ? null : { id: tab.id, load: loads, ...(tab.url ? { url: tab.url } : {}) };
    if (next?.id === current?.id && next?.url === current?.url && next?.load === current?.load) return;
    current = next;
    onTab(next);
  };
  const readActive = async (loaded = false) => {
    if (pinned !== null) return show(await browser.tabs.get(pinned).catch(() => undefined), loaded);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    show(tab, loaded);
  };
  const onActivated = () => void readActive();
  // Without a grant for the site the browser hides the tab's URL: a finished load tells of a new page.
  const onUpdated = (tabId: number, change: { status?: string }) => {
    if (tabId === current?.id && change.status === 'complete') void readActive(true);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  void readActive();
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}

const services: SidePanelServices = {
  followTab,
  servicesFor: (tab) => {
    const url = urlFor(Promise.resolve(tab));
    return popupServices(Promise.resolve(tab.id), { tabId: tab.id }, snapshotCopyFor(url), url);
  },
};

render(<SidePanel services={services} />, document.getElementById('app')!);
