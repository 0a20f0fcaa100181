import { describe, expect, it } from 'vitest';
import { parseDocument } from '@/scripts/analyze/parse';

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
