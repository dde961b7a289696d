/**
 * Seeded BM25 test corpora: chunks of Vietnamese administrative syllables,
 * the first ones much more frequent (Zipf-like), so some posting lists are
 * very long, as in the scale corpus.
 */
import { seededRandom as rng } from '../../bench/lib/synthetic-corpus.js';
import type { Chunk } from '../../src/rag/chunk.js';

/** Vietnamese syllables, the first ones much more frequent (Zipf-like), as in administrative text. */
export const SYLLABLES =
  'thực hiện kế hoạch báo cáo đơn vị cơ quan tỉnh sở phòng ban hành chính cải cách thủ tục công thương quyết định trách nhiệm chủ trì phối hợp kinh phí dự toán năm tháng ngày kiểm tra giám sát đánh giá kết quả nhiệm vụ chỉ tiêu người dân doanh nghiệp điện tử dịch vụ trực tuyến hồ sơ tiếp nhận giải quyết thời hạn'.split(
    ' ',
  );

export function syllableCorpus(n: number, seed: number): Chunk[] {
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
