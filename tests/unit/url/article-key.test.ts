// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizeArticleUrl, urlVariants } from '@/lib/url/article-key';

describe('article URL keys', () => {
  const key = 'https://example.com/news/2024/acme-results';

  it.each([
    'https://www.example.com/news/2024/acme-results',
    'http://example.com/news/2024/acme-results/',
    'https://m.example.com/news/2024/acme-results',
    'https://amp.example.com/news/2024/acme-results',
    'https://www.example.com/news/2024/acme-results/amp',
    'https://www.example.com/amp/news/2024/acme-results',
    'https://www.example.com/news/2024/acme-results?utm_source=twitter&utm_medium=social&fbclid=abc#comments',
    'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/2024/acme-results',
    'HTTPS://WWW.EXAMPLE.COM/news/2024/acme-results?outputType=amp',
    // Tracking parameters the canonical-link cleaner knows (one shared list): French, Matomo, Marketo.
    'https://www.example.com/news/2024/acme-results?xtor=RSS-1&mtm_campaign=feed&mkt_tok=abc',
  ])('maps %s to the same key', (url) => {
    expect(normalizeArticleUrl(url)).toBe(key);
  });

  it('keeps parameters that pick the article, in a stable order', () => {
    expect(normalizeArticleUrl('https://example.com/story?p=2&id=7&utm_campaign=x')).toBe('https://example.com/story?id=7&p=2');
    expect(normalizeArticleUrl('https://example.com/story.amp.html')).toBe('https://example.com/story.html');
  });

  it('tells different articles apart and refuses what is not http(s)', () => {
    expect(normalizeArticleUrl('https://example.com/a')).not.toBe(normalizeArticleUrl('https://example.com/b'));
    expect(normalizeArticleUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeArticleUrl('not a url')).toBeNull();
  });

  it('collects distinct keys of several URLs', () => {
    expect(urlVariants('https://www.example.com/a?utm_source=x', 'https://m.example.com/a', null, 'https://example.com/b')).toEqual([
      'https://example.com/a',
      'https://example.com/b',
    ]);
  });
});
