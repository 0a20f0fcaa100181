/**
 * From a position in a live text node to an offset in the article text: the inverse of the
 * TextMap, indexed by node so that a pointer move costs a Map lookup and a short scan.
 */
import type { TextMap, TextSegment } from '../article/text-map';

export class NodeOffsets {
  private readonly byNode = new Map<Text, TextSegment[]>();

  constructor(map: TextMap) {
    for (const segment of map.segments) {
      const list = this.byNode.get(segment.node);
      if (list) list.push(segment);
      else this.byNode.set(segment.node, [segment]);
    }
  }

  /** The text offset of `offset` inside `node`, or -1 when that position is not part of the article text. */
  textOffset(node: Text, offset: number): number {
    for (const segment of this.byNode.get(node) ?? []) {
      const within = offset - segment.nodeOffset;
      if (within >= 0 && within < segment.end - segment.start) return segment.start + within;
    }
    return -1;
  }
}
