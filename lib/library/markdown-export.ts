/**
 * One Markdown file per article, for Obsidian and other Markdown note tools: YAML front matter
 * (title, source, author, dates, tags, companies) and the reader's note and highlights as
 * block quotes. Every value in the front matter is a JSON string, which is valid YAML and
 * cannot break out of its line whatever the article's title holds.
 */
import type { HighlightRecord } from '../db/library-records';
import type { ListedArticle } from './query';

export interface MarkdownFile {
  /** A file name safe on every common file system, unique within one export. */
  name: string;
  content: string;
}

const MAX_NAME_LENGTH = 80;

/** One article (and its live highlights, in the order given) as a Markdown file. */
export function articleToMarkdown(article: ListedArticle, highlights: readonly HighlightRecord[]): MarkdownFile {
  const companies = [...new Set(article.entities.filter((e) => e.type === 'company').map((e) => e.name ?? e.text))];
  const front = [
    '---',
    `title: ${yamlString(article.title)}`,
    `source: ${yamlString(article.url)}`,
    ...(article.byline ? [`author: ${yamlString(article.byline)}`] : []),
    ...(article.publisher ? [`publisher: ${yamlString(article.publisher)}`] : []),
    ...(article.publishedAt ? [`published: ${yamlString(article.publishedAt)}`] : []),
    `saved: ${yamlString(new Date(article.savedAt).toISOString())}`,
    `tags: ${yamlList(article.tags.map(obsidianTag).filter(Boolean))}`,
    `companies: ${yamlList(companies)}`,
    `newsmark_id: ${yamlString(article.id)}`,
    '---',
    '',
  ];
  const body = [`# ${oneLine(article.title) || article.url}`, ''];
  if (article.note.trim()) body.push('## Note', '', article.note.trim(), '');
  const live = highlights.filter((h) => !h.deleted);
  if (live.length) {
    body.push('## Highlights', '');
    for (const h of live) {
      body.push(blockQuote(h.quote));
      const meta = [`colour: ${h.colour}`, ...(h.tags.length ? [`tags: ${h.tags.map((t) => `#${obsidianTag(t)}`).join(' ')}`] : [])];
      body.push(`<!-- ${meta.join('; ').replace(/--/g, '- -')} -->`);
      if (h.note.trim()) body.push('', h.note.trim());
      body.push('');
    }
  }
  return { name: `${fileStem(article.title)} ${article.id.slice(-8)}.md`, content: [...front, ...body].join('\n') };
}

/** All articles as Markdown files (the caller zips them). */
export function libraryToMarkdown(articles: readonly ListedArticle[], highlightsOf: (articleId: string) => readonly HighlightRecord[]): MarkdownFile[] {
  return articles.filter((a) => !a.deleted).map((a) => articleToMarkdown(a, highlightsOf(a.id)));
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}

/** Obsidian tags: no spaces, and only letters, digits, `_`, `-` and `/`. */
function obsidianTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_\-/]/gu, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function blockQuote(text: string): string {
  return text.trim().split(/\r?\n/).map((line) => `> ${line}`).join('\n');
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
