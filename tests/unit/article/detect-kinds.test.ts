/**
 * The article decision on the kinds of page it used to get wrong on sites it was never tuned on
 * (issue 21), one synthetic page a kind: stories with no metadata or metadata written oddly,
 * with quote widgets, section URLs, related-link cards or teaser strips, in Japanese; and
 * beside them the pages that must stay rejected (fronts, changelogs, manuals, shops).
 */
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { isListingUrl } from '@/lib/article/page-kind';

const sentences = [
  'The central bank raised its benchmark rate by a quarter point on Wednesday, the third increase this year.',
  'Officials said the labour market remained strong and that inflation was moving back toward their goal.',
  'Several members of the committee had argued for a pause, citing weaker investment and slowing trade.',
  'Markets had expected the move, and shares rose modestly in afternoon trading after the announcement.',
  'Economists said the statement left room for another increase before the end of the year if prices rise.',
];
const story = (paragraphs = 10) => Array.from({ length: paragraphs }, (_, i) => `<p>${sentences[i % 5]} ${sentences[(i + 2) % 5]}</p>`).join('');
const nav = '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav>';
const footer = '<footer><p>© The Daily Courier. All rights reserved. Contact us to report an error on this page.</p></footer>';

/** A news page with nothing declared: no JSON-LD, no OpenGraph, no machine-readable date. */
function storyPage({ head = '', before = '', after = '', body = story() } = {}): string {
  return `<html><head><title>Fed raises rates for third time this year | The Daily Courier</title>${head}</head><body>${nav}
    <main><div class="story"><h1>Fed raises rates for third time this year</h1><div class="story-body">${body}</div>${after}</div></main>${before}${footer}</body></html>`;
}

function analyze(html: string, url?: string) {
  return analyzeArticle(new DOMParser().parseFromString(html, 'text/html'), { url });
}

const teaser = (i: number) => `<div class="card"><h3><a href="/story/${i}">Another story number ${i} about markets</a></h3><p>${sentences[i % 5]}</p></div>`;

describe('article decision: stories as other sites write them', () => {
  it('takes a story that declares nothing and prints no date, from its headline and prose', () => {
    const result = analyze(storyPage());
    expect(result.signals.some((s) => s.includes('dated'))).toBe(false);
    expect(result.signals).toEqual(expect.arrayContaining(['headline', 'text:long']));
    expect(result.isArticle).toBe(true);
  });

  it('takes a short post that shows nothing but its prose (no headline, date, claim or <article>), while nothing speaks against it', () => {
    const post = (extra = '') => `<html><head><title>Notes</title></head><body>${nav}<div class="post">${story(4)}</div>${extra}${footer}</body></html>`;
    const plain = analyze(post());
    expect(plain.signals).toEqual(['text:medium', 'prose-dominant']);
    expect(plain.isArticle).toBe(true);
    // The same prose above a strip of linked teaser headings reads as a listing's lead.
    const teasers = Array.from({ length: 6 }, (_, i) => `<h3><a href="/story/${i}">Another story number ${i} about markets</a></h3>`).join('');
    const listing = analyze(`<html><head><title>Notes</title></head><body>${nav}<div class="post">${story(4)}${teasers}</div>${footer}</body></html>`);
    expect(listing.signals.some((signal) => signal.startsWith('teaser-headings'))).toBe(true);
    expect(listing.isArticle).toBe(false);
  });

  it('takes a story whose date is printed as pages print it, ordinal and time included', () => {
    const html = storyPage().replace('<div class="story-body">', '<p class="when">Published November 20th, 2019 - 07:50 GMT</p><div class="story-body">');
    expect(analyze(html).signals).toContain('dated');
  });

  it('reads meta tags written with `value` and `name`, as saved pages store them', () => {
    const head = '<meta value="article" name="og:type"><meta value="2019-12-11T14:00:00Z" name="article:published_time">';
    const result = analyze(storyPage({ head }));
    expect(result.signals).toEqual(expect.arrayContaining(['og:article', 'published-time']));
    expect(result.isArticle).toBe(true);
    expect(result.metadata.publishedAt).toBe('2019-12-11T14:00:00Z');
  });

  it('takes a finance story for a story, whatever its quote widget calls its prices', () => {
    const quotes = Array.from({ length: 8 }, (_, i) => `<li class="quote"><span class="symbol">SYM${i}</span><span class="price">10${i}.5</span><span class="priceChange">+0.${i}%</span></li>`).join('');
    const result = analyze(storyPage({ after: `<aside class="markets"><ul>${quotes}</ul></aside>` }));
    expect(result.signals).not.toContain('shop');
    expect(result.isArticle).toBe(true);
  });

  it('reads a section in the URL as a listing only when the path ends at the section', () => {
    expect(isListingUrl('/sections/money/2019/11/19/fed-raises-rates', '')).toBe(false);
    expect(isListingUrl('/section/business/fed-raises-rates-123', '')).toBe(false);
    expect(isListingUrl('/sections/money/', '')).toBe(true);
    expect(isListingUrl('/category/parenting/', '')).toBe(true);
    expect(isListingUrl('/author/jane-doe', '')).toBe(true);
    expect(isListingUrl('/tag/', '')).toBe(true);
    expect(isListingUrl('/news/page/2/', '')).toBe(true);
    expect(isListingUrl('/', '?s=rates')).toBe(true);
    const html = storyPage({ head: '<link rel="canonical" href="https://example.com/sections/money/2019/11/19/fed-raises-rates">' });
    expect(analyze(html).isArticle).toBe(true);
  });

  it('takes a story followed by ten <article> cards of related links', () => {
    const cards = Array.from({ length: 10 }, (_, i) => `<article class="card"><a href="/r/${i}"><img src="r${i}.jpg"><span>Related headline number ${i}</span></a></article>`).join('');
    const result = analyze(storyPage({ after: `<section>${cards}</section>` }));
    expect(result.signals.some((s) => s.startsWith('articles-in-body') || s === 'many-article-elements')).toBe(false);
    expect(result.isArticle).toBe(true);
  });

  it('takes a story beside a rail of other stories as <article> cards with summaries, declaring nothing (fundus, AEB pages without their claims)', () => {
    const rail = Array.from({ length: 6 }, (_, i) => `<article class="promo"><h3><a href="/s/${i}">Another story number ${i}</a></h3><p>${sentences[i % 5]}</p></article>`).join('');
    const result = analyze(storyPage({ body: story(4), before: `<aside class="more-stories">${rail}</aside>` }));
    expect(result.signals).not.toContain('in-feed');
    expect(result.isArticle).toBe(true);
  });

  it('takes a story that closes on a strip of teaser cards with summaries', () => {
    const strip = `<div class="more">${Array.from({ length: 8 }, (_, i) => teaser(i)).join('')}</div>`;
    const result = analyze(storyPage({ before: strip }));
    expect(result.isArticle).toBe(true);
  });

  it('takes a long story followed by a stream of teaser cards holding several times its prose, declaring nothing (Yahoo without its claims)', () => {
    const card = (i: number) => `<div class="card"><h3><a href="/story/${i}">Another story number ${i} about markets</a></h3><p>${sentences[i % 5]} ${sentences[(i + 1) % 5]}</p></div>`;
    const stream = `<div class="stream">${Array.from({ length: 30 }, (_, i) => card(i)).join('')}</div>`;
    const result = analyze(storyPage({ before: stream }));
    expect(result.signals).toContain('teaser-cards:30');
    expect(result.isArticle).toBe(true);
    // The same cards around a short text still make a listing of it.
    expect(analyze(storyPage({ body: story(3), before: stream })).isArticle).toBe(false);
  });

  it('takes a long story whose own container closes on linked headlines and <article> cards, declaring nothing (Kleine Zeitung, Morgunblaðið without their claims)', () => {
    // Each card is a place line and a short linked headline: more of its text outside the link than in it.
    const cards = Array.from({ length: 5 }, (_, i) => `<article class="tile"><span class="kicker">Regional news from the northern district ${i}</span><h2><a href="/s/${i}">Fire ${i}</a></h2></article>`).join('');
    const result = analyze(storyPage({ body: `${story()}<h4>More from the region</h4>${cards}` }));
    expect(result.signals.some((s) => s.startsWith('teaser-headings') || s.startsWith('articles-in-body'))).toBe(false);
    expect(result.isArticle).toBe(true);
  });

  it('takes a list article whose items are titled by links to what each reviews (Yahoo, Vox without their claims)', () => {
    const items = Array.from({ length: 8 }, (_, i) => `<h3><a href="/film/${i}">${8 - i}) A film of the year, number ${i}</a></h3>${story(3)}`).join('');
    const result = analyze(storyPage({ body: items }));
    expect(result.signals.some((s) => s.startsWith('teaser-headings'))).toBe(false);
    expect(result.isArticle).toBe(true);
  });

  it("does not read a site menu's links to its own panels, nor skip links, as a manual's table of contents (Folha de S.Paulo)", () => {
    const panels = Array.from({ length: 24 }, (_, i) => `<li><a href="#menu-section-${i}">Section ${i}</a><ul id="menu-section-${i}"><li><a href="/s/${i}">Latest</a></li></ul></li>`).join('');
    const menu = `<a href="#content">Skip to content</a><a href="#footer-links">Skip to footer</a><div class="sidebar-menu"><nav><ul>${panels}</ul></nav></div>`;
    const result = analyze(storyPage({ before: menu }).replace('<main>', '<main id="content">'));
    expect(result.signals).not.toContain('in-page-links');
    expect(result.isArticle).toBe(true);
  });

  it("takes a blog post titled by an <h2> under the blog's name as the page's <h1> (Pixnet, older WordPress themes)", () => {
    const html = `<html><head><title>Camping under the maples in autumn @ Blue Sky</title></head><body>${nav}
      <div class="blog"><h1><a href="http://steven.example.net/blog">Blue Sky</a></h1><div class="post">
      <h2><a href="http://steven.example.net/blog/post/39926056">Camping under the maples in autumn</a></h2><div class="body">${story(5)}</div></div></div>${footer}</body></html>`;
    const result = analyze(html);
    expect(result.signals).toContain('headline');
    expect(result.isArticle).toBe(true);
  });

  it('takes a Japanese story, whose characters carry twice what Latin letters do, and reads its printed date', () => {
    const ja = '日本銀行は水曜日、金融政策決定会合で短期金利の誘導目標を据え置くことを決めた。物価の先行きには不確実性が大きいとしている。';
    const body = Array.from({ length: 14 }, () => `<p>${ja}</p>`).join('');
    const html = `<html lang="ja"><head><title>日銀、金融政策の現状維持を決定 - 経済ニュース</title></head><body>${nav}
      <div class="article"><h1>日銀、金融政策の現状維持を決定</h1><div class="date">2019年11月19日 10時00分</div><div class="body">${body}</div></div>${footer}</body></html>`;
    const result = analyze(html);
    expect(result.signals).toEqual(expect.arrayContaining(['dated', 'text:long']));
    expect(result.isArticle).toBe(true);
  });
});

describe('article decision: pages that stay rejected', () => {
  it('rejects a front page of teaser cards that declares nothing', () => {
    const html = `<html><head><title>The Daily Courier</title></head><body>${nav}<main><h1>The Daily Courier</h1>
      ${Array.from({ length: 20 }, (_, i) => teaser(i)).join('')}</main>${footer}</body></html>`;
    expect(analyze(html).isArticle).toBe(false);
  });

  it("rejects a blog's front page of whole posts, each an <article> with its date and author", () => {
    const post = (i: number) => `<article class="post"><h2><a href="/2019/11/post-${i}">Post number ${i} on rates</a></h2><p class="byline">By Jane Doe, November ${i + 10}, 2019</p>${story(3)}</article>`;
    const html = `<html><head><title>Jane Doe's blog</title></head><body>${nav}<main><div class="posts">${Array.from({ length: 6 }, (_, i) => post(i)).join('')}</div></main>${footer}</body></html>`;
    const result = analyze(html);
    expect(result.isArticle).toBe(false);
  });

  it('rejects a changelog, which prints a date per entry', () => {
    const entries = Array.from({ length: 8 }, (_, i) => `<h2>Release 1.${i}</h2><p>Released on 2019-0${i + 1}-15. ${sentences[i % 5]}</p><p>${sentences[(i + 1) % 5]} ${sentences[(i + 3) % 5]}</p>`).join('');
    const html = `<html><head><title>News and changes</title></head><body><div class="doc"><h1>News and changes</h1>${entries}</div></body></html>`;
    const result = analyze(html);
    expect(result.signals.some((s) => s.startsWith('dated-entries'))).toBe(true);
    expect(result.isArticle).toBe(false);
  });

  it('rejects a manual chapter whose table of contents links to sections of its sibling pages', () => {
    const toc = `<dl class="toc">${Array.from({ length: 24 }, (_, i) => `<dt>${i + 1}. <a href="x${i}.html#AEN${i}">Section ${i + 1}</a></dt>`).join('')}</dl>`;
    const html = `<html><head><title>Users and groups in the system</title></head><body><div class="book"><h1>Users and groups in the system</h1>${toc}<div class="chapter">${story(8)}</div></div></body></html>`;
    const result = analyze(html);
    expect(result.signals).toContain('in-page-links');
    expect(result.isArticle).toBe(false);
  });

  it('rejects a manual whose table of contents, named so, links to only a few of its sections (DocBook, Debian\'s base-passwd guide)', () => {
    const toc = '<div class="TOC"><dl><dt><b>Table of Contents</b></dt><dt>1. <a href="#INTRODUCTION">Introduction</a></dt><dt>2. <a href="#ENTRIES">Users and Groups</a></dt></dl></div>';
    const html = `<html><head><title>Users and groups in the system</title></head><body><div class="book"><h1>Users and groups in the system</h1>${toc}
      <div class="chapter"><h1><a name="INTRODUCTION"></a>Chapter 1. Introduction</h1>${story(5)}</div><div class="chapter"><h1><a name="ENTRIES"></a>Chapter 2. Users and Groups</h1>${story(5)}</div></div></body></html>`;
    const result = analyze(html);
    expect(result.signals).toContain('in-page-links');
    expect(result.isArticle).toBe(false);
    // A story's own "Contents" box of two jump links, unnamed, is no manual's.
    const jumps = '<div class="jump-links"><a href="#why">Why now</a> <a href="#next">What next</a></div><span id="why"></span><span id="next"></span>';
    expect(analyze(storyPage({ after: jumps })).signals).not.toContain('in-page-links');
  });

  it('does not take a blog\'s name set as its h1, linked to its front page, for a story\'s headline (Schneier on Security)', () => {
    const posts = `<div class="posts"><div class="entry-content">${story(8)}</div></div>`;
    const page = (h1: string) => `<html><head><title>Schneier on Security</title></head><body><div id="header"><h1>${h1}</h1></div>${posts}</body></html>`;
    expect(analyze(page('<a href="https://www.schneier.com/">Schneier on Security</a>')).signals).not.toContain('headline');
    expect(analyze(page('<a href="/">Schneier on Security</a>')).signals).not.toContain('headline');
    // The same words unlinked, or linked to the story's own address, are a headline.
    expect(analyze(page('Schneier on Security')).signals).toContain('headline');
    expect(analyze(page('<a href="/blog/archives/2024/01/story.html">Schneier on Security</a>')).signals).toContain('headline');
  });

  it('still takes a page with a basket and prices for a shop', () => {
    const product = `<div class="product"><h1>Walnut desk</h1><span class="price">$420</span><button class="add-to-cart">Add to cart</button>${story(3)}</div>`;
    const html = `<html><head><title>Walnut desk</title></head><body>${nav}${product}${footer}</body></html>`;
    // The second look stops it before detection (second-look.ts); detection, run all the same, reads a shop too.
    expect(analyze(html).signals).toEqual(['second-look:shop']);
    expect(analyzeArticle(new DOMParser().parseFromString(html, 'text/html'), { skipGate: true }).signals).toContain('shop');
  });
});

describe('article decision: markup that hid a story from the body scoring (goose and fundus pages)', () => {
  it('reads a page wrapped in an anchor left open as prose, not as one big link (old CNN Arabic)', () => {
    // `<a name="top">` is never closed: the browser puts everything after it inside it.
    const page = (anchor: string) => `<html><head><title>Fed raises rates for third time this year</title></head><body>${anchor}
      <div class="page"><div class="story"><h1>Fed raises rates for third time this year</h1><div class="story-body">${story()}</div></div></div></body></html>`;
    const doc = new DOMParser().parseFromString(page('<a name="top_of_page">'), 'text/html');
    expect(doc.querySelector('a[name] .story-body')).not.toBeNull();
    const result = analyzeArticle(doc);
    expect(result.isArticle).toBe(true);
    expect(result.map.text).toContain('The central bank raised its benchmark rate');
    // The same with a logo's link left open: the browser puts the page inside it too.
    const logo = analyze(page('<a href="/">'));
    expect(logo.isArticle).toBe(true);
    expect(logo.map.text).toContain('The central bank raised its benchmark rate');
    // A card that links a headline and its one summary is still link text: a teaser, not a story.
    const card = analyze(`<html><head><title>Markets</title></head><body>${nav}<div class="cards">${Array.from({ length: 6 }, (_, i) => `<a href="/story/${i}"><h3>Another story number ${i} about markets</h3><p>${sentences[i % 5]} ${sentences[(i + 1) % 5]}</p></a>`).join('')}</div>${footer}</body></html>`);
    expect(card.isArticle).toBe(false);
  });

  it('reads the parts a React server streams hidden after its shell (Next.js), and still skips other hidden elements', () => {
    const streamed = `<html><head><title>Fed raises rates for third time this year</title></head><body>${nav}
      <main><template id="B:1"></template><p>Loading…</p></main>${footer}
      <div hidden id="S:1"><div class="story"><h1>Fed raises rates for third time this year</h1>${story()}</div></div></body></html>`;
    const result = analyze(streamed);
    expect(result.isArticle).toBe(true);
    expect(result.map.text).toContain('Officials said the labour market remained strong');
    const hidden = analyze(streamed.replace('id="S:1"', 'id="drawer"'));
    expect(hidden.map.text).not.toContain('Officials said the labour market remained strong');
  });

  it('does not read a comment thread\'s reply links, all to one form, as a manual\'s table of contents (Politico)', () => {
    const replies = Array.from({ length: 25 }, () => '<a href="#threadform">Reply</a>').join(' ');
    const result = analyze(storyPage({ after: `<div id="comments">${replies}<form id="threadform"></form></div>` }));
    expect(result.signals).not.toContain('in-page-links');
    expect(result.isArticle).toBe(true);
    // Twenty-five different sections linked are a table of contents still.
    const sections = Array.from({ length: 25 }, (_, i) => `<a href="#s${i}">Section ${i}</a><span id="s${i}"></span>`).join(' ');
    expect(analyze(storyPage({ after: `<div class="toc">${sections}</div>` })).signals).toContain('in-page-links');
  });

  it('passes the gate on a story set in bare divs with <br> and a lone paragraph, as the first look does (Engadget, 2010)', () => {
    const lines = Array.from({ length: 5 }, (_, i) => `${sentences[i]} ${sentences[(i + 1) % 5]} ${sentences[(i + 3) % 5]}<br>`).join('\n');
    const result = analyze(`<html><head><title>Verizon FiOS boxes get a new guide</title></head><body>${nav}
      <div class="post"><h1>Verizon FiOS boxes get a new guide</h1><div class="post_body">${lines}</div><p>Source: Verizon</p></div>${footer}</body></html>`);
    expect(result.gate.signals).toContain('unparagraphed-text');
    expect(result.isArticle).toBe(true);
  });
});
