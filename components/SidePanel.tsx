/**
 * The side panel (Chrome) / sidebar (Firefox): a reading companion for the tab being read. It
 * is the popup's view of that tab (the article's companies and figures, a click going to the
 * mark; the reader's highlights and notes on it; the article note; related coverage; the
 * library one click away), kept open beside the page and following the reader from tab to tab.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Popup, type PopupServices } from './Popup';
import { t } from './i18n';

/** The tab the panel is about: its id, the address it shows (when the browser tells it), and which of its page loads. */
export interface PanelTab {
  id: number;
  url?: string;
  load?: number;
}

export interface SidePanelServices {
  /** Calls back with the tab being read now and after every switch or navigation (null: none); returns a stop function. */
  followTab(onTab: (tab: PanelTab | null) => void): () => void;
  /** The popup's services for that tab. */
  servicesFor(tab: PanelTab): PopupServices;
}

export function SidePanel({ services }: { services: SidePanelServices }) {
  const [tab, setTab] = useState<PanelTab | null | undefined>(undefined);
  useEffect(() => services.followTab(setTab), [services]);
  const key = tab ? `${tab.id} ${tab.load ?? 0} ${tab.url ?? ''}` : '';
  // New services per page: each asks for its own page's snapshot and marks.
  const popupServices = useMemo(() => (tab ? services.servicesFor(tab) : null), [services, key]);
  return (
    <div class="sidepanel" data-testid="side-panel">
      {tab === null && <p class="muted">{t('sidePanelNoTab')}</p>}
      {popupServices && <Popup key={key} services={popupServices} />}
    </div>
  );
}
