import { describe, expect, it } from 'vitest';
import { seededRandom as rng } from '../../bench/lib/synthetic-corpus.js';
import type { Chunk } from '../../src/rag/chunk.js';
import { ChunkFeatureStore, FEATURE_LISTS } from '../../src/rag/chunk-features.js';
import { compiledPairCoverage, compiledSalientGap, compiledTermCoverage, compileEvidence } from '../../src/rag/query/compiled-coverage.js';
import { type Alternative, pairCoverage, type QueryEvidence, salientGap, termCoverage } from '../../src/rag/query/coverage.js';

const WORDS = ['ke', 'hoach', 'a:kế', 'don', 'vi', 'dau', 'moi', 'bao', 'cao', 'truc', 'tuyen', 'xa', 'la'];
const PAIRS = ['ke hoach', 'don vi', 'dau moi', 'bao cao', 'truc tuyen', 'vi dau'];

function evidenceOf(r: () => number): QueryEvidence {
  const pick = <T>(xs: readonly T[], n: number) => Array.from({ length: n }, () => xs[Math.floor(r() * xs.length)] as T);
  const alt = (): Alternative => ({ keys: pick(WORDS, 1 + Math.floor(r() * 3)), pairs: pick(PAIRS, Math.floor(r() * 3)), weight: Math.round(r() * 10) / 10 });
  const terms = [...new Set(pick(WORDS, 2 + Math.floor(r() * 6)))];
  const pairs = [...new Set(pick(PAIRS, Math.floor(r() * 4)))];
  return {
    terms,
    pairs,
    termWeight: new Map(terms.filter(() => r() < 0.3).map((t) => [t, 0.6])),
    termAlternatives: new Map(terms.filter(() => r() < 0.5).map((t) => [t, Array.from({ length: 1 + Math.floor(r() * 2) }, alt)])),
    pairAlternatives: new Map(pairs.filter(() => r() < 0.5).map((p) => [p, Array.from({ length: 1 + Math.floor(r() * 2) }, alt)])),
  };
}

describe('compiled coverage', () => {
  // Keys known to the "feature dictionary"; the rest resolve to −1, like keys no chunk holds.
  const dictionary = new Map([...WORDS, ...PAIRS].filter((_, i) => i % 5 !== 4).map((k, i) => [k, i]));
  const resolve = (k: string) => dictionary.get(k) ?? -1;
  const idf = (k: string) => 1 + (k.length % 4) * 0.37;
  const pairIdf = (p: string) => 2 + (p.length % 3) * 0.51;

  it.each(Array.from({ length: 200 }, (_, i) => i))('gives the same numbers as coverage.ts (seed %i)', (seed) => {
    const r = rng(seed);
    const ev = evidenceOf(r);
    const held = new Set([...WORDS, ...PAIRS].filter(() => r() < 0.5));
    const heldPairs = new Set([...PAIRS].filter(() => r() < 0.5));
    // The string testers see every key; the id testers only the dictionary's (an unknown key is never held by a chunk).
    const has = (k: string) => held.has(k) && dictionary.has(k);
    const hasPair = (k: string) => heldPairs.has(k) && dictionary.has(k);
    const keyOf = new Map([...dictionary].map(([k, i]) => [i, k]));
    const hasId = (id: number) => id >= 0 && held.has(keyOf.get(id) as string);
    const hasPairId = (id: number) => id >= 0 && heldPairs.has(keyOf.get(id) as string);
    const ce = compileEvidence(ev, resolve, idf, pairIdf);
    expect(compiledTermCoverage(ce, hasId, hasPairId)).toBe(termCoverage(ev, has, idf, hasPair));
    expect(compiledTermCoverage(ce, hasId)).toBe(termCoverage(ev, has, idf));
    expect(compiledPairCoverage(ce, hasPairId, hasId)).toBe(pairCoverage(ev, hasPair, pairIdf, has, idf));
    expect(compiledSalientGap(ce, hasId, hasPairId)).toBe(salientGap(ev, has, idf, hasPair));
  });

  it.each([
    ['nothing to cover', { terms: [], pairs: [] }, 0, 0, 0],
    ['one term found', { terms: ['ke'], pairs: [] }, 1, 0, 0],
    ['one term missing', { terms: ['xa'], pairs: [] }, 0, 0, 1],
  ] as const)('%s', (_, sides, term, pair, gap) => {
    const ev: QueryEvidence = {
      terms: [...sides.terms],
      pairs: [...sides.pairs],
      termWeight: new Map(),
      termAlternatives: new Map(),
      pairAlternatives: new Map(),
    };
    const ce = compileEvidence(ev, resolve, idf, pairIdf);
    const hasId = (id: number) => id === resolve('ke');
    expect(compiledTermCoverage(ce, hasId)).toBe(term);
    expect(compiledPairCoverage(ce, hasId, hasId)).toBe(pair);
    expect(compiledSalientGap(ce, hasId)).toBe(gap);
  });
});

describe('ChunkFeatureStore.idTester', () => {
  const chunk = (id: string, text: string): Chunk => ({
    id,
    docId: 'QĐ 9',
    docTitle: 'Quyết định thử',
    docType: 'quyết định',
    file: `${id}.txt`,
    section: 'Điều 1',
    trail: ['Điều 1'],
    text,
    kind: 'passage',
    hash: id + text,
  });
  const store = ChunkFeatureStore.build(
    [
      chunk('a', 'Thủ tục hành chính được giải quyết trong thời hạn 10 ngày làm việc.'),
      chunk('b', 'Kinh phí thực hiện kế hoạch do ngân sách tỉnh bảo đảm.'),
      chunk('c', 'Báo cáo kết quả thực hiện gửi Ủy ban nhân dân tỉnh.'),
    ],
    { aliases: () => '' },
  );
  const probes = ['thu', 'tuc', 'kinh', 'phi', 'a:kinh', 'bao cao', 'ke hoach', 'thuc hien', 'khong co', 'xyz', '10', 'tinh'];

  it.each(['a', 'b', 'c', 'missing'])('answers like tester for every list of chunk %s', (id) => {
    for (const list of FEATURE_LISTS) {
      const byKey = store.tester(id, list);
      const byId = store.idTester(id, list);
      for (const k of probes) expect(byId(store.keyIdOf(k))).toBe(byKey(k));
    }
  });

  it('gives −1 for a key no chunk holds', () => {
    expect(store.keyIdOf('khong-co-dau')).toBe(-1);
    expect(store.idTester('a', 'words')(-1)).toBe(false);
  });
});
