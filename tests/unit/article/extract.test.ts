import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';

const paragraph = (n: number) => `<p>Paragraph ${n}: the company said quarterly revenue rose, beating forecasts, while costs, which had climbed for a year, finally fell back.</p>`;
const articlePage = `<html lang="en"><head><title>Rates rise | Daily</title>
  <script type="application/ld+json">{"@type":"NewsArticle","headline":"Rates rise","datePublished":"2024-01-02T03:04:05Z","author":{"name":"Jane Doe"}}</script>
  <meta property="og:type" content="article"></head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
  <article><h1>Rates rise</h1><div class="byline">By Jane Doe</div>
    <div class="article-body" id="body">${paragraph(1)}${paragraph(2)}
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
      <figure><img src="x.jpg"><figcaption>Photo: Someone / Agency</figcaption></figure>
      ${paragraph(3)}<aside class="related"><h3><a href="/x">Related story</a></h3><p>A related teaser that should not be in the body text at all, whatever its length is.</p></aside>
      <div class="newsletter-signup"><p>Sign up for our newsletter to get the best of the Daily delivered to your inbox every morning.</p></div>
      ${paragraph(4)}</div></article>
  <footer><p>© Daily. All rights reserved. Contact us for corrections or to report a problem on this page.</p></footer></body></html>`;

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('analyzeArticle', () => {
  it('finds the body root in the live document and extracts only its prose', () => {
    const doc = page(articlePage);
    const analysis = analyzeArticle(doc);
    expect(analysis.isArticle).toBe(true);
    expect(analysis.root).toBe(doc.getElementById('body'));
    expect(analysis.map.text.split('\n\n')).toEqual([1, 2, 3, 4].map((n) => doc.querySelectorAll('#body > p')[n - 1]!.textContent));
    expect(analysis.metadata).toMatchObject({ title: 'Rates rise', byline: 'Jane Doe', publishedAt: '2024-01-02T03:04:05Z', lang: 'en' });
  });

  it('leaves the page untouched', () => {
    const doc = page(articlePage);
    const before = doc.documentElement.outerHTML;
    analyzeArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('does not take a section front for an article, even when it claims og:type=article', () => {
    const teasers = Array.from({ length: 12 }, (_, i) => `<div class="card"><h3><a href="/story/${i}">Story number ${i} about markets</a></h3><p>One line of summary for story ${i}, with a little more context.</p></div>`).join('');
    const front = `<html><head><meta property="og:type" content="article"><link rel="canonical" href="https://daily.example/business/"></head><body><main>${teasers}</main></body></html>`;
    expect(analyzeArticle(page(front)).isArticle).toBe(false);
  });

  it('keeps a link inside a sentence whatever its id or class says (auto-linked tags)', () => {
    const linked = '<p>Shares of <a id="auto-tag_boeing_1" class="tag-link" href="/tag/boeing">Boeing</a> fell after the company said deliveries would slow again this year, analysts said.</p>';
    const doc = page(articlePage.replace('<div class="article-body" id="body">', `<div class="article-body" id="body">${linked}`));
    expect(analyzeArticle(doc).map.text).toContain('Shares of Boeing fell after the company said');
  });

  it('takes the element marked itemprop=articleBody when the scored root lies outside it', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<tr><td>${i + 1}</td><td>Driver ${i}</td><td>${500 - i}</td></tr>`).join('');
    const blurb = `<div class="blurb">${paragraph(9)}${paragraph(8)}</div>`;
    const doc = page(`<html><body><div class="sidebar-widget">${blurb}</div>
      <div itemprop="articleBody" id="standings"><p>Standings after the last race:</p><table>${rows}</table></div></body></html>`);
    const analysis = analyzeArticle(doc, { skipGate: true });
    expect(analysis.root).toBe(doc.getElementById('standings'));
    expect(analysis.map.text).toContain('Driver 29');
  });

  it('passes over teaser cards and a feed of posts that share the body\'s container', () => {
    const card = (i: number) => `<div class="card"><h3><a href="/story/${i}">Another story, number ${i}</a></h3><p>A summary of another story, long enough to read as prose on its own: ${i} people said so.</p></div>`;
    const post = (i: number) => `<article><p>A short post from the same blog, number ${i}, which is long enough to read as a paragraph of prose.</p></article>`;
    const doc = page(`<html><body><div id="column"><div id="story">${paragraph(1)}${paragraph(2)}</div>
      ${[1, 2, 3, 4].map(card).join('')}<section>${[1, 2, 3].map(post).join('')}</section></div></body></html>`);
    const analysis = analyzeArticle(doc, { skipGate: true });
    expect(analysis.root).toBe(doc.getElementById('story'));
    expect(analysis.map.text).not.toContain('another story');
  });

  it('takes a page that claims nothing for an article when it prints a date and a credit at the body', () => {
    const post = (credit: string) => `<html><body><article><h1>Vehicles broken into</h1>
      <p class="meta">5 de outubro de 2018${credit}</p><div class="text">${paragraph(1)}${paragraph(2)}</div></article></body></html>`;
    expect(analyzeArticle(page(post(' - Publicado por: Clarissa Borba'))).signals).toContain('dated-byline');
    expect(analyzeArticle(page(post(' - Publicado por: Clarissa Borba'))).isArticle).toBe(true);
    expect(analyzeArticle(page(post(''))).isArticle).toBe(false);
  });

  it('stops at the gate on a page with neither claims nor prose', () => {
    const analysis = analyzeArticle(page('<html><body><div id="app"><button>Sign in</button></div></body></html>'));
    expect(analysis.gate.pass).toBe(false);
    expect(analysis.root).toBeNull();
    expect(analysis.map.text).toBe('');
  });
});
