/**
 * Full-text search over the library with MiniSearch (an inverted index with prefix search and
 * BM25-like scoring): articles by title, text and note; highlights by quote and note. A hit
 * on a highlight counts for its article too, so results come back per article.
 */
import MiniSearch from 'minisearch';
import type { ArticleRecord, HighlightRecord } from '../db/library-records';

interface SearchDoc {
  /** "a:<article id>" or "h:<highlight id>". */
  id: string;
  title?: string;
  text?: string;
  note?: string;
  quote?: string;
}

/** Per article: its best score and the highlights that matched. */
export interface SearchHit {
  score: number;
  /** The article's own fields matched (not only some of its highlights). */
  articleMatched: boolean;
  highlightIds: Set<string>;
}

/** Documents indexed per slice when building without blocking the page. */
const CHUNK = 500;

export class LibrarySearch {
  private readonly index = new MiniSearch<SearchDoc>({
    fields: ['title', 'text', 'note', 'quote'],
    storeFields: [],
    searchOptions: { boost: { title: 3, quote: 2, note: 2 }, prefix: (term, i, terms) => i === terms.length - 1 && term.length > 1, combineWith: 'AND' },
  });
  private readonly articleOfHighlight = new Map<string, string>();

  /** Indexes articles and highlights in slices, yielding to the event loop in between. */
  async addAll(articles: readonly ArticleRecord[], highlights: readonly HighlightRecord[]): Promise<void> {
    for (const h of highlights) this.articleOfHighlight.set(h.id, h.articleId);
    await this.index.addAllAsync(articles.map(articleDoc), { chunkSize: CHUNK });
    await this.index.addAllAsync(highlights.map(highlightDoc), { chunkSize: CHUNK });
  }

  /** Keeps the index in step with one changed record (live updates from the database). */
  replace(record: { kind: 'article'; value: ArticleRecord } | { kind: 'highlight'; value: HighlightRecord }): void {
    const doc = record.kind === 'article' ? articleDoc(record.value) : highlightDoc(record.value);
    if (this.index.has(doc.id)) this.index.discard(doc.id);
    if (record.value.deleted) return;
    if (record.kind === 'highlight') this.articleOfHighlight.set(record.value.id, record.value.articleId);
    this.index.add(doc);
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** Articles matching every word of `query` (the last one as a prefix), by article id. */
  search(query: string): Map<string, SearchHit> {
    const hits = new Map<string, SearchHit>();
    if (!query.trim()) return hits;
    for (const result of this.index.search(query)) {
      const id = String(result.id);
      const isArticle = id.startsWith('a:');
      const articleId = isArticle ? id.slice(2) : this.articleOfHighlight.get(id.slice(2));
      if (!articleId) continue;
      const hit = hits.get(articleId) ?? { score: 0, articleMatched: false, highlightIds: new Set<string>() };
      hit.score = Math.max(hit.score, result.score);
      if (isArticle) hit.articleMatched = true;
      else hit.highlightIds.add(id.slice(2));
      hits.set(articleId, hit);
    }
    return hits;
  }
}

function articleDoc(a: ArticleRecord): SearchDoc {
  return { id: `a:${a.id}`, title: a.title, text: a.text, note: a.note };
}

function highlightDoc(h: HighlightRecord): SearchDoc {
  return { id: `h:${h.id}`, quote: h.quote, note: h.note };
}
