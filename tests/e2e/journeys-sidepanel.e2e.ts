/**
 * The side panel as a reading companion, in Chromium and Firefox ESR: opened beside an article
 * (at the address that names the article's tab: no driver can open the browser's own panel), it
 * lists the article's companies and figures; a click on a company scrolls the article to its
 * mark and opens its card there, on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTabId, waitFor } from './support/extension-ui';
import { chromiumReader, clickOn, firefoxReader, shoot, type ReaderSession } from './support/reader';
import { viewportOf, waitForUi } from './support/seen';
import { startPageServer, type PageServer } from './support/server';

const TITLE = 'Vantor Rail wins Lisbon metro contract';
const FILLER = 'The council said the new line would change how the city moves, and residents along the route were consulted for months before the decision. '.repeat(6);
const STORY = [
  'Vantor Rail won a €1.8 billion contract on Tuesday to build the next line of the Lisbon metro, beating a rival bid.',
  FILLER,
  FILLER,
  'Shares of Vantor Rail rose 6 percent in Madrid after the award, while analysts at Kestrel Bank called the price competitive.',
];

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE} | Daily</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${TITLE}","datePublished":"2026-05-07T10:00:00Z"}</script>
<meta property="og:type" content="article"></head><body><article><h1>${TITLE}</h1><p>By Jane Doe</p>${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({ '/story': page });
});
afterAll(() => server?.close());

for (const [label, makeSession] of [['Chromium', chromiumReader], ['Firefox ESR', firefoxReader]] as const) {
  describe(label, () => {
    let ui: ReaderSession;
    beforeAll(async () => {
      ui = await makeSession();
    });
    afterAll(() => ui?.close());

    it("lists the article's companies and figures; a click on a company opens its card at the mark in the article", async () => {
      const article = await ui.openPage(server.url('/story'));
      await waitFor(article, () => (CSS.highlights?.size ?? 0) > 0, undefined, 15_000);
      const helper = await ui.openExtensionPage('options.html');
      const tabId = await findTabId(helper, TITLE);
      const panel = await ui.openExtensionPage(`sidepanel.html?tab=${tabId}`);
      await waitFor(panel, () => document.querySelector('main')?.getAttribute('data-ready') === 'true' && !!document.querySelector('[data-testid="companies"]'), undefined, 15_000);
      // The page reports itself once marked; the panel, open already, shows it when it does.
      await waitFor(panel, (title: string) => document.querySelector('main')?.innerText.includes(title), TITLE, 10_000);
      const figures = await panel.evaluate(() => [...document.querySelectorAll('[data-testid="figures"] [data-testid="entity"]')].map((e) => e.firstChild?.textContent));
      expect(figures).toEqual(expect.arrayContaining(['€1.8 billion']));
      await shoot(panel, `${ui.name}-side-panel`);

      // The mark of the later mention is below the fold; the click brings the first into view with its card.
      await article.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await clickOn(panel, { selector: '[data-testid="companies"] [data-testid="entity"]', text: 'Vantor Rail' });
      const card = await waitForUi(article, 'card');
      const viewport = await viewportOf(article);
      expect(card.top >= 0 && card.top + card.height <= viewport.height && card.left >= 0 && card.left + card.width <= viewport.width, `the card is off screen: ${JSON.stringify(card)}`).toBe(true);
      await shoot(article, `${ui.name}-side-panel-card`);
    });
  });
}
