import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../src/core/answer.js';
import { citationParts, isCited, MAX_SOURCE_LABEL_CHARS, oneLine, selectSources, sourceLabel } from '../../src/core/cited-sources.js';

const src = (doc: string, section: string, title = '', text = 'đoạn'): SourceRef => ({ doc, section, title, text, score: 1 });

/** The IV.2 heading of the plan is a whole paragraph. */
const LONG_HEADING =
  '1523/KH-SCT › IV. TỔ CHỨC THỰC HIỆN › 2. Văn phòng Sở làm đầu mối triển khai thực hiện Kế hoạch, theo dõi, đôn đốc các phòng, đơn vị tập trung thực hiện Kế hoạch. Hàng năm, rà soát, cập nhật các nội dung';

describe('citationParts', () => {
  it('reads single, multiple, annotated and curated citations', () => {
    expect(citationParts('A [1523/KH-SCT, IV.2]. B [1523/KH-SCT, IV (đoạn cuối)]')).toEqual(['1523/KH-SCT, IV.2', '1523/KH-SCT, IV (đoạn cuối)']);
    expect(citationParts('x [Câu trả lời đã duyệt: 1523/KH-SCT, IV.2; https://dichvucong.gov.vn]')).toEqual(['1523/KH-SCT, IV.2', 'https://dichvucong.gov.vn']);
    expect(citationParts('không có trích dẫn')).toEqual([]);
  });
});

describe('isCited', () => {
  it('matches a section exactly or followed by a note, never a longer section', () => {
    expect(isCited('… [1523/KH-SCT, IV (đoạn cuối)]', src('1523/KH-SCT', 'IV'))).toBe(true);
    expect(isCited('… [1523/KH-SCT, IV.2]', src('1523/KH-SCT', 'IV'))).toBe(false);
    expect(isCited('… [1523/KH-SCT, IV.2]', src('1523/KH-SCT', 'IV.2'))).toBe(true);
    expect(isCited('… [1523/KH-SCT, IV.2]', src('26/KH-UBND', 'IV.2'))).toBe(false);
  });
});

describe('selectSources', () => {
  it('keeps cited sources by default, merges duplicates, and puts the rest aside', () => {
    const answer = 'Văn phòng Sở làm đầu mối [1523/KH-SCT, IV.2]; lưu văn bản [1523/KH-SCT, Nơi nhận].';
    const sel = selectSources(answer, [
      src('1523/KH-SCT', 'IV.2', LONG_HEADING, 'phần 1'),
      src('26/KH-UBND', 'II', '26/KH-UBND › II. NHIỆM VỤ'),
      src('1523/KH-SCT', 'IV.2', LONG_HEADING, 'phần 2'),
      src('1523/KH-SCT', 'Nơi nhận', '1523/KH-SCT › Nơi nhận'),
      src('26/KH-UBND', 'II', '26/KH-UBND › II. NHIỆM VỤ'),
    ]);
    expect(sel.cited.map((s) => s.label)).toEqual(['1523/KH-SCT, IV.2', '1523/KH-SCT, Nơi nhận']);
    expect(sel.cited[0]?.text).toBe('phần 1\n\nphần 2');
    expect(sel.other.map((s) => s.label)).toEqual(['26/KH-UBND, II']);
    expect(sel.cited[0]?.heading.length).toBeLessThanOrEqual(90);
    expect(sel.cited[0]?.heading).not.toContain('\n');
  });

  it('shows nothing by default when the answer cites nothing (an apology)', () => {
    const sel = selectSources('Xin lỗi, tôi chưa tìm thấy thông tin.', [src('1523/KH-SCT', 'IV')]);
    expect(sel.cited).toEqual([]);
    expect(sel.other.map((s) => s.label)).toEqual(['1523/KH-SCT, IV']);
  });

  it('labels a curated web source by its address, on one line', () => {
    const url = 'https://dichvucong.quangngai.gov.vn/huong-dan/nop-ho-so-truc-tuyen-va-thanh-toan-phi';
    const sel = selectSources(`Trả lời [Câu trả lời đã duyệt: ${url}]`, [src('Câu trả lời đã duyệt', url)]);
    expect(sel.cited).toHaveLength(1);
    expect(sel.cited[0]?.label.startsWith('dichvucong.quangngai.gov.vn/')).toBe(true);
    expect(sel.cited[0]?.label.length).toBeLessThanOrEqual(MAX_SOURCE_LABEL_CHARS);
  });
});

describe('labels', () => {
  it('are one line and short', () => {
    expect(sourceLabel({ doc: '1523/KH-SCT', section: 'II.3.b' })).toBe('1523/KH-SCT, II.3.b');
    expect(sourceLabel({ doc: '1523/KH-SCT', section: '' })).toBe('1523/KH-SCT');
    const long = oneLine(`a\nb ${'x'.repeat(100)}`);
    expect(long.length).toBe(MAX_SOURCE_LABEL_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(long.startsWith('a b ')).toBe(true);
  });
});
