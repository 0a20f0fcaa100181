import { describe, expect, it } from 'vitest';
import { parseDocument } from '@/scripts/analyze/parse';
import { analyzeArticle } from '@/lib/article';
import { comesAfter } from '@/lib/article/dom';

const STORY = '<p>The story is one long paragraph of prose that the reader came to read, in the page’s body.</p>';

/** The body's text, as the pipeline reads it through document.body. */
const bodyText = (html: string) => parseDocument(html).body?.textContent?.trim() ?? '';

// Each page is built the way real saved pages are and a browser parses it to one body holding the story.
describe('parseDocument builds the tree a browser builds', () => {
  it('keeps one <html> when conditional comments open one per IE version', () => {
    const html = `<!DOCTYPE html>\n<!--[if IE 8 ]><!--><html class="ie8"><!--<![endif]-->\n<!--[if (gt IE 9)|!(IE)]><!--><html lang="de"><!--<![endif]-->\n<head><title>T</title></head><body>${STORY}</body></html>`;
    expect(bodyText(html)).toContain('one long paragraph');
    expect(parseDocument(html).documentElement.getAttribute('class')).toBe('ie8');
  });

  it('drops NUL characters from the text, as a browser\'s tree builder does', () => {
    expect(bodyText(`<html><body><p>The story is one long\0 paragraph.</p></body></html>`)).toBe('The story is one long paragraph.');
  });

  it('supplies <html> when its only start tags are inside conditional comments', () => {
    const html = `<!DOCTYPE html><!--[if lte IE 9]> <html class="lte-ie9"> <![endif]--><head><title>T</title></head><body>${STORY}</body>`;
    expect(bodyText(html)).toContain('one long paragraph');
  });

  it('returns the page’s body when a script or noscript stands between head and body', () => {
    const html = `<!DOCTYPE html><html><head><title>T</title></head><script>var x = 1;</script><noscript><div>Enable scripts</div></noscript><body class="story">${STORY}</body></html>`;
    const doc = parseDocument(html);
    expect(doc.body.textContent).toContain('one long paragraph');
    expect(doc.body.getAttribute('class')).toBe('story');
    expect(doc.querySelectorAll('body')).toHaveLength(1);
  });

  it('keeps what follows a stray </body> or <html></html> inside the body', () => {
    const html = `<!DOCTYPE html><html><head><title>T</title></head><body><nav>Menu</nav><html></html>${STORY}</body><p>Footer text after the body end tag.</p></html>`;
    expect(bodyText(html)).toContain('one long paragraph');
    expect(bodyText(html)).toContain('Footer text');
  });

  it('leaves <html> strings inside scripts alone', () => {
    const html = `<!DOCTYPE html><html lang="en"><head><script>document.write('<html><body>ad</body></html>')</script></head><body>${STORY}</body></html>`;
    expect(bodyText(html)).toContain('one long paragraph');
    expect(parseDocument(html).documentElement.getAttribute('lang')).toBe('en');
  });

  it('starts the body at an element a script framework stamps before the <head>', () => {
    const html = `<!DOCTYPE html><html lang="en"><div id="css-stamp" style="position:absolute"></div><head><title>T</title><meta property="og:type" content="article"></head><body class="story">${STORY}</body></html>`;
    const doc = parseDocument(html);
    expect(doc.body.textContent).toContain('one long paragraph');
    expect(doc.body.firstElementChild?.id).toBe('css-stamp');
    expect(doc.head.querySelector('meta[property="og:type"]')).not.toBeNull();
    expect(doc.querySelectorAll('body')).toHaveLength(1);
  });

  it('opens the body where a page with no <body> tag leaves the head', () => {
    const noTags = parseDocument(`<!DOCTYPE html><html><title>T</title><meta name="author" content="A">${STORY}</html>`);
    expect(noTags.body.textContent).toContain('one long paragraph');
    expect(noTags.head.querySelector('title')?.textContent).toBe('T');
    expect(noTags.querySelectorAll('body')).toHaveLength(1);
    expect(bodyText(`<html><head><title>T</title></head>${STORY}</html>`)).toContain('one long paragraph');
  });

  it('leaves a frameset without a body', () => {
    expect(parseDocument('<html><head></head><frameset><frame src="a.html"></frameset></html>').querySelector('body')).toBeNull();
  });

  it('wraps a fragment with no document around it', () => {
    expect(bodyText(STORY)).toContain('one long paragraph');
  });
});

describe('document order is the same in the CLI\'s DOM as in a browser', () => {
  const html = '<html><body><div><h1>Headline</h1></div><p id="dek">The standfirst</p><div><div id="body">The body</div></div></body></html>';
  for (const [dom, parse] of [['linkedom', parseDocument], ['happy-dom', (h: string) => new DOMParser().parseFromString(h, 'text/html')]] as const) {
    it(`orders nodes in different branches, ancestors and descendants (${dom})`, () => {
      const doc = parse(html);
      const [h1, dek, body] = [doc.querySelector('h1')!, doc.getElementById('dek')!, doc.getElementById('body')!];
      expect(comesAfter(dek, h1)).toBe(true);
      expect(comesAfter(h1, dek)).toBe(false);
      expect(comesAfter(body, h1)).toBe(true);
      expect(comesAfter(body, body.parentElement!)).toBe(true);
      expect(comesAfter(body.parentElement!, body)).toBe(false);
      expect(comesAfter(h1, h1)).toBe(false);
    });
  }

  it('finds the standfirst between a headline and a body in other branches, as the page does (AEB: a Vox dek)', () => {
    const standfirst = 'A policy to conserve water led to the rise of a major source of air pollution in the capital.';
    const story = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i}: the city’s air reached levels forecasters called severe, and schools closed for the week.</p>`).join('');
    const html = `<html><head><title>Delhi’s air</title></head><body><main><article><div class="segment"><div class="hero"><div class="hero-header"><h1>The law behind Delhi’s deadly air pollution</h1></div>
      <p class="entry-summary">${standfirst}</p></div></div><div class="segment"><div class="main-column"><div class="entry-content">${story}</div></div></div></article></main></body></html>`;
    const text = analyzeArticle(parseDocument(html), { skipGate: true }).map.text;
    expect(text.startsWith(standfirst)).toBe(true);
    expect(text).toContain('Paragraph 4:');
  });
});

describe('attribute names are read as a browser reads them', () => {
  it('lower-cases the attribute names an old page writes in capitals, but not SVG\'s', () => {
    const doc = parseDocument('<HTML><BODY><DIV CLASS="TOC"><A HREF="#INTRO">Intro</A></DIV><svg viewBox="0 0 1 1"></svg><P ID="INTRO" Class="a" class="b">Text</P></BODY></HTML>');
    expect(doc.querySelector('.TOC a[href="#INTRO"]')?.textContent).toBe('Intro');
    expect(doc.querySelector('svg')?.getAttributeNames()).toEqual(['viewBox']);
    expect(doc.getElementById('INTRO')?.getAttributeNames()).toEqual(['id', 'class']);
  });
});
