/**
 * Word pairs are counted within clauses (src/rag/chunk-features.ts): no pair
 * spans a sentence end, a clause break or a line break, and numbers written
 * with inner punctuation stay whole.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/rag/chunk.js';
import { chunkFeatureKeys, clausePairs, pairsOf } from '../../src/rag/chunk-features.js';

function chunk(text: string, trail: string[], docId = 'QD-12'): Chunk {
  return { id: 'c1', docId, docTitle: 'Quyết định', section: trail.join('.'), trail, text, kind: 'passage', hash: 'h' } as Chunk;
}

describe('clausePairs', () => {
  it.each([
    ['sentence end', 'Nộp hồ sơ. Nhận kết quả', ['nop ho', 'ho so', 'nhan ket', 'ket qua'], ['so nhan']],
    ['semicolon', 'lập kế hoạch; báo cáo kết quả', ['ke hoach', 'bao cao'], ['hoach bao']],
    ['comma', 'thương mại, dịch vụ', ['thuong mai', 'dich vu'], ['mai dich']],
    ['colon', 'Thành phần hồ sơ: đơn đề nghị', ['ho so', 'don de'], ['so don']],
    ['line break', 'Điều 1\nPhạm vi điều chỉnh', ['dieu 1', 'pham vi'], ['1 pham']],
    ['question mark', 'Ai cấp phép? Sở Công Thương', ['cap phep', 'so cong'], ['phep so']],
  ])('splits at a %s', (_name, text, present, absent) => {
    const pairs = clausePairs(text);
    for (const p of present) expect(pairs).toContain(p);
    for (const p of absent) expect(pairs).not.toContain(p);
  });

  it.each([
    ['a thousands separator', 'lệ phí 1.000 đồng', ['phi 1', '1 000', '000 dong']],
    ['a standard number', 'theo ISO 9001:2015 về quản lý', ['iso 9001', '9001 2015', '2015 ve']],
    ['a document number', 'Nghị định 60/2021/NĐ-CP quy định', ['dinh 60', '60 2021', '2021 nd', 'nd cp', 'cp quy']],
    ['a decimal', 'tăng 2,5 lần', ['tang 2', '2 5', '5 lan']],
  ])('keeps %s whole', (_name, text, present) => {
    const pairs = clausePairs(text);
    for (const p of present) expect(pairs).toContain(p);
  });

  it('splits at punctuation at the very end', () => {
    expect(clausePairs('hồ sơ.')).toEqual(['ho so']);
  });

  it('is used by pairsOf', () => {
    expect(pairsOf('Cấp phép. Sở Công Thương')).not.toContain('phep so');
  });
});

describe('chunk pair features', () => {
  it('keep the document id and headings as one clause, split the text', () => {
    const c = chunk('Nộp hồ sơ trực tuyến. Nhận kết quả tại nhà.', ['Chương I. Quy định chung', 'Điều 2. Thủ tục'], 'QD-12');
    const [, , pairs] = chunkFeatureKeys(c, '');
    // Headings keep their pairs across their own punctuation and with the document id.
    expect(pairs).toContain('12 chuong');
    expect(pairs).toContain('i quy');
    expect(pairs).toContain('chung dieu');
    // The text does not.
    expect(pairs).toContain('ho so');
    expect(pairs).toContain('ket qua');
    expect(pairs).not.toContain('tuyen nhan');
    expect(pairs).not.toContain('tuc nop');
  });
});
