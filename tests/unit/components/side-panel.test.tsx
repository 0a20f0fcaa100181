/** The side panel follows the tab being read: each tab (and each page a tab navigates to) gets its own popup view. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SidePanel, type PanelTab, type SidePanelServices } from '@/components/SidePanel';
import type { PopupServices } from '@/components/Popup';
import { englishMessage } from './english-messages';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** A popup view of the page at `url` whose one company is `company`. */
function viewOf(url: string, company: string): PopupServices {
  return {
    watchPage: (onChange) => {
      queueMicrotask(() => onChange({ visit: { url, title: company, isArticle: true, signals: [], seenAt: 0 }, article: null, highlights: [] } as never));
      return () => undefined;
    },
    loadEntities: async () => ({ state: 'marked', isArticle: true, title: company, entities: [{ index: 0, type: 'company', text: company, mentions: 1 }] }),
    markPage: async () => 0,
    loadSiteAccess: async () => null,
    grantSite: async () => false,
    startHere: async () => undefined,
    save: async () => undefined,
    unsave: async () => undefined,
    undoUnsave: async () => undefined,
    saveArticleNote: async () => undefined,
    setArticleTags: async () => undefined,
    loadTags: async () => [],
    showEntity: async () => undefined,
    highlights: { saveNote: async () => undefined, remove: async () => undefined, undoRemove: async () => undefined, jump: async () => true },
    loadSyncStatus: async () => null,
    loadRelated: () => ({ cached: Promise.resolve(null), fresh: Promise.resolve(null) }),
    openLibrary: () => undefined,
    openOptions: () => undefined,
  };
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)));
const companies = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="companies"] [data-testid="entity"]')].map((b) => b.firstChild?.textContent);

describe('the side panel', () => {
  it('shows the tab being read, and the next one when the reader switches tabs or the tab navigates', async () => {
    let switchTo: (tab: PanelTab | null) => void = () => undefined;
    const stop = vi.fn();
    const pages: Record<string, string> = { 'https://a.example/1': 'Acme', 'https://b.example/2': 'Globex', 'https://a.example/3': 'Initech' };
    const servicesFor = vi.fn((tab: PanelTab) => viewOf(tab.url!, pages[tab.url!]!));
    const services: SidePanelServices = { followTab: (onTab) => ((switchTo = onTab), stop), servicesFor };
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<SidePanel services={services} />, root));

    await act(async () => switchTo({ id: 1, url: 'https://a.example/1' }));
    await settle();
    expect(companies(root)).toEqual(['Acme']);
    await act(async () => switchTo({ id: 2, url: 'https://b.example/2' }));
    await settle();
    expect(companies(root)).toEqual(['Globex']);
    // The same tab at a new address is a new page.
    await act(async () => switchTo({ id: 2, url: 'https://a.example/3' }));
    await settle();
    expect(companies(root)).toEqual(['Initech']);
    expect(servicesFor).toHaveBeenCalledTimes(3);

    await act(async () => switchTo(null));
    expect(root.textContent).toContain('No page is open in this window.');
    await act(async () => render(null, root));
    expect(stop).toHaveBeenCalled();
  });
});
