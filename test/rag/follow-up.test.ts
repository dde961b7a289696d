import { describe, expect, it } from 'vitest';
import { frameOf, isFollowUp, resolveFollowUp } from '../../src/rag/follow-up.js';

describe('a follow-up keeps the previous frame and swaps the subject', () => {
  it.each([
    ['PCI có những nội dung truyền thông nào?', 'vậy còn PAPI thì sao?', 'PAPI có những nội dung truyền thông nào?'],
    ['Điểm II.2.c nói về gì?', 'còn điểm d?', 'Điểm II.2.d nói về gì?'],
    ['Mục IV.2 giao việc gì?', 'còn mục 3 thì sao', 'Mục IV.3 giao việc gì?'],
    ['Nghị định 60/2021/NĐ-CP ban hành ngày nào?', 'còn Nghị định 120/2020/NĐ-CP?', 'Nghị định 120/2020/NĐ-CP ban hành ngày nào?'],
    ['Điểm PCI năm 2019 của tỉnh là bao nhiêu?', 'con nam 2021?', 'Điểm PCI năm 2021 của tỉnh là bao nhiêu?'],
    ['Hồ sơ nộp qua bưu điện gồm những gì?', 'còn nộp trực tuyến thì sao?', 'nộp trực tuyến gồm những gì?'],
  ])('%s + %s', (prev, q, expected) => {
    expect(resolveFollowUp(q, prev)).toBe(expected);
  });

  it('without a same-kind subject, the old subject is dropped and the frame kept', () => {
    const out = resolveFollowUp('còn đăng ký tài khoản?', 'Các bước tra cứu hồ sơ là gì?');
    expect(out).toContain('đăng ký tài khoản');
    expect(out).toContain('bước');
    expect(out).not.toContain('tra cứu');
  });

  it('the frame is the question words, not the subject', () => {
    expect(frameOf('Ai phụ trách cập nhật cổng thông tin?')).toContain('Ai');
    expect(frameOf('Ai phụ trách cập nhật cổng thông tin?')).not.toContain('cổng');
  });

  it('a standalone question is not a follow-up', () => {
    expect(isFollowUp('Kinh phí thực hiện kế hoạch lấy từ đâu?')).toBe(false);
    expect(resolveFollowUp('Kinh phí lấy từ đâu?', 'PAPI là gì?')).toBe('Kinh phí lấy từ đâu?');
  });
});
