// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { lostAccess, patternCovers } from '@/lib/sites/match';

describe('patternCovers', () => {
  it('matches a domain and its subdomains under *.domain, and only that domain', () => {
    expect(patternCovers('https://*.ft.com/*', 'https://www.ft.com/content/1')).toBe(true);
    expect(patternCovers('https://*.ft.com/*', 'https://ft.com/')).toBe(true);
    expect(patternCovers('https://*.ft.com/*', 'https://notft.com/')).toBe(false);
    expect(patternCovers('https://*.ft.com/*', 'http://www.ft.com/')).toBe(false);
  });

  it('matches one host on any port, and every host of one or both schemes', () => {
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:8123/a.html')).toBe(true);
    expect(patternCovers('http://127.0.0.1/*', 'http://localhost:8123/a.html')).toBe(false);
    expect(patternCovers('http://*/*', 'http://127.0.0.1:8123/')).toBe(true);
    expect(patternCovers('http://*/*', 'https://example.com/')).toBe(false);
    expect(patternCovers('*://*/*', 'https://example.com/')).toBe(true);
    expect(patternCovers('<all_urls>', 'https://example.com/')).toBe(true);
  });

  it('covers no page that is not on the web, and no address that does not parse', () => {
    expect(patternCovers('<all_urls>', 'chrome://extensions/')).toBe(false);
    expect(patternCovers('http://*/*', 'not a url')).toBe(false);
    expect(patternCovers('nonsense', 'https://example.com/')).toBe(false);
  });
});

describe('lostAccess', () => {
  it('takes marks away from a page whose site was removed and is covered by no grant left', () => {
    expect(lostAccess('http://127.0.0.1:9/a', ['http://127.0.0.1/*'], [])).toBe(true);
  });

  it('keeps them where another grant still covers the page, or where the removal was of another site', () => {
    expect(lostAccess('https://www.ft.com/a', ['http://*/*', 'https://*/*'], ['https://*.ft.com/*'])).toBe(false);
    expect(lostAccess('https://www.wsj.com/a', ['https://*.ft.com/*'], [])).toBe(false);
  });
});
