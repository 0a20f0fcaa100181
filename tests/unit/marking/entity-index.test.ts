// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EntityIndex, entityKey } from '@/lib/marking/entity-index';
import type { Entity } from '@/lib/contracts/entities';

const huawei = (start: number, text = 'Huawei'): Entity => ({ type: 'company', start, end: start + text.length, text, id: 'huawei', name: 'Huawei' });
const money = (start: number, text: string, value: number): Entity => ({ type: 'money', start, end: start + text.length, text, value, currency: 'USD' });

describe('EntityIndex', () => {
  const entities = [money(40, '$111 million', 111e6), huawei(0, 'Huawei Technologies'), huawei(80), money(100, 'US$111m', 111e6)];
  const index = new EntityIndex(entities);

  it('orders entities by position and finds the one under an offset', () => {
    expect(index.entities.map((e) => e.start)).toEqual([0, 40, 80, 100]);
    expect(index.indexAt(0)).toBe(0);
    expect(index.indexAt(18)).toBe(0);
    expect(index.indexAt(19)).toBe(-1);
    expect(index.indexAt(45)).toBe(1);
    expect(index.indexAt(85)).toBe(2);
    expect(index.indexAt(1000)).toBe(-1);
  });

  it('groups mentions of the same company by id and of the same figure by value and currency', () => {
    expect(index.mentionsOf(0)).toEqual([0, 2]);
    expect(index.mentionsOf(1)).toEqual([1, 3]);
    expect(entityKey(entities[0]!)).toBe(entityKey(entities[3]!));
  });

  it('cycles through mentions and steps through all marks in reading order', () => {
    expect(index.nextMention(0)).toBe(2);
    expect(index.nextMention(2)).toBe(0);
    expect(index.step(-1, 1)).toBe(0);
    expect(index.step(-1, -1)).toBe(3);
    expect(index.step(3, 1)).toBe(0);
    expect(index.step(0, -1)).toBe(3);
  });

  it('answers -1 on an empty article', () => {
    const empty = new EntityIndex([]);
    expect(empty.indexAt(0)).toBe(-1);
    expect(empty.step(-1, 1)).toBe(-1);
  });
});
