// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isOffForHost, loadSettings, MAX_DISABLED_SITES, normalizeSettings, saveSettings, watchSettings, withSite } from '@/lib/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults and keeps what the reader saves', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ ...DEFAULT_SETTINGS, markStyle: 'underline', readerCurrency: 'USD' });
    expect(await loadSettings()).toMatchObject({ markStyle: 'underline', readerCurrency: 'USD' });
  });

  it('completes partial or damaged stored values instead of failing', () => {
    const fixed = normalizeSettings({ markTypes: { company: false } as never, markStyle: 'neon' as never, readerCurrency: 'dollars', disabledSites: ['WWW.Example.com', 'bad site!', 'example.com'] });
    expect(fixed.markTypes).toEqual({ company: false, money: true, percent: true, number: true });
    expect(fixed.markStyle).toBe('tint');
    expect(fixed.readerCurrency).toBe('EUR');
    expect(fixed.disabledSites).toEqual(['example.com']);
  });

  it('switches a site off by suffix and the pause switches every site off', () => {
    const off = withSite(DEFAULT_SETTINGS, 'www.example.com', true);
    expect(isOffForHost(off, 'news.example.com')).toBe(true);
    expect(isOffForHost(off, 'example.org')).toBe(false);
    expect(isOffForHost(withSite(off, 'example.com', false), 'example.com')).toBe(false);
    expect(isOffForHost({ ...DEFAULT_SETTINGS, paused: true }, 'example.org')).toBe(true);
  });

  it('caps the site list so the item stays within storage.sync quotas', () => {
    const sites = Array.from({ length: 500 }, (_, i) => `site-${i}.example`);
    const settings = normalizeSettings({ disabledSites: sites });
    expect(settings.disabledSites).toHaveLength(MAX_DISABLED_SITES);
    expect(new TextEncoder().encode(JSON.stringify(settings)).length).toBeLessThan(8192);
  });

  it('caps the site list by bytes too, for long hostnames', () => {
    // A DNS label is at most 63 characters: four of them make a 240-character host.
    const long = Array.from({ length: 200 }, (_, i) => `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}${i}.example`);
    const settings = normalizeSettings({ disabledSites: long });
    expect(settings.disabledSites.length).toBeGreaterThan(10);
    expect(new TextEncoder().encode(JSON.stringify(settings)).length).toBeLessThan(8192);
  });

  it('tells watchers about changes', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.paused));
    await saveSettings({ ...DEFAULT_SETTINGS, paused: true });
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(seen).toEqual([true]);
  });
});
