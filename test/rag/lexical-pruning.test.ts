import { describe, expect, it, vi } from 'vitest';
import { seededRandom as rng } from '../../bench/lib/synthetic-corpus.js';
import type { Chunk } from '../../src/rag/chunk.js';
import { LexicalIndex } from '../../src/rag/lexical-index.js';

/** Vietnamese syllables, the first ones much more frequent (Zipf-like), as in administrative text. */
const SYLLABLES =
  'thực hiện kế hoạch báo cáo đơn vị cơ quan tỉnh sở phòng ban hành chính cải cách thủ tục công thương quyết định trách nhiệm chủ trì phối hợp kinh phí dự toán năm tháng ngày kiểm tra giám sát đánh giá kết quả nhiệm vụ chỉ tiêu người dân doanh nghiệp điện tử dịch vụ trực tuyến hồ sơ tiếp nhận giải quyết thời hạn'.split(
    ' ',
  );

function corpus(n: number, seed: number): Chunk[] {
  const r = rng(seed);
  const word = () => SYLLABLES[Math.floor(SYLLABLES.length * r() ** 2.5)] as string;
  const out: Chunk[] = [];
  for (let i = 0; i < n; i++) {
    const len = 8 + Math.floor(r() * 40);
    const text = Array.from({ length: len }, word).join(' ');
    const trail = [`Điều ${1 + (i % 17)}`, Array.from({ length: 3 }, word).join(' ')];
    out.push({
      id: `c${i}`,
      docId: `${100 + (i % 23)}/QĐ-UBND`,
      docTitle: 'Quyết định',
      docType: 'quyết định',
      file: `f${i % 23}.txt`,
      section: trail.join(', '),
      trail,
      text,
      kind: 'passage',
      hash: `h${i}`,
    });
  }
  return out;
}

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
        const pruned = index.search(query, limit);
        const exhaustive = index.search(query, limit, [], true);
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
    expect(index.search(query, 20, extra)).toEqual(index.search(query, 20, extra, true));
    expect(index.search(query, 20, extra).length).toBe(20);
    expect(index.search('', 10)).toEqual([]);
    expect(index.search('xyzzy', 10)).toEqual([]);
  });
});
