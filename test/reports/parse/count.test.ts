import { describe, expect, it } from 'vitest';
import { detectChannel, extractCount, prepareText, wordsToNumber } from '../../../src/reports/parse/index.js';

const countOf = (text: string) => {
  const { clean, folded } = prepareText(text);
  return extractCount(folded, clean, detectChannel(folded));
};

describe('extractCount', () => {
  it.each([
    ['Đăng 3 tin trên Cổng TTĐT', 3],
    ['phát 100 tờ rơi', 100],
    ['In 250 tờ gấp', 250],
    ['treo 12 băng rôn', 12],
    ['tổ chức hội nghị, 45 doanh nghiệp dự', 45],
    ['tập huấn cho khoảng 50 người', 50],
    ['hơn 30 DN tham dự đối thoại', 30],
    ['phát 1.200 tờ rơi', 1200],
    ['phát 2 nghìn tờ rơi', 2000],
    ['Đăng một bài trên website', 1],
    ['đăng hai tin trên Zalo', 2],
    ['dang ba bai tren fanpage', 3],
    ['phát mười tờ rơi', 10],
    ['phát mười lăm tờ rơi', 15],
    ['in hai mươi lăm áp phích', 25],
    ['Truyền hình tỉnh phát bản tin về thủ tục', 1],
    ['Đăng bài về cải cách hành chính trên Cổng TTĐT', 1],
    ['tổ chức 2 lớp tập huấn cho 80 cán bộ', 80],
    ['đăng 3 tin, thu hút 1.500 lượt xem', 3],
    ['hướng dẫn 8 doanh nghiệp tại Bộ phận một cửa', 8],
    ['số người tham dự: 64', 64],
    ['cập nhật 5 văn bản QPPL lên Cổng TTĐT', 5],
    ['công khai 25 TTHC tại Bộ phận một cửa', 25],
  ])('%s → %s', (text, want) => {
    expect(countOf(text)).toBe(want);
  });

  it.each([
    ['đăng các tin về Nghị định 120 ngày 20/11'],
    ['phổ biến Nghị định 60/2021/NĐ-CP năm 2021'],
    ['dịch vụ công trực tuyến mức độ 3, 4 trên Cổng TTĐT giai đoạn 2021-2025'],
    ['sau hội nghị, đăng nhiều tin'],
    ['xem https://example.gov.vn/tin/123-bai-viet'],
  ])('takes no number from dates, documents, levels or links: %s', (text) => {
    expect(countOf(text)).toBeNull();
  });
});

describe('wordsToNumber', () => {
  it.each([
    ['mot', 1],
    ['muoi', 10],
    ['muoi hai', 12],
    ['hai muoi lam', 25],
    ['mot tram', 100],
    ['hai tram linh nam', 205],
    ['mot nghin', 1000],
  ])('%s → %s', (words, want) => {
    expect(wordsToNumber(words)).toBe(want);
  });

  it('rejects sequences that are not numbers', () => {
    expect(wordsToNumber('hai ba')).toBeNull();
  });
});
