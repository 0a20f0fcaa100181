/**
 * The library as Markdown for Obsidian, Logseq and any CommonMark reader: one file per article
 * (YAML front matter, then the article) for the zip, or one document with the articles as
 * sections for the convert command.
 *
 * Quotes and titles are the page's words, escaped so that they show as written (see
 * markdown-escape.ts). Notes are the reader's Markdown and stay Markdown, nested under what
 * they are about: a highlight's note is a list item under the highlight, and an article note's
 * headings are moved below the section that holds it.
 *
 * Each highlight shows its colour, its tags as tags, and a link that opens the page at the
 * passage (a text fragment). Tags are written as the reader wrote them when they are valid
 * Obsidian tags (letters, digits, "_", "-", "/", not only digits), which Logseq reads too;
 * otherwise by one rule: each run of other characters becomes "-" ("M&A" → "M-A",
 * "supply chain" → "supply-chain"), and a tag of digits only gets a leading "_" ("2026" → "_2026").
 * Front matter keeps the tags as written in `newsmark_tags` when the rule changed any.
 *
 * Sync conflicts the reader has not settled are written where they belong: a note's other
 * versions below it, and a highlight shown again after a deletion says so (conflict-export.ts).
 */
import type { CompanyNoteRecord, HighlightRecord } from '../contracts/records';
import type { RecordRef } from '../contracts/sync';
import type { ExportedConflict } from './conflict-export';
import { escapedLines, escapeLine } from './markdown-escape';
import type { ListedArticle } from './model';
import { urlAtQuote } from './text-fragment';

export interface MarkdownFile {
  /** A file name safe on every common file system, unique within one export. */
  name: string;
  content: string;
}

const MAX_NAME_LENGTH = 80;

/** A record's unsettled sync conflicts, if any (see conflictsByRecord). */
export type ConflictsOf = (kind: RecordRef['kind'], id: string) => ExportedConflict | undefined;
const NO_CONFLICTS: ConflictsOf = () => undefined;

/** One article (and its live highlights, in the order given) as a Markdown file. */
export function articleToMarkdown(article: ListedArticle, highlights: readonly HighlightRecord[], conflictsOf = NO_CONFLICTS): MarkdownFile {
  const tags = article.tags.map(tagName);
  const front = [
    '---',
    `title: ${yamlString(article.title)}`,
    `source: ${yamlString(article.url)}`,
    ...(article.byline ? [`author: ${yamlString(article.byline)}`] : []),
    ...(article.publisher ? [`publisher: ${yamlString(article.publisher)}`] : []),
    ...(article.publishedAt ? [`published: ${yamlString(article.publishedAt)}`] : []),
    ...(article.language ? [`language: ${yamlString(article.language)}`] : []),
    `saved: ${yamlString(new Date(article.savedAt).toISOString())}`,
    `tags: ${yamlList(tags)}`,
    ...(tags.some((t, i) => t !== article.tags[i]) ? [`newsmark_tags: ${yamlList(article.tags)}`] : []),
    `companies: ${yamlList(companiesOf(article))}`,
    `newsmark_id: ${yamlString(article.id)}`,
    '---',
    '',
  ];
  return { name: `${fileStem(article.title)} ${article.id.slice(-8)}.md`, content: [...front, ...articleSection(article, highlights, 1, conflictsOf)].join('\n') };
}

/** All articles as Markdown files (the caller zips them). */
export function libraryToMarkdown(articles: readonly ListedArticle[], highlightsOf: (articleId: string) => readonly HighlightRecord[], conflictsOf = NO_CONFLICTS): MarkdownFile[] {
  return articles.filter((a) => !a.deleted).map((a) => articleToMarkdown(a, highlightsOf(a.id), conflictsOf));
}

/** All articles as one document, each a section with its details listed under its title. */
export function libraryToMarkdownDocument(articles: readonly ListedArticle[], highlightsOf: (articleId: string) => readonly HighlightRecord[], conflictsOf = NO_CONFLICTS): string {
  const sections = articles.filter((a) => !a.deleted).flatMap((a) => {
    const details = [
      `- Source: <${a.url}>`,
      ...(a.byline ? [`- Author: ${escapeLine(oneLine(a.byline))}`] : []),
      ...(a.publisher ? [`- Publisher: ${escapeLine(oneLine(a.publisher))}`] : []),
      ...(a.publishedAt ? [`- Published: ${escapeLine(a.publishedAt)}`] : []),
      ...(a.tags.length ? [`- Tags: ${a.tags.map((t) => `#${tagName(t)}`).join(' ')}`] : []),
    ];
    const [heading, blank, ...rest] = articleSection(a, highlightsOf(a.id), 2, conflictsOf);
    return [heading!, blank!, ...details, '', ...rest];
  });
  return ['# Newsmark highlights', '', ...sections].join('\n');
}

/**
 * The reader's notes on companies (written on their dossiers) as one file, a section per company
 * by name, with any other version a sync kept below the note; null when there are none.
 */
export function companyNotesToMarkdown(notes: readonly CompanyNoteRecord[], conflictsOf = NO_CONFLICTS): MarkdownFile | null {
  const live = notes
    .filter((n) => !n.deleted && (n.note.trim() || conflictsOf('companyNote', n.id)?.otherNotes.length))
    .sort((a, b) => a.companyName.localeCompare(b.companyName, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (live.length === 0) return null;
  const lines = ['# Notes on companies', ''];
  for (const n of live) {
    lines.push(`## ${escapeLine(oneLine(n.companyName)) || escapeLine(n.id)}`, '');
    if (n.note.trim()) lines.push(...nestHeadings(n.note.trim(), 3).split('\n'), '');
    for (const other of conflictsOf('companyNote', n.id)?.otherNotes ?? []) {
      lines.push(`### Other version (written on another device at the same time, ${other.writtenAt})`, '', ...nestHeadings(other.text.trim(), 4).split('\n'), '');
    }
  }
  return { name: 'Notes on companies.md', content: lines.join('\n') };
}

/** The article's title heading at `level`, its note and its highlights one level below. */
function articleSection(article: ListedArticle, highlights: readonly HighlightRecord[], level: number, conflictsOf: ConflictsOf): string[] {
  const title = escapeLine(oneLine(article.title)) || `<${article.url}>`;
  const lines = [`${'#'.repeat(level)} ${title}`, ''];
  const sub = '#'.repeat(level + 1);
  if (article.note.trim()) lines.push(`${sub} Note`, '', ...nestHeadings(article.note.trim(), level + 2).split('\n'), '');
  for (const other of conflictsOf('article', article.id)?.otherNotes ?? []) {
    lines.push(`${sub} Note, other version (written on another device at the same time, ${other.writtenAt})`, '', ...nestHeadings(other.text.trim(), level + 2).split('\n'), '');
  }
  const live = highlights.filter((h) => !h.deleted);
  if (live.length) {
    lines.push(`${sub} Highlights`, '');
    for (const h of live) lines.push(...highlightItem(article.url, h, level + 2, conflictsOf('highlight', h.id)), '');
  }
  return lines;
}

/**
 * A highlight as a list item: the quote, a line with colour, tags and the link to the passage,
 * and the note as a list item below it (so its own headings and lists stay inside), its
 * headings at `noteLevel` or below.
 */
function highlightItem(url: string, h: HighlightRecord, noteLevel: number, conflicts: ExportedConflict | undefined): string[] {
  const quote = escapedLines(h.quote);
  const link = urlAtQuote(url, h.selectors);
  const meta = [h.colour, ...h.tags.map((t) => `#${tagName(t)}`), ...(link ? [`[open the passage](${linkDestination(link)})`] : [])].join(' · ');
  const lines = [`- > ${quote[0] ?? ''}`, ...quote.slice(1).map((q) => `  > ${q}`), '', `  ${meta}`];
  if (h.note.trim()) lines.push('', ...subItem(h.note, noteLevel));
  for (const other of conflicts?.otherNotes ?? []) lines.push('', ...subItem(other.text, noteLevel, `Other version of the note (written on another device at the same time, ${other.writtenAt}): `));
  if (conflicts?.deletedAt) lines.push('', `  - Deleted on one device (${conflicts.deletedAt}) and edited later on another: shown again until you keep or delete it in Newsmark.`);
  return lines;
}

/** A note as a list item under its highlight, its own lines and headings kept inside it. */
function subItem(note: string, noteLevel: number, lead = ''): string[] {
  const [first, ...rest] = nestHeadings(note.trim(), noteLevel).split('\n');
  return [`  - ${lead}${first}`, ...rest.map((l) => (l.trim() ? `    ${l}` : ''))];
}

/**
 * A URL as a link destination every reader takes: written bare, with its parentheses
 * percent-encoded (the same address), since Logseq ends a link at the first ")" and reads
 * `<…>` destinations unevenly. The URL is http(s) as URL writes it, so it holds no blanks or `<>`.
 */
function linkDestination(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** Moves the ATX headings of a note (outside code fences) so the highest sits at `top`, at most level 6. */
function nestHeadings(markdown: string, top: number): string {
  const lines = markdown.split(/\r\n|\r|\n/);
  let fence: string | null = null;
  const levels = lines.map((line) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (opener && (!fence || opener.startsWith(fence))) fence = fence ? null : opener;
    return fence || opener ? 0 : (/^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(line)?.[1]?.length ?? 0);
  });
  const highest = Math.min(...levels.filter(Boolean));
  if (!Number.isFinite(highest) || highest >= top) return lines.join('\n');
  return lines.map((line, i) => (levels[i] ? line.replace(/#{1,6}/, '#'.repeat(Math.min(6, levels[i]! + top - highest))) : line)).join('\n');
}

/** A tag as Obsidian and Logseq take it (see the rule above). */
export function tagName(tag: string): string {
  const name = tag.trim().replace(/[^\p{L}\p{N}_\-/]+/gu, '-');
  return /^\p{N}*$/u.test(name) ? `_${name}` : name;
}

function companiesOf(article: ListedArticle): string[] {
  return [...new Set(article.entities.filter((e) => e.type === 'company').map((e) => e.name ?? e.text))];
}

/** A JSON string is a valid YAML scalar that no content can break out of. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A title as a file name: no path separators, reserved or control characters; short. */
export function fileStem(title: string): string {
  const clean = oneLine(title)
    .replace(/[\\/:*?"<>|#^[\]\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
    .trim();
  return clean || 'Untitled';
}
