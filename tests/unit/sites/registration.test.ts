// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ALL_SITES,
  FIRST_STAGE_ID,
  coversEverySite,
  firstStageMatches,
  registrationStep,
  sitePatternOf,
  syncFirstStage,
  type FirstStageScript,
  type RegistrationApi,
} from '@/lib/sites/registration';
import { NEWS_SITES, newsSiteOrigins } from '@/lib/sites/news-sites';

describe('firstStageMatches', () => {
  it('keeps the granted sites and leaves out the hosts Newsmark holds for its own services', () => {
    const granted = ['https://www.ecb.europa.eu/*', 'https://news.google.com/*', 'https://*.ft.com/*', 'http://127.0.0.1/*', 'https://www.bing.com/*'];
    expect(firstStageMatches(granted)).toEqual(['http://127.0.0.1/*', 'https://*.ft.com/*']);
  });

  it('gives nothing when only the services are granted ("only when I ask")', () => {
    expect(firstStageMatches(['https://www.ecb.europa.eu/*'])).toEqual([]);
    expect(firstStageMatches([])).toEqual([]);
  });

  it('reads <all_urls> and *://*/* as both schemes of every site, and drops narrower patterns then', () => {
    expect(firstStageMatches(['<all_urls>', 'https://*.ft.com/*'])).toEqual([...ALL_SITES]);
    expect(firstStageMatches(['*://*/*', 'http://127.0.0.1/*'])).toEqual([...ALL_SITES]);
    expect(firstStageMatches(['https://*/*', 'http://*/*', 'https://*.ft.com/*', '*://*.wsj.com/*'])).toEqual([...ALL_SITES]);
  });

  it('keeps a site of the one scheme not covered by a one-scheme grant', () => {
    expect(firstStageMatches(['https://*/*', 'https://*.ft.com/*', 'http://127.0.0.1/*'])).toEqual(['http://127.0.0.1/*', 'https://*/*']);
  });

  it('leaves out what is not a web site pattern, and lists each pattern once, sorted', () => {
    expect(firstStageMatches(['file:///*', 'ftp://x/*', 'https://b.example/*', 'https://a.example/*', 'https://b.example/*'])).toEqual([
      'https://a.example/*',
      'https://b.example/*',
    ]);
  });

  it('tells when every site is covered', () => {
    expect(coversEverySite(firstStageMatches(['<all_urls>']))).toBe(true);
    expect(coversEverySite(firstStageMatches(['https://*/*']))).toBe(false);
  });
});

describe('registrationStep', () => {
  it('registers when nothing is registered and something is wanted', () => {
    expect(registrationStep(null, ['https://a.example/*'])).toEqual({ kind: 'register', matches: ['https://a.example/*'] });
  });

  it('leaves an unchanged registration alone, whatever order the browser lists it in', () => {
    expect(registrationStep(['https://b.example/*', 'https://a.example/*'], ['https://a.example/*', 'https://b.example/*'])).toEqual({ kind: 'none' });
  });

  it('updates a registration whose sites changed', () => {
    expect(registrationStep(['https://a.example/*'], ['https://a.example/*', 'https://b.example/*'])).toEqual({
      kind: 'update',
      matches: ['https://a.example/*', 'https://b.example/*'],
    });
  });

  it('unregisters when no site is left, and does nothing when nothing was registered', () => {
    expect(registrationStep(['https://a.example/*'], [])).toEqual({ kind: 'unregister' });
    expect(registrationStep(null, [])).toEqual({ kind: 'none' });
  });
});

/** A browser's registrations and grants, in memory. */
function fakeBrowser(origins: string[]) {
  let registered: FirstStageScript | null = null;
  const calls: string[] = [];
  const api: RegistrationApi = {
    getAllOrigins: async () => [...origins],
    getRegistered: async () => (registered ? [{ id: registered.id, matches: registered.matches }] : []),
    register: async (script) => {
      if (registered) throw new Error(`Duplicate script ID '${script.id}'`);
      calls.push('register');
      registered = script;
    },
    update: async (script) => {
      if (!registered) throw new Error('not registered');
      calls.push('update');
      registered = script;
    },
    unregister: async () => {
      calls.push('unregister');
      registered = null;
    },
  };
  return { api, calls, origins, registered: () => registered };
}

describe('syncFirstStage', () => {
  it('registers the first stage at document_idle, kept across sessions, on the granted sites; then follows grants and revocations', async () => {
    const browser = fakeBrowser(['https://www.ecb.europa.eu/*', 'https://*.ft.com/*']);
    expect(await syncFirstStage(browser.api)).toEqual(['https://*.ft.com/*']);
    expect(browser.registered()).toEqual({
      id: FIRST_STAGE_ID,
      js: ['first-stage.js'],
      matches: ['https://*.ft.com/*'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
      allFrames: false,
    });
    // A restart with the same grants rewrites nothing.
    await syncFirstStage(browser.api);
    browser.origins.push('http://127.0.0.1/*');
    await syncFirstStage(browser.api);
    expect(browser.registered()?.matches).toEqual(['http://127.0.0.1/*', 'https://*.ft.com/*']);
    browser.origins.splice(0, browser.origins.length, 'https://www.ecb.europa.eu/*');
    expect(await syncFirstStage(browser.api)).toEqual([]);
    expect(browser.registered()).toBeNull();
    expect(browser.calls).toEqual(['register', 'update', 'unregister']);
  });
});

describe('sitePatternOf', () => {
  it('names the site of a web page, every path, its own scheme and no port', () => {
    expect(sitePatternOf('https://www.caixinglobal.com/2025-01-01/story.html?x=1')).toBe('https://www.caixinglobal.com/*');
    expect(sitePatternOf('http://127.0.0.1:8123/article.html')).toBe('http://127.0.0.1/*');
  });

  it('gives nothing for pages that are not on the web', () => {
    expect(sitePatternOf('chrome://extensions/')).toBeNull();
    expect(sitePatternOf('about:blank')).toBeNull();
    expect(sitePatternOf('not a url')).toBeNull();
  });
});

describe('the news sites list', () => {
  it('holds major outlets, Caixin Global among them, each under valid https patterns that also pass as first-stage matches', () => {
    expect(NEWS_SITES.length).toBeGreaterThan(40);
    expect(NEWS_SITES.map((site) => site.name)).toEqual(expect.arrayContaining(['Caixin Global', 'Reuters', 'Financial Times', 'Nikkei Asia']));
    const origins = newsSiteOrigins();
    for (const origin of origins) expect(origin).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}\/\*$/);
    expect(firstStageMatches(origins)).toEqual([...origins].sort());
  });

  it('names no outlet and no pattern twice', () => {
    const names = NEWS_SITES.map((site) => site.name);
    expect(new Set(names).size).toBe(names.length);
    const all = NEWS_SITES.flatMap((site) => site.origins);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('grantedSites (the options page list)', () => {
  it('names listed outlets with all their patterns, lists other sites by pattern, and every site as one entry', async () => {
    const { grantedSites } = await import('@/lib/sites/entries');
    expect(grantedSites(['http://127.0.0.1/*', 'https://*.bbc.co.uk/*', 'https://*.bbc.com/*'])).toEqual([
      { name: 'BBC News', patterns: ['https://*.bbc.com/*', 'https://*.bbc.co.uk/*'] },
      { name: 'http://127.0.0.1/*', patterns: ['http://127.0.0.1/*'] },
    ]);
    expect(grantedSites(firstStageMatches(['<all_urls>']))).toEqual([{ name: null, patterns: ['http://*/*', 'https://*/*'] }]);
    expect(grantedSites([])).toEqual([]);
  });
});
