/**
 * The library page in Chromium and Firefox ESR: every saved article and highlight, full-text
 * search, a colour filter, export to JSON and W3C Web Annotation, re-import (the library stays
 * identical), refused imports (hostile, newer) that change nothing; axe-core on the page.
 * The reader's actions are real input: typing in the search box, the keyboard on the colour
 * filter, mouse clicks on the export buttons (the file checked is the one the browser
 * downloaded), files chosen in the import box (see `ReaderPage.chooseFile` for Firefox). The
 * library is seeded through the background's messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, send, waitFor } from './support/extension-ui';
import { chromiumReader, clickOn, firefoxReader, scrollToWithWheel, type ReaderPage, type ReaderSession } from './support/reader';

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

/**
 * Searches as a reader does: clicks the search box, selects what it holds (Ctrl+A) and types
 * over it (an empty search: deletes it); waits for the results of that text.
 */
async function search(page: ReaderPage, text: string): Promise<number> {
  await scrollToWithWheel(page, '[data-testid="search"]');
  await clickOn(page, '[data-testid="search"]');
  await page.press('Control+A');
  if (text) await page.type(text);
  else await page.press('Backspace');
  await waitFor(page, (value: string) => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-query') === value.trim(), text);
  return page.evaluate(() => document.querySelectorAll('[data-testid="library-entry"]').length);
}

/** Clicks an export button with the mouse and answers the file the browser downloaded. */
async function exportText(page: ReaderPage, testId: string): Promise<string> {
  const button = `[data-testid="${testId}"]`;
  await scrollToWithWheel(page, button);
  return (await page.download(async () => void (await clickOn(page, button)))).text;
}

/** Chooses a file in the import box as a reader does; answers the outcome line and whether it was a success. */
async function importText(page: ReaderPage, text: string, name = 'import.json'): Promise<{ ok: string; text: string }> {
  // The outcome line now shown, if any, is marked: the one to wait for is the next.
  await page.evaluate(() => document.querySelector('[data-testid="import-outcome"]')?.setAttribute('data-seen', ''));
  await scrollToWithWheel(page, '[data-testid="import-file"]');
  await page.chooseFile('[data-testid="import-file"]', { name, text });
  return waitFor(page, () => {
    const el = document.querySelector('[data-testid="import-outcome"]:not([data-seen])');
    return el ? { ok: el.getAttribute('data-ok') ?? '', text: el.textContent ?? '' } : null;
  });
}

const withoutDate = (json: string) => json.replace(/"exportedAt": "[^"]*"/, '');

for (const makeSession of [chromiumReader, firefoxReader]) {
  describe(makeSession === chromiumReader ? 'Chromium' : 'Firefox ESR', () => {
    let ui: ReaderSession;
    beforeAll(async () => {
      ui = await makeSession();
    });
    afterAll(() => ui?.close());

    it('lists, searches, filters, exports and re-imports the library; refuses bad files without changes; no axe violations', async ({ task }) => {
      // The test counts what the library holds: a second try (see vitest.e2e.config.ts) starts
      // in a fresh browser, not among the records the first try left.
      if (task.result?.retryCount) {
        await ui.close();
        ui = await makeSession();
      }
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
      // The colour filter, by keyboard: a click on its label focuses the list (a click on the
      // list itself would open the browser's own drop-down, outside the page), typing picks.
      await clickOn(library, { selector: 'label[for="filter-colour"]' });
      expect(await library.evaluate(() => document.activeElement?.id)).toBe('filter-colour');
      await library.type('green');
      await waitFor(library, () => document.querySelectorAll('[data-testid="highlight"]').length === 1);
      expect(await axeViolations(library)).toEqual([]);

      const json = await exportText(library, 'export-json');
      const before = JSON.parse(json) as { articles: unknown[]; highlights: unknown[] };
      expect([before.articles.length, before.highlights.length]).toEqual([2, 3]);
      const again = await importText(library, json);
      expect(again.ok).toBe('true');
      expect(again.text).toMatch(/0 added, 0 updated, 5 already here/);
      expect(withoutDate(await exportText(library, 'export-json'))).toBe(withoutDate(json));

      // A file with a newer version of one of the reader's highlights (edited on another device
      // since): nothing is replaced until the reader says so. Cancel keeps theirs; a second try
      // with "Import and replace" takes the file's.
      const edited = JSON.parse(json) as { highlights: { note: string; updatedAt: string; clocks: Record<string, string> }[] };
      const later = `9${edited.highlights[0]!.updatedAt.slice(1)}`;
      Object.assign(edited.highlights[0]!, { note: 'Edited elsewhere', updatedAt: later, clocks: { ...edited.highlights[0]!.clocks, note: later } });
      await scrollToWithWheel(library, '[data-testid="import-file"]');
      await library.chooseFile('[data-testid="import-file"]', { name: 'other-device.json', text: JSON.stringify(edited) });
      const question = await waitFor(library, () => (document.querySelector('[data-testid="import-confirm"]') as HTMLElement | null)?.innerText);
      expect(question).toMatch(/other-device\.json holds a newer version of 1 of your highlights or articles/);
      await clickOn(library, '[data-testid="import-confirm-cancel"]');
      expect(await waitFor(library, () => document.querySelector('[data-testid="import-outcome"]')?.textContent)).toBe('Nothing was imported. You kept your own versions.');
      expect(withoutDate(await exportText(library, 'export-json'))).toBe(withoutDate(json));
      await scrollToWithWheel(library, '[data-testid="import-file"]');
      await library.chooseFile('[data-testid="import-file"]', { name: 'other-device.json', text: JSON.stringify(edited) });
      await waitFor(library, () => !!document.querySelector('[data-testid="import-confirm"]'));
      // The question takes the focus on its yes.
      expect(await library.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-confirm-replace');
      await clickOn(library, '[data-testid="import-confirm-replace"]');
      expect(await waitFor(library, () => document.querySelector('[data-testid="import-outcome"]')?.textContent)).toMatch(/0 added, 1 updated, 4 already here/);
      const current = await exportText(library, 'export-json');
      expect((JSON.parse(current) as { highlights: { note: string }[] }).highlights.map((h) => h.note)).toContain('Edited elsewhere');

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
      expect(withoutDate(await exportText(library, 'export-json'))).toBe(withoutDate(current));
    });
  });
}
