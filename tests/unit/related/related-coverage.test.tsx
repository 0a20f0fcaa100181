import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RelatedCoverage } from '@/components/RelatedCoverage';
import type { RelatedResult } from '@/lib/related/gather';
import type { StoryGroup } from '@/lib/contracts/related';

const NOW = Date.parse('2014-03-20T15:00:00Z');
const result: RelatedResult = {
  articleUrl: 'https://reader.example/a',
  fetchedAt: NOW,
  groups: [
    {
      items: [
        {
          item: { id: '1', title: 'Walmart <b>to</b> buy used games', url: 'https://cnbc.example/1', source: 'CNBC', publishedAt: '2014-03-20T13:00:00Z', country: 'US' },
          score: 3,
          alsoFrom: ['Yahoo', 'MSN'],
        },
        { item: { id: '2', title: 'Wal-Mart enters game trade-ins', url: 'https://guardian.example/2', source: 'The Guardian', publishedAt: '2014-03-20T12:00:00Z', country: 'GB' }, score: 2, alsoFrom: [] },
      ],
      outlets: ['CNBC', 'Yahoo', 'MSN', 'The Guardian'],
      countries: ['US', 'GB'],
    },
  ],
  sources: [
    { id: 'feeds', ok: true, count: 2 },
    { id: 'gdelt', ok: false, kind: 'service', error: 'GDELT did not search: keyword too short' },
  ],
};

/** The real English strings, so a key missing from messages.json shows up as a failure. */
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => {
    const subs = [substitutions ?? []].flat();
    return messages[key]?.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') ?? '';
  }) as never);
});

let host: HTMLElement;
function show(props: Parameters<typeof RelatedCoverage>[0]): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(<RelatedCoverage {...props} />, host);
  return host;
}
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('RelatedCoverage', () => {
  it('shows each item as a link with outlet, time and folded copies, and the coverage count', () => {
    const root = show({ result, refreshing: false, now: NOW });
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[data-testid=related-item] a')];
    expect(links.map((a) => [a.textContent, a.href, a.rel])).toEqual([
      ['Walmart <b>to</b> buy used games', 'https://cnbc.example/1', 'noopener noreferrer'],
      ['Wal-Mart enters game trade-ins', 'https://guardian.example/2', 'noopener noreferrer'],
    ]);
    // Text stays text: markup in a title is never parsed into elements.
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2014-03-20T13:00:00Z');
    expect(root.querySelector('[data-testid=related-item] span[title]')?.getAttribute('title')).toBe('Yahoo, MSN');
    expect(root.querySelector('[data-testid=related-coverage]')?.textContent).toBe('4 outlets in 2 countries');
    expect(root.querySelector('[data-testid=related-item] span[title]')?.textContent).toBe(' · also from 2 more');
  });

  it('says "1 outlet" nowhere: stories from one outlet each run together in one list, each naming its outlet', () => {
    const single = (n: number): StoryGroup => ({ items: [{ item: { id: `s${n}`, title: `Story ${n}`, url: `https://one${n}.example/`, source: `Outlet ${n}`, publishedAt: '2014-03-20T13:00:00Z' }, score: 1, alsoFrom: [] }], outlets: [`Outlet ${n}`], countries: ['GB'] });
    const root = show({ result: { ...result, groups: [single(1), single(2), result.groups[0]!, single(3)] }, refreshing: false, now: NOW });
    expect(root.textContent).not.toMatch(/1 outlet/);
    const stories = [...root.querySelectorAll('[data-testid=related-story]')];
    expect(stories.map((s) => [s.querySelector('[data-testid=related-coverage]')?.textContent ?? null, s.querySelectorAll('[data-testid=related-item]').length])).toEqual([
      [null, 2],
      ['4 outlets in 2 countries', 2],
      [null, 1],
    ]);
    expect(stories[0]!.textContent).toContain('Outlet 1');
  });

  it('names a failing source with its reason while the others show', () => {
    const root = show({ result, refreshing: false, now: NOW });
    const errors = root.querySelectorAll('[data-testid=related-errors] li');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.getAttribute('data-source')).toBe('gdelt');
    expect(errors[0]!.textContent).toBe('GDELT: GDELT did not search: keyword too short');
    expect(root.querySelectorAll('[data-testid=related-item]')).toHaveLength(2);
  });

  it('says honestly when nothing was found, and shows a refresh under way', () => {
    const root = show({ result: { ...result, groups: [], sources: [{ id: 'feeds', ok: true, count: 0 }] }, refreshing: true, now: NOW });
    expect(root.querySelector('[data-testid=related-empty]')?.textContent).toMatch(/^No other outlet's coverage found yet/);
    expect(root.querySelector('[data-testid=related-refreshing]')).not.toBeNull();
    expect(root.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
  });

  it('shows no empty state before anything is cached', () => {
    const root = show({ result: null, refreshing: true, now: NOW });
    expect(root.querySelector('[data-testid=related-empty]')).toBeNull();
  });
});
