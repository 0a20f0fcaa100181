// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_FEED_PATHS, DiscoveryError, commonFeedUrls, discoverFeeds, feedLinksIn, siteAddress } from '@/lib/related/feeds/discover';
import { fixture, serve, startServer, type TestServer } from './server';

const fetchLike = (url: string, init?: RequestInit) => fetch(url, init);

const HOME = `<!doctype html><html><head><title>The Daily Ledger</title>
<base href="/news/">
<!-- <link rel="alternate" type="application/rss+xml" href="/commented-out.xml"> -->
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<LINK REL="Alternate home" TYPE="application/rss+xml; charset=utf-8" TITLE="Ledger &amp; Co — Top stories" HREF="rss?x=1&amp;y=2">
<link href='/atom' type='application/atom+xml' rel='alternate' title='Ledger (Atom)'/>
<link rel=alternate type=application/feed+json href=https://elsewhere.invalid/feed.json title="Ledger JSON">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body><a href="/feed">Feed</a></body></html>`;

let ledger: TestServer;
let plain: TestServer;
let bare: TestServer;

beforeAll(async () => {
  ledger = await startServer({
    '/': serve(HOME, 'text/html'),
    '/news/rss': serve(fixture('rss.xml'), 'application/rss+xml'),
    '/atom': serve(fixture('atom.xml'), 'application/atom+xml'),
  });
  // No links in the page: the common paths. /feed redirects; /rss.xml and /feed/ are the same feed.
  plain = await startServer({
    '/': serve('<html><head><title>Plain</title></head><body>News</body></html>', 'text/html'),
    '/world': serve('<html><body>World</body></html>', 'text/html'),
    '/world/rss': serve(fixture('atom.xml'), 'application/atom+xml'),
    '/feed': (_request, response) => response.writeHead(301, { location: '/feed/' }).end(),
    '/feed/': serve(fixture('rss.xml'), 'application/rss+xml'),
    '/rss.xml': serve(fixture('rss.xml'), 'application/rss+xml'),
    '/atom.xml': serve('<html>not a feed</html>', 'text/html'),
  });
  bare = await startServer({ '/': serve('<html><body>Nothing here</body></html>', 'text/html') });
});
afterAll(() => Promise.all([ledger.close(), plain.close(), bare.close()]));

describe('the address a reader types', () => {
  it('takes a full address, a host with a path, or a bare host (https assumed)', () => {
    expect(siteAddress(' https://www.example-news.com/ ').href).toBe('https://www.example-news.com/');
    expect(siteAddress('www.example-news.com/2019/').href).toBe('https://www.example-news.com/2019/');
    expect(siteAddress('example.com').href).toBe('https://example.com/');
    expect(siteAddress('http://127.0.0.1:8080/x#top').href).toBe('http://127.0.0.1:8080/x');
    expect(siteAddress('localhost:8080/news').href).toBe('https://localhost:8080/news');
  });

  it('refuses what is not a web address, saying what to type', () => {
    for (const typed of ['not a site!!', '', 'ftp://example.com/feed', 'news', 'javascript:alert(1)']) {
      expect(() => siteAddress(typed), typed).toThrow(DiscoveryError);
    }
    expect(() => siteAddress('not a site!!')).toThrow('“not a site!!” is not a web address. Paste the address of a news site, like www.example.com, or of its feed.');
  });
});

describe('feeds a page announces', () => {
  it('reads <link rel="alternate"> with a feed type, in page order, resolved against <base href>, entities decoded', () => {
    expect(feedLinksIn(HOME, 'https://ledger.example/')).toEqual([
      { url: 'https://ledger.example/news/rss?x=1&y=2', title: 'Ledger & Co — Top stories' },
      { url: 'https://ledger.example/atom', title: 'Ledger (Atom)' },
      { url: 'https://elsewhere.invalid/feed.json', title: 'Ledger JSON' },
    ]);
  });

  it('finds nothing in a page without feed links, and lists each address once', () => {
    expect(feedLinksIn('<html><head><link rel="alternate" type="text/html" href="/m"></head></html>', 'https://a.example/')).toEqual([]);
    const twice = '<link rel="alternate" type="application/rss+xml" href="/f"><link rel="alternate" type="application/rss+xml" href="https://a.example/f" title="again">';
    expect(feedLinksIn(twice, 'https://a.example/')).toEqual([{ url: 'https://a.example/f', title: '' }]);
  });

  it('tries the pasted section before the site root', () => {
    const urls = commonFeedUrls(new URL('https://a.example/world/'));
    expect(urls.slice(0, 3)).toEqual(['https://a.example/world/feed', 'https://a.example/world/rss', 'https://a.example/feed']);
    expect(urls).toHaveLength(2 + COMMON_FEED_PATHS.length);
    expect(commonFeedUrls(new URL('https://a.example/'))).toHaveLength(COMMON_FEED_PATHS.length);
  });
});

describe('discovering feeds over HTTP (a real server on 127.0.0.1)', () => {
  it('lists the feeds a home page announces with their own titles; one that cannot be read keeps the page’s title', async () => {
    expect(await discoverFeeds(fetchLike, `${ledger.url}/`)).toEqual([
      { url: `${ledger.url}/news/rss?x=1&y=2`, title: 'The Daily Ledger', checked: true },
      { url: `${ledger.url}/atom`, title: 'Harbour Times', checked: true },
      { url: 'https://elsewhere.invalid/feed.json', title: 'Ledger JSON', checked: false },
    ]);
    // The page's links are enough: no common path is tried.
    expect(ledger.requests).not.toContain('/feed');
  });

  it('takes a pasted feed address as the feed', async () => {
    expect(await discoverFeeds(fetchLike, `${ledger.url}/atom`)).toEqual([{ url: `${ledger.url}/atom`, title: 'Harbour Times', checked: true }]);
  });

  it('tries the common paths when the page names no feed: one of each feed, at the address it answers from', async () => {
    expect(await discoverFeeds(fetchLike, `${plain.url}/world`)).toEqual([
      { url: `${plain.url}/world/rss`, title: 'Harbour Times', checked: true },
      { url: `${plain.url}/feed/`, title: 'The Daily Ledger', checked: true },
    ]);
  });

  it('says in words what to do when there is no feed or no site', async () => {
    const host = new URL(bare.url).host;
    await expect(discoverFeeds(fetchLike, bare.url)).rejects.toThrow(`Newsmark found no feed on ${host}. If the site shows a feed (RSS or Atom) address, paste that address here.`);
    await expect(discoverFeeds(fetchLike, `${bare.url}/missing`)).rejects.toThrow(`Newsmark could not read ${host}: the server answered HTTP 404. Check the address, or try again later.`);
    const closed = await startServer({});
    const gone = closed.url;
    await closed.close();
    await expect(discoverFeeds(fetchLike, gone)).rejects.toThrow(/^Newsmark could not read 127\.0\.0\.1:\d+: could not reach the server/);
    await expect(discoverFeeds(fetchLike, 'not a site!!')).rejects.toThrow(DiscoveryError);
  });
});
