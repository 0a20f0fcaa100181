/** The dossier page over a real (fake-indexeddb) library, with the English strings. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Dossier, type DossierServices } from '@/components/Dossier';
import { dossierServices } from '@/components/dossier-services';
import { addHighlight, unsaveArticle, saveArticle } from '@/lib/db/library';
import { describe as describeSelectors } from '@/lib/anchoring';
import { companyFromSearch, dossierAddress } from '@/lib/dossier/address';
import { saveCompanyNote } from '@/lib/db/company-notes';
import { indexSlice, queueUnindexed } from '@/lib/dossier/indexing';
import { recognize } from '@/lib/entities';
import type { NewsmarkDb } from '@/lib/db';
import type { CompanyCoverageResult } from '@/lib/contracts/related';
import { englishMessage } from '../components/english-messages';
import { freshDb } from '../library/seed';
import { mountUntil, settleUntil } from '../support/mount';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
});
afterEach(async () => {
  // Unmounted before the strings' mock goes: a page still watching the library would render without it.
  await act(async () => [...document.body.children].forEach((root) => render(null, root)));
  vi.restoreAllMocks();
  document.body.replaceChildren();
});


const FIRST = 'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday. Analysts were wary.';
const SECOND = 'Nordwind said revenue rose 12%. <b>Bold</b> claims followed.';
const company = (text: string, words: string) => ({ type: 'company' as const, start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words, id: 'nordwind', name: 'Nordwind Energy', country: 'Denmark', ticker: 'CPH:NWE' });

async function seed() {
  const db = freshDb();
  const a = await saveArticle(db, {
    url: 'https://news.example/one', title: 'Nordwind buys Baltic Grid', publisher: 'Example News', publishedAt: '2026-11-24T08:00:00Z', text: FIRST,
    entities: [company(FIRST, 'Nordwind Energy'), { type: 'money', start: FIRST.indexOf('€2.4 billion'), end: FIRST.indexOf('€2.4 billion') + 12, text: '€2.4 billion', value: 2.4e9, currency: 'EUR' }],
  }, 1_700_000_000_000);
  const b = await saveArticle(db, { url: 'https://news.example/two', title: 'Nordwind results', publishedAt: '2026-12-02T08:00:00Z', text: SECOND, entities: [company(SECOND, 'Nordwind')] }, 1_700_000_100_000);
  const start = FIRST.indexOf('Analysts were wary.');
  await addHighlight(db, { articleId: a.id, colour: 'pink', selectors: describeSelectors(FIRST, start, start + 19), note: 'ask <them>' }, 1_700_000_001_000);
  return { db, a, b };
}

describe('the dossier page', () => {
  it("shows the company's facts, its articles newest first with the sentences and figures, and the reader's highlights", async () => {
    const { db } = await seed();
    const root = await mountUntil(<Dossier services={dossierServices(db)} companyId="nordwind" />, (r) => !!r.querySelector('[data-testid="dossier-timeline"]'));
    expect(root.querySelector('h1')!.textContent).toBe('Nordwind Energy');
    const facts = root.querySelector('[data-testid="dossier-facts"]')!.textContent!;
    expect(facts).toContain('Denmark');
    expect(facts).toContain('CPH:NWE');
    expect(facts).toContain('2 saved articles · 2 mentions');
    const entries = [...root.querySelectorAll('[data-testid="dossier-timeline"] > li')];
    expect(entries.map((e) => e.querySelector('h3')!.textContent)).toEqual(['Nordwind results', 'Nordwind buys Baltic Grid']);
    expect(entries[0]!.querySelector('blockquote')!.textContent).toBe('Nordwind said revenue rose 12%.');
    expect(entries[1]!.textContent).toContain('named once');
    expect([...entries[1]!.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['€2.4 billion']);
    const highlight = root.querySelector('[data-testid="dossier-highlights"] li')!;
    expect(highlight.querySelector('blockquote')!.textContent).toBe('Analysts were wary.');
    // The reader's note is text, never markup.
    expect(highlight.querySelector('.note')!.textContent).toBe('ask <them>');
    expect(highlight.querySelector('them')).toBeNull();
    expect(root.querySelectorAll('[data-testid="dossier-chart"] rect')).toHaveLength(2);
  });

  it("lists other outlets' stories from the reader's feeds that name the company, newest first", async () => {
    const { db } = await seed();
    const now = Date.now();
    const stored = (title: string, ago: number) => ({ key: `f ${title}`, feedUrl: 'https://wire.example/rss', id: title, title, url: `https://wire.example/${ago}`, source: 'Wire', publishedAt: new Date(now - ago).toISOString(), time: now - ago, fetchedAt: now });
    await db.feedItems.bulkAdd([stored('Nordwind Energy bonds rally', 3_600_000), stored('Grid stocks fall', 7_200_000), stored('Why Nordwind paid up', 86_400_000)]);
    const root = await mountUntil(<Dossier services={dossierServices(db)} companyId="nordwind" />, (r) => !!r.querySelector('[data-testid="dossier-coverage"]'));
    expect([...root.querySelectorAll('[data-testid="dossier-coverage"] a')].map((a) => a.textContent)).toEqual(['Nordwind Energy bonds rally', 'Why Nordwind paid up']);
  });

  it("adds the stories the reader's news searches found, once each, and says which search failed; nothing when no search is on", async () => {
    const { db } = await seed();
    const now = Date.now();
    await db.feedItems.add({ key: 'f1', feedUrl: 'https://wire.example/rss', id: 'w1', title: 'Nordwind Energy bonds rally', url: 'https://wire.example/1', source: 'Wire', publishedAt: new Date(now).toISOString(), time: now, fetchedAt: now });
    const asked: string[][] = [];
    const searched = (result: CompanyCoverageResult): DossierServices => ({ ...dossierServices(db), searchCoverage: async (names) => (asked.push(names), result) });
    const found = {
      items: [
        { title: 'Nordwind Energy bonds rally', url: 'https://wire.example/1', source: 'Wire', time: now },
        { title: 'Regulator to review Nordwind bid', url: 'https://daily.example/nordwind', source: 'The Daily', time: now - 3_600_000 },
      ],
      sources: [{ id: 'google-news' as const, ok: true as const, count: 2 }, { id: 'gdelt' as const, ok: false as const, kind: 'timeout' as const, error: 'no answer in 8 seconds' }],
    };
    const root = await mountUntil(<Dossier services={searched(found)} companyId="nordwind" />, (r) => !!r.querySelector('[data-testid="dossier-search-coverage"]'));
    expect(asked).toEqual([['Nordwind Energy', 'Nordwind']]);
    expect(root.querySelector('#dossier-searches-title')!.textContent).toBe('From your news searches');
    expect([...root.querySelectorAll('[data-testid="dossier-search-coverage"] a')].map((a) => a.textContent)).toEqual(['Regulator to review Nordwind bid']);
    expect(root.querySelector('[data-testid="dossier-search-errors"]')!.textContent).toBe('GDELT: no answer in 8 seconds');

    await act(async () => render(null, root));
    const off = await mountUntil(<Dossier services={searched({ items: [], sources: [] })} companyId="nordwind" />, (r) => !!r.querySelector('[data-testid="dossier-coverage"]'));
    await settleUntil(off, () => asked.length === 2);
    expect(off.textContent).not.toContain('From your news searches');
  });

  it('follows the library: an article removed elsewhere leaves the dossier', async () => {
    const { db, b } = await seed();
    const root = await mountUntil(<Dossier services={dossierServices(db)} companyId="nordwind" />, (r) => r.querySelectorAll('[data-testid="dossier-timeline"] > li').length === 2);
    await act(async () => void (await unsaveArticle(db, b.id, 1_700_000_200_000)));
    await settleUntil(root, (r) => r.querySelectorAll('[data-testid="dossier-timeline"] > li').length === 1);
    expect(root.querySelectorAll('[data-testid="dossier-timeline"] > li')).toHaveLength(1);
  });

  it('exports the dossier as Markdown and JSON', async () => {
    const { db } = await seed();
    const downloads: [string, string, string][] = [];
    const services: DossierServices = { ...dossierServices(db), download: (...args) => void downloads.push(args) };
    const root = await mountUntil(<Dossier services={services} companyId="nordwind" />, (r) => !!r.querySelector('[data-testid="dossier-timeline"]'));
    const [markdown, json] = [...root.querySelectorAll<HTMLButtonElement>('.actions button')];
    await act(async () => markdown!.click());
    await settleUntil(root, () => downloads.length === 1);
    await act(async () => json!.click());
    await settleUntil(root, () => downloads.length === 2);
    expect(downloads.map(([name, type]) => [name.replace(/\d{4}-\d{2}-\d{2}/, 'DAY'), type])).toEqual([['newsmark-dossier-nordwind-energy-DAY.md', 'text/markdown'], ['newsmark-dossier-nordwind-energy-DAY.json', 'application/json']]);
    expect(downloads[0]![2]).toContain('# Nordwind Energy');
    expect(JSON.parse(downloads[1]![2]).articles).toHaveLength(2);
  });

  it('lists the companies the library names most when no company is named, each linking to its dossier', async () => {
    const { db } = await seed();
    const root = await mountUntil(<Dossier services={dossierServices(db)} companyId={null} />, (r) => !!r.querySelector('[data-testid="company-index"]'));
    const link = root.querySelector<HTMLAnchorElement>('[data-testid="company-index"] a')!;
    expect(link.textContent).toBe('Nordwind Energy');
    expect(companyFromSearch(new URL(link.href, 'chrome-extension://x/').search)).toBe('nordwind');
  });

  it('says so when no saved article names the company', async () => {
    const { db } = await seed();
    const root = await mountUntil(<Dossier services={dossierServices(db)} companyId="unknown" />, (r) => !!r.querySelector('[role="status"]'));
    expect(root.textContent).toContain('No saved article names this company any more.');
  });

  it("keeps the reader's note on the company: typed, saved, shown again on a new page, written as text, and exported", async () => {
    const { db } = await seed();
    const downloads: string[] = [];
    const services = (): DossierServices => ({
      ...dossierServices(db),
      // What the background does with the saveCompanyNote message.
      saveNote: async (companyId, companyName, note) => void (await saveCompanyNote(db, { companyId, companyName, note })),
      download: (_name, _type, text) => void downloads.push(text),
    });
    const root = await mountUntil(<Dossier services={services()} companyId="nordwind" />, (r) => !!r.querySelector('[data-testid="company-note"]'));
    expect(root.querySelector('label[for="company-note-text"]')!.textContent).toBe('Your note on Nordwind Energy');
    const box = root.querySelector<HTMLTextAreaElement>('#company-note-text')!;
    const save = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Save note')!;
    expect(save.disabled).toBe(true);
    await act(async () => {
      box.value = 'Overpaying for <b>grids</b>';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => save.click());
    await settleUntil(root, (r) => r.textContent!.includes('Note saved.'));
    expect(root.textContent).toContain('Note saved.');
    expect((await db.companyNotes.get('nordwind'))).toMatchObject({ note: 'Overpaying for <b>grids</b>', companyName: 'Nordwind Energy' });

    await act(async () => render(null, root));
    const again = await mountUntil(<Dossier services={services()} companyId="nordwind" />, (r) => r.querySelector<HTMLTextAreaElement>('#company-note-text')?.value === 'Overpaying for <b>grids</b>');
    expect(again.querySelector<HTMLTextAreaElement>('#company-note-text')!.value).toBe('Overpaying for <b>grids</b>');
    expect(again.querySelector('b')).toBeNull();
    await act(async () => [...again.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent === 'Export as Markdown')!.click());
    await settleUntil(again, () => downloads.length === 1);
    expect(downloads[0]).toContain('## Your note\n\nOverpaying for <b>grids</b>\n');
  });

  it('tells how far indexing older articles is, on the dossier and on the index, and shows the articles it finds', async () => {
    const { db } = await seed();
    const texts = ['Siemens Energy won an order for converter stations.', 'Apple sold fewer phones in China.', 'Siemens Energy shares rose 4 percent.'];
    for (const [i, text] of texts.entries()) await saveArticle(db, { url: `https://old.example/${i}`, title: `Old ${i}`, text }, 1_600_000_000_000 + i);
    await queueUnindexed(db);
    const slice = (d: NewsmarkDb) => indexSlice(d, { recognize, budgetMs: 0 });
    await slice(db);
    const root = await mountUntil(<Dossier services={dossierServices(db)} companyId="siemens-energy" />, (r) => !!r.querySelector('[data-testid="dossier-indexing"]'));
    expect(root.querySelector('[data-testid="dossier-indexing"]')!.textContent).toBe('Indexing your library: 1 of 3 articles');
    expect(root.querySelectorAll('[data-testid="dossier-timeline"] > li')).toHaveLength(1);
    await act(async () => void (await slice(db)));
    await act(async () => void (await slice(db)));
    await settleUntil(root, (r) => !r.querySelector('[data-testid="dossier-indexing"]') && r.querySelectorAll('[data-testid="dossier-timeline"] > li').length === 2);
    expect(root.querySelector('[data-testid="dossier-indexing"]')).toBeNull();
    expect(root.querySelectorAll('[data-testid="dossier-timeline"] > li')).toHaveLength(2);

    await saveArticle(db, { url: 'https://old.example/late', title: 'Late', text: 'Apple opened a store.' });
    await queueUnindexed(db);
    const index = await mountUntil(<Dossier services={dossierServices(db)} companyId={null} />, (r) => !!r.querySelector('[data-testid="dossier-indexing"]'));
    expect(index.querySelector('[data-testid="dossier-indexing"]')!.textContent).toBe('Indexing your library: 0 of 1 article');
  });

  it('lays out the newest 50 articles and highlights of a much-named company; "Show more" adds the next ones and takes the focus to the first added', async () => {
    const db = freshDb();
    const text = 'Nordwind said revenue rose 12%.';
    for (let i = 0; i < 120; i++) {
      const a = await saveArticle(db, { url: `https://news.example/${i}`, title: `Story ${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString(), text, entities: [company(text, 'Nordwind')] }, 1_700_000_000_000 + i);
      if (i < 60) await addHighlight(db, { articleId: a.id, colour: 'green', selectors: describeSelectors(text, 0, 8), note: '' }, 1_700_000_000_000 + i);
    }
    const root = await mountUntil(<Dossier services={dossierServices(db)} companyId="nordwind" />, (r) => !!r.querySelector('[data-testid="dossier-timeline"]'));
    const entries = () => [...root.querySelectorAll('[data-testid="dossier-timeline"] > li')];
    const more = (what: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.includes(`more ${what}`));
    // The counts and the chart still cover all 120.
    expect(root.querySelector('[data-testid="dossier-facts"]')!.textContent).toContain('120 saved articles');
    expect(entries()).toHaveLength(50);
    expect(entries()[0]!.querySelector('h3')!.textContent).toBe('Story 119');
    expect(root.querySelectorAll('[data-testid="dossier-highlights"] > li')).toHaveLength(50);
    expect(more('highlights')!.textContent).toBe('Show 10 more highlights (of 60)');
    expect(more('articles')!.textContent).toBe('Show 50 more articles (of 120)');

    await act(async () => more('articles')!.click());
    await settleUntil(root, () => entries().length === 100);
    expect(entries()).toHaveLength(100);
    expect(document.activeElement).toBe(entries()[50]);
    await act(async () => more('articles')!.click());
    await settleUntil(root, () => entries().length === 120);
    expect(entries()).toHaveLength(120);
    expect(entries()[119]!.querySelector('h3')!.textContent).toBe('Story 0');
    expect(document.activeElement).toBe(entries()[100]);
    expect(more('articles')).toBeUndefined();
  });

  it('reads its company from its address', () => {
    expect(companyFromSearch(new URL(dossierAddress('x:acme & co'), 'chrome-extension://x/').search)).toBe('x:acme & co');
    expect(companyFromSearch('?company=')).toBeNull();
    expect(dossierAddress(null)).toBe('dossier.html');
  });
});
