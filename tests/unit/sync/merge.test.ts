// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson, type SyncBody } from '@/lib/sync/body';
import type { TextRegister } from '@/lib/contracts/sync';
import { conflictCopies, dismissCopy, mergeBodies, mergeTexts, shownText, writeText } from '@/lib/sync/merge';

const clock = (n: number, node: string): string => `${String(1_700_000_000_000 + n).padStart(13, '0')}-00000-${node}`;

/** Random states of one record built the way devices build them: writes on top of merges. */
const bodies: fc.Arbitrary<SyncBody[]> = fc
  .array(
    fc.record({
      device: fc.constantFrom('a', 'b', 'c'),
      at: fc.nat(50),
      field: fc.constantFrom('colour', 'deleted', 'note'),
      value: fc.nat(3),
      mergeFrom: fc.option(fc.nat(20)),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((ops) => {
    const states: SyncBody[] = [];
    const latest: Record<string, SyncBody> = {};
    for (const op of ops) {
      let body = latest[op.device] ?? { kind: 'highlight', id: 'h1', fields: {}, texts: {} };
      if (op.mergeFrom !== null && states.length) body = mergeBodies(body, states[op.mergeFrom % states.length]!);
      const c = clock(op.at * 3 + states.length, op.device);
      if (op.field === 'note') body = { ...body, texts: { note: writeText(body.texts.note, op.device, c, `text ${op.value}`) } };
      else body = { ...body, fields: { ...body.fields, [op.field]: { c, v: op.field === 'deleted' ? op.value % 2 === 0 : op.value } } };
      latest[op.device] = body;
      states.push(body);
    }
    return states;
  });

const same = (a: SyncBody, b: SyncBody): void => expect(canonicalJson(a)).toBe(canonicalJson(b));

describe('mergeBodies is a join, so sync order does not matter', () => {
  test('one clock, two texts (a misbehaving writer) merge to the same text in either order', () => {
    // Found by the property below (seed 1057044551): the text kept depended on the merge order.
    const seen = { c: clock(115, 'c') };
    const zero: TextRegister = { versions: [{ c: clock(115, 'c'), n: 'c', t: 'text 0' }], seen };
    const one: TextRegister = { versions: [{ c: clock(115, 'c'), n: 'c', t: 'text 1' }], seen };
    expect(mergeTexts(zero, one)).toEqual(mergeTexts(one, zero));
  });

  test('commutative, associative, idempotent', () => {
    fc.assert(
      fc.property(bodies, fc.nat(), fc.nat(), fc.nat(), (states, i, j, k) => {
        const [a, b, c] = [states[i % states.length]!, states[j % states.length]!, states[k % states.length]!];
        same(mergeBodies(a, b), mergeBodies(b, a));
        same(mergeBodies(mergeBodies(a, b), c), mergeBodies(a, mergeBodies(b, c)));
        same(mergeBodies(a, a), mergeBodies(mergeBodies(a, a), a));
        same(mergeBodies(mergeBodies(a, b), b), mergeBodies(a, b));
      }),
      { numRuns: 300 },
    );
  });

  test('any order of merging every state gives one result', () => {
    fc.assert(
      fc.property(bodies.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))), ([states, shuffled]) => {
        same(states.reduce(mergeBodies), shuffled.reduce(mergeBodies));
      }),
      { numRuns: 200 },
    );
  });
});

describe('notes', () => {
  const base = writeText(undefined, 'a', clock(1, 'a'), 'original');

  test('two devices editing at once: the later text shows, the other is a conflict copy', () => {
    const onA = writeText(base, 'a', clock(5, 'a'), 'from A');
    const onB = writeText(base, 'b', clock(6, 'b'), 'from B');
    const merged = mergeTexts(onA, onB);
    expect(shownText(merged)).toBe('from B');
    expect(conflictCopies(merged).map((v) => v.t)).toEqual(['from A']);
  });

  test('an edit made after seeing the other one replaces it without a copy', () => {
    const onA = writeText(base, 'a', clock(5, 'a'), 'from A');
    const onB = writeText(mergeTexts(base, onA), 'b', clock(6, 'b'), 'B on top of A');
    const merged = mergeTexts(onA, onB);
    expect(shownText(merged)).toBe('B on top of A');
    expect(conflictCopies(merged)).toEqual([]);
  });

  test('a dismissed copy stays dismissed when an older state comes back', () => {
    const onA = writeText(base, 'a', clock(5, 'a'), 'from A');
    const onB = writeText(base, 'b', clock(6, 'b'), 'from B');
    const merged = mergeTexts(onA, onB);
    const dismissed = dismissCopy(merged, conflictCopies(merged)[0]!);
    expect(conflictCopies(mergeTexts(dismissed, onA))).toEqual([]);
  });

  test('editing the note keeps conflict copies until dismissed', () => {
    const merged = mergeTexts(writeText(base, 'a', clock(5, 'a'), 'from A'), writeText(base, 'b', clock(6, 'b'), 'from B'));
    const edited: TextRegister = writeText(merged, 'b', clock(9, 'b'), 'edited');
    expect(shownText(edited)).toBe('edited');
    expect(conflictCopies(edited).map((v) => v.t)).toEqual(['from A']);
  });
});

describe('deletes are tombstones', () => {
  const body = (fields: SyncBody['fields']): SyncBody => ({ kind: 'highlight', id: 'h', fields, texts: {} });

  test('an edit made elsewhere to a deleted record is kept inside the tombstone', () => {
    const created = { colour: { c: clock(1, 'a'), v: 'yellow' }, deleted: { c: clock(1, 'a'), v: false } };
    const deletedOnA = body({ ...created, deleted: { c: clock(5, 'a'), v: true } });
    const editedOnB = body({ ...created, colour: { c: clock(7, 'b'), v: 'blue' } });
    const merged = mergeBodies(deletedOnA, editedOnB);
    expect(merged.fields.deleted?.v).toBe(true);
    expect(merged.fields.colour?.v).toBe('blue');
    const undone = mergeBodies(merged, body({ ...created, deleted: { c: clock(9, 'b'), v: false } }));
    expect(undone.fields).toEqual({ colour: { c: clock(7, 'b'), v: 'blue' }, deleted: { c: clock(9, 'b'), v: false } });
  });
});
