/** Each count carries its unit of measure (tin/bài, tờ/ấn phẩm, lượt người, buổi, lượt tư vấn). */
import { describe, expect, it } from 'vitest';
import { countKindInText, extractCountWithKind, kindOfChannel, kindOfNoun } from '../../../src/reports/parse/count.js';
import { detectChannel, prepareText } from '../../../src/reports/parse/index.js';

const counted = (text: string) => {
  const { clean, folded } = prepareText(text);
  return extractCountWithKind(folded, clean, detectChannel(folded, clean));
};

describe('count kinds', () => {
  it.each([
    ['Đăng 3 tin trên Cổng TTĐT', 3, 'post'],
    ['dang ba bai tren fanpage', 3, 'post'],
    ['phát 200 tờ gấp về phòng, chống nhũng nhiễu', 200, 'printed'],
    ['treo 12 băng rôn tại trụ sở', 12, 'printed'],
    ['in 500 cuốn sổ tay', 500, 'printed'],
    ['tổ chức hội nghị đối thoại, 45 doanh nghiệp dự', 45, 'person'],
    ['tập huấn cho khoảng 50 người', 50, 'person'],
    ['thực hiện 12 lượt tư vấn cho doanh nghiệp tại Bộ phận một cửa', 12, 'consultation'],
    ['giải đáp 7 trường hợp qua điện thoại', 7, 'consultation'],
    ['Tư vấn qua điện thoại cho 11 doanh nghiệp về hồ sơ cấp phép', 11, 'consultation'],
    ['hướng dẫn trực tiếp 17 người dân nộp hồ sơ trực tuyến tại Bộ phận một cửa', 17, 'consultation'],
    ['tổ chức 3 buổi tuyên truyền', 3, 'session'],
    ['Đăng bài về cải cách hành chính trên Cổng TTĐT', 1, 'post'],
    ['Số lượng: 64, đăng trên Cổng TTĐT', 64, 'post'],
    ['hội nghị tập huấn, số người tham dự 40', 40, 'person'],
  ] as const)('%s → %d %s', (text, count, kind) => {
    expect(counted(text)).toMatchObject({ count, kind });
  });

  it('a bare number takes the usual kind of its channel, and says the noun did not name it', () => {
    expect(kindOfChannel('meeting')).toBe('person');
    expect(kindOfChannel('print')).toBe('printed');
    expect(kindOfChannel('direct')).toBe('consultation');
    expect(kindOfChannel(null)).toBe('unknown');
    expect(counted('Số lượng: 64, đăng trên Cổng TTĐT')?.nounKind).toBeNull();
  });

  it('reads the kind of a correction ("số lượng 4 bài") and of single nouns', () => {
    expect(countKindInText('so luong 4 bai')).toBe('post');
    expect(countKindInText('so luong 4')).toBeNull();
    expect(kindOfNoun('to roi')).toBe('printed');
    expect(kindOfNoun('doanh nghiep')).toBe('person');
    expect(kindOfNoun('to chuc')).toBe('person');
  });
});
