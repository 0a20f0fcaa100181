/**
 * A company's dossier: everything the reader's library knows about one company, built from the
 * saved articles that name it (their stored entities) and the reader's highlights on them. A
 * pure function over records, so the dossier page, its exports and its tests share one reading.
 */
import type { ArticleRecord, CompanyMention, CompanySummary, HighlightRecord, SavedEntity } from '../contracts/records';
import { emptySummary, mentionRows, mostUsedName, summariesOf } from '../db/company-mentions';
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
  /** Newest first: every article naming the company, or the newest of them when the page lays out only those. */
  articles: DossierArticle[];
  /** Newest first: as `articles`, every highlight or the newest. */
  highlights: DossierHighlight[];
  /** Mentions per week, oldest first, with the empty weeks between. */
  weeks: WeekCount[];
  mentions: number;
  /** How many live articles name the company (`articles` may hold fewer). */
  articleCount: number;
  /** How many live highlights sit in those articles (`highlights` may hold fewer). */
  highlightCount: number;
}

const DAY = 86_400_000;

/** Sentences kept per article: enough to line up the figures, short enough to scan. */
const MAX_SENTENCES = 6;

/** The whole dossier of `companyId` from the records themselves (exports), or null when no live article names it. */
export function buildDossier(companyId: string, articles: readonly ArticleRecord[], highlights: readonly HighlightRecord[]): Dossier | null {
  const live = new Map<string, number>();
  for (const h of highlights) if (!h.deleted) live.set(h.articleId, (live.get(h.articleId) ?? 0) + 1);
  const rows = articles.flatMap((a) => mentionRows(a, live.get(a.id) ?? 0)).filter((row) => currentCompanyId(row.companyId) === companyId);
  return dossierOf(companyId, [...summariesOf(rows).values()], rows, articles, highlights);
}

/** One article in the company's timeline, from its mention rows (one per id the company had in it). */
interface TimelineEntry {
  articleId: string;
  title: string;
  time: number;
}

/** The articles of `rows` (the company's, under any id it has had), newest first. */
function timelineOf(rows: readonly CompanyMention[]): TimelineEntry[] {
  const byArticle = new Map<string, TimelineEntry>();
  for (const row of rows) if (!byArticle.has(row.articleId)) byArticle.set(row.articleId, { articleId: row.articleId, title: row.title, time: row.time });
  return [...byArticle.values()].sort((a, b) => b.time - a.time || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
}

/** The company's summaries, one per id it has had, as one. */
function mergedSummary(companyId: string, summaries: readonly CompanySummary[]): CompanySummary {
  const merged = emptySummary(companyId);
  const addInto = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
  };
  for (const summary of [...summaries].sort((a, b) => b.factsSavedAt - a.factsSavedAt)) {
    merged.articles += summary.articles;
    merged.mentions += summary.mentions;
    merged.highlights += summary.highlights;
    addInto(merged.names, summary.names);
    addInto(merged.written, summary.written);
    for (const [day, [articles, mentions]] of Object.entries(summary.days)) {
      const [a, m] = merged.days[day] ?? [0, 0];
      merged.days[day] = [a + articles, m + mentions];
    }
    merged.facts = { ...summary.facts, ...merged.facts };
  }
  return merged;
}

/**
 * The dossier from the company's summaries (its facts, counts and chart cover every article) and
 * the mention rows known of it, laying out those of `articles` and `highlights` given: all of
 * them, or the newest few the page shows. Null when no live article names the company.
 */
export function dossierOf(
  companyId: string,
  summaries: readonly CompanySummary[],
  rows: readonly CompanyMention[],
  articles: readonly ArticleRecord[],
  highlights: readonly HighlightRecord[],
): Dossier | null {
  const summary = mergedSummary(companyId, summaries);
  if (summary.articles <= 0) return null;
  const facts = factsOf(companyId, summary);
  const records = new Map(articles.map((a) => [a.id, a]));
  const timeline = timelineOf(rows);
  const dossierArticles = timeline.flatMap((entry) => {
    const article = records.get(entry.articleId);
    return article && !article.deleted ? [dossierArticle(article, companyId)] : [];
  });
  const titles = new Map(timeline.map((entry) => [entry.articleId, entry.title]));
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
  const days = Object.entries(summary.days).map(([day, [articleCount, mentions]]) => ({ time: Number(day) * DAY, articles: articleCount, mentions }));
  return {
    facts,
    articles: dossierArticles,
    highlights: dossierHighlights,
    weeks: mentionsPerWeek(days),
    mentions: summary.mentions,
    articleCount: summary.articles,
    highlightCount: summary.highlights,
  };
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
function factsOf(companyId: string, summary: CompanySummary): CompanyFacts {
  const name = mostUsedName(summary.names);
  const otherNames = Object.entries(summary.written).filter(([n]) => n !== name).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  const facts = Object.fromEntries(Object.entries(summary.facts).filter(([, value]) => value)) as Omit<CompanyFacts, 'id' | 'name' | 'otherNames'>;
  return { id: companyId, name, otherNames, ...facts };
}
