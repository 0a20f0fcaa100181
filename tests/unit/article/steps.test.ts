/**
 * The stepped forms of extraction and recognition pause between stages (the content script
 * gives the page back there) and end with exactly what the one-call forms return.
 */
import { describe, expect, it } from 'vitest';
import { analyzeArticle, analyzeArticleSteps } from '@/lib/article';
import { recognize, recognizeSteps } from '@/lib/entities';

function pausesAndResult<T>(steps: Generator<void, T>): { pauses: number; result: T } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { pauses, result: step.value };
    pauses++;
  }
}

describe('stepped analysis', () => {
  it('pauses between metadata, content scoring and extraction, and ends with the one-call result', () => {
    document.body.innerHTML = `<article><h1>Nordwind buys Baltic Grid</h1>${'<p>Nordwind Energy A/S agreed to buy Baltic Grid Holdings for €2.4 billion, its largest deal in a decade of growth across the region.</p>'.repeat(6)}</article>`;
    const { pauses, result } = pausesAndResult(analyzeArticleSteps(document, { url: 'https://news.example/a' }));
    expect(pauses).toBe(2);
    const direct = analyzeArticle(document, { url: 'https://news.example/a' });
    expect(result.map.text).toBe(direct.map.text);
    expect(result.root).toBe(direct.root);
    expect(result.isArticle).toBe(direct.isArticle);
  });

  it('recognises in three stages with the same entities as recognize', () => {
    const text = 'Nordwind Energy A/S agreed to buy Baltic Grid Holdings for €2.4 billion; its shares rose 3%.';
    const { pauses, result } = pausesAndResult(recognizeSteps(text));
    expect(pauses).toBe(2);
    expect(result).toEqual(recognize(text));
    expect(result.map((e) => e.type)).toEqual(expect.arrayContaining(['company', 'money', 'percent']));
  });
});
