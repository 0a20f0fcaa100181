/**
 * One dossier as a file to keep: Markdown for notes apps (page words escaped so they show as
 * written; the reader's notes stay Markdown, nested under their highlight) and JSON for tools.
 */
import { escapedLines, escapeLine } from '../library/markdown-escape';
import type { Dossier, DossierFigure } from './model';

/** An ISO date (YYYY-MM-DD) in UTC: exports read the same wherever they are made. */
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function figureLabel(figure: DossierFigure): string {
  const value = figure.value === undefined ? '' : ` = ${figure.value}${figure.currency ? ` ${figure.currency}` : figure.type === 'percent' ? '%' : ''}`;
  return `${escapeLine(figure.text)}${value}`;
}

/** `note`: the reader's note on the company itself ('' without one). */
export function dossierToMarkdown(dossier: Dossier, note = ''): string {
  const { facts } = dossier;
  const lines = [`# ${escapeLine(facts.name)}`, ''];
  const details: [string, string | undefined][] = [
    ['Also written', facts.otherNames.length ? facts.otherNames.map(escapeLine).join(', ') : undefined],
    ['Listing', facts.ticker],
    ['Country', facts.country],
    ['Industry', facts.industry],
    ['Website', facts.website],
  ];
  for (const [label, value] of details) if (value) lines.push(`- ${label}: ${label === 'Also written' ? value : escapeLine(value)}`);
  lines.push(`- In your library: ${dossier.articles.length} saved articles, ${dossier.mentions} mentions`, '');
  // The reader's own words stay Markdown, as in the highlights' notes.
  if (note.trim()) lines.push('## Your note', '', note.trim(), '');
  lines.push('## Timeline', '');
  for (const article of dossier.articles) {
    const outlet = article.publisher ? ` · ${escapeLine(article.publisher)}` : '';
    lines.push(`### ${isoDay(article.time)} · [${escapeLine(article.title) || article.url}](<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>)${outlet}`, '');
    for (const sentence of article.sentences) {
      lines.push(...escapedLines(sentence.text).map((l) => `> ${l}`));
      if (sentence.figures.length) lines.push('', ...sentence.figures.map((f) => `- ${f.type}: ${figureLabel(f)}`));
      lines.push('');
    }
  }
  if (dossier.highlights.length) {
    lines.push('## Highlights and notes', '');
    for (const h of dossier.highlights) {
      lines.push(`- ${escapedLines(h.quote).join(' ')} (${h.colour}; from ${escapeLine(h.articleTitle)})`);
      for (const noteLine of h.note.split(/\r\n|\r|\n/).filter((l) => l.trim())) lines.push(`    ${noteLine}`);
      if (h.tags.length) lines.push(`    tags: ${h.tags.map(escapeLine).join(', ')}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export const DOSSIER_FORMAT = 'newsmark-dossier';

/** The dossier as JSON, stamped with its format and version so a reader of it can tell. */
export function dossierToJson(dossier: Dossier, exportedAt: number, note = ''): string {
  return `${JSON.stringify({ format: DOSSIER_FORMAT, version: 1, exportedAt: new Date(exportedAt).toISOString(), ...dossier, note }, null, 2)}\n`;
}
