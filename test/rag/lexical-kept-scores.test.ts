import { describe, expect, it, vi } from 'vitest';
import { seededRandom as rng } from '../../bench/lib/synthetic-corpus.js';
import { LexicalIndex, type LexicalScoring } from '../../src/rag/lexical-index.js';
import { PostingScores } from '../../src/rag/posting-scores.js';
import { SYLLABLES, syllableCorpus } from '../helpers/syllable-corpus.js';

const NONE = { minPostings: Number.POSITIVE_INFINITY, maxScores: 0 };
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');

describe('LexicalIndex kept posting scores', () => {
  it('ranks and scores exactly like scoring every posting on each scan, within and past the budget', () => {
    const chunks = syllableCorpus(12000, 2026);
    const reference = LexicalIndex.build(chunks);
    reference.useScores(new PostingScores(NONE));
    const partial = LexicalIndex.build(chunks);
    // A budget a third of all postings: some long lists are kept, later ones are scored on each scan.
    const postings = chunks.reduce((n, c) => n + 2 * (new Set(c.text.split(' ')).size + new Set(c.trail.join(' ').split(' ')).size), 0);
    const cap = Math.floor(postings / 3);
    const kept = new PostingScores({ minPostings: 256, maxScores: cap });
    partial.useScores(kept);
    const full = LexicalIndex.build(chunks);

    const proto = LexicalIndex.prototype as unknown as Record<string, (...a: unknown[]) => void>;
    const dense = vi.spyOn(proto, 'scanDense');
    const sparse = vi.spyOn(proto, 'scanList');
    const r = rng(7);
    const word = () => SYLLABLES[Math.floor(SYLLABLES.length * r() ** 1.2)] as string;
    const queries = [
      ...Array.from({ length: 80 }, (_, q) => {
        const words = Array.from({ length: 1 + Math.floor(r() * 14) }, word).join(' ');
        return q % 2 === 0 ? words : fold(words);
      }),
      // Single rare syllables: fewer postings than documents (the path that lists the documents touched).
      ...SYLLABLES.slice(-6),
      SYLLABLES.join(' '),
    ];
    let compared = 0;
    for (const query of queries) {
      const want = reference.search(query, 30, [], 'exhaustive');
      for (const [index, scoring] of [
        [partial, 'exhaustive'],
        [partial, 'pruned'],
        [full, 'exhaustive'],
        [full, 'pruned'],
      ] as Array<[LexicalIndex, LexicalScoring]>) {
        expect(index.search(query, 30, [], scoring)).toEqual(want);
      }
      compared += want.length;
    }
    expect(compared).toBeGreaterThan(2000);
    expect(dense.mock.calls.length).toBeGreaterThan(100);
    expect(sparse.mock.calls.length).toBeGreaterThan(5);
    // Both kinds of list ran: kept ones, and long ones past the budget.
    expect(kept.size).toBeGreaterThan(cap / 2);
    expect(kept.size).toBeLessThanOrEqual(cap);
    expect(full.keptScores).toBeGreaterThan(kept.size);
    dense.mockRestore();
    sparse.mockRestore();
  });

  it('keeps only long lists, stops at the budget and names each distinct score once', () => {
    const scores = new PostingScores({ minPostings: 4, maxScores: 10 });
    let computed = 0;
    const fill = (out: Uint16Array, code: (key: number, score: () => number) => number) => {
      for (let i = 0; i < out.length; i++) out[i] = code(i % 2, () => 0.25 + 10 * computed++);
    };
    expect(scores.of(0, 3, fill)).toBeNull();
    const six = scores.of(1, 6, fill);
    expect(six && [...six].map((c) => scores.values[c])).toEqual([0.25, 10.25, 0.25, 10.25, 0.25, 10.25]);
    expect(scores.of(1, 6, () => expect.fail('filled twice'))).toBe(six);
    expect(scores.of(2, 5, fill)).toBeNull();
    expect(scores.of(3, 4, fill)?.length).toBe(4);
    expect(computed).toBe(2);
    expect(scores.size).toBe(10);
  });
});
