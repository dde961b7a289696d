/**
 * The vector cache's segments: rows spilled to disk during a build are read
 * back, saved as one segment of the new snapshot, and reused by the next.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorCache } from '../../src/rag/vector-cache.js';
import { tempDir } from '../helpers/knowledge-base.js';

const row = (seed: number, dim = 8) => Float32Array.from({ length: dim }, (_, i) => seed * 10 + i);

describe('VectorCache', () => {
  it('reads spilled rows back and keeps them as a segment of the snapshot', () => {
    const snap = tempDir('cchc-vc-');
    const cache = VectorCache.empty(8);
    cache.set('a', row(1));
    cache.set('b', row(2));
    cache.spill(snap);
    cache.set('c', row(3));
    cache.spill(snap);
    cache.set('d', row(4));
    expect(cache.has('a') && cache.has('c') && cache.has('d')).toBe(true);
    expect([...(cache.get('b') ?? [])]).toEqual([...row(2)]);
    expect([...(cache.get('c') ?? [])]).toEqual([...row(3)]);
    cache.save(snap, ['a', 'b', 'c', 'd']);
    cache.close();
    // One spilled segment plus one for the row still in memory.
    expect(readdirSync(snap).filter((n) => n.startsWith('vectors-')).length).toBe(2);

    const next = join(tempDir('cchc-vc-'), 'next');
    mkdirSync(next);
    const reopened = VectorCache.open(snap, 8);
    expect(reopened.chunkKeys).toEqual(['a', 'b', 'c', 'd']);
    for (const [k, s] of [
      ['a', 1],
      ['c', 3],
      ['d', 4],
    ] as const)
      expect([...(reopened.get(k) ?? [])]).toEqual([...row(s)]);
    reopened.set('e', row(5));
    reopened.save(next, ['a', 'c', 'd', 'e']);
    reopened.close();
    const again = VectorCache.open(next, 8);
    expect([...(again.get('a') ?? [])]).toEqual([...row(1)]);
    expect([...(again.get('e') ?? [])]).toEqual([...row(5)]);
    again.close();
  });

  it('drops the spilled segment when the live rows are rewritten', () => {
    const snap = tempDir('cchc-vc-');
    const cache = VectorCache.empty(8);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, row(i));
    cache.spill(snap);
    const spilled = readdirSync(snap).filter((n) => n.startsWith('vectors-'));
    expect(spilled.length).toBe(1);
    // Only one of ten rows is live: they are rewritten and the spilled file removed.
    cache.save(snap, ['k7']);
    cache.close();
    expect(existsSync(join(snap, spilled[0] as string))).toBe(false);
    const reopened = VectorCache.open(snap, 8);
    expect([...(reopened.get('k7') ?? [])]).toEqual([...row(7)]);
    reopened.close();
  });
});
