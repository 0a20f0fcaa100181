/**
 * The reader's highlights on one page: find the saved article, re-anchor its highlights in
 * the text as it is now, draw the ones that anchor, keep the orphans listed (never drawn), and
 * make, edit, delete and restore highlights through the library (in the background: a content
 * script must not open the extension's database). The DOM comes in as parameters, the library
 * as a `send` function, so this file has no browser.* calls.
 */
import type { ArticleAnalysis } from '../article';
import { anchor, anchorInSlices, describe, prepareText, type AnchorPass, type Anchoring, type PreparedText, type SliceScheduler } from '../anchoring';
import type { ArticleRecord, HighlightChanges, HighlightColour, HighlightRecord } from '../contracts/records';
import type { Entity } from '../contracts/entities';
import type { HighlightApi } from '../marking/highlight-api';
import { caretAtPoint, rangeContainsPoint } from '../marking/caret';
import { NodeOffsets } from '../marking/node-offsets';
import type { PageHighlightsReport } from '../contracts/messages';
import type { RequestOf, ResponseOf } from '../messaging/types';
import { articleInputOf } from './article-input';
import { idleSliceScheduler } from './idle-scheduler';
import { HighlightLayer, type PlacedHighlight } from './layer';
import { selectedSpan, type TextSpan } from './selection';

type LibraryMessage =
  | 'getArticleByUrl' | 'saveArticle' | 'listHighlights' | 'addHighlight' | 'updateHighlight' | 'deleteHighlight' | 'undoDeleteHighlight';

/** Sends a library message to the background (`sendMessage` in the extension, a fake in tests). */
export type LibrarySend = <N extends LibraryMessage>(type: N, data: RequestOf<N>) => Promise<ResponseOf<N>>;

export interface PageHighlightsServices {
  send: LibrarySend;
  recognize(text: string): Promise<Entity[]>;
  /** The page's URL and title now (single-page apps change them). */
  location(): { url: string; title: string };
  /** When re-anchoring slices run; idle callbacks of the document's window by default. */
  scheduler?: SliceScheduler;
}

/** Highlights whose selectors one re-anchoring pass may rewrite (see refreshSelectors). */
const MAX_SELECTOR_REFRESHES_PER_PASS = 100;

/** The article as extracted now, prepared once for anchoring every highlight against it. */
interface CurrentText {
  analysis: ArticleAnalysis;
  readonly prepared: PreparedText;
  readonly offsets: NodeOffsets;
}

/**
 * The text's preparation for anchoring and its node index are made on first use: most pages
 * a reader opens have no highlights, and preparing an article's text costs milliseconds.
 */
function currentText(analysis: ArticleAnalysis): CurrentText {
  let prepared: PreparedText | null = null;
  let offsets: NodeOffsets | null = null;
  return {
    analysis,
    get prepared() {
      return (prepared ??= prepareText(analysis.map.text));
    },
    get offsets() {
      return (offsets ??= new NodeOffsets(analysis.map));
    },
  };
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
  /** The re-anchoring pass under way, if any; a newer extraction cancels it. */
  private pass: AnchorPass | null = null;
  private refreshedThisPass = 0;
  private readonly scheduler: SliceScheduler;

  constructor(
    private readonly doc: Document,
    api: HighlightApi,
    private readonly services: PageHighlightsServices,
  ) {
    this.layer = new HighlightLayer(api);
    const win = doc.defaultView;
    if (!services.scheduler && !win) throw new Error('PageHighlights needs a scheduler or a document with a window.');
    this.scheduler = services.scheduler ?? idleSliceScheduler(win!);
  }

  /**
   * The page was (re-)extracted: on the first call look up the saved article and its
   * highlights, then (and after every later call, e.g. for late content) re-anchor and repaint,
   * in idle slices (see `repaint`). Resolves when that repaint is done, or was superseded by a
   * newer extraction. Pass null when the page has no article text.
   */
  onArticle(analysis: ArticleAnalysis | null): Promise<void> {
    this.pass?.cancel();
    if (!analysis?.root || !analysis.map.text) {
      this.current = null;
      this.layer.clear();
      return Promise.resolve();
    }
    this.current = currentText(analysis);
    this.lookup ??= this.enqueue(() => this.loadSaved(analysis));
    return this.lookup
      .then(() => this.enqueue(async () => this.repaint()))
      .then((pass) => pass?.done)
      .then(() => undefined);
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
    if (!this.current || this.layer.size === 0) return null;
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
    this.pass?.cancel();
    this.pass = null;
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
    const input = articleInputOf(analysis, url, await this.services.recognize(analysis.map.text), title);
    const saved = await this.services.send('saveArticle', input);
    if (this.article?.id !== saved.id) {
      this.article = saved;
      const list = await this.services.send('listHighlights', { articleId: saved.id });
      this.records = new Map(list.map((r) => [r.id, r]));
      this.repaint();
    }
    this.article = saved;
    return saved;
  }

  /**
   * Re-anchors every highlight against the current text, a slice of a few milliseconds at a
   * time (10,000 highlights must not freeze the page), drawing each slice's as it completes.
   * Cancels the pass before it: its results are for a text that is no longer there.
   */
  private repaint(): AnchorPass | null {
    this.pass?.cancel();
    this.pass = null;
    this.refreshedThisPass = 0;
    this.layer.clear();
    this.orphanIds = [];
    const current = this.current;
    const records = [...this.records.values()];
    if (!current || records.length === 0) return null;
    this.pass = anchorInSlices(current.prepared, records, this.scheduler, (slice) => this.drawSlice(current, slice));
    return this.pass;
  }

  private drawSlice(current: CurrentText, slice: Anchoring<HighlightRecord>[]): void {
    const placed: PlacedHighlight[] = [];
    for (const { item, result } of slice) {
      // Deleted while the pass ran: nothing to draw or list.
      if (!this.records.has(item.id)) continue;
      if (result.kind === 'anchored') placed.push({ id: item.id, colour: item.colour, start: result.start, end: result.end });
      else this.orphanIds.push(item.id);
    }
    // A span that maps to no live text (it fell between nodes) cannot be drawn either: an orphan too.
    const undrawn = this.layer.addAll(current.analysis.map, placed);
    this.orphanIds.push(...undrawn);
    this.refreshSelectors(current, slice.filter(({ item, result }) => result.kind === 'anchored' && result.method !== 'exact' && !undrawn.includes(item.id)));
  }

  /**
   * Highlights placed by position or approximately are described again over today's text and
   * saved, so the next visit finds them exactly instead of searching again. Bounded per pass:
   * describing scans the whole text, and a page rewritten end to end would otherwise pay for
   * thousands of them at once; the rest are refreshed on later visits.
   */
  private refreshSelectors(current: CurrentText, moved: Anchoring<HighlightRecord>[]): void {
    for (const { item, result } of moved) {
      if (result.kind !== 'anchored' || this.refreshedThisPass >= MAX_SELECTOR_REFRESHES_PER_PASS) return;
      this.refreshedThisPass++;
      const selectors = describe(current.analysis.map.text, result.start, result.end);
      if (JSON.stringify(selectors) === JSON.stringify(item.selectors)) continue;
      void this.enqueue(async () => {
        if (!this.records.has(item.id)) return;
        this.records.set(item.id, await this.services.send('updateHighlight', { id: item.id, changes: { selectors } }));
      }).catch((error: unknown) => console.debug('[newsmark] could not refresh a highlight\'s selectors', error));
    }
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
