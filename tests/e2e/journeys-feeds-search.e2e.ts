/**
 * A reader's journeys through feeds and library search, in Chromium and Firefox ESR, by real
 * input only (see journeys-popup-library.e2e.ts for the style): a news site's address typed
 * into the options' feeds box finds the feed its page announces, listed by title, added with a
 * click and kept; a wrong address is refused next to the box and the complaint goes as the
 * reader types; a library search shows the passage that matched with the words emphasised, and
 * the sort says "Best match" only while searching. The test server stands for the news site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@/lib/contracts/records';
import type { FeedSubscription } from '@/lib/contracts/related';
import { axeViolations, send, waitFor } from './support/extension-ui';
import { startPageServer, type PageServer } from './support/server';
import { chromiumReader, clickOn, expectOnScreen, firefoxReader, scrollToWithWheel, shoot, type ReaderSession } from './support/reader';

const HOME = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Harbour Ledger</title>
<link rel="alternate" type="application/rss+xml" title="Harbour Ledger — Top stories" href="/feeds/top.xml">
</head><body><h1>The Harbour Ledger</h1><p>News from the harbour.</p></body></html>`;

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Ledger — Top stories</title><link>http://127.0.0.1/</link>
<item><title>Port of Tallinn expands its container terminal</title><link>http://127.0.0.1/port</link><pubDate>Sun, 06 Dec 2026 09:00:00 +0000</pubDate></item>
</channel></rss>`;

const ARTICLE = {
  url: 'https://news.example.com/2026/11/nordwind-baltic-grid',
  title: 'Nordwind agrees to buy Baltic Grid',
  text: 'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday. ' + 'The deal was announced after markets closed. '.repeat(6) + 'Analysts at Kestrel Bank said the price was steep, and the regulator may look again. ' + 'Shares were unchanged. '.repeat(6),
};

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ '/': HOME, '/feeds/top.xml': FEED });
});
afterAll(() => server?.close());

for (const [label, makeSession] of [['Chromium', chromiumReader], ['Firefox ESR', firefoxReader]] as const) {
  describe(label, () => {
    let ui: ReaderSession;
    const shot = (step: string) => `${ui.name}-${step}`;

    beforeAll(async () => {
      ui = await makeSession();
    });
    afterAll(() => ui?.close());

    it("options: a site's address typed into the feeds box finds its feed by title; a click adds it", async () => {
      const options = await ui.openExtensionPage('options.html');
      await waitFor(options, () => !!document.querySelector('[data-testid="feed-site"]'));
      await scrollToWithWheel(options, '[data-testid="feed-site"]');
      await clickOn(options, '[data-testid="feed-site"]');
      await options.type('not a site!!');
      await options.press('Enter');
      const refused = await expectOnScreen(options, '[data-testid="feed-site-error"]');
      expect(refused.text).toBe('“not a site!!” is not a web address. Paste the address of a news site, like www.example.com, or of its feed.');
      // The reader types the site's address instead: the complaint goes with the first key.
      await options.press('Control+a');
      await options.type(server.url('/'));
      expect(await options.evaluate(() => document.querySelector('[data-testid="feed-site-error"]')!.textContent)).toBe('');
      await clickOn(options, { selector: '[data-testid="find-feeds"]', text: 'Find feeds' });
      await waitFor(options, () => !!document.querySelector('[data-testid="found-feed"], [data-testid="feed-site-error"]:not(:empty)'), undefined, 20_000);
      expect(await options.evaluate(() => document.querySelector('[data-testid="feed-site-error"]')!.textContent)).toBe('');
      const found = await expectOnScreen(options, '[data-testid="found-feed"]');
      expect(found.text).toContain('Harbour Ledger — Top stories');
      expect((await expectOnScreen(options, '#found-feeds-title')).text).toBe(`1 feed on ${new URL(server.origin).host}`);
      expect(await axeViolations(options)).toEqual([]);
      await shoot(options, shot('options-feeds-found'));

      await clickOn(options, { selector: '[data-testid="add-found-feed"]', text: 'Add feed' });
      await waitFor(options, () => !!document.querySelector('[data-testid="feed-added"]'), undefined, 20_000);
      expect((await expectOnScreen(options, '[data-testid="feeds-status"]')).text).toBe('Added Harbour Ledger — Top stories.');
      expect((await expectOnScreen(options, '[data-testid="feed-list"] li')).text).toContain('Harbour Ledger — Top stories');
      const stored = await send<FeedSubscription[]>(options, 'listFeeds', {});
      expect(stored.map((f) => [f.url, f.title])).toEqual([[server.url('/feeds/top.xml'), 'Harbour Ledger — Top stories']]);
      expect(await axeViolations(options)).toEqual([]);
      await shoot(options, shot('options-feed-added'));
      await options.close();
    });

    it('library: a search shows the passage that matched with the words emphasised; "Best match" only while searching', async () => {
      const helper = await ui.openExtensionPage('options.html');
      await send<ArticleRecord>(helper, 'saveArticle', { ...ARTICLE, tags: [] });
      await helper.close();
      const library = await ui.openExtensionPage('library.html');
      await waitFor(library, () => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-query') === '', undefined, 15_000);
      expect(await library.evaluate(() => (document.querySelector('[data-testid="sort"]') as HTMLSelectElement).selectedOptions[0]!.textContent)).toBe('Newest saved');
      await clickOn(library, '[data-testid="search"]');
      await library.type('kestrel bank');
      await waitFor(library, () => !!document.querySelector('[data-testid="search-passage"] mark'), undefined, 15_000);
      const passage = await expectOnScreen(library, '[data-testid="search-passage"]');
      expect(passage.text).toContain('Analysts at Kestrel Bank said the price was steep');
      expect(passage.text.length).toBeLessThan(260);
      const marks = await library.evaluate(() => [...document.querySelectorAll('[data-testid="search-passage"] mark')].map((m) => m.textContent));
      expect(marks).toEqual(['Kestrel', 'Bank']);
      await expectOnScreen(library, { selector: '[data-testid="search-passage"] mark', text: 'Kestrel' });
      expect(await library.evaluate(() => (document.querySelector('[data-testid="sort"]') as HTMLSelectElement).selectedOptions[0]!.textContent)).toBe('Best match');
      expect(await axeViolations(library)).toEqual([]);
      await shoot(library, shot('library-search-passage'));
      await library.close();
    });
  });
}
