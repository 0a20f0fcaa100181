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

  it('takes whole words only, in either case, with the optional plural', () => {
    expect(looksLikeBoilerplate(element('<div class="Comments"></div>'))).toBe(true);
    expect(looksLikeBoilerplate(element('<div class="comment-list"></div>'))).toBe(true);
    expect(looksLikeBoilerplate(element('<div id="relatedLinks"></div>'))).toBe(true);
    expect(looksLikeBoilerplate(element('<div class="commentary"></div>'))).toBe(false);
    expect(looksLikeBoilerplate(element('<div class="shared"></div>'))).toBe(false);
    expect(looksLikeBoilerplate(element('<div class="loads"></div>'))).toBe(false);
  });

  it('lets a content word outweigh a weaker furniture word, never a strong one', () => {
    expect(looksLikeBoilerplate(element('<div class="author-bio"></div>'))).toBe(true);
    expect(looksLikeBoilerplate(element('<div class="author-content"></div>'))).toBe(false);
    expect(looksLikeBoilerplate(element('<div class="article-sidebar"></div>'))).toBe(true);
    expect(looksLikeContent(element('<div class="articleBody"></div>'))).toBe(true);
    expect(looksLikeContent(element('<div class="bodyguard"></div>'))).toBe(false);
  });
});

describe('hidden by attributes', () => {
  it('reads hidden, aria-hidden and inline display or visibility, in any case and spacing', () => {
    expect(isHidden(element('<div hidden></div>'))).toBe(true);
    expect(isHidden(element('<div aria-hidden="true"></div>'))).toBe(true);
    expect(isHidden(element('<div style="color: red; DISPLAY : None"></div>'))).toBe(true);
    expect(isHidden(element('<div style="visibility:\thidden"></div>'))).toBe(true);
    expect(isHidden(element('<div style="display: block"></div>'))).toBe(false);
    expect(isHidden(element('<div style="visibility: visible"></div>'))).toBe(false);
    expect(isHidden(element('<div aria-hidden="false"></div>'))).toBe(false);
  });
});
