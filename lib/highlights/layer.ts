/**
 * The reader's highlights drawn on the page with the CSS Custom Highlight API: one registry
 * entry per colour (`newsmark-hl-yellow`, ...), each holding the ranges of that colour, so any
 * number of highlights costs one registry write per colour and no change to the page's DOM.
 * Entity marks (lib/marking) are a separate layer under other names.
 */
import { rangeFromOffsets, type TextMap } from '../article/text-map';
import type { HighlightColour } from '../contracts/records';
import type { HighlightApi } from '../marking/highlight-api';

/** Registry name of a colour; marks.css has a `::highlight()` rule for each. */
export function highlightColourName(colour: HighlightColour): string {
  return `newsmark-hl-${colour}`;
}

/** A highlight placed in the current article text. */
export interface PlacedHighlight {
  id: string;
  colour: HighlightColour;
  /** Offsets into the current `TextMap.text`. */
  start: number;
  end: number;
}

interface Drawn extends PlacedHighlight {
  range: Range;
}

export class HighlightLayer {
  private drawn = new Map<string, Drawn>();
  private readonly byColour = new Map<HighlightColour, Highlight>();

  constructor(private readonly api: HighlightApi) {}

  /** Draws more highlights (redrawing any already drawn), in one registry pass; answers the ids that map to no text. */
  addAll(map: TextMap, items: readonly PlacedHighlight[]): string[] {
    const undrawn: string[] = [];
    for (const item of items) {
      this.forget(item.id);
      if (!this.draw(map, item)) undrawn.push(item.id);
    }
    this.register();
    return undrawn;
  }

  /** Draws one more highlight (or redraws one whose id is already drawn); false when its span maps to no text. */
  add(map: TextMap, item: PlacedHighlight): boolean {
    this.remove(item.id);
    const drawn = this.draw(map, item);
    this.register();
    return drawn;
  }

  /** Draws an already drawn highlight in another colour. */
  recolour(id: string, colour: HighlightColour): void {
    const item = this.drawn.get(id);
    if (!item || item.colour === colour) return;
    this.byColour.get(item.colour)?.delete(item.range);
    item.colour = colour;
    this.highlightOf(colour).add(item.range);
    this.register();
  }

  remove(id: string): void {
    if (this.forget(id)) this.register();
  }

  /** The id of the innermost highlight covering text offset `offset` (the one drawn on top), or null. */
  idAt(offset: number): string | null {
    let best: Drawn | null = null;
    for (const item of this.drawn.values()) {
      if (item.start <= offset && offset < item.end && (!best || item.end - item.start <= best.end - best.start)) best = item;
    }
    return best?.id ?? null;
  }

  rangeOf(id: string): Range | null {
    return this.drawn.get(id)?.range ?? null;
  }

  get size(): number {
    return this.drawn.size;
  }

  clear(): void {
    for (const colour of this.byColour.keys()) this.api.registry.delete(highlightColourName(colour));
    this.byColour.clear();
    this.drawn.clear();
  }

  /** Puts back entries the page's scripts removed from the shared registry. */
  repair(): void {
    this.register();
  }

  /** Stops drawing `id` without syncing the registry; whether it was drawn. */
  private forget(id: string): boolean {
    const item = this.drawn.get(id);
    if (!item) return false;
    this.byColour.get(item.colour)?.delete(item.range);
    this.drawn.delete(id);
    return true;
  }

  private draw(map: TextMap, item: PlacedHighlight): boolean {
    const range = rangeFromOffsets(map, item.start, item.end);
    if (!range) return false;
    this.drawn.set(item.id, { ...item, range });
    this.highlightOf(item.colour).add(range);
    return true;
  }

  private highlightOf(colour: HighlightColour): Highlight {
    let highlight = this.byColour.get(colour);
    if (!highlight) {
      highlight = this.api.create([]);
      // The reader's own colour paints over Newsmark's marks where the two meet.
      highlight.priority = 1;
      this.byColour.set(colour, highlight);
    }
    return highlight;
  }

  /** Syncs the registry with what is drawn: empty colours leave it, the others are (re)set. */
  private register(): void {
    for (const [colour, highlight] of this.byColour) {
      const name = highlightColourName(colour);
      if (highlight.size === 0) {
        this.api.registry.delete(name);
        this.byColour.delete(colour);
      } else if (this.api.registry.get(name) !== highlight) {
        this.api.registry.set(name, highlight);
      }
    }
  }
}
