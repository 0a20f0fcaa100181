/**
 * A reader's journey to a company's dossier, in Chromium and Firefox ESR, by real input: in the
 * library the company filter is chosen by keyboard, the link to the company's dossier clicked;
 * the dossier shows the company's facts, its articles newest first with the sentences that name
 * it and their figures, the reader's highlight, a painted chart, and exports as Markdown by a click.
 * The reader writes a note on the company by typing into its dossier and finds it there after a
 * reload; articles saved without company ids are indexed in the background while the companies
 * index, open, tells how far it is ("Indexing your library: 40 of 200 articles").
 * The library is seeded through the background's messages (not a reader's action under test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, SavedEntity } from '@/lib/contracts/records';
import { popupAddress } from '../../lib/messaging/popup-address';
import { axeViolations, findTabId, send, waitFor } from './support/extension-ui';
import { readBySelecting, uiBox, waitForUi } from './support/seen';
import { startPageServer, type PageServer } from './support/server';
import { chromiumReader, clickOn, everyTabUrl, expectOnScreen, firefoxReader, scrollToWithWheel, shoot, type ReaderPage, type ReaderSession } from './support/reader';

const NORDWIND = { id: 'nordwind-energy', name: 'Nordwind Energy', country: 'Denmark', ticker: 'CPH:NWE', industry: 'Utilities' };

function company(text: string, words: string, nth = 0): SavedEntity {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  return { type: 'company', start, end: start + words.length, text: words, ...NORDWIND };
}

function figure(text: string, words: string, type: 'money' | 'percent', value: number, currency?: string): SavedEntity {
  const start = text.indexOf(words);
  return { type, start, end: start + words.length, text: words, value, ...(currency ? { currency } : {}) };
}

const TAKEOVER = 'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday. The deal values the operator at 11 times earnings. Analysts at Kestrel Bank said the price was steep.';
const RESULTS = 'Nordwind reported revenue of €640 million, up 8% on the year. Its shares rose in Copenhagen.';
const OTHER = 'Tessel Semiconductor shares rose 12% after results.';

const SEEDED = [
  { url: 'https://news.example.com/2026/11/nordwind-baltic-grid', title: 'Nordwind agrees to buy Baltic Grid for €2.4bn', publisher: 'Harbour Ledger', publishedAt: '2026-11-09T08:00:00Z', text: TAKEOVER,
    entities: [company(TAKEOVER, 'Nordwind Energy'), figure(TAKEOVER, '€2.4 billion', 'money', 2.4e9, 'EUR')] },
  { url: 'https://markets.example.org/nordwind-results', title: 'Nordwind revenue climbs', publisher: 'Markets Daily', publishedAt: '2026-11-26T08:00:00Z', text: RESULTS,
    entities: [company(RESULTS, 'Nordwind'), figure(RESULTS, '€640 million', 'money', 6.4e8, 'EUR'), figure(RESULTS, '8%', 'percent', 8)] },
  { url: 'https://markets.example.org/tessel', title: 'Tessel shares jump', publishedAt: '2026-11-20T08:00:00Z', text: OTHER, entities: [] },
];
const NOTE = 'Steep, but the grid earns a regulated return';

function selectorsFor(text: string, exact: string) {
  const start = text.indexOf(exact);
  return [
    { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

/** A news article naming a company the gazetteer knows, for the card journey. */
const STORY_TITLE = 'Siemens Energy wins North Sea grid order';
const STORY = 'Siemens Energy won a €2.1 billion order on Tuesday to build converter stations for the North Sea grid. Shares of Siemens Energy rose 4 percent in Frankfurt after the award, while analysts called the price competitive and the margins thin.';
const storyPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${STORY_TITLE}</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${STORY_TITLE}","datePublished":"2026-11-30T10:00:00Z"}</script>
<meta property="og:type" content="article"></head><body><article><h1>${STORY_TITLE}</h1><p>By Jane Doe</p><p>${STORY}</p><p>${STORY}</p></article></body></html>`;

const COMPANY_NOTE = 'Watch the Baltic Grid deal: regulator decides in March';

/** Articles as an older release saved them (no entities), long enough that indexing them takes a while. */
const OLD_SAVES = 120;
const oldStory = (i: number) =>
  `Huawei shipped ${i + 3} new base stations to operators in the north this week, the company said. ` +
  Array.from({ length: 30 }, (_, j) => `Demand for network equipment rose in month ${j + 2} while component prices eased. `).join('');

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ '/story': storyPage });
});
afterAll(() => server?.close());

const textOf = (page: ReaderPage, selector: string) => page.evaluate((s: string) => [...document.querySelectorAll<HTMLElement>(s)].map((e) => e.innerText.replace(/\s+/g, ' ').trim()), selector);

for (const [label, makeSession] of [['Chromium', chromiumReader], ['Firefox ESR', firefoxReader]] as const) {
  describe(label, () => {
    let ui: ReaderSession;

    beforeAll(async () => {
      ui = await makeSession();
      const helper = await ui.openExtensionPage('options.html');
      const saved: ArticleRecord[] = [];
      for (const article of SEEDED) saved.push(await send<ArticleRecord>(helper, 'saveArticle', article));
      await send(helper, 'addHighlight', { articleId: saved[0]!.id, colour: 'pink', selectors: selectorsFor(TAKEOVER, 'the price was steep'), note: NOTE });
      await helper.close();
    });
    afterAll(() => ui?.close());

    it("from the library's company filter to the company's dossier: facts, timeline with figures, highlight, chart, Markdown export", async () => {
      const library = await ui.openExtensionPage('library.html');
      await waitFor(library, () => document.querySelectorAll('[data-testid="library-entry"]').length === 3 && document.querySelectorAll('#filter-company option').length >= 2, undefined, 15_000);

      // A click on the label focuses the list (a click on the list opens the browser's own drop-down); typing picks.
      await clickOn(library, { selector: 'label[for="filter-company"]' });
      await library.type('Nordwind');
      await waitFor(library, () => document.querySelectorAll('[data-testid="library-entry"]').length === 2);
      await clickOn(library, { selector: '[data-testid="open-dossier"]', text: 'Everything about Nordwind Energy in your library' });

      await waitFor(library, () => location.pathname.endsWith('/dossier.html') && !!document.querySelector('[data-testid="dossier-timeline"]'), undefined, 15_000);
      expect(await library.evaluate(() => document.title)).toBe('Nordwind Energy — Newsmark dossier');
      await expectOnScreen(library, { selector: 'h1', text: 'Nordwind Energy' });
      const facts = (await textOf(library, '[data-testid="dossier-facts"]'))[0]!;
      for (const words of ['Listing CPH:NWE', 'Country Denmark', 'Industry Utilities', '2 saved articles · 2 mentions']) expect(facts).toContain(words);

      // The chart is on screen and painted: its bars are drawn in the accent colour.
      const chart = await expectOnScreen(library, '[data-testid="dossier-chart"]');
      expect(chart.height).toBeGreaterThan(40);
      expect(await library.evaluate(() => document.querySelectorAll('[data-testid="dossier-chart"] rect.week').length)).toBe(2);

      const entries = await textOf(library, '[data-testid="dossier-timeline"] > li');
      expect(entries).toHaveLength(2);
      expect(entries[0]).toContain('Nordwind revenue climbs');
      expect(entries[0]).toContain('Nordwind reported revenue of €640 million, up 8% on the year.');
      expect(entries[0]).toContain('Markets Daily');
      expect(entries[1]).toContain('Nordwind agrees to buy Baltic Grid for €2.4bn');
      expect(await textOf(library, '[data-testid="dossier-timeline"] > li:first-child .chip')).toEqual(['€640 million', '8%']);

      await scrollToWithWheel(library, '[data-testid="dossier-highlights"]');
      const highlight = await expectOnScreen(library, { selector: '[data-testid="dossier-highlights"] li', text: NOTE });
      expect(highlight.text).toContain('the price was steep');
      expect(await axeViolations(library)).toEqual([]);
      await shoot(library, `${ui.name}-dossier`);

      await scrollToWithWheel(library, { selector: 'button', text: 'Export as Markdown' });
      const file = await library.download(async () => void (await clickOn(library, { selector: 'button', text: 'Export as Markdown' })));
      expect(file.name).toMatch(/^newsmark-dossier-nordwind-energy-\d{4}-\d\d-\d\d\.md$/);
      expect(file.text).toContain('# Nordwind Energy');
      expect(file.text).toContain('- money: €640 million = 640000000 EUR');
      expect(file.text).toContain(NOTE);
      await library.close();
    });

    it("a company's hover card, once a saved article names it, opens its dossier with a click", async () => {
      const url = server.url('/story');
      const article = await ui.openPage(url);
      const helper = await ui.openExtensionPage('options.html');
      const tabId = await findTabId(helper, STORY_TITLE);
      // Saved from the popup as a reader saves it: its entities are stored with it.
      const popup = await ui.openExtensionPage(popupAddress(tabId, url));
      await waitFor(popup, () => !!document.querySelector('[data-testid="save"]'), undefined, 15_000);
      await clickOn(popup, { selector: 'button', text: 'Save this article' });
      await waitFor(popup, () => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-saved') === 'true');
      await popup.close();

      const mark = await article.evaluate(() => {
        const range = [...(CSS.highlights.get('newsmark-tint-company') ?? [])][0] as Range;
        const r = range.getClientRects()[0]!;
        return { x: r.left + Math.min(12, r.width / 2), y: r.top + r.height / 2 };
      });
      await article.mouseMove(4, mark.y);
      await article.mouseMove(mark.x, mark.y, 3);
      // The dossier button appears with the count of saved articles naming the company: read
      // the card as a reader would until the count is there (its height alone cannot tell: a
      // company with many facts makes a tall card before the count arrives).
      let card = await waitForUi(article, 'card');
      await expect
        .poll(async () => readBySelecting(article, (card = (await uiBox(article, 'card')) ?? card)), { timeout: 10_000 })
        .toMatch(/In your library [1-9]\d* saved article/);
      await shoot(article, `${ui.name}-card-with-dossier`);
      // The card's last button, at the right end of its row of actions (12 px padding, 10 px below).
      await article.mouseClick(card.left + card.width - 24, card.top + card.height - 20);
      await expect
        .poll(async () => (await everyTabUrl(ui, helper)).map(decodeURIComponent).find((u) => u.includes('/dossier.html?company=')), { timeout: 10_000 })
        .toMatch(/company=.*siemens/i);
      await helper.close();
      await article.close();
    });

    it('writes a note on the company in its dossier, saved by a click, and finds it there after a reload', async () => {
      const dossier = await ui.openExtensionPage('dossier.html?company=nordwind-energy');
      await waitFor(dossier, () => !!document.querySelector('#company-note-text'), undefined, 15_000);
      await scrollToWithWheel(dossier, '#company-note-text');
      await expectOnScreen(dossier, { selector: 'label[for="company-note-text"]', text: 'Your note on Nordwind Energy' });
      await clickOn(dossier, '#company-note-text');
      await dossier.type(COMPANY_NOTE);
      await clickOn(dossier, { selector: 'button', text: 'Save note' });
      await waitFor(dossier, () => document.querySelector('[data-testid="company-note"] [role="status"]')?.textContent === 'Note saved.');
      await expectOnScreen(dossier, { selector: '[data-testid="company-note"] [role="status"]', text: 'Note saved.' });

      await dossier.evaluate(() => {
        (window as unknown as { beforeReload?: boolean }).beforeReload = true;
        setTimeout(() => location.reload(), 0);
      });
      await waitFor(dossier, (note: string) => !(window as unknown as { beforeReload?: boolean }).beforeReload && document.querySelector<HTMLTextAreaElement>('#company-note-text')?.value === note, COMPANY_NOTE, 15_000);
      await scrollToWithWheel(dossier, '#company-note-text');
      await expectOnScreen(dossier, '#company-note-text');
      expect(await dossier.evaluate(() => document.querySelector<HTMLTextAreaElement>('#company-note-text')!.value)).toBe(COMPANY_NOTE);
      await shoot(dossier, `${ui.name}-dossier-note`);
      await dossier.close();
    });

    it('indexes articles saved without their companies while the companies index tells how far it is, then lists the company', async () => {
      const index = await ui.openExtensionPage('dossier.html');
      await waitFor(index, () => !!document.querySelector('[data-testid="company-index"]'), undefined, 15_000);
      // Every progress line the page shows, with whether it lay inside the viewport, as it shows it.
      await index.evaluate(() => {
        const seen: { text: string; inside: boolean }[] = [];
        (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
        new MutationObserver(() => {
          const line = document.querySelector<HTMLElement>('[data-testid="dossier-indexing"]');
          if (!line) return;
          const r = line.getBoundingClientRect();
          seen.push({ text: line.innerText, inside: r.height > 0 && r.top >= 0 && r.bottom <= document.documentElement.clientHeight });
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const helper = await ui.openExtensionPage('options.html');
      for (let i = 0; i < OLD_SAVES; i++) await send(helper, 'saveArticle', { url: `https://archive.example.net/huawei/${i}`, title: `Huawei dispatch ${i}`, text: oldStory(i) });
      await helper.close();

      // Done: every saved article is in Huawei's count, and the progress line has gone.
      await waitFor(index, (count: number) => !document.querySelector('[data-testid="dossier-indexing"]') &&
        document.querySelector<HTMLElement>('[data-testid="company-index"] li')?.innerText.startsWith(`Huawei ${count} saved articles`), OLD_SAVES, 90_000);
      const seen = await index.evaluate(() => (window as unknown as { progressSeen: { text: string; inside: boolean }[] }).progressSeen);
      expect(seen.length).toBeGreaterThan(0);
      for (const line of seen) expect(line.text).toMatch(/^Indexing your library: [\d,]+ of [\d,]+ articles?$/);
      expect(seen.every((line) => line.inside)).toBe(true);
      const huawei = await expectOnScreen(index, { selector: '[data-testid="company-index"] li', text: 'Huawei' });
      expect(huawei.text).toBe(`Huawei ${OLD_SAVES} saved articles · ${OLD_SAVES} mentions`);
      await index.close();
    });

    it('lists the companies the library names most, each a link to its dossier', async () => {
      const index = await ui.openExtensionPage('dossier.html');
      await waitFor(index, () => !!document.querySelector('[data-testid="company-index"] a'), undefined, 15_000);
      expect(await textOf(index, '[data-testid="company-index"] li')).toContain('Nordwind Energy 2 saved articles · 2 mentions');
      await clickOn(index, { selector: '[data-testid="company-index"] a', text: 'Nordwind Energy' });
      await waitFor(index, () => document.querySelector('h1')?.textContent === 'Nordwind Energy', undefined, 15_000);
      await index.close();
    });
  });
}
