/**
 * The entities of one article, ordered by position, with the two lookups the page needs:
 * which entity is at a text offset (hover), and where else the article names the same thing
 * (the card's "n mentions" and "next").
 */
import type { Entity } from '../contracts/entities';

/** Mentions of the same company share its id; figures are the same when type, value and currency agree. */
export function entityKey(entity: Entity): string {
  if (entity.type === 'company') return `company:${entity.id ?? entity.name ?? entity.text.toLowerCase()}`;
  if (entity.value !== undefined) return `${entity.type}:${entity.value}:${entity.currency ?? ''}`;
  return `${entity.type}:${entity.text.toLowerCase()}`;
}

export class EntityIndex {
  readonly entities: readonly Entity[];
  private readonly byKey = new Map<string, number[]>();

  constructor(entities: readonly Entity[]) {
    this.entities = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
    this.entities.forEach((entity, i) => {
      const key = entityKey(entity);
      const list = this.byKey.get(key);
      if (list) list.push(i);
      else this.byKey.set(key, [i]);
    });
  }

  /** Index of the entity covering text offset `offset`, or -1. Binary search: O(log n) per pointer move. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.entities.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const entity = this.entities[mid]!;
      if (offset < entity.start) hi = mid - 1;
      else if (offset >= entity.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** Indexes of every mention of the same thing as entity `index`, in reading order. */
  mentionsOf(index: number): number[] {
    const entity = this.entities[index];
    return entity ? (this.byKey.get(entityKey(entity)) ?? [index]) : [];
  }

  /** The next mention after `index` of the same thing, wrapping around to the first. */
  nextMention(index: number): number {
    const mentions = this.mentionsOf(index);
    const at = mentions.indexOf(index);
    return mentions[(at + 1) % mentions.length] ?? index;
  }

  /** The entity after (or before) `index` in reading order, for keyboard travel between marks. */
  step(index: number, direction: 1 | -1): number {
    const count = this.entities.length;
    if (count === 0) return -1;
    if (index < 0) return direction === 1 ? 0 : count - 1;
    return (index + direction + count) % count;
  }
}
