/**
 * The stepped form of extraction pauses between stages and within long walks (the content
 * script gives the page back there) and ends with exactly what the one-call form returns.
 */
import { describe, expect, it } from 'vitest';
import { analyzeArticle, analyzeArticleSteps } from '@/lib/article';

function pausesAndResult<T>(steps: Generator<void, T>): { pauses: number; result: T } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { pauses, result: step.value };
    pauses++;
  }
}

describe('stepped analysis', () => {
  it('pauses between gate, metadata, content scoring, extraction and detection, and ends with the one-call result', () => {
    document.body.innerHTML = `<article><h1>Nordwind buys Baltic Grid</h1>${'<p>Nordwind Energy A/S agreed to buy Baltic Grid Holdings for €2.4 billion, its largest deal in a decade of growth across the region.</p>'.repeat(6)}</article>`;
    const { pauses, result } = pausesAndResult(analyzeArticleSteps(document, { url: 'https://news.example/a' }));
    expect(pauses).toBe(5);
    const direct = analyzeArticle(document, { url: 'https://news.example/a' });
    expect(result.map.text).toBe(direct.map.text);
    expect(result.root).toBe(direct.root);
    expect(result.isArticle).toBe(direct.isArticle);
  });

  it('pauses within the walks of a large page, every few hundred elements, and ends with the one-call result', () => {
    const card = '<div class="card"><span>Grid</span> <a href="/x">Nordwind Energy</a></div>';
    const paragraph = '<p>Nordwind Energy A/S agreed to buy Baltic Grid Holdings for €2.4 billion, its largest deal in a decade of growth.</p>';
    document.body.innerHTML = `<aside>${card.repeat(400)}</aside><article><h1>Nordwind</h1>${paragraph.repeat(900)}</article>`;
    const { pauses, result } = pausesAndResult(analyzeArticleSteps(document, { url: 'https://news.example/a' }));
    // About 2,100 elements scored and 900 paragraphs read for text: a pause every 200 elements.
    expect(pauses).toBeGreaterThanOrEqual(5 + 10 + 4);
    const direct = analyzeArticle(document, { url: 'https://news.example/a' });
    expect(result.map.text).toBe(direct.map.text);
    expect(result.root).toBe(document.querySelector('article'));
  });

  it('ends on a page that rearranges itself at every pause', () => {
    const paragraph = '<p>Nordwind Energy A/S agreed to buy Baltic Grid Holdings for €2.4 billion, its largest deal in a decade of growth.</p>';
    document.body.innerHTML = `<article><h1>Nordwind</h1>${`<section>${paragraph.repeat(30)}</section>`.repeat(60)}</article>`;
    const article = document.querySelector('article')!;
    const steps = analyzeArticleSteps(document, { url: 'https://news.example/a', skipGate: true });
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      // A hostile page: the last section moves to the front, and one paragraph goes away.
      article.prepend(article.lastElementChild!);
      article.querySelector('p')?.remove();
      expect(++pauses).toBeLessThan(10_000);
    }
    expect(pauses).toBeGreaterThan(2);
  });
});
