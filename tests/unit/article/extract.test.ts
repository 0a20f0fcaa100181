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

  it('keeps a word a tagger or ad script wrapped inside a sentence whatever its class says, and still drops a named block', () => {
    const wrapped = ['<span class="related-tag">Boeing</span>', '<em class="share">Boeing</em>', '<span class="ad-keyword">Boeing</span>', '<span class="promo">Boeing</span>'];
    for (const name of wrapped) {
      const doc = page(articlePage.replace('<div class="article-body" id="body">', `<div class="article-body" id="body"><p>Shares of ${name} fell after the company said deliveries would slow again this year, analysts said.</p>`));
      expect(analyzeArticle(doc).map.text, name).toContain('Shares of Boeing fell after the company said');
    }
    // The same class on a span that stands alone between blocks is a box, not a word of the story.
    const promo = '<span class="promo">Subscribe today and save forty percent on your first year of unlimited access to everything.</span>';
    const boxedHtml = articlePage.replace(paragraph(4), `${promo}${paragraph(4)}`);
    expect(boxedHtml).toContain(promo);
    const boxed = analyzeArticle(page(boxedHtml)).map.text;
    expect(boxed).toContain('Paragraph 4:');
    expect(boxed).not.toContain('Subscribe today');
  });

  it('reads the standfirst its header sets under the headline first, in the header or between headline and body (fundus: Postmedia, NDR, 20 Minuten)', () => {
    const standfirst = 'Beyond the optimistic headlines, some economists argue that the recovery is weaker than it looks.';
    const body = [1, 2, 3, 4, 5].map(paragraph).join('');
    // The header inside the story's container: the text pass skips headers, bylines and all.
    const inHeader = analyzeArticle(page(`<html><head><title>Rates rise</title></head><body><main><article class="story"><header class="article-header"><h1>Rates rise</h1>
      <p class="article-subtitle">${standfirst}</p><p class="byline">By Jane Doe</p></header><div class="article-body">${body}</div></article></main></body></html>`), { skipGate: true });
    expect(inHeader.map.text.startsWith(standfirst)).toBe(true);
    expect(inHeader.map.text).toContain('Paragraph 5:');
    expect(inHeader.map.text).not.toContain('Jane Doe');
    // The headline and standfirst above the body's container.
    const above = page(`<html><head><title>Rates rise</title></head><body><main><div class="head"><h1>Rates rise</h1><div class="lead"><p>${standfirst}</p></div>
      <aside><p>${'An unrelated box of prose beside the headline that is no part of the story at all. '.repeat(2)}</p></aside></div>
      <div class="article-body" id="body">${body}</div></main></body></html>`);
    const analysis = analyzeArticle(above, { skipGate: true });
    expect(analysis.root).toBe(above.getElementById('body'));
    expect(analysis.map.text.startsWith(standfirst)).toBe(true);
    expect(analysis.map.text).not.toContain('An unrelated box');
  });

  it('keeps the story where it goes on after an ad and a related box, in a container of the same kind', () => {
    const part = (id: string, ns: number[]) => `<div class="story-part" id="${id}">${ns.map(paragraph).join('')}</div>`;
    const doc = page(`<html><head><title>Rates rise</title></head><body><main id="main"><h1>Rates rise</h1>${part('p1', [1, 2, 3, 4, 5, 6, 7])}
      <div class="ad-slot"><p>Advertisement</p></div><div class="related-box"><h3><a href="/x">Read also: rates rose before</a></h3></div>
      ${part('p2', [8])}</main><aside>${paragraph(99)}</aside></body></html>`);
    const analysis = analyzeArticle(doc, { skipGate: true });
    expect(analysis.root).toBe(doc.getElementById('main'));
    expect(analysis.map.text).toContain('Paragraph 8:');
    expect(analysis.map.text).not.toContain('Read also');
    expect(analysis.map.text).not.toContain('Paragraph 99');
  });

  it('reads a story set with <br><br> in one table cell as paragraphs, and takes it for an article', () => {
    const lines = [1, 2, 3, 4, 5, 6].map((n) => paragraph(n).replace(/<\/?p>/g, '')).join('<br><br>\n');
    const doc = page(`<html><head><title>Rates rise again in March</title></head><body><table><tr><td class="nav"><a href="/a">Home</a><br><a href="/b">Business</a></td>
      <td id="story"><h1>Rates rise again in March</h1><font size="2">${lines}</font></td></tr></table></body></html>`);
    const analysis = analyzeArticle(doc);
    expect(analysis.root).toBe(doc.getElementById('story'));
    expect(analysis.map.text.split('\n\n')).toHaveLength(6);
    expect(analysis.isArticle).toBe(true);
  });

  it('finds the body by the JSON-LD articleBody when scoring found only a thin one', () => {
    // Each paragraph sits in an ad system's wrapper, which scoring reads as furniture; a columnist's box beside it reads as prose.
    const wrapped = [1, 2, 3, 4, 5, 6].map((n) => `<div class="gpt-sticky">${paragraph(n)}</div>`).join('');
    const declared = [1, 2, 3, 4, 5, 6].map((n) => paragraph(n).replace(/<\/?p>/g, '')).join('\\n');
    const doc = page(`<html><head><title>Rates rise</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Rates rise","articleBody":"${declared}"}</script></head>
      <body><div id="story">${wrapped}</div><div class="column">${paragraph(90)}</div></body></html>`);
    const analysis = analyzeArticle(doc);
    expect(analysis.root).toBe(doc.getElementById('story'));
    expect(analysis.map.text.split('\n\n')).toHaveLength(6);
    expect(analysis.map.text).not.toContain('Paragraph 90');
  });

  it('takes the JSON-LD articleBody as the text when the page renders no body of its own', () => {
    const declared = [1, 2, 3, 4, 5].map((n) => paragraph(n).replace(/<\/?p>/g, '')).join('&lt;/p&gt;&lt;p&gt;');
    const doc = page(`<html><head><title>Rates rise</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Rates rise","articleBody":"&lt;p&gt;${declared}&lt;/p&gt;"}</script></head>
      <body><div id="app"><h1>Rates rise</h1><p>Loading the story, please wait a moment for the page to load.</p></div></body></html>`);
    const analysis = analyzeArticle(doc);
    expect(analysis.map.text.split('\n\n')).toEqual([1, 2, 3, 4, 5].map((n) => paragraph(n).replace(/<\/?p>/g, '')));
    expect(analysis.map.segments).toEqual([]);
  });

  it('keeps a body that sets its related cards as <article>s among its paragraphs, but not a feed of posts', () => {
    const card = (n: number) => `<article class="card pull"><a href="/s/${n}">Related: an earlier story number ${n} on rates</a></article>`;
    const story = page(`<html><head><title>Rates rise</title></head><body><main><div id="story">${paragraph(1)}${paragraph(2)}${card(1)}${paragraph(3)}${card(2)}${paragraph(4)}${card(3)}${paragraph(5)}</div></main>
      <div class="blurb">${paragraph(90)}</div></body></html>`);
    const analysis = analyzeArticle(story, { skipGate: true });
    expect(analysis.root).toBe(story.getElementById('story'));
    expect(analysis.map.text).toContain('Paragraph 5:');
    expect(analysis.map.text).not.toContain('Related:');
    const posts = [1, 2, 3].map((n) => `<article><h2>Post ${n}</h2>${paragraph(n)}${paragraph(n + 10)}</article>`).join('');
    const feed = page(`<html><head><title>Blog</title></head><body><div id="feed">${posts}</div></body></html>`);
    expect(analyzeArticle(feed, { skipGate: true }).isArticle).toBe(false);
  });

  it('leaves out a closing line that says how to reach the reporter', () => {
    const doc = page(articlePage.replace(`${paragraph(4)}</div></article>`, `${paragraph(4)}<p>Contact reporter Jane Doe (email)</p></div></article>`));
    expect(analyzeArticle(doc).map.text).not.toContain('Contact reporter');
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

  it('leaves out a "more on this" box among the paragraphs, whatever language its heading is in', () => {
    const more = `<div class="recirculation-box"><div class="title">Mehr zum Thema</div><p>Ein anderer Artikel der Redaktion, mit einer Zusammenfassung, die lang genug für einen Absatz ist.</p></div>`;
    const doc = page(`<html lang="de"><body><article><h1>Neues Klapphandy</h1><div class="article-content" id="body">
      ${paragraph(1)}${paragraph(2)}${more}${paragraph(3)}</div></article></body></html>`);
    const analysis = analyzeArticle(doc, { skipGate: true });
    expect(analysis.root).toBe(doc.getElementById('body'));
    expect(analysis.map.text.split('\n\n')).toEqual([1, 2, 3].map((n) => doc.querySelectorAll('#body > p')[n - 1]!.textContent));
  });

  it('leaves out the notice standing in for an embed until the reader consents to it (two-click embeds: Gamestar, Business Insider)', () => {
    const embed = '&lt;iframe src=&quot;https://www.youtube-nocookie.com/embed/x&quot;&gt;&lt;/iframe&gt;';
    const notice = `<div class="box do-display-embed" data-embed-content="${embed}"><div class="info-box"><div class="h3">Empfohlener redaktioneller Inhalt</div>
      <p>An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt. Du kannst ihn dir mit einem Klick anzeigen lassen.</p>
      <label><input type="checkbox"> YouTube-Inhalte erlauben</label></div></div>`;
    // A site's "embed this story" code on the story's own container does not make the story a stand-in.
    const doc = page(`<html lang="de"><body><article data-embed-code="&lt;iframe src=&quot;/embed/1&quot;&gt;"><h1>Neues Klapphandy</h1><div class="article-content" id="body">
      ${paragraph(1)}${paragraph(2)}${notice}${paragraph(3)}${paragraph(4)}${paragraph(5)}${paragraph(6)}${paragraph(7)}${paragraph(8)}</div></article></body></html>`);
    const analysis = analyzeArticle(doc, { skipGate: true });
    expect(analysis.root).toBe(doc.getElementById('body'));
    expect(analysis.map.text.split('\n\n')).toEqual([...doc.querySelectorAll('#body > p')].map((p) => p.textContent));
  });

  it('leaves out the title of a box of links inside the body, but keeps section headings and a standfirst set as a heading', () => {
    // BusinessWeek's inset (goose3's businessWeek pages): "Story Tools" over share links, in an unnamed module.
    const tools = `<div class="module"><h2>Story Tools</h2><ul><li><a href="#comments">post a comment</a></li><li><a href="/email">e-mail this story</a></li></ul></div>`;
    const doc = page(`<html lang="en"><body><article><h1>Rates rise</h1><div id="body">
      <div><h2>The bank raised rates for the third time this year, and said more may follow</h2></div>
      ${paragraph(1)}${tools}<h2>What comes next</h2>${paragraph(2)}
      <section><h3>Markets</h3>${paragraph(3)}</section></div></article></body></html>`);
    const analysis = analyzeArticle(doc, { skipGate: true });
    expect(analysis.root).toBe(doc.getElementById('body'));
    expect(analysis.map.text.split('\n\n')).toEqual([
      'The bank raised rates for the third time this year, and said more may follow',
      doc.querySelectorAll('#body > p')[0]!.textContent,
      'What comes next',
      doc.querySelectorAll('#body > p')[1]!.textContent,
      'Markets',
      doc.querySelector('section > p')!.textContent,
    ]);
  });

  it('reads every part of a body split into containers of one kind, when links after them weigh their parent down', () => {
    const part = (ns: number[]) => `<section class="content-group">${ns.map(paragraph).join('')}</section>`;
    const trending = Array.from({ length: 30 }, (_, i) => `<li><a href="/t/${i}">A trending story elsewhere on the site, number ${i}</a></li>`).join('');
    const doc = page(`<html><body><article id="story"><h1>Rates rise</h1>${part([1, 2])}
      <div class="ad-group-story">Advertisement. Story continues below.</div>${part([3, 4, 5, 6])}<section class="content-group"></section>
      <div class="widget-group"><h3>Trending</h3><ul>${trending}</ul></div></article></body></html>`);
    const { map, root } = analyzeArticle(doc, { skipGate: true });
    expect(root?.localName).toBe('section');
    expect(map.text.split('\n\n').map((p) => p.slice(0, 12))).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Paragraph ${n}:`));
  });

  it('reads the page\'s own story, not the next one an endless page appended under its own headline', () => {
    const story = (h: string, ns: number[]) => `<article><h1>${h}</h1>${ns.map(paragraph).join('')}</article>`;
    const doc = page(`<html><head><title>Rates rise</title></head><body><main>${story('Rates rise', [1, 2, 3, 4, 5])}
      <div class="under-article">${story('Another story', [11, 12, 13, 14, 15, 16])}</div></main></body></html>`);
    const { map } = analyzeArticle(doc, { skipGate: true });
    expect(map.text.split('\n\n').map((p) => p.slice(0, 12))).toEqual([1, 2, 3, 4, 5].map((n) => `Paragraph ${n}:`));
    // A manual's chapters, each under its own <h1> and in no <article>, stay one body.
    const manual = page(`<html><body><main>${[1, 2].map((c) => `<div id="chapter-${c}"><h1>Chapter ${c}</h1>${[1, 2, 3, 4, 5].map((n) => paragraph(c * 10 + n)).join('')}</div>`).join('')}</main></body></html>`);
    expect(analyzeArticle(manual, { skipGate: true }).map.text).toContain('Paragraph 25:');
  });

  it('reads a story the site hides from screen readers while its consent dialog is open (it is on screen behind it)', () => {
    const doc = page(articlePage.replace('<nav>', '<div role="dialog" aria-modal="true"><p>We use cookies. Accept them all, or choose which to allow before you read on.</p><button>Accept</button></div><div id="page" aria-hidden="true"><nav>').replace('<footer>', '</div><footer>'));
    const analysis = analyzeArticle(doc);
    expect(analysis.isArticle).toBe(true);
    expect(analysis.map.text).toContain('Paragraph 4:');
    expect(analysis.map.text).not.toContain('We use cookies');
  });

  it('reads a story told a short line a paragraph, where no paragraph is long enough to read as prose alone', () => {
    const lines = Array.from({ length: 25 }, (_, i) => `<p>Line ${i}: the mayor spoke to the crowd at noon today.</p>`).join('');
    const doc = page(`<html><head><title>Mayor speaks</title><meta property="og:type" content="article"></head><body><nav><a href="/">Home</a></nav><div class="story"><h1>Mayor speaks</h1>${lines}</div></body></html>`);
    const analysis = analyzeArticle(doc);
    expect(analysis.isArticle).toBe(true);
    expect(analysis.map.text.split('\n\n')).toHaveLength(25);
    // Lines that are links stay furniture: a list of headlines is no story.
    const headlines = Array.from({ length: 25 }, (_, i) => `<p><a href="/s/${i}">Headline ${i}: the mayor spoke at noon today</a></p>`).join('');
    expect(analyzeArticle(page(`<html><body><div>${headlines}</div></body></html>`), { skipGate: true }).map.text).toBe('');
  });

  it('keeps a lead set in its own container above the story\'s, but not cards of other stories after it', () => {
    const lead = '<div class="article-lead"><p>Lead: the central bank raised its rate by half a point on Tuesday, its fourth rise this year.</p></div>';
    const story = (after = '') => `<html><body><main id="main"><h1>Rates rise</h1>${lead}<figure><img src="x.jpg"></figure>
      <div class="article-body" id="body">${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}</div>${after}</main></body></html>`;
    const led = analyzeArticle(page(story()), { skipGate: true });
    expect(led.map.text.split('\n\n')[0]).toMatch(/^Lead: the central bank/);
    expect(led.map.text).toContain('Paragraph 6:');
    expect(led.map.text).not.toContain('Rates rise');
    const cards = [1, 2, 3].map((n) => `<article><h3><a href="/s/${n}">Story ${n}</a></h3></article>`).join('');
    const doc = page(story(`<div class="more">${cards}</div>`));
    expect(analyzeArticle(doc, { skipGate: true }).root).toBe(doc.getElementById('body'));
  });

  it('leaves out a line that holds a date and nothing else, but not a sentence naming one', () => {
    const dated = '<div class="date">Tuesday, October 12, 2017 09:30</div><p>On October 12, 2017 the board met and voted, after a long debate, to sell the plant.</p>';
    const doc = page(articlePage.replace('<div class="article-body" id="body">', `<div class="article-body" id="body">${dated}`));
    const { text } = analyzeArticle(doc).map;
    expect(text).not.toContain('Tuesday, October 12');
    expect(text).toContain('On October 12, 2017 the board met');
  });

  it('leaves out share bars and ad slots named in the site\'s own language', () => {
    const furniture = '<div class="artikel-teilen"><span>Artikel teilen</span> Facebook · X · E-Mail</div><div class="anzeige">Anzeige</div><div class="noticias-relacionadas"><p>Otra noticia del día, con un resumen lo bastante largo para leerse como un párrafo.</p></div>';
    const doc = page(articlePage.replace(`${paragraph(4)}</div></article>`, `${paragraph(4)}${furniture}</div></article>`));
    const { text } = analyzeArticle(doc).map;
    expect(text).toContain('Paragraph 4:');
    expect(text).not.toMatch(/teilen|Anzeige|Otra noticia/);
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
