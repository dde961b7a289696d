/**
 * Everyday function words frame a question only where they stand as frames:
 * "giờ" is "now" at the start of a clause and the clock before "làm việc",
 * "lâu" frames only after "bao", "hồi" only as a time ("hồi nào").
 */
import { describe, expect, it } from 'vitest';
import { countingMay, everydayFrameWords, withoutPointingMay } from '../../../src/text/query/everyday-frame.js';

describe('everyday frame words', () => {
  it.each([
    ['Làm truyền thông mấy cái chỉ số này thì tiền lấy ở đâu?', ['may']],
    ['Chuyện tinh giản biên chế có được nhắc không?', ['chuyen']],
    ['Giờ vào trang dịch vụ công bằng gì?', ['gio']],
    ['Nộp rồi giờ muốn xem hồ sơ', ['gio']],
    ['Bây giờ nộp ở đâu?', ['bay', 'gio']],
    ['Khiếu nại thì bao lâu có kết quả?', ['lau']],
    ['Cổng chạy từ hồi nào?', ['hoi']],
    ['Đóng tiền xong có biên lai không?', ['xong']],
    ['Cho bà con đọc là hiểu liền', ['lien']],
    ['Kế hoạch nói gì về chuyện này?', ['noi', 'chuyen']],
    ['Loại dịch vụ này gọi là gì?', ['goi']],
    ['Dân nói lên nguyện vọng', []],
    ['Gọi điện cho Sở', []],
    // The clock, a long time, an association, a machine: topic words.
    ['Giờ làm việc của bộ phận một cửa?', []],
    ['Mấy giờ mở cửa?', ['may']],
    ['Nhiệm vụ thường xuyên, lâu dài', []],
    ['Hồi đáp của Hội đồng nhân dân', []],
    ['Máy quét và chuyển đổi số', []],
    ['Liền kề khu công nghiệp', []],
    // Without marks only forms no topic word shares: "may" may be "máy", "chuyen" "chuyển".
    ['may cai chi so nay', []],
    ['chuyen doi so', []],
    ['dong tien xong chua', ['xong']],
    ['khieu nai bao lau', ['lau']],
    ['gio vao trang nao', ['gio']],
  ])('%s', (q, frame) => {
    expect([...everydayFrameWords(q).folded].sort()).toEqual([...frame].sort());
  });

  it('keeps the spellings the words were typed in', () => {
    expect([...everydayFrameWords('Mấy cái chuyện này xong chưa?').typed].sort()).toEqual(['chuyện', 'mấy', 'xong']);
  });
});

describe('counting "mấy"', () => {
  it.each([
    ['Phòng có mấy người?', true],
    ['gặp dân mấy bữa một tháng', true],
    ['Ngày pháp luật là ngày mấy?', true],
    ['Mấy phòng ban trong sở có phải làm không?', false],
    ['về mấy cái chỉ số này', false],
    ['cho mấy công ty thuộc ngành', false],
    ['mấy chỉ số đó có gì', false],
    ['gửi về máy điện thoại', false],
  ])('%s', (q, counting) => {
    expect(countingMay(q)).toBe(counting);
  });
});

describe('pointing "mấy" left out', () => {
  it.each([
    ['Mấy phòng ban trong sở có phải làm không?', 'phòng ban trong sở có phải làm không?'],
    ['về mấy cái chỉ số này, kế hoạch nói gì?', 'về cái chỉ số này, kế hoạch nói gì?'],
    ['Phòng có mấy người?', 'Phòng có mấy người?'],
    ['may cai chi so nay', 'may cai chi so nay'],
  ])('%s', (q, want) => {
    expect(withoutPointingMay(q)).toBe(want);
  });
});
