import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/rag/fusion.js';

describe('reciprocalRankFusion', () => {
  it('ranks an id found by both lists above ids found by one', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['b', 'd'],
    ]);
    expect(fused.map((h) => h.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 10);
    expect(fused[0]?.ranks).toEqual([2, 1]);
    expect(fused.find((h) => h.id === 'c')?.ranks).toEqual([3, null]);
  });

  it('applies weights per list', () => {
    const fused = reciprocalRankFusion([['a'], ['b']], [1, 2]);
    expect(fused.map((h) => h.id)).toEqual(['b', 'a']);
    expect(fused[0]?.score).toBeCloseTo(2 / 61, 10);
  });

  it('uses k as the damping constant', () => {
    expect(reciprocalRankFusion([['a']], undefined, 0)[0]?.score).toBe(1);
  });

  it('counts a duplicate inside one list once, at its best rank', () => {
    const fused = reciprocalRankFusion([['a', 'a', 'b']]);
    expect(fused.find((h) => h.id === 'a')?.score).toBeCloseTo(1 / 61, 10);
    expect(fused.find((h) => h.id === 'b')?.ranks).toEqual([3]);
  });

  it('breaks ties deterministically by best rank, then id', () => {
    const fused = reciprocalRankFusion([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(fused.map((h) => h.id)).toEqual(['x', 'y']);
  });

  it('rejects a weight count that does not match and a negative k', () => {
    expect(() => reciprocalRankFusion([['a'], ['b']], [1])).toThrow(RangeError);
    expect(() => reciprocalRankFusion([['a']], [1], -1)).toThrow(RangeError);
  });

  it('returns nothing for empty lists', () => {
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});
