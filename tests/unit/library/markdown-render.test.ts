import { Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { articleToMarkdown, libraryToMarkdownDocument, tagName } from '@/lib/library/markdown-export';
import { escapedLines, escapeLine } from '@/lib/library/markdown-escape';
import { urlAtQuote } from '@/lib/library/text-fragment';
import { freshDb } from './seed';
import { seedRichLibrary } from './rich-seed';

const parser = new Parser();

/** Every node of a CommonMark document, in document order. */
function nodesOf(markdown: string): Node[] {
  const walker = parser.parse(markdown).walker();
  const nodes: Node[] = [];
  for (let step = walker.next(); step; step = walker.next()) if (step.entering) nodes.push(step.node);
  return nodes;
}

/** The text a paragraph shows, when it shows nothing but text; null when any markup was read. */
function plainTextOf(markdown: string): string | null {
  const nodes = nodesOf(markdown);
  const markup = nodes.filter((n) => !['document', 'paragraph', 'text', 'softbreak'].includes(n.type));
  if (markup.length || nodes.filter((n) => n.type === 'paragraph').length > 1) return null;
  return nodes.map((n) => (n.type === 'text' ? n.literal : n.type === 'softbreak' ? '\n' : '')).join('');
}

/** A heading's or paragraph's text: CommonMark splits text at each escape. */
function textOf(node: Node): string {
  const parts: string[] = [];
  for (let child = node.firstChild; child; child = child.next) parts.push(child.literal ?? textOf(child));
  return parts.join('');
}

/** Characters the notes apps read as syntax, written escaped wherever they must not count. */
const APP_SYNTAX = [/(?<!\\)#/, /(?<!\\)\[\[/, /(?<!\\)\(\(/, /(?<!\\)\{\{/, /(?<!\\)==/, /(?<!\\)%%/, /(?<!\\)\$/, /(?<!\\)\^/, /(?<!\\)::/];

describe('escaping the page\'s words', () => {
  it('shows any line as written in CommonMark, and leaves no Obsidian or Logseq syntax', () => {
    const syntaxy = fc.constantFrom(...'\\`*_[]<>#|~=$^&(){}%:!-+.)1 \tab'.split(''), '&amp;', '&#35;', '1.', '- ', '# ', '***', '---', '==', '[[x]]', '((y))', '<b>', 'http://a.b');
    fc.assert(fc.property(fc.array(fc.oneof(syntaxy, fc.string()), { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
      const line = text.replace(/[\r\n]/g, ' ');
      const expected = line.replace(/\u0000/g, '\uFFFD').trim();
      const escaped = escapeLine(line);
      if (!expected) expect(escaped).toBe('');
      else expect(plainTextOf(escaped)).toBe(expected);
      for (const pattern of APP_SYNTAX) expect(escaped).not.toMatch(pattern);
    }), { numRuns: 2000 });
  });

  it('keeps a multi-line quote one quoted paragraph: no heading, list or HTML inside it', () => {
    const quote = 'the *largest* deal\n# Not a heading\n1. not a list\n- nor this\n<b>bold</b> &amp; #deal';
    const markdown = escapedLines(quote).map((l) => `> ${l}`).join('\n');
    const nodes = nodesOf(markdown);
    expect([...new Set(nodes.map((n) => n.type))]).toEqual(['document', 'block_quote', 'paragraph', 'text', 'softbreak']);
    expect(nodes.filter((n) => n.type === 'softbreak')).toHaveLength(4);
  });
});

describe('the Markdown export of a realistic library', () => {
  async function files() {
    const db = freshDb();
    const lib = await seedRichLibrary(db);
    const article = (await db.articles.get(lib.articleId))!;
    const highlights = (await db.highlights.where('articleId').equals(article.id).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    return { article, highlights, lib, db };
  }

  it('writes front matter that is valid YAML holding the article as it is', async () => {
    const { article, highlights } = await files();
    const { content } = articleToMarkdown(article, highlights);
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(content)![1]!) as Record<string, unknown>;
    expect(front).toMatchObject({
      title: article.title, source: article.url, author: 'Zoë Ørsted', language: 'de',
      tags: ['M-A', 'supply-chain', 'énergie', '_2026'], newsmark_tags: ['M&A', 'supply chain', 'énergie', '2026'],
    });
  });

  it('shows the title and every quote as plain text, colours and tags visible, links to the passages, notes nested under their highlight', async () => {
    const { article, highlights } = await files();
    const body = articleToMarkdown(article, highlights).content.replace(/^---\n[\s\S]*?\n---\n/, '');
    const nodes = nodesOf(body);
    const heading = nodes.find((n) => n.type === 'heading')!;
    expect(heading.level).toBe(1);
    expect(textOf(heading)).toBe(article.title);
    expect(nodes.filter((n) => n.type === 'heading' && n.level === 1)).toHaveLength(1);
    // Quotes: each a block quote whose text is the highlight's words, line breaks as soft breaks.
    const quotes = nodes.filter((n) => n.type === 'block_quote').map((q) => {
      const texts: string[] = [];
      const walker = q.walker();
      for (let s = walker.next(); s; s = walker.next()) {
        if (!s.entering || s.node === q) continue;
        if (!['paragraph', 'text', 'softbreak'].includes(s.node.type)) return `<${s.node.type}>`;
        texts.push(s.node.type === 'text' ? s.node.literal! : s.node.type === 'softbreak' ? '\n' : '');
      }
      return texts.join('');
    });
    expect(quotes).toEqual(highlights.filter((h) => !h.deleted).map((h) => h.quote.split('\n').map((l) => l.trim()).filter(Boolean).join('\n')));
    // Each highlight's line: colour, tags as written where Obsidian allows, a link to the passage.
    const links = nodes.filter((n) => n.type === 'link').map((n) => n.destination!);
    expect(links).toHaveLength(5);
    for (const link of links) expect(link).toMatch(/^https:\/\/news\.example\.com\/2026\/z%C3%BCrich-fusion#:~:text=/);
    expect(body).toContain('  green · #valuation · #Ünïcode-tag · #C- · [open the passage]');
    expect(body).toContain('  yellow · #M-A · [open the passage]');
    // The note's "## My take" is a heading inside the highlight's list item, not a section of the file.
    const myTake = nodes.find((n) => n.type === 'heading' && textOf(n) === 'My take')!;
    let parent = myTake.parent;
    while (parent && parent.type !== 'item') parent = parent.parent;
    expect(parent?.type).toBe('item');
    expect(myTake.level).toBe(3);
    expect(nodes.filter((n) => n.type === 'heading' && n.parent?.type === 'document').map(textOf)).toEqual([article.title, 'Highlights']);
  });

  it('links to a passage on an address with parentheses as one link, in CommonMark and in Logseq (no ")" in it)', () => {
    const url = 'https://en.wikipedia.org/wiki/Matching_(graph_theory)';
    const quote = { type: 'TextQuoteSelector' as const, exact: 'a set of edges (no two adjacent)', prefix: 'is ', suffix: '.' };
    const article = { id: 'a1', url, title: 'Matching (graph theory)', byline: null, publisher: null, publishedAt: null, language: 'en', text: '', entities: [], companyIds: [], tags: [], note: '', savedAt: 0, urls: [url], deleted: false, updatedAt: '', clocks: {} };
    const highlight = { id: 'h1', articleId: 'a1', colour: 'blue' as const, note: '', tags: [], selectors: [quote], quote: quote.exact, createdAt: 0, deleted: false, updatedAt: '', clocks: {} };
    const body = articleToMarkdown(article, [highlight]).content;
    const [link] = nodesOf(body).filter((n) => n.type === 'link');
    const expected = urlAtQuote(url, [quote])!;
    expect(link!.destination).toBe(expected.replace(/\(/g, '%28').replace(/\)/g, '%29'));
    expect(decodeURIComponent(link!.destination!)).toBe(decodeURIComponent(expected));
    expect(body).toContain('[open the passage](https://en.wikipedia.org/wiki/Matching_%28graph_theory%29#:~:text=');
  });

  it('names tags by one rule: kept when Obsidian takes them, else other characters become "-" and digits-only get "_"', () => {
    expect(['energy', 'énergie', 'a/b_c-d', 'M&A', 'supply chain', '2026', 'C++'].map(tagName)).toEqual(['energy', 'énergie', 'a/b_c-d', 'M-A', 'supply-chain', '_2026', 'C-']);
  });

  it('writes one document with the articles as sections and their details under the title', async () => {
    const { article, highlights } = await files();
    const doc = libraryToMarkdownDocument([article], () => highlights);
    const headings = nodesOf(doc).filter((n) => n.type === 'heading').map((n) => `${n.level} ${textOf(n)}`);
    // "My take" is the note's own heading, inside the highlight's list item and below its "Highlights".
    expect(headings).toEqual(['1 Newsmark highlights', `2 ${article.title}`, '3 Highlights', '4 My take']);
    expect(doc).toContain('- Source: <https://news.example.com/2026/zürich-fusion>');
  });
});
