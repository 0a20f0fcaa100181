// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseSite, parseSiteList } from '@/lib/settings/sites';
import { isOffForHost, normalizeSettings } from '@/lib/settings/settings';

describe('parseSite: what a reader types, read as the site it names', () => {
  it.each([
    ['https://www.example-news.com/', 'example-news.com'],
    ['http://example-news.com/2019/04/story.html?utm=x#top', 'example-news.com'],
    ['www.example-news.com/2019/', 'example-news.com'],
    ['*.foo.com', 'foo.com'],
    ['example.com', 'example.com'],
    ['  Example.COM.  ', 'example.com'],
    ['news.example.co.uk', 'news.example.co.uk'],
    ['example.com:8080/path', 'example.com'],
    ['//cdn.example.org/x', 'cdn.example.org'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['localhost', 'localhost'],
    ['127.0.0.1:4000', '127.0.0.1'],
  ])('%j names %j', (input, site) => {
    expect(parseSite(input)).toEqual({ ok: true, site });
  });

  it.each([
    ['not a site!!', 'spaces'],
    ['javascript:alert(1)', 'scheme'],
    ['ftp://files.example.com/', 'scheme'],
    ['mailto:me@example.com', 'scheme'],
    ['example', 'noDot'],
    ['nonsense!!', 'characters'],
    ['-bad.com', 'label'],
    ['a..com', 'label'],
    ['example.c0m', 'label'],
    ['https://', 'characters'],
    [`${'a.'.repeat(130)}com`, 'tooLong'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseSite(input)).toEqual({ ok: false, reason });
  });
});

describe('parseSiteList', () => {
  it('reads one entry a line (or comma), each site once, and keeps what it refuses with why', () => {
    expect(parseSiteList('https://www.example-news.com/\nwww.example-news.com/2019/\n\n*.foo.com, bar.org\nnot a site!!\n')).toEqual({
      sites: ['example-news.com', 'foo.com', 'bar.org'],
      refused: [{ entry: 'not a site!!', reason: 'spaces' }],
    });
  });

  it('an empty box is an empty list', () => {
    expect(parseSiteList('  \n ')).toEqual({ sites: [], refused: [] });
  });
});

describe('the stored list', () => {
  it('keeps only sites, as they are matched (an older version stored words)', () => {
    expect(normalizeSettings({ disabledSites: ['not', 'a', 'https://www.example-news.com/', 'www.example.org'] }).disabledSites).toEqual(['example-news.com', 'example.org']);
  });

  it('a stored site covers its subdomains and the www. host', () => {
    const settings = normalizeSettings({ disabledSites: ['*.foo.com', 'https://www.example-news.com/'] });
    expect(isOffForHost(settings, 'www.example-news.com')).toBe(true);
    expect(isOffForHost(settings, 'a.b.foo.com')).toBe(true);
    expect(isOffForHost(settings, 'foo.com')).toBe(true);
    expect(isOffForHost(settings, 'notfoo.com')).toBe(false);
  });
});
