import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SitesOptions, patternLabel, type SitesStore } from '@/components/SitesOptions';
import { ALL_SITES } from '@/lib/sites/registration';
import { englishMessage } from './english-messages';

/** A store over a list of marked patterns; `grant` says whether the browser grants. */
function store(initial: string[], grant = true): SitesStore & { list: string[] } {
  const s = {
    list: [...initial],
    marked: async () => [...s.list],
    remove: vi.fn(async (patterns: string[]) => (s.list = s.list.filter((p) => !patterns.includes(p)), [...s.list])),
    add: vi.fn(async (patterns: string[]) => (grant ? (s.list = [...new Set([...s.list, ...patterns])].sort(), [...s.list]) : null)),
    newsSites: ['https://*.reuters.com/*'],
    everySite: [...ALL_SITES],
  };
  return s;
}

async function mount(s: SitesStore): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<SitesOptions store={s} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root;
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const texts = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="site"] span')].map((e) => e.textContent);

beforeEach(() => void vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never));
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('SitesOptions', () => {
  it('lists listed outlets by name and other sites by host', async () => {
    const root = await mount(store(['https://*.bbc.co.uk/*', 'https://*.bbc.com/*', 'http://blog.example/*']));
    expect(texts(root)).toEqual(['BBC News', 'http://blog.example']);
  });

  it('removes a site, says so, and Undo asks for it again', async () => {
    const s = store(['https://*.reuters.com/*', 'https://news.example.com/*']);
    const root = await mount(s);
    const remove = root.querySelectorAll<HTMLButtonElement>('[data-testid="remove-site"]')[1]!;
    expect(remove.getAttribute('aria-label')).toBe('Remove news.example.com');
    remove.click();
    await settle();
    expect(s.remove).toHaveBeenCalledWith(['https://news.example.com/*']);
    expect(texts(root)).toEqual(['Reuters']);
    expect(root.querySelector('[data-testid="site-removed"]')!.textContent).toContain('Removed news.example.com.');
    root.querySelector<HTMLButtonElement>('[data-testid="undo-remove-site"]')!.click();
    await settle();
    expect(s.add).toHaveBeenCalledWith(['https://news.example.com/*']);
    expect(texts(root)).toEqual(['Reuters', 'news.example.com']);
    expect(root.querySelector('[data-testid="site-removed"]')).toBeNull();
  });

  it('says "every site" as one entry, and "no site" when there is none', async () => {
    expect(texts(await mount(store([...ALL_SITES])))).toEqual(['Every site']);
    document.body.replaceChildren();
    const root = await mount(store([]));
    expect(root.querySelector('[data-testid="sites-none"]')!.textContent).toBe('No site: Newsmark marks a page only when you ask.');
  });

  it('says when the browser refuses a site, and keeps the list as it was', async () => {
    const s = store([], false);
    const root = await mount(s);
    root.querySelector<HTMLButtonElement>('[data-testid="add-news-sites"]')!.click();
    await settle();
    expect(s.add).toHaveBeenCalledWith(['https://*.reuters.com/*']);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Your browser did not grant access, so nothing changed.');
    expect(texts(root)).toEqual([]);
  });

  it('labels patterns as a reader reads them', () => {
    expect(patternLabel('https://*.ft.com/*')).toBe('ft.com');
    expect(patternLabel('http://127.0.0.1/*')).toBe('http://127.0.0.1');
    expect(patternLabel('<all_urls>')).toBe('<all_urls>');
  });
});
