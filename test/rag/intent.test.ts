import { describe, expect, it } from 'vitest';
import { baseKind, detectIntent, stripFrame } from '../../src/rag/intent.js';

describe('detectIntent', () => {
  const cases: Array<[string, string]> = [
    ['Đơn vị nào theo dõi việc thực hiện?', 'who'],
    ['phong nao phu trach truyen thong', 'who'],
    ['Ai ký văn bản này?', 'person'],
    ['giam doc so la ai', 'person'],
    ['Khi nào phải gửi báo cáo?', 'when'],
    ['han chot nop bao cao', 'when'],
    ['Kế hoạch có bao nhiêu nội dung?', 'count'],
    ['lệ phí bao nhiêu', 'count'],
    ['giai quyet mat bao lau', 'count'],
    ['PAPI gồm những nội dung nào?', 'list'],
    ['liệt kê các văn bản', 'list'],
    ['Các bước nộp hồ sơ trực tuyến', 'steps'],
    ['quy trinh thanh toan phi', 'steps'],
    ['Làm sao tra cứu hồ sơ?', 'howto'],
    ['huong dan dang ky tai khoan', 'howto'],
    ['PCI là gì?', 'definition'],
    ['TTHC là viết tắt của gì', 'definition'],
    ['Có thể nộp hồ sơ qua mạng không?', 'yesno'],
    ['thanh toan truc tuyen duoc khong', 'yesno'],
    ['Mục đích của kế hoạch', 'what'],
    // Everyday ways to ask a number or a date.
    ['Phòng có mấy người?', 'count'],
    ['Chủ tịch tỉnh tiếp dân mấy bữa một tháng?', 'count'],
    ['Ngày pháp luật là ngày mấy?', 'when'],
    ['Cổng chạy từ hồi nào?', 'when'],
    ['Quyết định số mấy?', 'what'],
    // A plural-determiner "mấy" points at things, it does not count them.
    ['Mấy phòng ban có phải coi mấy chỉ số này là việc lâu dài không?', 'yesno'],
    ['Kế hoạch có nhắc tới mấy chỉ số đó không?', 'yesno'],
    ['Kế hoạch có mấy chỉ số?', 'count'],
  ];
  it.each(cases)('%s → %s', (q, kind) => {
    expect(detectIntent(q).kind).toBe(kind);
  });

  it('lists every signalled kind, main first', () => {
    const i = detectIntent('Làm sao nộp hồ sơ qua mạng được không?');
    expect(i.kind).toBe('howto');
    expect(i.kinds).toEqual(['howto', 'yesno']);
    expect(detectIntent('Mục tiêu').kinds).toEqual(['what']);
  });

  it('keeps a subject for list and count questions', () => {
    expect(detectIntent('PCI gồm những nội dung nào?').subject).toBe('PCI');
    expect(detectIntent('PAPI có bao nhiêu nội dung?').subject).toBe('PAPI');
    expect(detectIntent('Ai ký?').subject).toBe('');
  });

  it('maps new kinds onto the original five', () => {
    expect(baseKind('person')).toBe('who');
    expect(baseKind('count')).toBe('list');
    expect(baseKind('steps')).toBe('howto');
    expect(baseKind('yesno')).toBe('what');
    expect(baseKind('definition')).toBe('what');
    expect(baseKind('when')).toBe('when');
  });
});

describe('stripFrame', () => {
  it('removes frame words, keeps the subject', () => {
    expect(stripFrame('Đơn vị nào phải báo cáo?', 'who')).toBe('phải báo cáo?');
    expect(stripFrame('PCI có nghĩa là gì?', 'definition')).toBe('PCI gì?');
    expect(stripFrame('nộp qua mạng được không', 'yesno')).toBe('nộp qua mạng');
    expect(stripFrame('Có mấy chỉ số', 'count')).toBe('chỉ số');
    expect(stripFrame('Mục tiêu', 'what')).toBe('Mục tiêu');
  });
});
