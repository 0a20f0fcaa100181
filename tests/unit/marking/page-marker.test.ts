/**
 * PageMarker over a real DOM (happy-dom, which has no CSS Custom Highlight API: this also
 * exercises the element fallback), with the real extractor and recogniser.
 */
import { describe, expect, it } from 'vitest';
import { analyzeArticleSteps } from '@/lib/article';
import { recognize } from '@/lib/entities';
import { PageMarker, type PageMarkerServices } from '@/lib/marking/page-marker';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

const PARAGRAPHS = [
  'Nordwind Energy A/S said on Monday it had agreed to buy Baltic Grid Holdings for €2.4 billion in cash, its largest deal.',
  'The offer is 27% above the closing price. Shares of Baltic Grid jumped 24.6% while Nordwind fell 3.1% in Copenhagen.',
  'Nordwind Energy will fund the purchase with €1.5 billion of new bonds and a rights issue of about 900 million euros.',
  'Baltic Grid runs 5,800 kilometres of lines and serves about 2.1 million customers across Latvia and Lithuania today.',
];

function articlePage(): Document {
  document.open();
  document.write(`<!doctype html><html lang="en"><head><title>Nordwind buys Baltic Grid</title>
    <meta property="og:type" content="article"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Nordwind buys Baltic Grid"}</script></head>
    <body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav><article><h1>Nordwind buys Baltic Grid</h1>
    ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article><footer>© Example</footer></body></html>`);
  document.close();
  return document;
}

function services(shown: number[], counts: number[]): PageMarkerServices {
  return {
    analyze: (doc, forced) => analyzeArticleSteps(doc, { url: 'https://news.example/nordwind', readerAsked: forced }),
    recognize: async (text) => recognize(text),
    card: { show: (_m, index) => void shown.push(index), hide: () => undefined, isOwnUi: () => false },
    onMarked: (count) => void counts.push(count),
  };
}

const nextFrame = () => new Promise((r) => setTimeout(r, 30));

describe('PageMarker', () => {
  it('marks the article, steps through marks, and leaves the DOM exactly as it was when cleared', async () => {
    const doc = articlePage();
    const before = doc.body.innerHTML;
    const shown: number[] = [];
    const counts: number[] = [];
    const marker = new PageMarker(doc, window as never, DEFAULT_SETTINGS, services(shown, counts));

    const marked = await marker.run();
    expect(marked).toBeGreaterThanOrEqual(8);
    expect(counts).toEqual([marked]);
    expect(marker.state).toBe('marked');
    // No Highlight API here: the fallback wraps each mark in an element.
    const marks = [...doc.querySelectorAll('mark[data-newsmark]')].map((m) => `${m.getAttribute('data-newsmark')}:${m.textContent}`);
    expect(marks).toEqual(expect.arrayContaining(['money:€2.4 billion', 'percent:27%', 'money:900 million euros']));
    expect(doc.querySelector('nav mark, footer mark')).toBeNull();

    marker.focusStep(1);
    marker.focusStep(1);
    marker.focusStep(-1);
    await nextFrame();
    expect(shown).toEqual([0, 1, 0]);

    marker.applySettings(DEFAULT_SETTINGS, true);
    expect(marker.state).toBe('off');
    expect(doc.querySelectorAll('mark').length).toBe(0);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('marks only the types the reader keeps', async () => {
    const doc = articlePage();
    const settings = { ...DEFAULT_SETTINGS, markTypes: { company: false, money: true, percent: false, number: false } };
    const marker = new PageMarker(doc, window as never, settings, services([], []));
    await marker.run();
    const types = new Set([...doc.querySelectorAll('mark[data-newsmark]')].map((m) => m.getAttribute('data-newsmark')));
    expect([...types]).toEqual(['money']);
    marker.destroy();
  });

  it('does nothing on a page that is not an article unless asked', async () => {
    document.open();
    document.write(`<!doctype html><html><head><title>Markets</title></head><body><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/s/${i}">Stocks rise ${i}% as Apple Inc. gains</a></li>`).join('')}</ul></body></html>`);
    document.close();
    const counts: number[] = [];
    const marker = new PageMarker(document, window as never, DEFAULT_SETTINGS, services([], counts));
    expect(await marker.run()).toBe(0);
    expect(marker.state).toBe('not-article');
    expect(document.querySelectorAll('mark').length).toBe(0);
    marker.destroy();
  });
});

describe('PageMarker on request', () => {
  it('marks a short page the cheap gate turns away when the reader asks', async () => {
    document.open();
    document.write('<!doctype html><html><head><title>Note</title></head><body><main><p>Apple Inc. paid $5 million to Nordwind Energy A/S, up 3% on the year.</p></main></body></html>');
    document.close();
    const before = document.body.innerHTML;
    const marker = new PageMarker(document, window as never, DEFAULT_SETTINGS, services([], []));
    expect(await marker.run()).toBe(0);
    expect(await marker.run(true)).toBeGreaterThanOrEqual(3);
    expect([...document.querySelectorAll('mark[data-newsmark]')].map((m) => m.textContent)).toEqual(expect.arrayContaining(['Apple Inc.', '$5 million', '3%']));
    marker.destroy();
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('PageMarker pipeline slices', () => {
  it('gives the page back between extraction, recognition and painting', async () => {
    const doc = articlePage();
    const steps: string[] = [];
    const base = services([], []);
    const marker = new PageMarker(doc, window as never, DEFAULT_SETTINGS, {
      ...base,
      analyze: (d, forced) => (steps.push('analyze'), base.analyze(d, forced)),
      recognize: (text) => (steps.push('recognize'), base.recognize(text)),
      onMarked: () => void steps.push('paint'),
    });
    const between: string[][] = [];
    const probe = setInterval(() => between.push([...steps]), 5);
    await marker.run();
    clearInterval(probe);
    expect(steps).toEqual(['analyze', 'recognize', 'paint']);
    // The page ran other tasks after each step: some probe saw each partial state.
    expect(between).toContainEqual(['analyze']);
    expect(between).toContainEqual(['analyze', 'recognize']);
    marker.destroy();
  });

  it('runs as many steps as fit in a 10 ms slice, then waits for the next idle period', async () => {
    let now = 0;
    let stepsInSlice = 0;
    const slices: number[] = [];
    // The page's clock and idle callbacks, under the test's control.
    const win = Object.create(window, {
      performance: { value: { now: () => now } },
      requestIdleCallback: { value: (work: () => void) => (slices.push(stepsInSlice), (stepsInSlice = 0), setTimeout(work, 0)) },
      cancelIdleCallback: { value: (id: number) => clearTimeout(id) },
    });
    function* slow<T>(steps: Generator<void, T>): Generator<void, T> {
      for (let i = 0; i < 40; i++) {
        now += 3;
        stepsInSlice++;
        yield;
      }
      return yield* steps;
    }
    const base = services([], []);
    const marker = new PageMarker(articlePage(), win as never, DEFAULT_SETTINGS, { ...base, analyze: (d, forced) => slow(base.analyze(d, forced)) });
    expect(await marker.run()).toBeGreaterThan(0);
    // 3 ms steps: four fill a slice (12 ms >= 10), so 40 steps take ten slices, not forty.
    expect(Math.max(...slices)).toBe(4);
    expect(slices.filter((n) => n > 0)).toHaveLength(10);
    marker.destroy();
  });

  it('stops a run that clear() overtook, leaving no marks behind', async () => {
    const doc = articlePage();
    const before = doc.body.innerHTML;
    const counts: number[] = [];
    const marker = new PageMarker(doc, window as never, DEFAULT_SETTINGS, services([], counts));
    const running = marker.run();
    marker.clear();
    expect(await running).toBe(-1);
    expect(counts).toEqual([]);
    expect(doc.querySelectorAll('mark').length).toBe(0);
    expect(doc.body.innerHTML).toBe(before);
  });
});

describe('PageMarker when recognition fails', () => {
  it('paints nothing and leaves the page as it was when the background cannot answer', async () => {
    const doc = articlePage();
    const before = doc.body.innerHTML;
    const counts: number[] = [];
    const marker = new PageMarker(doc, window as never, DEFAULT_SETTINGS, {
      ...services([], counts),
      recognize: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    });
    await expect(marker.run()).rejects.toThrow('Receiving end does not exist');
    expect(marker.markCount).toBe(0);
    expect(marker.state).not.toBe('marked');
    expect(counts).toEqual([]);
    expect(doc.body.innerHTML).toBe(before);
    marker.destroy();
  });
});

describe('PageMarker when the page changes mid-run', () => {
  it('does not paint entities whose words changed between extraction and painting', async () => {
    const doc = articlePage();
    const base = services([], []);
    const marker = new PageMarker(doc, window as never, DEFAULT_SETTINGS, {
      ...base,
      recognize: async (text) => {
        const entities = await base.recognize(text);
        // The page rewrites its text after extraction, before painting.
        const first = doc.querySelector('article p')!.firstChild as Text;
        first.data = first.data.replace('Nordwind Energy A/S', 'Somebody').replace('€2.4 billion', 'a sum');
        return entities;
      },
    });
    await marker.run();
    const marked = [...doc.querySelectorAll('mark[data-newsmark]')].map((m) => m.textContent);
    expect(marked).not.toContain('€2.4 billion');
    expect(marked.every((text) => text && !text.includes('Somebody') && !text.includes('a sum'))).toBe(true);
    expect(marked).toContain('27%');
    marker.destroy();
  });
});
