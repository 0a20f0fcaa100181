// @vitest-environment node
import { expect, it, vi } from 'vitest';
import { batchedMarks } from '@/components/highlight-actions';
import type { ConflictMark, RecordRef } from '@/lib/contracts/sync';

it('asks once for the marks of every list that asks in one task, and answers each its own', async () => {
  const ask = vi.fn(async (refs: RecordRef[]): Promise<ConflictMark[]> => refs.filter((r) => r.id.endsWith('!')).map((r) => ({ ...r, note: true })));
  const marks = batchedMarks(ask);
  const [first, second] = await Promise.all([
    marks([{ kind: 'highlight', id: 'h1!' }, { kind: 'highlight', id: 'h2' }]),
    marks([{ kind: 'article', id: 'a1!' }]),
  ]);
  expect(ask).toHaveBeenCalledTimes(1);
  expect(first).toEqual([{ kind: 'highlight', id: 'h1!', note: true }]);
  expect(second).toEqual([{ kind: 'article', id: 'a1!', note: true }]);
  // A later task asks again; a failure reaches every list that asked.
  const failing = batchedMarks(async () => Promise.reject(new Error('worker gone')));
  await expect(Promise.all([failing([{ kind: 'highlight', id: 'x' }]), failing([{ kind: 'article', id: 'y' }])])).rejects.toThrow('worker gone');
  await marks([{ kind: 'highlight', id: 'h3' }]);
  expect(ask).toHaveBeenCalledTimes(2);
});
