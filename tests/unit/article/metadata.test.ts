import { describe, expect, it } from 'vitest';
import { readJsonLd, mainArticle, parseLenient } from '@/lib/article/json-ld';
import { normalizeDate, readMetadata } from '@/lib/article/metadata';

function doc(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<html lang="en-GB"><head>${head}</head><body>${body}</body></html>`, 'text/html');
}
const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

describe('JSON-LD', () => {
  it('finds the article in a @graph among other nodes, across several scripts', () => {
    const page = doc(ld('{"@type":"WebSite","name":"Site"}') + ld('{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Org"},{"@type":["ReportageNewsArticle"],"headline":"Deep dive","datePublished":"2024-03-01T08:00:00+01:00","author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}]}]}'));
    const article = mainArticle(readJsonLd(page))!;
    expect(article.headline).toBe('Deep dive');
    const meta = readMetadata(page, readJsonLd(page));
    expect(meta).toMatchObject({ title: 'Deep dive', byline: 'A. Writer, B. Writer', publishedAt: '2024-03-01T08:00:00+01:00', lang: 'en-GB' });
  });

  it('reads the names of a credit line that goes on with the date and the section', () => {
    const page = doc('<title>Huawei invests</title>', '<div class="author">Dave Yin / Nov 07, 2019 03:33 AM / Business &amp; Tech</div>');
    expect(readMetadata(page, []).byline).toBe('Dave Yin');
    const two = doc('<meta name="author" content="By Ann Lee | Tom Ng | 5 hours ago">');
    expect(readMetadata(two, []).byline).toBe('Ann Lee / Tom Ng');
    const plain = doc('<meta name="author" content="Jane Doe / Foreign Desk">');
    expect(readMetadata(plain, []).byline).toBe('Jane Doe / Foreign Desk');
  });

  it('reads Dublin Core titles and creators written as RDFa properties (dc:title) as well as names (DC.title)', () => {
    const page = doc('<title>Site home</title><meta property="dc:title dcterms:title" content="Harbour plans approved"><meta property="dc:creator" content="Ann Lee">');
    expect(readMetadata(page, [])).toMatchObject({ title: 'Harbour plans approved', byline: 'Ann Lee' });
  });

  it('tolerates comments, trailing commas and raw newlines, and skips what cannot be parsed', () => {
    expect(parseLenient('<!-- {"@type":"NewsArticle","headline":"A\nB",} -->')).toEqual({ '@type': 'NewsArticle', headline: 'A B' });
    const page = doc(ld('{not json') + ld('{"@type":"BlogPosting","headline":"Kept",}'));
    expect(readMetadata(page, readJsonLd(page)).title).toBe('Kept');
  });

  it('reads schema.org types written as full URLs and nested as mainEntity', () => {
    const page = doc(ld('{"@type":"WebPage","mainEntity":{"@type":"http://schema.org/NewsArticle","headline":"Inner"}}'));
    expect(mainArticle(readJsonLd(page))?.headline).toBe('Inner');
  });
});

describe('meta tags', () => {
  it('falls back to OpenGraph and article:* meta, and strips the site name from the title', () => {
    const page = doc(`<title>Ignored</title><meta property="og:title" content="Rates rise again | The Daily"><meta property="og:site_name" content="The Daily">
      <meta property="article:published_time" content="2019-11-19T13:03:00Z"><meta name="author" content="By Jane Doe">
      <meta property="og:description" content="What it means."><meta property="og:url" content="https://daily.example/a/rates?utm_source=x&amp;id=7#top">`);
    expect(readMetadata(page, [])).toMatchObject({
      title: 'Rates rise again', siteName: 'The Daily', publishedAt: '2019-11-19T13:03:00Z', byline: 'Jane Doe',
      description: 'What it means.', canonicalUrl: 'https://daily.example/a/rates?id=7',
    });
  });

  it('prefers the canonical link, resolved against the page URL', () => {
    const page = doc('<link rel="canonical" href="/news/1?fbclid=abc"><meta property="og:url" content="https://other.example/x">');
    expect(readMetadata(page, [], 'https://site.example/news/1?ref=home').canonicalUrl).toBe('https://site.example/news/1');
  });

  it('reads space-separated meta properties and microdata dates', () => {
    const page = doc('<meta property="og:title twitter:title" content="Both">', '<time itemprop="datePublished" datetime="2020-02-02">Feb 2</time>');
    expect(readMetadata(page, [])).toMatchObject({ title: 'Both', publishedAt: '2020-02-02' });
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2018-04-05T06:00', '2018-04-05T06:00:00'],
    ['2019-11-19 13:03:00+0100', '2019-11-19T13:03:00+01:00'],
    ['2019-11-19', '2019-11-19'],
    ['Tue, 19 Nov 2019 13:03:00 GMT', '2019-11-19T13:03:00.000Z'],
    ['1574168580', '2019-11-19T13:03:00.000Z'],
  ])('%s → %s', (input, expected) => expect(normalizeDate(input)).toBe(expected));

  it('rejects what is not a date', () => {
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('0001-01-01')).toBeNull();
  });
});
