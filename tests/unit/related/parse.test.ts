// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '@/lib/related/feeds/parse';
import { parseOpml, toOpml } from '@/lib/related/feeds/opml';
import { toPlainText } from '@/lib/related/feeds/plain-text';
import { fixture } from './server';

describe('parseFeed', () => {
  it('reads RSS 2.0: CDATA summaries, relative links, guids, dc:date', () => {
    const feed = parseFeed(fixture('rss.xml'), { url: 'https://ledger.example/feed.xml' });
    expect(feed.title).toBe('The Daily Ledger');
    expect(feed.items).toEqual([
      {
        id: 'https://ledger.example/2014/03/20/walmart-used-video-games',
        title: 'Walmart to start buying and selling used video games',
        summary: 'The retailer will take trade-ins from March 26 & resell them.',
        url: 'https://ledger.example/2014/03/20/walmart-used-video-games',
        source: 'The Daily Ledger',
        publishedAt: '2014-03-20T13:05:00.000Z',
      },
      {
        id: 'ledger-4711',
        title: 'GM creates new post to spearhead safety issues',
        summary: undefined,
        url: 'https://ledger.example/2014/03/18/gm-safety-post',
        source: 'The Daily Ledger',
        publishedAt: '2014-03-18T15:00:00.000Z',
      },
    ]);
  });

  it('reads Atom: HTML titles, the alternate link, time zones', () => {
    const [entry] = parseFeed(fixture('atom.xml'), { url: 'https://harbour.example/feed.atom' }).items;
    expect(entry).toMatchObject({
      id: 'tag:harbour.example,2014:1',
      title: 'Wal-Mart enters used video game market',
      summary: 'GameStop shares fell.',
      url: 'https://harbour.example/walmart-used-games',
      source: 'Harbour Times',
      publishedAt: '2014-03-20T11:30:00.000Z',
    });
  });

  it('reads JSON Feed and skips items without a title', () => {
    const feed = parseFeed(fixture('feed.json'), { url: 'https://pixel.example/feed.json' });
    expect(feed.items).toEqual([
      {
        id: 'pp-1',
        title: 'Walmart takes on GameStop with video game trade-ins',
        summary: 'Store credit for used games.',
        url: 'https://pixel.example/walmart-trade-in',
        source: 'Pixel Post',
        publishedAt: '2014-03-20T11:45:00.000Z',
      },
    ]);
  });

  it('refuses broken XML and broken JSON with what was wrong', () => {
    expect(() => parseFeed(fixture('broken.xml'), { url: 'https://b.example/' })).toThrow(FeedParseError);
    expect(() => parseFeed(fixture('broken.xml'), { url: 'https://b.example/' })).toThrow(/Broken XML at line \d+/);
    expect(() => parseFeed(fixture('broken.json'), { url: 'https://b.example/' })).toThrow(/Broken JSON/);
    expect(() => parseFeed('<html><body>Hi</body></html>', { url: 'https://b.example/' })).toThrow(/Not a feed/);
    expect(() => parseFeed('Service unavailable', { url: 'https://b.example/' })).toThrow(/Not a feed/);
  });
});

describe('toPlainText', () => {
  it('removes tags and decodes entities, escaped once or twice', () => {
    expect(toPlainText('<b>Apple</b> &amp; <i>Google</i>')).toBe('Apple & Google');
    expect(toPlainText('&lt;b&gt;Apple&lt;/b&gt; beats &amp;amp; more')).toBe('Apple beats & more');
    expect(toPlainText('<script>alert(1)</script>News<style>p{}</style>')).toBe('News');
  });

  it('keeps a lone "<" that is not a tag', () => {
    expect(toPlainText('Shares < 5% up')).toBe('Shares < 5% up');
  });
});

describe('OPML', () => {
  it('imports nested outlines once each and exports what it imports', () => {
    const opml = `<?xml version="1.0"?><opml version="1.0"><head><title>Mine</title></head><body>
      <outline text="News"><outline text="BBC" type="rss" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml" htmlUrl="https://www.bbc.co.uk/news"/>
      <outline title="Dup" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml"/></outline>
      <outline text="A &amp; B" xmlUrl="https://ab.example/feed?x=1&amp;y=2"/><outline text="js" xmlUrl="javascript:alert(1)"/></body></opml>`;
    const feeds = parseOpml(opml);
    expect(feeds).toEqual([
      { url: 'https://feeds.bbci.co.uk/news/rss.xml', title: 'BBC', siteUrl: 'https://www.bbc.co.uk/news' },
      { url: 'https://ab.example/feed?x=1&y=2', title: 'A & B' },
    ]);
    expect(parseOpml(toOpml(feeds))).toEqual(feeds);
  });

  it('refuses a file that is not OPML', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(/Not OPML/);
  });
});
