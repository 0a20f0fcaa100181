import { describe, expect, it } from 'vitest';
import { firstLook, pageAddress, shadowPageBody, shadowPageOf } from '@/lib/article/first-look';
import { analyzeArticle } from '@/lib/article';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
const sentence = 'Shares of the company rose after it reported results for the quarter. ';
const paragraph = (chars: number) => `<p>${sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars)}</p>`;

describe('firstLook', () => {
  it('passes a page that claims to be an article, however short (an SPA story of two short paragraphs)', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script>';
    expect(firstLook(doc(`<head>${ld}</head><body>${paragraph(170)}${paragraph(170)}</body>`))).toEqual({ pass: true, reason: 'claims' });
    expect(firstLook(doc(`<head><meta property="og:type" content="article"></head><body><p>Short.</p></body>`)).pass).toBe(true);
    // As saved pages write it: `name` for `property`, `value` for `content`.
    expect(firstLook(doc(`<head><meta value="article" name="og:type"></head><body></body>`)).pass).toBe(true);
    const graph = '{"@graph":[{"@type":"WebSite"},{"@type":["https://schema.org/ReportageNewsArticle"]}]}';
    expect(firstLook(doc(`<head><script type="application/ld+json">${graph}</script></head><body></body>`)).pass).toBe(true);
  });

  it('does not take a JSON-LD website or product for an article claim', () => {
    const ld = '<script type="application/ld+json">{"@type":"WebSite","name":"Article Shop"}</script><script type="application/ld+json">{"@type":"Product"}</script>';
    expect(firstLook(doc(`<head>${ld}</head><body><p>Short.</p></body>`))).toEqual({ pass: false, reason: 'scattered-prose' });
  });

  it('passes prose that sits together, even a few levels down (a div per paragraph)', () => {
    const body = `<main><div class="story">${Array.from({ length: 4 }, () => `<div class="para">${paragraph(150)}</div>`).join('')}</div></main>`;
    expect(firstLook(doc(`<body>${body}</body>`))).toEqual({ pass: true, reason: 'prose' });
  });

  it('stops a listing whose short teasers are scattered over cards, and a page with no paragraph at all', () => {
    const card = (i: number) => `<li><div class="card"><div class="inner"><h3><a href="/s/${i}">Story ${i}</a></h3><div class="dek">${paragraph(90)}</div></div></div></li>`;
    const listing = `<body><section><div><ul>${Array.from({ length: 3 }, (_, i) => card(i)).join('')}</ul></div></section>${Array.from({ length: 12 }, (_, i) => `<section><div><ul>${card(i)}</ul></div></section>`).join('')}</body>`;
    expect(firstLook(doc(listing))).toEqual({ pass: false, reason: 'scattered-prose' });
    const app = `<body><div id="app">${'<div><span>Inbox item with a long subject line that goes on</span></div>'.repeat(80)}</div></body>`;
    expect(firstLook(doc(app))).toEqual({ pass: false, reason: 'no-prose' });
  });

  it('stops a section front of linked headlines over short summaries, even one that claims to be an article, before the pipeline loads', () => {
    const teaser = (i: number) => `<div class="teaser"><h3><a href="/story/${i}">Headline number ${i} of the day</a></h3><p>${sentence.repeat(3)}</p></div>`;
    const front = `<body><main><div class="river">${Array.from({ length: 8 }, (_, i) => teaser(i)).join('')}</div></main></body>`;
    expect(firstLook(doc(front))).toEqual({ pass: false, reason: 'listing' });
    expect(firstLook(doc(`<head><meta property="og:type" content="article"></head>${front}`))).toEqual({ pass: false, reason: 'listing' });
    // A story with a few related links around its body keeps its paragraphs together: it passes.
    const story = `<body><article>${paragraph(300)}${paragraph(300)}${Array.from({ length: 5 }, (_, i) => `<h3><a href="/r/${i}">Related ${i}</a></h3>`).join('')}</article></body>`;
    expect(firstLook(doc(story))).toEqual({ pass: true, reason: 'prose' });
  });

  it("stops a site's root address that claims no article, and passes it with a claim (some sites print the root as every page's canonical)", () => {
    const body = `<body><main>${paragraph(500)}</main></body>`;
    expect(firstLook(doc(body), 'https://news.example/')).toEqual({ pass: false, reason: 'front' });
    expect(firstLook(doc(`<head><meta property="og:type" content="article"></head>${body}`), 'https://news.example/')).toEqual({ pass: true, reason: 'claims' });
    expect(firstLook(doc(body), 'https://news.example/?p=123').pass).toBe(true);
    expect(firstLook(doc(body), 'https://news.example/2026/12/story').pass).toBe(true);
  });

  it("reads the page's address from its canonical link, else og:url, else its own", () => {
    expect(pageAddress(doc('<head><link rel="canonical" href="/"></head>'), 'https://news.example/story?utm=x')).toBe('https://news.example/');
    expect(pageAddress(doc('<head><meta property="og:url" content="https://news.example/a"></head>'), 'https://m.news.example/a')).toBe('https://news.example/a');
    expect(pageAddress(doc('<head><link rel="canonical" href="http://[bad"></head>'), 'https://news.example/b')).toBe('https://news.example/b');
  });

  it('passes, as it cannot tell, a page that sets its text in divs beside a few paragraphs', () => {
    const body = `<body><p>By A. Writer</p><div class="text">${sentence.repeat(20)}</div><div class="text">${sentence.repeat(10)}</div></body>`;
    expect(firstLook(doc(body))).toEqual({ pass: true, reason: 'unparagraphed-text' });
  });

  it('passes a page without paragraphs whose runs of text stand together, and stops one whose runs stand a card apart (a short Blogger post; Yandex\'s front page)', () => {
    const run = sentence.repeat(3);
    // Three runs between two line breaks, in one div: the gate passes what the first look passes.
    const post = doc(`<body><nav><a href="/">Home</a></nav><h1>Chelsea sign a keeper</h1><div class="post-body">${run}<br><br>${run}<br>${run}</div></body>`);
    expect(firstLook(post)).toEqual({ pass: true, reason: 'unparagraphed-text' });
    expect(analyzeArticle(post).gate.signals).toContain('unparagraphed-text');
    // The same runs as a div each in one container pass too.
    expect(firstLook(doc(`<body><div class="story">${`<div><span>${run}</span></div>`.repeat(3)}</div></body>`)).pass).toBe(true);
    // A feed: one summary (or two, its visible and hidden halves) a card, each card a container of its own.
    const card = (i: number) => `<div class="card"><a href="/s/${i}"><div class="title">Story ${i}</div><div class="clamp"><span>${run}</span><span>${run}</span></div></a></div>`;
    const feed = doc(`<body><div class="feed">${Array.from({ length: 12 }, (_, i) => `<div class="slot">${card(i)}</div>`).join('')}</div></body>`);
    expect(firstLook(feed)).toEqual({ pass: false, reason: 'no-prose' });
    expect(analyzeArticle(feed).gate.pass).toBe(false);
  });

  it('does not count a script\'s or a style\'s text as the page\'s (an app shell with its state inline)', () => {
    const state = `<script>window.__STATE__ = ${JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => `item ${i} of the app's state`) })}</script><style>${'.a{color:red}'.repeat(50)}</style>`;
    expect(firstLook(doc(`<body><p>Sign in</p><div id="app"></div>${state}</body>`))).toEqual({ pass: false, reason: 'scattered-prose' });
  });

  it('passes text set with line breaks', () => {
    expect(firstLook(doc(`<body><div>${`${sentence}<br>`.repeat(10)}</div></body>`)).reason).toBe('line-breaks');
  });

  it('stops line breaks that set links or an address, not a story', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<a href="/essay/${i}">An essay title, number ${i}</a><br>`).join('');
    expect(firstLook(doc(`<body><td>${links}</td><address>1 Main St<br>Springfield<br>USA<br>Tel 555<br>Fax 556<br>Mail<br>Web<br>Map<br></address></body>`)).pass).toBe(false);
  });

  it('looks into an open shadow root as into a document', () => {
    const d = doc('<body><news-app></news-app></body>');
    const root = d.querySelector('news-app')!.attachShadow({ mode: 'open' });
    const article = d.createElement('article');
    for (let i = 0; i < 4; i++) {
      const p = d.createElement('p');
      p.textContent = sentence.repeat(2);
      article.append(p);
    }
    root.append(article);
    expect(firstLook(d).pass).toBe(false);
    expect(firstLook(root)).toEqual({ pass: true, reason: 'prose' });
  });

  it('finds the open shadow root a web-components page keeps its story in, and analysis reads the story there', () => {
    const d = doc('<head><meta property="og:type" content="article"></head><body><news-app></news-app></body>');
    const app = d.querySelector('news-app')!.attachShadow({ mode: 'open' });
    const story = d.createElement('news-story');
    app.append(d.createElement('nav'), story);
    const inner = story.attachShadow({ mode: 'open' });
    const article = d.createElement('article');
    const h1 = d.createElement('h1');
    h1.textContent = 'Nordwind Energy buys Baltic Grid';
    article.append(h1);
    for (let i = 0; i < 6; i++) {
      const p = d.createElement('p');
      p.textContent = sentence.repeat(3);
      article.append(p);
    }
    inner.append(article);
    expect(shadowPageOf(d)).toBe(inner);
    expect(shadowPageBody(d)).toBe(article);
    const analysis = analyzeArticle(d, { body: shadowPageBody(d) });
    expect(analysis.root && inner.contains(analysis.root)).toBe(true);
    expect(analysis.map.text).toContain('Shares of the company rose');
  });

  it('looks into no shadow root on a page whose own paragraphs hold prose (a widget beside the story)', () => {
    const d = doc(`<body>${paragraph(600)}<div class="widget"></div></body>`);
    d.querySelector('.widget')!.attachShadow({ mode: 'open' }).append(Object.assign(d.createElement('p'), { textContent: sentence.repeat(10) }));
    expect(shadowPageOf(d)).toBeNull();
  });
});
