import { describe, expect, it } from 'vitest';
import { gatePage } from '@/lib/article/gate';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
const prose = '<p>' + 'Shares of the company rose after it reported results. '.repeat(30) + '</p>';

describe('gatePage', () => {
  it('passes a page with article metadata and prose', () => {
    const result = gatePage(doc(`<head><script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <meta property="og:type" content="article"></head><body><article>${prose}</article></body>`));
    expect(result.pass).toBe(true);
    expect(result.signals).toEqual(expect.arrayContaining(['json-ld', 'og:article', 'article-element', 'paragraph-text']));
  });

  it('reads the article type from the parsed JSON-LD, wherever the page nests it', () => {
    const graph = '{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":["https://schema.org/ReportageNewsArticle"]}]}';
    expect(gatePage(doc(`<head><script type="application/ld+json">${graph}</script></head><body><p>Short.</p></body>`)).signals).toEqual(['json-ld']);
    const website = '{"@type":"WebSite","about":"a NewsArticle site"}';
    expect(gatePage(doc(`<head><script type="application/ld+json">${website}</script></head><body><p>Short.</p></body>`)).pass).toBe(false);
  });

  it('reads the article claims of saved pages, which write `name` for `property` and `value` for `content`', () => {
    const head = '<meta value="article" name="og:type"><meta value="2019-12-11" name="article:published_time">';
    expect(gatePage(doc(`<head>${head}</head><body><p>Short.</p></body>`)).signals).toEqual(['og:article', 'article:published_time']);
  });

  it('ignores JSON-LD that does not parse, as detection does', () => {
    const broken = '{"@type": "NewsArticle", "headline": }';
    expect(gatePage(doc(`<head><script type="application/ld+json">${broken}</script></head><body><p>Short.</p></body>`)).pass).toBe(false);
  });

  it('stops a page of short teasers with no metadata', () => {
    const teasers = Array.from({ length: 20 }, (_, i) => `<a href="/s/${i}">Story ${i}</a>`).join('');
    expect(gatePage(doc(`<body><nav>${teasers}</nav></body>`)).pass).toBe(false);
  });
});
