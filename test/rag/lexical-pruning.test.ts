import { describe, expect, it, vi } from 'vitest';
import { seededRandom as rng } from '../../bench/lib/synthetic-corpus.js';
import { LexicalIndex } from '../../src/rag/lexical-index.js';
import { syllableCorpus as corpus, SYLLABLES } from '../helpers/syllable-corpus.js';

describe('LexicalIndex pruning (MaxScore bound)', () => {
  it('gives exactly the exhaustive ranking and scores on a seeded corpus with very common terms', () => {
    const index = LexicalIndex.build(corpus(3000, 15));
    // The pruned paths (private) must actually run, or the comparison proves nothing.
    const proto = LexicalIndex.prototype as unknown as Record<string, (...a: unknown[]) => void>;
    const marked = vi.spyOn(proto, 'scanMarked');
    const lookUp = vi.spyOn(proto, 'lookUp');
    const r = rng(99);
    const word = () => SYLLABLES[Math.floor(SYLLABLES.length * r() ** 1.5)] as string;
    let compared = 0;
    for (let q = 0; q < 120; q++) {
      const words = Array.from({ length: 2 + Math.floor(r() * 12) }, word);
      // Half the questions typed without accents (folded fields only).
      const query =
        q % 2 === 0
          ? words.join(' ')
          : words
              .join(' ')
              .normalize('NFD')
              .replace(/[\u0300-\u036f]/g, '')
              .replace(/đ/g, 'd');
      for (const limit of [1, 10, 30]) {
        const pruned = index.search(query, limit, [], 'pruned');
        const exhaustive = index.search(query, limit, [], 'exhaustive');
        expect(pruned).toEqual(exhaustive);
        compared += exhaustive.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(marked.mock.calls.length + lookUp.mock.calls.length).toBeGreaterThan(50);
    marked.mockRestore();
    lookUp.mockRestore();
  });

  it('keeps weaker alternatives, unknown words and an empty query exact too', () => {
    const index = LexicalIndex.build(corpus(800, 7));
    const extra = [{ text: 'hồ sơ trực tuyến', weight: 0.5 }];
    const query = 'thực hiện kế hoạch báo cáo kinh phí xyzzy';
    expect(index.search(query, 20, extra, 'pruned')).toEqual(index.search(query, 20, extra, 'exhaustive'));
    expect(index.search(query, 20, extra).length).toBe(20);
    for (const scoring of ['pruned', 'exhaustive'] as const) {
      expect(index.search('', 10, [], scoring)).toEqual([]);
      expect(index.search('xyzzy', 10, [], scoring)).toEqual([]);
    }
  });
});
