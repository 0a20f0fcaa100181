/**
 * The marks of one article: which entities are painted, under which names, with which
 * ranges. Repainting after late content keeps the marks of entities that did not change
 * (same node, offset, length and type) and only adds or removes the difference.
 */
import type { Entity, EntityType } from '../contracts/entities';
import { rangeFromOffsets, type TextMap } from '../article/text-map';
import type { MarkStyle } from '../settings/settings';
import { highlightName } from './highlight-names';
import type { HighlightApi } from './highlight-api';
import { ElementPainter } from './element-painter';

export interface Painted {
  entity: Entity;
  range: Range;
}

export class MarkSet {
  private painted = new Map<string, Painted>();
  private readonly highlights = new Map<string, Highlight>();
  private readonly elements: ElementPainter | null;

  constructor(
    private readonly api: HighlightApi | null,
    doc: Document,
  ) {
    this.elements = api ? null : new ElementPainter(doc);
  }

  /** Paints exactly `entities` (those of the enabled types), reusing the marks that stay. */
  sync(map: TextMap, entities: readonly Entity[], types: Record<EntityType, boolean>, style: MarkStyle): Painted[] {
    const next = new Map<string, Painted>();
    for (const entity of entities) {
      if (!types[entity.type]) continue;
      const range = liveRange(map, entity);
      if (!range) continue;
      const key = markKey(entity, range, style);
      next.set(key, this.painted.get(key) ?? { entity, range });
    }
    if (this.api) this.syncHighlights(next, style);
    else this.repaintElements(next);
    this.painted = next;
    return [...next.values()];
  }

  get size(): number {
    return this.painted.size;
  }

  clear(): void {
    for (const name of this.highlights.keys()) this.api?.registry.delete(name);
    this.highlights.clear();
    this.elements?.clear();
    this.painted.clear();
  }

  /** Puts back highlights the page's scripts removed from the shared registry. */
  repair(): void {
    if (!this.api) return;
    for (const [name, highlight] of this.highlights) {
      if (this.api.registry.get(name) !== highlight) this.api.registry.set(name, highlight);
    }
  }

  private syncHighlights(next: Map<string, Painted>, style: MarkStyle): void {
    const api = this.api!;
    for (const [key, mark] of this.painted) {
      if (!next.has(key)) this.highlights.get(highlightName(mark.entity.type, style))?.delete(mark.range);
    }
    for (const [key, mark] of next) {
      if (this.painted.has(key)) continue;
      const name = highlightName(mark.entity.type, style);
      let highlight = this.highlights.get(name);
      if (!highlight) {
        highlight = api.create([]);
        this.highlights.set(name, highlight);
        api.registry.set(name, highlight);
      }
      highlight.add(mark.range);
    }
    // A style change leaves the other style's highlights empty: drop them from the registry.
    for (const [name, highlight] of this.highlights) {
      if (highlight.size === 0) {
        api.registry.delete(name);
        this.highlights.delete(name);
      }
    }
  }

  private repaintElements(next: Map<string, Painted>): void {
    // Wrapped marks split text nodes, so the fallback repaints from scratch.
    this.elements!.clear();
    this.elements!.paint([...next.values()].map((mark) => ({ type: mark.entity.type, range: mark.range })));
  }
}

function markKey(entity: Entity, range: Range, style: MarkStyle): string {
  return `${style}|${entity.type}|${entity.end - entity.start}|${nodeId(range.startContainer)}:${range.startOffset}`;
}

const ids = new WeakMap<Node, number>();
let nextId = 0;
function nodeId(node: Node): number {
  let id = ids.get(node);
  if (id === undefined) ids.set(node, (id = nextId++));
  return id;
}

/**
 * The range of `entity` in the live page, or null when the page changed its text since the
 * map was made (recognition runs in a later idle slice than extraction): a stale entity is
 * left for the refresh that the change itself triggers, never painted on the wrong words.
 */
function liveRange(map: TextMap, entity: Entity): Range | null {
  let range: Range | null;
  try {
    range = rangeFromOffsets(map, entity.start, entity.end);
  } catch {
    return null; // an offset past the end of a node that shrank
  }
  return range && folded(range.toString()) === folded(entity.text) ? range : null;
}

function folded(text: string): string {
  return text.replace(/\s+/g, ' ');
}
