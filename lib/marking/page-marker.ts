/**
 * Newsmark in one page: extract the article, recognise its entities, paint them, answer
 * hovers with a card, follow late content, and undo all of it on `destroy()`. The DOM and
 * window come in as parameters; everything that needs the extension (settings, library
 * lookups, the card's UI) comes in as `PageMarkerServices`, so this file has no browser.* calls.
 */
import type { Entity } from '../contracts/entities';
import type { ArticleAnalysis, Steps } from '../article';
import type { Settings } from '../settings/settings';
import { caretAtPoint, rangeContainsPoint } from './caret';
import { EntityIndex } from './entity-index';
import { highlightApiOf } from './highlight-api';
import { FOCUS_HIGHLIGHT } from './highlight-names';
import { trackHover } from './hover';
import { lineAt, type Rect } from './card-placement';
import { MarkSet, type Painted } from './mark-set';
import { NodeOffsets } from './node-offsets';
import { idleScheduler, watchContent, type IdleScheduler } from './watch';

export interface PageMarkerServices {
  /** With `forced`, the reader asked for this page: extract it even if the cheap gate says no. */
  analyze(doc: Document, forced: boolean): Steps<ArticleAnalysis>;
  /** The entities in the article's text: asked of the background, so the page waits without working. */
  recognize(text: string): Promise<Entity[]>;
  /** Shows the card for mark `index` next to `anchor`; `hide` closes it. */
  card: {
    show(marker: PageMarker, index: number, anchor: Rect): void;
    hide(): void;
    isOwnUi(node: EventTarget | null): boolean;
  };
  /** Called after each paint with the number of marks (for the toolbar badge). */
  onMarked(count: number, analysis: ArticleAnalysis): void;
}

/**
 * Longest a slice of the pipeline runs before it gives the page back: well under the 50 ms
 * from which the browser counts a long task, with room for a step that overruns it.
 */
const SLICE_BUDGET_MS = 10;

export type MarkerState = 'idle' | 'not-article' | 'marked' | 'off';

export class PageMarker {
  private analysis: ArticleAnalysis | null = null;
  private painted: Painted[] = [];
  private index = new EntityIndex([]);
  private offsets: NodeOffsets | null = null;
  private readonly marks: MarkSet;
  private readonly schedule: IdleScheduler;
  private teardown: Array<() => void> = [];
  private focused = -1;
  private forced = false;
  /** Bumped by every run and by clear(): a run that finds it changed stops where it is. */
  private generation = 0;
  state: MarkerState = 'idle';

  constructor(
    private readonly doc: Document,
    private readonly win: Window & typeof globalThis,
    private settings: Settings,
    private readonly services: PageMarkerServices,
  ) {
    this.marks = new MarkSet(highlightApiOf(win), doc);
    this.schedule = idleScheduler(win);
  }

  /**
   * Extracts, recognises and marks the page, each stage in an idle slice of its own so that no
   * single task holds the page for long; with `force`, marks it even when it does not look
   * like an article. Resolves to the number of marks, or to -1 when a newer run or `clear()`
   * overtook this one (which then owns the page).
   */
  async run(force = false): Promise<number> {
    this.forced ||= force;
    const run = ++this.generation;
    const analysis = await this.inSlices(run, this.services.analyze(this.doc, this.forced));
    return analysis ? this.markFrom(run, analysis) : -1;
  }

  private async markFrom(run: number, analysis: ArticleAnalysis): Promise<number> {
    this.analysis = analysis;
    if (!analysis.root || (!analysis.isArticle && !this.forced)) {
      this.state = 'not-article';
      this.services.onMarked(0, analysis);
      return 0;
    }
    await this.nextSlice();
    if (run !== this.generation) return -1;
    const entities = await this.services.recognize(analysis.map.text);
    await this.nextSlice();
    if (run !== this.generation) return -1;
    this.paint(analysis, entities);
    return this.painted.length;
  }

  /**
   * Runs `steps`, as many as fit in SLICE_BUDGET_MS, then gives the page back until its next
   * idle period; null when run `run` was overtaken meanwhile.
   */
  private async inSlices<T>(run: number, steps: Steps<T>): Promise<T | null> {
    const clock = this.win.performance;
    for (let sliceStart = clock.now(); ; ) {
      const step = steps.next();
      if (step.done) return step.value;
      if (clock.now() - sliceStart < SLICE_BUDGET_MS) continue;
      await this.nextSlice();
      if (run !== this.generation) return null;
      sliceStart = clock.now();
    }
  }

  private paint(analysis: ArticleAnalysis, entities: Entity[]): void {
    this.painted = this.marks.sync(analysis.map, entities, this.settings.markTypes, this.settings.markStyle);
    // Sorted as EntityIndex sorts, so that mark i of the index is painted[i].
    this.painted.sort((a, b) => a.entity.start - b.entity.start || b.entity.end - a.entity.end);
    this.index = new EntityIndex(this.painted.map((p) => p.entity));
    this.offsets = new NodeOffsets(analysis.map);
    this.state = 'marked';
    this.startListening(analysis.root!);
    this.services.onMarked(this.painted.length, analysis);
  }

  /** Resolves in the page's next idle period: the pipeline gives the page back between steps. */
  private nextSlice(): Promise<void> {
    return new Promise((resolve) => this.schedule(resolve));
  }

  /** New settings: repaint with the new types and style, or remove everything. */
  applySettings(settings: Settings, offHere: boolean): void {
    this.settings = settings;
    if (offHere) {
      this.clear();
      this.state = 'off';
      return;
    }
    if (this.state === 'off' || this.state === 'marked') void this.run();
  }

  get article(): ArticleAnalysis | null {
    return this.analysis;
  }

  /** Marks painted now. */
  get markCount(): number {
    return this.painted.length;
  }

  get entityIndex(): EntityIndex {
    return this.index;
  }

  rangeOf(index: number): Range | null {
    return this.painted[index]?.range ?? null;
  }

  /** Moves the keyboard focus to the next (or previous) mark, scrolls to it and opens its card. */
  focusStep(direction: 1 | -1): number {
    const next = this.index.step(this.focused, direction);
    if (next >= 0) this.focusMark(next);
    return next;
  }

  /** Scrolls mark `index` into view, draws the focus on it and opens its card. */
  focusMark(index: number): boolean {
    const range = this.rangeOf(index);
    if (!range) return false;
    this.focused = index;
    const api = highlightApiOf(this.win);
    if (api) api.registry.set(FOCUS_HIGHLIGHT, api.create([range]));
    const rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > this.win.innerHeight) {
      this.win.scrollBy({ top: rect.top - this.win.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    }
    // Scrolling closes cards; open this one after the scroll event has passed.
    this.win.requestAnimationFrame(() => this.services.card.show(this, index, lineAt([...range.getClientRects()], -1, -1) ?? range.getBoundingClientRect()));
    return true;
  }

  /** Puts back marks that the page's scripts took out of the shared highlight registry. */
  repairMarks(): void {
    if (this.state === 'marked') this.marks.repair();
  }

  /** Removes every mark, the card and every listener; the page is as it was. */
  clear(): void {
    this.generation++;
    for (const stop of this.teardown.splice(0)) stop();
    this.services.card.hide();
    this.marks.clear();
    highlightApiOf(this.win)?.registry.delete(FOCUS_HIGHLIGHT);
    this.painted = [];
    this.index = new EntityIndex([]);
    this.offsets = null;
    this.focused = -1;
    this.state = 'idle';
  }

  destroy(): void {
    this.clear();
  }

  private startListening(root: Element): void {
    if (this.teardown.length > 0) return;
    this.teardown.push(
      trackHover(this.doc, this.win, {
        hitTest: (x, y) => this.hitTest(x, y),
        isOwnUi: (node) => this.services.card.isOwnUi(node),
        onEnter: (hit, x, y) => {
          const range = this.rangeOf(hit.key);
          // Next to the line under the pointer: a mark that wraps spans two lines' width.
          if (range) this.services.card.show(this, hit.key, lineAt([...range.getClientRects()], x, y) ?? range.getBoundingClientRect());
        },
        onLeave: () => this.services.card.hide(),
      }),
      // Watch the whole body: late paragraphs may arrive outside the first root, and SPA
      // navigations replace it altogether.
      watchContent(this.doc.body ?? root, this.schedule, () => this.refresh(), (node) => this.services.card.isOwnUi(node)),
    );
  }

  /** Late content or a changed page: extract again and paint the difference. */
  private refresh(): void {
    if (this.state !== 'marked') return;
    this.marks.repair();
    void this.refreshText().catch((error: unknown) => console.debug('[newsmark] refresh failed', error));
  }

  private async refreshText(): Promise<void> {
    const run = ++this.generation;
    const before = this.analysis;
    const after = await this.inSlices(run, this.services.analyze(this.doc, this.forced));
    // Most mutations on news pages are ads and widgets: when the article text is the same,
    // the marks' live ranges still hold and there is nothing to do.
    if (!after || (before && sameText(before, after))) return;
    await this.markFrom(run, after);
  }

  private hitTest(x: number, y: number): { key: number } | null {
    if (!this.offsets) return null;
    const caret = caretAtPoint(this.doc, x, y);
    if (!caret) return null;
    const offset = this.offsets.textOffset(caret.node, caret.offset);
    if (offset < 0) return null;
    // The caret sits between characters: the entity may start at or end just before it.
    for (const probe of [offset, offset - 1]) {
      const index = this.index.indexAt(probe);
      const range = this.rangeOf(index);
      if (index >= 0 && range && rangeContainsPoint(range, x, y)) return { key: index };
    }
    return null;
  }
}

/** Same text over the same live nodes: the painted ranges are still right. */
function sameText(a: ArticleAnalysis, b: ArticleAnalysis): boolean {
  if (a.root !== b.root || a.map.text !== b.map.text || a.map.segments.length !== b.map.segments.length) return false;
  return a.map.segments.every((segment, i) => segment.node === b.map.segments[i]!.node);
}
