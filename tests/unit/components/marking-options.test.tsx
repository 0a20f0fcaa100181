import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { MarkingOptions, type MarkingStore } from '@/components/MarkingOptions';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/lib/settings/settings';
import { englishMessage } from './english-messages';

/** A store that keeps what storage would: the normalised value. */
function store(initial: Partial<Settings> = {}): MarkingStore & { stored: Settings } {
  const s = {
    stored: normalizeSettings({ ...DEFAULT_SETTINGS, ...initial }),
    load: async () => s.stored,
    save: async (next: Settings) => void (s.stored = normalizeSettings(next)),
  };
  return s;
}

async function mount(s: MarkingStore): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<MarkingOptions store={s} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root;
}

async function typeSites(root: HTMLElement, text: string) {
  const box = root.querySelector<HTMLTextAreaElement>('[data-testid="off-sites"]')!;
  await act(async () => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    box.dispatchEvent(new FocusEvent('blur'));
    await new Promise((r) => setTimeout(r, 0));
  });
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return box;
}

const text = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('MarkingOptions: sites where Newsmark is off', () => {
  it('stores the site a full address, a host with a path, a wildcard and a bare domain name, and shows what was stored', async () => {
    const s = store();
    const root = await mount(s);
    const box = await typeSites(root, 'https://www.example-news.com/\nwww.other-news.com/2019/\n*.foo.com\nbar.org');
    expect(s.stored.disabledSites).toEqual(['example-news.com', 'other-news.com', 'foo.com', 'bar.org']);
    expect(box.value).toBe('example-news.com\nother-news.com\nfoo.com\nbar.org');
    expect(text(root, 'off-sites-stored')).toBe('Stored: example-news.com, other-news.com, foo.com, bar.org (and their subdomains).');
    expect(text(root, 'marking-status')).toBe('Saved.');
    expect(root.querySelector('[data-testid="off-sites-refused"]')).toBeNull();
  });

  it('refuses what names no site, next to the field and saying why, and keeps it in the box to correct', async () => {
    const s = store({ disabledSites: ['kept.com'] });
    const root = await mount(s);
    const box = await typeSites(root, 'kept.com\nnot a site!!');
    expect(s.stored.disabledSites).toEqual(['kept.com']);
    const refused = root.querySelector('[data-testid="off-sites-refused"]')!;
    expect(refused.textContent).toBe('Not stored: "not a site!!" is not a site: a site\'s address has no spaces.');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain('off-sites-refused');
    expect(box.value).toBe('kept.com\nnot a site!!');
    expect(text(root, 'off-sites-stored')).toBe('Stored: kept.com (and their subdomains).');
  });

  it('says "Saved." only after reading the stored value back, and not when the store kept something else', async () => {
    const s = store();
    // Storage that drops what it is given.
    s.save = async () => undefined;
    const root = await mount(s);
    const box = await typeSites(root, 'example.com');
    expect(text(root, 'marking-status')).not.toBe('Saved.');
    expect(text(root, 'marking-status')).toContain('Not saved');
    expect(box.value).toBe('');
    expect(text(root, 'off-sites-stored')).toBe('No sites stored: Newsmark is on everywhere.');
  });

  it('says that subdomains are included', async () => {
    const root = await mount(store());
    expect(root.textContent).toContain('Its subdomains are included.');
  });

  it('says which sites a save took off the list, and Undo puts them back with the focus on the list', async () => {
    const s = store({ disabledSites: ['example-news.com', 'bar.org', 'foo.com'] });
    const root = await mount(s);
    expect(root.querySelector('[data-testid="off-sites-undo"]')).toBeNull();
    const box = await typeSites(root, 'foo.com');
    expect(s.stored.disabledSites).toEqual(['foo.com']);
    expect(text(root, 'off-sites-undo')).toBe('Newsmark is on again on example-news.com, bar.org. Undo');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-testid="off-sites-undo"] button')!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(s.stored.disabledSites).toEqual(['foo.com', 'example-news.com', 'bar.org']);
    expect(box.value).toBe('foo.com\nexample-news.com\nbar.org');
    expect(root.querySelector('[data-testid="off-sites-undo"]')).toBeNull();
    expect(document.activeElement).toBe(box);
    expect(text(root, 'marking-status')).toBe('Saved.');
  });
});
