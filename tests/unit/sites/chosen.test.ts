// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { declaredSites, markedNow, withoutSites, withSites } from '@/lib/sites/chosen';
import { ALL_SITES } from '@/lib/sites/registration';

describe('the sites the reader chose', () => {
  it('adds patterns once each, and keeps nothing narrower once every site is chosen', () => {
    expect(withSites(['https://*.ft.com/*'], ['https://*.ft.com/*', 'https://*.reuters.com/*'])).toEqual(['https://*.ft.com/*', 'https://*.reuters.com/*']);
    expect(withSites(['https://*.ft.com/*'], [...ALL_SITES])).toEqual([...ALL_SITES]);
  });

  it('removes patterns; removing every site removes everything', () => {
    expect(withoutSites(['https://*.ft.com/*', 'https://*.reuters.com/*'], ['https://*.ft.com/*'])).toEqual(['https://*.reuters.com/*']);
    expect(withoutSites(['https://*.ft.com/*', ...ALL_SITES], [...ALL_SITES])).toEqual([]);
  });

  it('marks only the chosen patterns whose grant stands', () => {
    expect(markedNow(['https://*.ft.com/*', 'https://*.reuters.com/*'], [false, true])).toEqual(['https://*.reuters.com/*']);
    expect(markedNow([], [])).toEqual([]);
  });

  it("takes a build's declared sites as chosen, but not Newsmark's own service hosts", () => {
    expect(declaredSites(['https://www.ecb.europa.eu/*'])).toEqual([]);
    expect(declaredSites(['https://www.ecb.europa.eu/*', 'http://127.0.0.1/*'])).toEqual(['http://127.0.0.1/*']);
    expect(declaredSites(undefined)).toEqual([]);
  });
});
