/**
 * The reader's highlights on one page: find the saved article, re-anchor its highlights in
 * the text as it is now, draw the ones that anchor, keep the orphans listed (never drawn), and
 * make, edit, delete and restore highlights through the library (in the background: a content
 * script must not open the extension's database). The DOM comes in as parameters, the library
 * as a `send` function, so this file has no browser.* calls.
 */
import type { ArticleAnalysis } from '../article';
import { anchor, describe, prepareText, type PreparedText } from '../anchoring';
import type { ArticleRecord, HighlightChanges, HighlightColour, HighlightRecord } from '../db/library-records';
import type { Entity } from '../entities';
import type { HighlightApi } from '../marking/highlight-api';
import { caretAtPoint, rangeContainsPoint } from '../marking/caret';
import { NodeOffsets } from '../marking/node-offsets';
import type { PageHighlightsReport, RequestOf, ResponseOf } from '../messaging/contract';
import { articleInputOf } from './article-input';
import { HighlightLayer, type PlacedHighlight } from './layer';
import { selectedSpan, type TextSpan } from './selection';

type LibraryMessage =
  | 'getArticleByUrl' | 'saveArticle' | 'listHighlights' | 'addHighlight' | 'updateHighlight' | 'deleteHighlight' | 'undoDeleteHighlight';

/** Sends a library message to the background (`sendMessage` in the extension, a fake in tests). */
export type LibrarySend = <N extends LibraryMessage>(type: N, data: RequestOf<N>) => Promise<ResponseOf<N>>;

export interface PageHighlightsServices {
  send: LibrarySend;
  recognize(text: string): Entity[];
  /** The page's URL and title now (single-page apps change them). */
  location(): { url: string; title: string };
}

/** The article as extracted now, prepared once for anchoring every highlight against it. */
interface CurrentText {
  analysis: ArticleAnalysis;
  prepared: PreparedText;
  offsets: NodeOffsets;
}

export class PageHighlights {
  readonly layer: HighlightLayer;
  private current: CurrentText | null = null;
  private article: ArticleRecord | null = null;
  /** Live highlights of the saved article, anchored or not, by id. */
  private records = new Map<string, HighlightRecord>();
  private orphanIds: string[] = [];
  private lookup: Promise<void> | null = null;
  /** Every library write and repaint runs in this order, one after the other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    api: HighlightApi,
    private readonly services: PageHighlightsServices,
  ) {
    this.layer = new HighlightLayer(api);
  }

  /**
   * The page was (re-)extracted: on the first call look up the saved article and its
   * highlights, then (and after every later call, e.g. for late content) re-anchor and repaint.
   * Pass null when the page has no article text.
   */
  onArticle(analysis: ArticleAnalysis | null): Promise<void> {
    if (!analysis?.root || !analysis.map.text) {
      this.current = null;
      this.layer.clear();
      return Promise.resolve();
    }
    this.current = { analysis, prepared: prepareText(analysis.map.text), offsets: new NodeOffsets(analysis.map) };
    this.lookup ??= this.enqueue(() => this.loadSaved(analysis));
    return this.lookup.then(() => this.enqueue(async () => this.paint()));
  }

  /** Whether the reader can highlight here: there is article text, and it is an article or saved as one. */
  get canHighlight(): boolean {
    return !!this.current && (this.current.analysis.isArticle || !!this.article);
  }

  /** The article-text span of a selection, or null when it holds none of the article (see selection.ts). */
  spanOf(selection: Selection | null): TextSpan | null {
    return this.current ? selectedSpan(this.doc, this.current.analysis.map, selection) : null;
  }

  /** The text of a span in the current article text. */
  textOf(span: TextSpan): string {
    return this.current?.analysis.map.text.slice(span.start, span.end) ?? '';
  }

  /** Saves the page's article (again: the record is refreshed) and shows its highlights. */
  save(): Promise<ArticleRecord> {
    return this.enqueue(() => this.saveNow());
  }

  /** Highlights a span of the current text, saving the article first when it is not saved yet. */
  create(span: TextSpan, colour: HighlightColour, note = ''): Promise<HighlightRecord> {
    return this.enqueue(async () => {
      const current = this.requireText();
      const text = current.analysis.map.text;
      const article = this.article ?? (await this.saveNow());
      const selectors = describe(text, span.start, span.end);
      const record = await this.services.send('addHighlight', { articleId: article.id, colour, selectors, ...(note ? { note } : {}) });
      this.records.set(record.id, record);
      this.layer.add(current.analysis.map, { id: record.id, colour, start: span.start, end: span.end });
      return record;
    });
  }

  update(id: string, changes: HighlightChanges): Promise<HighlightRecord> {
    return this.enqueue(async () => {
      const record = await this.services.send('updateHighlight', { id, changes });
      this.records.set(id, record);
      this.layer.recolour(id, record.colour);
      return record;
    });
  }

  /** Deletes a highlight (a tombstone in the library) and stops drawing it; `restore` undoes this. */
  remove(id: string): Promise<HighlightRecord> {
    return this.enqueue(async () => {
      const record = await this.services.send('deleteHighlight', { id });
      this.records.delete(id);
      this.orphanIds = this.orphanIds.filter((o) => o !== id);
      this.layer.remove(id);
      return record;
    });
  }

  /** Brings a deleted highlight back and draws it where it anchors now. */
  restore(id: string): Promise<HighlightRecord> {
    return this.enqueue(async () => {
      const record = await this.services.send('undoDeleteHighlight', { id });
      this.records.set(id, record);
      this.placeOne(record);
      return record;
    });
  }

  record(id: string): HighlightRecord | undefined {
    return this.records.get(id);
  }

  /** The highlight drawn under a viewport point, or null (a caret lookup, as for entity marks). */
  hitTest(x: number, y: number): string | null {
    if (!this.current) return null;
    const caret = caretAtPoint(this.doc, x, y);
    if (!caret) return null;
    const offset = this.current.offsets.textOffset(caret.node, caret.offset);
    if (offset < 0) return null;
    // The caret sits between characters: the highlight may end just before it.
    for (const probe of [offset, offset - 1]) {
      const id = this.layer.idAt(probe);
      const range = id ? this.layer.rangeOf(id) : null;
      if (id && range && rangeContainsPoint(range, x, y)) return id;
    }
    return null;
  }

  /** For the popup: the saved article, how many highlights are drawn, and the orphans. */
  report(): PageHighlightsReport {
    return {
      articleId: this.article?.id ?? null,
      anchored: this.layer.size,
      orphans: this.orphanIds.map((id) => this.records.get(id)).filter((r): r is HighlightRecord => !!r),
    };
  }

  /** Stops drawing; forgets the page (a new URL in a single-page app starts over). */
  clear(): void {
    this.layer.clear();
    this.current = null;
    this.article = null;
    this.records.clear();
    this.orphanIds = [];
    this.lookup = null;
  }

  private async loadSaved(analysis: ArticleAnalysis): Promise<void> {
    const { url } = this.services.location();
    const canonical = analysis.metadata.canonicalUrl;
    this.article =
      (canonical ? await this.services.send('getArticleByUrl', { url: canonical }) : null) ??
      (await this.services.send('getArticleByUrl', { url }));
    if (!this.article) return;
    const list = await this.services.send('listHighlights', { articleId: this.article.id });
    this.records = new Map(list.map((r) => [r.id, r]));
  }

  private async saveNow(): Promise<ArticleRecord> {
    const { analysis } = this.requireText();
    const { url, title } = this.services.location();
    const input = articleInputOf(analysis, url, this.services.recognize(analysis.map.text), title);
    const saved = await this.services.send('saveArticle', input);
    if (this.article?.id !== saved.id) {
      this.article = saved;
      const list = await this.services.send('listHighlights', { articleId: saved.id });
      this.records = new Map(list.map((r) => [r.id, r]));
      this.paint();
    }
    this.article = saved;
    return saved;
  }

  /** Re-anchors every highlight against the current text and draws the anchored ones in one pass. */
  private paint(): void {
    const current = this.current;
    if (!current) return;
    const placed: PlacedHighlight[] = [];
    const orphans: string[] = [];
    for (const record of this.records.values()) {
      const found = anchor(current.prepared, record.selectors);
      if (found.kind === 'anchored') placed.push({ id: record.id, colour: record.colour, start: found.start, end: found.end });
      else orphans.push(record.id);
    }
    const drawn = this.layer.paintAll(current.analysis.map, placed);
    // A span that maps to no live text (it fell between nodes) cannot be drawn either: an orphan too.
    if (drawn < placed.length) orphans.push(...placed.filter((p) => !this.layer.rangeOf(p.id)).map((p) => p.id));
    this.orphanIds = orphans;
  }

  private placeOne(record: HighlightRecord): void {
    const current = this.current;
    const found = current ? anchor(current.prepared, record.selectors) : null;
    const drawn =
      !!current && found?.kind === 'anchored' &&
      this.layer.add(current.analysis.map, { id: record.id, colour: record.colour, start: found.start, end: found.end });
    if (!drawn) this.orphanIds.push(record.id);
  }

  private requireText(): CurrentText {
    if (!this.current) throw new Error('This page has no article text to highlight.');
    return this.current;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
