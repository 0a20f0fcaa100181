// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { articleToMarkdown, fileStem } from '@/lib/library/markdown-export';
import { urlAtQuote } from '@/lib/library/text-fragment';
import { safeHttpUrl } from '@/lib/url/safe';
import { freshDb, seedLibrary } from './seed';

describe('Markdown export', () => {
  it('writes Obsidian front matter that a hostile title cannot break, then the note and highlights', async () => {
    const db = freshDb();
    const { articleIds } = await seedLibrary(db);
    const article = (await db.articles.get(articleIds[0]!))!;
    const highlights = await db.highlights.where('articleId').equals(article.id).toArray();
    const { name, content } = articleToMarkdown(article, highlights);
    expect(name).toMatch(/^Nordwind buys Baltic Grid for €2\.4bn [0-9a-f]{8}\.md$/);
    const front = content.split('\n---\n')[0]!.split('\n');
    expect(front).toContain('title: "Nordwind buys \\"Baltic Grid\\"\\nfor €2.4bn"');
    expect(front).toContain('source: "https://news.example.com/2026/nordwind-baltic"');
    expect(front).toContain('tags: ["energy", "M-A"]');
    expect(front).toContain('newsmark_tags: ["energy", "M&A"]');
    expect(front).toContain('companies: ["Nordwind Energy"]');
    expect(front).toContain('published: "2026-11-24T08:00:00Z"');
    expect(content).toContain('- > values the grid operator at 11 times earnings\n\n  yellow · [open the passage](https://news.example.com/2026/nordwind-baltic#:~:text=');
    expect(content).toMatch(/\n {2}- expensive\n/);
    expect(content).toContain('  green · #valuation · [open the passage](https://news.example.com/2026/nordwind-baltic#:~:text=');
    expect(content).toContain('## Note\n\nCheck <script>alert(1)</script> the multiple\nlater');
  });

  it('makes file names without path or reserved characters', () => {
    expect(fileStem('../../etc/passwd: a "test"?')).toBe('etc passwd a test');
    expect(fileStem('   ')).toBe('Untitled');
    expect(fileStem('x'.repeat(300))).toHaveLength(80);
  });
});

describe('opening an item at its place', () => {
  it('adds a text fragment with context and escapes the directive syntax', () => {
    const url = urlAtQuote('https://example.com/a#top', [
      { type: 'TextQuoteSelector', exact: 'rose 12%, a record - again', prefix: 'Shares of Tessel ', suffix: ' after the results' },
    ]);
    expect(url).toBe('https://example.com/a#:~:text=Shares%20of%20Tessel-,rose%2012%25%2C%20a%20record%20%2D%20again,-after%20the%20results');
  });

  it('uses the head and tail of a long quote', () => {
    const exact = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen';
    expect(urlAtQuote('https://example.com/a', [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }])).toBe(
      'https://example.com/a#:~:text=one%20two%20three%20four,fourteen%20fifteen%20sixteen%20seventeen',
    );
  });

  it('never makes a link of a non-http address', () => {
    expect(urlAtQuote('javascript:alert(1)', [])).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
    expect(safeHttpUrl('https://ok.example/')).toBe('https://ok.example/');
  });
});
