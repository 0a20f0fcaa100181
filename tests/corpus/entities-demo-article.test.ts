// @vitest-environment node
/**
 * The demo article (scripts/demo/sample-article.html) through the pipeline the extension runs:
 * its text as the article reader finds it, then recognition. Its body names Baltic Grid seven
 * times ("Baltic Grid Holdings", then "Baltic Grid") and Nordwind Energy seven times ("Nordwind
 * Energy A/S", then "Nordwind"); "Regulators in both Baltic states" names no company, and the
 * popup once counted it as an eighth Baltic Grid.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '@/lib/article';
import { recognize } from '@/lib/entities';
import { parseFile } from '../support/article-corpus';

describe('companies in the demo article', () => {
  const { map } = analyzeArticle(parseFile(resolve('scripts/demo/sample-article.html')), { skipGate: true });
  const companies = recognize(map.text).filter((e) => e.type === 'company');
  const mentionsOf = (id: string) => companies.filter((e) => e.id === id).map((e) => e.text);

  it('counts each mention of Baltic Grid and Nordwind Energy once', () => {
    expect(mentionsOf('x:baltic-grid')).toEqual(['Baltic Grid Holdings', ...Array<string>(6).fill('Baltic Grid')]);
    expect(mentionsOf('x:nordwind-energy')).toEqual(['Nordwind Energy A/S', ...Array<string>(6).fill('Nordwind')]);
  });

  it('does not take "Baltic states" for Baltic Grid', () => {
    const states = map.text.indexOf('Baltic states');
    expect(states).toBeGreaterThan(0);
    expect(companies.filter((e) => e.start === states)).toEqual([]);
  });
});
