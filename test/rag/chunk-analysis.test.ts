/**
 * The analyzer's dictionary is emptied past its limit: batches decoded with
 * the generation they were learnt in give the same term and key ids as an
 * analyzer that never resets, even when decoded after later batches arrive.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/rag/chunk.js';
import { BatchDecoder, ChunkAnalyzer } from '../../src/rag/chunk-analysis.js';

const chunk = (n: number, text: string): Chunk => ({
  id: `QĐ ${n}#Điều 1#passage`,
  docId: `QĐ ${n}`,
  docTitle: 'Quyết định thử',
  docType: 'quyết định',
  file: `qd-${n}.txt`,
  section: 'Điều 1',
  trail: ['Điều 1', `Khoản ${n}`],
  text,
  kind: 'passage',
  hash: `h${n}`,
});

const TEXTS = [
  'Sở Công Thương chủ trì tổ chức kiểm tra hoạt động kinh doanh xăng dầu trên địa bàn tỉnh.',
  'Thời hạn giải quyết thủ tục cấp giấy phép là 15 ngày làm việc kể từ ngày nhận đủ hồ sơ.',
  'Ủy ban nhân dân cấp huyện phối hợp báo cáo kết quả thực hiện trước ngày 15 hằng tháng.',
  'Hồ sơ gồm đơn đề nghị, bản sao giấy chứng nhận đăng ký doanh nghiệp và sơ đồ mặt bằng.',
];

/** Ids from a shared dictionary, so two runs can be compared. */
function interner() {
  const ids = new Map<string, number>();
  return (s: string) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
}

function decodeAll(limit: number | undefined): number[][] {
  const analyzer = new ChunkAnalyzer({ dictionaryLimit: limit });
  const decoder = new BatchDecoder();
  const lex = interner();
  const feat = interner();
  const batches = TEXTS.map((t, i) => {
    const b = analyzer.analyze({ chunks: [chunk(i, t)], aliases: [''], embed: Uint8Array.of(0) });
    decoder.learn(b);
    return b;
  });
  return batches.map((b) => [...decoder.docTerms(b, 0, lex).terms, -1, ...decoder.featureIds(b, 0, feat).flatMap((l) => [...l, -2])]);
}

describe('ChunkAnalyzer dictionary limit', () => {
  it('resets the dictionary past the limit and decodes every batch as without resets', () => {
    const resets = new ChunkAnalyzer({ dictionaryLimit: 10 });
    const flags = TEXTS.map((t, i) => resets.analyze({ chunks: [chunk(i, t)], aliases: [''], embed: Uint8Array.of(0) }).reset);
    expect(flags.slice(1).every(Boolean)).toBe(true);
    // All batches learnt before any is decoded (as when batches wait for their turn).
    expect(decodeAll(10)).toEqual(decodeAll(undefined));
  });
});
