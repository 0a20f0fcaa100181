/**
 * The library page in Chromium and Firefox ESR: every saved article and highlight, full-text
 * search, a colour filter, export to JSON and W3C Web Annotation, re-import (the library stays
 * identical), refused imports (hostile, newer) that change nothing; axe-core on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chromiumUi, firefoxUi, send, waitFor, type UiPage, type UiSession } from './support/extension-ui';

const ARTICLES = [
  {
    url: 'https://news.example.com/2026/11/nordwind-baltic-grid',
    title: 'Nordwind agrees to buy Baltic Grid for €2.4bn',
    text: 'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday. The deal values the operator at 11 times earnings. Analysts at Kestrel Bank said the price was steep.',
    tags: ['energy'],
  },
  {
    url: 'https://markets.example.org/chips/tessel-results',
    title: 'Tessel Semiconductor shares jump after results',
    text: 'Shares of Tessel Semiconductor rose 12% after results. The company raised guidance for the year.',
    tags: ['chips'],
  },
];

interface Saved { id: string; text: string }

function selectorsFor(text: string, exact: string) {
  const start = text.indexOf(exact);
  return [
    { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

/** Types into the search box as a reader would and waits for the results of that text. */
async function search(page: UiPage, text: string): Promise<number> {
  await page.evaluate((value: string) => {
    const input = document.querySelector('[data-testid="search"]') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await waitFor(page, (value: string) => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-query') === value.trim(), text);
  return page.evaluate(() => document.querySelectorAll('[data-testid="library-entry"]').length);
}

/** Clicks an export button and answers the file's text (captured as the page hands it to the download). */
async function exportText(page: UiPage, testId: string): Promise<string> {
  return page.evaluate(async (id: string) => {
    const original = URL.createObjectURL.bind(URL);
    let captured: Blob | null = null;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      captured = blob as Blob;
      return original(blob);
    };
    (document.querySelector(`[data-testid="${id}"]`) as HTMLElement).click();
    // JSON and W3C exports read every record first: the file comes a little after the click.
    for (let waited = 0; !captured && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    URL.createObjectURL = original;
    return captured ? (captured as Blob).text() : '';
  }, testId);
}

/** Chooses a file in the import box; answers the outcome line and whether it was a success. */
async function importText(page: UiPage, text: string, name = 'import.json'): Promise<{ ok: string; text: string }> {
  await page.evaluate(({ text, name }) => {
    document.querySelector('[data-testid="import-outcome"]')?.remove();
    const input = document.querySelector('[data-testid="import-file"]') as HTMLInputElement;
    const files = new DataTransfer();
    files.items.add(new File([text], name, { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { text, name });
  return waitFor(page, () => {
    const el = document.querySelector('[data-testid="import-outcome"]');
    return el ? { ok: el.getAttribute('data-ok') ?? '', text: el.textContent ?? '' } : null;
  });
}

const withoutDate = (json: string) => json.replace(/"exportedAt": "[^"]*"/, '');

for (const makeSession of [chromiumUi, firefoxUi]) {
  describe(makeSession === chromiumUi ? 'Chromium' : 'Firefox ESR', () => {
    let ui: UiSession;
    beforeAll(async () => {
      ui = await makeSession();
    });
    afterAll(() => ui?.close());

    it('lists, searches, filters, exports and re-imports the library; refuses bad files without changes; no axe violations', async () => {
      const helper = await ui.openExtensionPage('options.html');
      const saved: Saved[] = [];
      for (const article of ARTICLES) saved.push(await send<Saved>(helper, 'saveArticle', article));
      await send(helper, 'addHighlight', { articleId: saved[0]!.id, colour: 'yellow', selectors: selectorsFor(saved[0]!.text, 'the price was steep'), note: 'Expensive <script>alert(1)</script>' });
      await send(helper, 'addHighlight', { articleId: saved[0]!.id, colour: 'green', selectors: selectorsFor(saved[0]!.text, '11 times earnings') });
      await send(helper, 'addHighlight', { articleId: saved[1]!.id, colour: 'blue', selectors: selectorsFor(saved[1]!.text, 'raised guidance') });

      const library = await ui.openExtensionPage('library.html');
      expect(await search(library, '')).toBe(2);
      expect(await library.evaluate(() => document.querySelectorAll('[data-testid="highlight"]').length)).toBe(3);
      // Title, article text, highlight note (the note's markup is text), prefix of the last word.
      expect(await search(library, 'tessel')).toBe(1);
      expect(await search(library, 'kestrel bank')).toBe(1);
      expect(await search(library, 'expensive')).toBe(1);
      expect(await library.evaluate(() => document.querySelector('[data-testid="highlight-note"]')?.textContent)).toBe('Expensive <script>alert(1)</script>');
      expect(await library.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
      expect(await search(library, 'guid')).toBe(1);
      expect(await search(library, 'zeppelin')).toBe(0);
      await search(library, '');
      await library.evaluate(() => {
        const select = document.querySelector('[data-testid="filter-colour"]') as HTMLSelectElement;
        select.value = 'green';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await waitFor(library, () => document.querySelectorAll('[data-testid="highlight"]').length === 1);
      expect(await axeViolations(library)).toEqual([]);

      const json = await exportText(library, 'export-json');
      const before = JSON.parse(json) as { articles: unknown[]; highlights: unknown[] };
      expect([before.articles.length, before.highlights.length]).toEqual([2, 3]);
      const again = await importText(library, json);
      expect(again.ok).toBe('true');
      expect(again.text).toMatch(/0 added, 0 updated, 5 already here/);
      expect(withoutDate(await exportText(library, 'export-json'))).toBe(withoutDate(json));

      const w3c = await exportText(library, 'export-w3c');
      expect(JSON.parse(w3c)).toMatchObject({ type: 'AnnotationCollection', total: 3 });
      expect((await importText(library, w3c, 'annotations.jsonld')).text).toMatch(/0 added, 0 updated, 3 already here/);

      const hostile = JSON.parse(json) as { articles: { url: string }[] };
      hostile.articles[0]!.url = 'javascript:alert(document.domain)';
      const refused = await importText(library, JSON.stringify(hostile));
      expect(refused.ok).toBe('false');
      expect(refused.text).toMatch(/Nothing was imported.*is not an http\(s\) address/);
      const newer = await importText(library, JSON.stringify({ ...JSON.parse(json), version: 99 }));
      expect(newer.text).toMatch(/newer Newsmark/);
      expect((await importText(library, '{"format":"newsmark-library","version":1,"articles":[')).text).toMatch(/not valid JSON/);
      expect(withoutDate(await exportText(library, 'export-json'))).toBe(withoutDate(json));
    });
  });
}
