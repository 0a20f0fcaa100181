/**
 * A company's dossier: everything the reader's library knows about one company, built from the
 * saved articles that name it (their stored entities) and the reader's highlights on them. A
 * pure function over records, so the dossier page, its exports and its tests share one reading.
 */
import type { ArticleRecord, HighlightRecord, SavedEntity } from '../contracts/records';
import { sentenceBounds } from '../marking/sentence';
import { mentionsPerWeek, type WeekCount } from './weeks';
import { currentCompanyId } from '../entities/company-ids';

/** What the saved entities tell of the company (the gazetteer's facts travel with each mention). */
export interface CompanyFacts {
  id: string;
  name: string;
  /** Other ways the articles wrote it ("Huawei Technologies", "Huawei's"): as printed, most used first. */
  otherNames: string[];
  ticker?: string;
  country?: string;
  industry?: string;
  website?: string;
}

/** A figure printed in a sentence that names the company. */
export interface DossierFigure {
  type: 'money' | 'percent' | 'number';
  text: string;
  value?: number;
  currency?: string;
}

/** One sentence of an article that names the company, with the figures printed in it. */
export interface DossierSentence {
  text: string;
  figures: DossierFigure[];
}

export interface DossierArticle {
  id: string;
  title: string;
  url: string;
  publisher: string | null;
  /** When it was published (or, without a date, saved), in ms since the epoch. */
  time: number;
  /** Whether `time` is the publication date or only when the reader saved it. */
  dated: 'published' | 'saved';
  mentions: number;
  sentences: DossierSentence[];
}

export interface DossierHighlight {
  id: string;
  articleId: string;
  articleTitle: string;
  quote: string;
  note: string;
  colour: HighlightRecord['colour'];
  tags: string[];
  createdAt: number;
  /** Whether the passage itself names the company (else it sits in an article about it). */
  namesCompany: boolean;
}

export interface Dossier {
  facts: CompanyFacts;
  /** Newest first. */
  articles: DossierArticle[];
  /** Newest first. */
  highlights: DossierHighlight[];
  /** Mentions per week, oldest first, with the empty weeks between. */
  weeks: WeekCount[];
  mentions: number;
}

/** Sentences kept per article: enough to line up the figures, short enough to scan. */
const MAX_SENTENCES = 6;

/** The dossier of `companyId`, or null when no live article names it. */
export function buildDossier(companyId: string, articles: readonly ArticleRecord[], highlights: readonly HighlightRecord[]): Dossier | null {
  const naming = articles.filter((a) => !a.deleted && mentionsOf(a, companyId).length > 0);
  if (naming.length === 0) return null;
  const facts = factsOf(companyId, naming);
  const dossierArticles = naming.map((a) => dossierArticle(a, companyId)).sort((a, b) => b.time - a.time || a.title.localeCompare(b.title));
  const titles = new Map(naming.map((a) => [a.id, a.title]));
  const names = [facts.name, ...facts.otherNames].map((n) => n.toLowerCase());
  const dossierHighlights = highlights
    .filter((h) => !h.deleted && titles.has(h.articleId))
    .map((h) => ({
      id: h.id,
      articleId: h.articleId,
      articleTitle: titles.get(h.articleId) ?? '',
      quote: h.quote,
      note: h.note,
      colour: h.colour,
      tags: h.tags,
      createdAt: h.createdAt,
      namesCompany: names.some((n) => `${h.quote}\n${h.note}`.toLowerCase().includes(n)),
    }))
    .sort((a, b) => b.createdAt - a.createdAt);
  const mentions = dossierArticles.reduce((sum, a) => sum + a.mentions, 0);
  return { facts, articles: dossierArticles, highlights: dossierHighlights, weeks: mentionsPerWeek(dossierArticles), mentions };
}

/** The article's mentions of the company, saved under its id of today or an earlier one. */
function mentionsOf(article: ArticleRecord, companyId: string): SavedEntity[] {
  return article.entities.filter((e) => e.type === 'company' && e.id !== undefined && currentCompanyId(e.id) === companyId);
}

function dossierArticle(article: ArticleRecord, companyId: string): DossierArticle {
  const mentions = mentionsOf(article, companyId);
  const published = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  const sentences: DossierSentence[] = [];
  const seen = new Set<number>();
  for (const mention of mentions) {
    if (sentences.length >= MAX_SENTENCES) break;
    const [from, to] = sentenceBounds(article.text, mention.start, mention.end);
    if (seen.has(from)) continue;
    seen.add(from);
    const figures = article.entities
      .filter((e): e is SavedEntity & { type: DossierFigure['type'] } => e.type !== 'company' && e.start >= from && e.end <= to)
      .map((e) => ({ type: e.type, text: e.text, ...(e.value !== undefined ? { value: e.value } : {}), ...(e.currency ? { currency: e.currency } : {}) }));
    sentences.push({ text: article.text.slice(from, to).trim(), figures });
  }
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    publisher: article.publisher,
    time: Number.isNaN(published) ? article.savedAt : published,
    dated: Number.isNaN(published) ? 'saved' : 'published',
    mentions: mentions.length,
    sentences,
  };
}

/** The company's name (the display name most mentions give), the other ways it was written, and the newest facts. */
function factsOf(companyId: string, articles: readonly ArticleRecord[]): CompanyFacts {
  const names = new Map<string, number>();
  const written = new Map<string, number>();
  const facts: Omit<CompanyFacts, 'id' | 'name' | 'otherNames'> = {};
  const newestFirst = [...articles].sort((a, b) => b.savedAt - a.savedAt);
  for (const article of newestFirst) {
    for (const e of mentionsOf(article, companyId)) {
      const name = e.name ?? e.text;
      names.set(name, (names.get(name) ?? 0) + 1);
      const printed = e.text.replace(/['’]s$/, '');
      written.set(printed, (written.get(printed) ?? 0) + 1);
      for (const key of ['ticker', 'country', 'industry', 'website'] as const) if (e[key] && !facts[key]) facts[key] = e[key];
    }
  }
  const name = mostUsed(names);
  const otherNames = [...written.entries()].filter(([n]) => n !== name).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  return { id: companyId, name, otherNames, ...facts };
}

function mostUsed(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [key, count] of counts) if (count > bestCount) [best, bestCount] = [key, count];
  return best;
}
