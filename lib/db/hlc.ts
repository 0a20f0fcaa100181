/**
 * Hybrid logical clock (Kulkarni et al., 2014): a timestamp that follows wall time but never
 * goes backwards and orders events across devices even when their clocks disagree.
 *
 * Encoded as a fixed-width string, so that plain string comparison orders stamps (and an
 * IndexedDB index on `updatedAt` lists changes in order):
 *   `<wall ms, 13 digits>-<counter, 5 base-36 digits>-<node id>`
 * The node id (random per install) breaks ties between devices deterministically.
 *
 * Records keep one stamp per field (`clocks`) besides `updatedAt`, so sync can merge two
 * concurrent edits field by field: for each field the value with the greater stamp wins, and
 * `receiveHlc` moves the local clock past every remote stamp it sees.
 */

export interface Hlc {
  /** Milliseconds since the epoch: the largest wall time seen. */
  wall: number;
  /** Events within the same `wall` millisecond. */
  counter: number;
  node: string;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;

export function encodeHlc({ wall, counter, node }: Hlc): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function decodeHlc(stamp: string): Hlc {
  const match = /^(\d{13})-([0-9a-z]{5})-(.+)$/.exec(stamp);
  if (!match) throw new Error(`Not a hybrid logical clock stamp: "${stamp}"`);
  return { wall: Number(match[1]), counter: parseInt(match[2]!, 36), node: match[3]! };
}

/** The first clock of a node. */
export function initialHlc(node: string): Hlc {
  return { wall: 0, counter: 0, node };
}

/** The stamp of a local event at wall time `now`. */
export function tickHlc(last: Hlc, now: number): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, node: last.node };
  return bump({ wall: last.wall, counter: last.counter + 1, node: last.node });
}

/** The local clock after seeing a remote stamp at wall time `now`. */
export function receiveHlc(last: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(last.wall, remote.wall, now);
  let counter = 0;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return bump({ wall, counter, node: last.node });
}

/** Orders two encoded stamps: negative, zero or positive. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A counter that would overflow its digits carries into the next millisecond instead. */
function bump(clock: Hlc): Hlc {
  return clock.counter > MAX_COUNTER ? { wall: clock.wall + 1, counter: 0, node: clock.node } : clock;
}
