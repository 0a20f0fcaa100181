// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, HighlightRecord, SavedEntity } from '@/lib/contracts/records';
import { buildDossier } from '@/lib/dossier/model';
import { dossierToJson, dossierToMarkdown } from '@/lib/dossier/export';
import { companiesNamedMost } from '@/lib/dossier/top';
import { mentionRows, summariesOf } from '@/lib/db/company-mentions';
import { mentionsPerWeek, weekStart } from '@/lib/dossier/weeks';

/** Entities found by their words in `text` (each word's n-th occurrence), as recognition stores them. */
function entity(text: string, words: string, extra: Partial<SavedEntity>, nth = 0): SavedEntity {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" not in text`);
  return { type: 'company', start, end: start + words.length, text: words, ...extra };
}

function article(id: string, text: string, entities: SavedEntity[], fields: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id, url: `https://news.example/${id}`, urls: [], title: `Story ${id}`, byline: null, publisher: 'The Example', publishedAt: null, language: 'en',
    text, entities, companyIds: [...new Set(entities.flatMap((e) => (e.type === 'company' && e.id ? [e.id] : [])))], tags: [], note: '',
    savedAt: Date.UTC(2026, 10, 1), updatedAt: '', deleted: false, clocks: {}, ...fields,
  };
}

function highlight(id: string, articleId: string, quote: string, fields: Partial<HighlightRecord> = {}): HighlightRecord {
  return { id, articleId, colour: 'yellow', note: '', tags: [], selectors: [], quote, createdAt: Date.UTC(2026, 10, 2), updatedAt: '', deleted: false, clocks: {}, ...fields };
}

const HUAWEI = { id: 'huawei', name: 'Huawei', country: 'China', industry: 'Telecommunications equipment', website: 'huawei.com' };
const takeover = 'Nordwind agreed to buy Huawei for €2.4 billion. The weather was mild. Huawei said revenue rose 12% to €640 million.';
const later = "Huawei's chip unit hired 200,000 engineers. Rivals watched.";
const other = 'Siemens opened a plant. It cost $1 billion.';

const articles = [
  article('a1', takeover, [
    entity(takeover, 'Nordwind', { id: 'nordwind', name: 'Nordwind' }),
    entity(takeover, 'Huawei', { ...HUAWEI }),
    { type: 'money', ...pos(takeover, '€2.4 billion'), value: 2.4e9, currency: 'EUR' },
    entity(takeover, 'Huawei', { ...HUAWEI }, 1),
    { type: 'percent', ...pos(takeover, '12%'), value: 12 },
    { type: 'money', ...pos(takeover, '€640 million'), value: 6.4e8, currency: 'EUR' },
  ], { publishedAt: '2026-11-24T08:00:00Z' }),
  article('a2', later, [entity(later, "Huawei's", { ...HUAWEI }), { type: 'number', ...pos(later, '200,000'), value: 200000 }], { publishedAt: '2026-12-03T08:00:00Z', publisher: null }),
  article('a3', other, [entity(other, 'Siemens', { id: 'siemens', name: 'Siemens' }), { type: 'money', ...pos(other, '$1 billion'), value: 1e9, currency: 'USD' }]),
  article('gone', takeover, [entity(takeover, 'Huawei', { ...HUAWEI })], { deleted: true }),
];

function pos(text: string, words: string) {
  const start = text.indexOf(words);
  return { start, end: start + words.length, text: words };
}

describe('a company dossier', () => {
  const highlights = [
    highlight('h1', 'a1', 'Huawei said revenue rose 12%', { note: '**Check** the margin', createdAt: Date.UTC(2026, 10, 25), tags: ['chips'] }),
    highlight('h2', 'a1', 'The weather was mild.', { createdAt: Date.UTC(2026, 10, 26) }),
    highlight('h3', 'a3', 'Siemens opened a plant.'),
    highlight('h4', 'a2', 'Rivals watched.', { deleted: true }),
  ];
  const dossier = buildDossier('huawei', articles, highlights)!;

  it('lists the live articles that name it, newest first, with their mentions and the sentences that name it', () => {
    expect(dossier.articles.map((a) => [a.id, a.mentions, a.dated])).toEqual([['a2', 1, 'published'], ['a1', 2, 'published']]);
    expect(dossier.articles[1]!.sentences.map((s) => s.text)).toEqual(['Nordwind agreed to buy Huawei for €2.4 billion.', 'Huawei said revenue rose 12% to €640 million.']);
    expect(dossier.mentions).toBe(3);
  });

  it('lines up the figures printed in the sentences that name it, with their values', () => {
    const [first, second] = dossier.articles[1]!.sentences;
    expect(first!.figures).toEqual([{ type: 'money', text: '€2.4 billion', value: 2.4e9, currency: 'EUR' }]);
    expect(second!.figures.map((f) => f.text)).toEqual(['12%', '€640 million']);
    // "It cost $1 billion" is in another article, about another company.
    expect(dossier.articles.flatMap((a) => a.sentences.flatMap((s) => s.figures.map((f) => f.text)))).not.toContain('$1 billion');
  });

  it('gives the facts the saved mentions carry, and the other ways it was written', () => {
    expect(dossier.facts).toMatchObject({ id: 'huawei', name: 'Huawei', country: 'China', website: 'huawei.com', otherNames: [] });
    const written = buildDossier('nordwind', [article('n', 'Nordwind Energy A/S rose. Nordwind fell.', [
      entity('Nordwind Energy A/S rose. Nordwind fell.', 'Nordwind Energy A/S', { id: 'nordwind', name: 'Nordwind Energy' }),
      entity('Nordwind Energy A/S rose. Nordwind fell.', 'Nordwind', { id: 'nordwind', name: 'Nordwind Energy' }, 1),
    ])], [])!;
    expect(written.facts.name).toBe('Nordwind Energy');
    expect(written.facts.otherNames).toEqual(['Nordwind', 'Nordwind Energy A/S']);
  });

  it("keeps the reader's live highlights on those articles, and says which name the company", () => {
    expect(dossier.highlights.map((h) => [h.id, h.namesCompany])).toEqual([['h2', false], ['h1', true]]);
  });

  it('counts mentions per week, empty weeks included', () => {
    expect(dossier.weeks.map((w) => [new Date(w.start).toISOString().slice(0, 10), w.mentions])).toEqual([['2026-11-23', 2], ['2026-11-30', 1]]);
  });

  it('is null for a company no live article names', () => {
    expect(buildDossier('nobody', articles, [])).toBeNull();
    expect(buildDossier('huawei', articles.filter((a) => a.id === 'gone'), [])).toBeNull();
  });

  it('exports as Markdown with page words escaped and the notes kept as Markdown', () => {
    const markdown = dossierToMarkdown(buildDossier('huawei', [...articles, article('a4', 'Huawei [sic] #1 *fell*.', [entity('Huawei [sic] #1 *fell*.', 'Huawei', { ...HUAWEI })], { title: 'Why [Huawei] #fell', url: 'https://x.example/a b>c', publishedAt: '2026-12-04' })], highlights)!);
    expect(markdown).toContain('# Huawei\n');
    expect(markdown).toContain('- Country: China');
    expect(markdown).toContain('### 2026-12-04 · [Why \\[Huawei\\] \\#fell](<https://x.example/a%20b%3Ec>) · The Example');
    expect(markdown).toContain('> Huawei \\[sic\\] \\#1 \\*fell\\*.');
    expect(markdown).toContain('- money: €2.4 billion = 2400000000 EUR');
    expect(markdown).toContain('    **Check** the margin');
  });

  it('exports as JSON stamped with its format', () => {
    const json = JSON.parse(dossierToJson(dossier, Date.UTC(2026, 11, 6)));
    expect(json).toMatchObject({ format: 'newsmark-dossier', version: 1, exportedAt: '2026-12-06T00:00:00.000Z', facts: { name: 'Huawei' } });
    expect(json.articles).toHaveLength(2);
  });
});

describe('the companies a library names most', () => {
  it('ranks by articles, then mentions, leaving deleted articles out', () => {
    expect(companiesNamedMost([...summariesOf(articles.flatMap((a) => mentionRows(a, 0))).values()]).map((c) => [c.id, c.articles, c.mentions])).toEqual([['huawei', 2, 3], ['nordwind', 1, 1], ['siemens', 1, 1]]);
  });
});

describe('weeks', () => {
  it('start on Monday in UTC', () => {
    expect(new Date(weekStart(Date.UTC(2026, 11, 6, 23))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(weekStart(Date.UTC(2026, 10, 30))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('are at most two years before the newest', () => {
    const weeks = mentionsPerWeek([{ time: Date.UTC(2016, 0, 1), mentions: 1 }, { time: Date.UTC(2026, 0, 1), mentions: 2 }]);
    expect(weeks).toHaveLength(104);
    expect(weeks.at(-1)!.mentions).toBe(2);
    expect(weeks.reduce((s, w) => s + w.mentions, 0)).toBe(2);
  });
});

describe("a company's coverage in the reader's feeds", () => {
  const item = (title: string, time: number, extra: { summary?: string; url?: string } = {}) => ({ id: title, title, url: extra.url ?? `https://x.example/${time}`, source: 'Wire', publishedAt: '', time, ...(extra.summary ? { summary: extra.summary } : {}) });
  it('finds items naming it as a whole word in title or summary, newest first, one per address', async () => {
    const { coverageNaming } = await import('@/lib/dossier/coverage');
    const items = [
      item('Nordwind shares slide', 1),
      item('Markets wrap', 3, { summary: 'NORDWIND and Baltic Grid led the day.' }),
      item('Nordwinds of change in Riga', 4),
      item('Wind power (nordwind.example) news', 5),
      item('Nordwind shares slide', 2, { url: 'https://x.example/1' }),
      item('Grid operators merge', 6),
    ];
    expect(coverageNaming(['Nordwind Energy', 'Nordwind'], items).map((c) => [c.title, c.time])).toEqual([
      ['Wind power (nordwind.example) news', 5],
      ['Markets wrap', 3],
      ['Nordwind shares slide', 2],
    ]);
    expect(coverageNaming(['AI', ''], items)).toEqual([]);
    expect(coverageNaming(['C++ (Corp)'], [item('C++ (Corp) rises', 1)])).toHaveLength(1);
  });
});
