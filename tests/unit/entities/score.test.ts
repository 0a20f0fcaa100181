import { describe, expect, it } from 'vitest';
import { score, type Span } from '../../../scripts/corpus/entity-score';

const label = (type: string, start: number, end: number, extra: Partial<Span> = {}): Span => ({ doc: 'd', type, start, end, ...extra });

describe('score', () => {
  it('matches overlapping spans of the same type, each label at most once', () => {
    const labels = [label('company', 0, 6), label('company', 10, 16)];
    const predictions = [label('company', 2, 4), label('company', 3, 5), label('money', 10, 16)];
    const s = score(labels, predictions).get('company')!;
    expect([s.tp, s.fp, s.fn]).toEqual([1, 1, 1]);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBe(0.5);
  });

  it('counts a value off by more than 0.5% or a wrong currency as a value error', () => {
    const labels = [label('money', 0, 5, { value: 100, currency: 'USD' }), label('money', 10, 15, { value: 100, currency: 'USD' }), label('percent', 20, 22, { value: 10 })];
    const predictions = [label('money', 0, 5, { value: 100.4, currency: 'USD' }), label('money', 10, 15, { value: 100, currency: 'EUR' }), label('percent', 20, 22, { value: 10.1 })];
    const result = score(labels, predictions);
    expect(result.get('money')!.valueErrors).toBe(1);
    expect(result.get('money')!.valueAccuracy).toBe(0.5);
    expect(result.get('percent')!.valueErrors).toBe(1);
  });

  it('keeps documents apart', () => {
    const s = score([{ doc: 'a', type: 'number', start: 0, end: 2 }], [{ doc: 'b', type: 'number', start: 0, end: 2 }]).get('number')!;
    expect([s.tp, s.fp, s.fn]).toEqual([0, 1, 1]);
  });
});
