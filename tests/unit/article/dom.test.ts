import { describe, expect, it } from 'vitest';
import { isHidden, looksLikeBoilerplate, looksLikeContent, nameWords } from '@/lib/article/dom';

function element(html: string): Element {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return doc.body.firstElementChild!;
}

describe('class and id words', () => {
  it('splits class and id at spaces, hyphens, underscores and camelCase, lower-cased', () => {
    expect(nameWords(element('<div class="relatedLinks  Share_bar" id="main-Story"></div>'))).toEqual(['related', 'links', 'share', 'bar', 'main', 'story']);
    expect(nameWords(element('<div></div>'))).toEqual([]);
  });

  // [markup, expected]: whole words only, in either case, with the optional plural; a content
  // word outweighs a weaker furniture word, never a strong one.
  it.each([
    ['<div class="Comments"></div>', true],
    ['<div class="comment-list"></div>', true],
    ['<div id="relatedLinks"></div>', true],
    ['<div class="commentary"></div>', false],
    ['<div class="shared"></div>', false],
    ['<div class="loads"></div>', false],
    ['<div class="author-bio"></div>', true],
    ['<div class="author-content"></div>', false],
    ['<div class="article-sidebar"></div>', true],
    // A layout with a sidebar holds the main column too: its name says what it has, not what it is.
    ['<div class="sidebar-grid__content article__content"></div>', false],
    ['<div class="page has-sidebar"></div>', false],
    ['<div class="sidebar-widget"></div>', true],
    ['<div class="recirculation-box"></div>', true],
  ])('looksLikeBoilerplate(%s) is %s', (html, expected) => {
    expect(looksLikeBoilerplate(element(html))).toBe(expected);
  });

  it.each([
    ['<div class="articleBody"></div>', true],
    ['<div class="bodyguard"></div>', false],
  ])('looksLikeContent(%s) is %s', (html, expected) => {
    expect(looksLikeContent(element(html))).toBe(expected);
  });
});

describe('hidden by attributes', () => {
  // Hidden, aria-hidden and inline display or visibility, in any case and spacing.
  it.each([
    ['<div hidden></div>', true],
    ['<div aria-hidden="true"></div>', true],
    ['<div style="color: red; DISPLAY : None"></div>', true],
    ['<div style="visibility:\thidden"></div>', true],
    ['<div style="display: block"></div>', false],
    ['<div style="visibility: visible"></div>', false],
    ['<div aria-hidden="false"></div>', false],
    // A whole page hidden from screen readers while a consent dialog is open is on screen behind it…
    ['<div id="page" aria-hidden="true"><p>One.</p><p>Two.</p><p>Three.</p></div>', false],
    // …while a closed dialog marked so is hidden by the site's style, whatever it holds.
    ['<div role="dialog" aria-hidden="true"><p>One.</p><p>Two.</p><p>Three.</p></div>', true],
    ['<div aria-modal="true" aria-hidden="true"><p>One.</p><p>Two.</p><p>Three.</p></div>', true],
  ])('isHidden(%s) is %s', (html, expected) => {
    expect(isHidden(element(html))).toBe(expected);
  });
});
