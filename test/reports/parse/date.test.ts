import { describe, expect, it } from 'vitest';
import { extractDate, prepareText } from '../../../src/reports/parse/index.js';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dateOf = (text: string, now: string) => extractDate(prepareText(text).folded, at(now))?.iso ?? null;

// 2026-11-27 is a Friday (thứ sáu).
const NOW = '2026-11-27';

describe('extractDate', () => {
  it.each([
    ['đăng tin ngày 12/11/2026', NOW, '2026-11-12'],
    ['đăng tin 20/11', NOW, '2026-11-20'],
    ['họp ngày 5-11-2026', NOW, '2026-11-05'],
    ['họp ngày 05.11', NOW, '2026-11-05'],
    ['phát tờ rơi 3.11.2026', NOW, '2026-11-03'],
    ['đăng ngày 7/11/26', NOW, '2026-11-07'],
    ['ngày 5 tháng 11', NOW, '2026-11-05'],
    ['ngày 5 tháng 11 năm 2025', NOW, '2025-11-05'],
    ['ngay 9 thang 10 nam 2026', NOW, '2026-10-09'],
    ['hôm nay tổ chức hội nghị', NOW, '2026-11-27'],
    ['hom qua dang tin', NOW, '2026-11-26'],
    ['hôm kia đăng tin', NOW, '2026-11-25'],
    ['sáng nay tập huấn', NOW, '2026-11-27'],
    ['tối qua phát sóng', NOW, '2026-11-26'],
    ['hôm qua đăng tin', '2026-03-01', '2026-02-28'],
    ['hôm qua đăng tin', '2024-03-01', '2024-02-29'],
    ['hom qua dang tin', '2027-01-01', '2026-12-31'],
    ['28/12 đăng tin', '2027-01-03', '2026-12-28'],
    ['ngày 3/1 đăng tin', '2027-01-03', '2027-01-03'],
    ['30/11 đăng tin', NOW, '2025-11-30'],
    ['thứ hai đăng tin', NOW, '2026-11-23'],
    ['thứ sáu đăng tin', NOW, '2026-11-27'],
    ['thu bay dang tin', NOW, '2026-11-21'],
    ['chủ nhật tổ chức', NOW, '2026-11-22'],
    ['thứ 2 đăng tin', NOW, '2026-11-23'],
    ['T4 tổ chức hội nghị', NOW, '2026-11-25'],
    ['vào CN đăng tin', NOW, '2026-11-22'],
    ['thứ sáu tuần trước đăng tin', NOW, '2026-11-20'],
    ['thứ hai tuần trước đăng tin', NOW, '2026-11-16'],
    ['thứ ba tuần này đăng tin', NOW, '2026-11-24'],
    ['Thứ Tư vừa qua đăng tin', NOW, '2026-11-25'],
    ['ngày 20 đăng tin', NOW, '2026-11-20'],
    ['ngày 30 đăng tin', NOW, '2026-10-30'],
    ['ngày 31 đăng tin', '2026-12-05', '2026-10-31'],
    ['thứ 6 (20/11) đăng tin', NOW, '2026-11-20'],
    ['sáng 25/11 tổ chức hội nghị', NOW, '2026-11-25'],
    ['tổ chức hội nghị ngày 20 và 21/11', NOW, '2026-11-20'],
    ['tập huấn từ 18-20/11/2026', NOW, '2026-11-18'],
  ])('%s (sent %s) → %s', (text, now, want) => {
    expect(dateOf(text, now)).toBe(want);
  });

  it.each([
    ['31/2 đăng tin', NOW],
    ['29/2/2026 đăng tin', NOW],
    ['32/10 đăng tin', NOW],
    ['ngày 12/13', NOW],
  ])('rejects impossible calendar dates: %s', (text, now) => {
    expect(dateOf(text, now)).toBeNull();
  });

  it.each([
    ['đăng 3 tin về Nghị định 120/2020/NĐ-CP'],
    ['phổ biến Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ'],
    ['phát 1.000 tờ rơi'],
    ['thủ tục hành chính mức độ 3, 4'],
    ['Cụm CN Tịnh Phong'],
    ['1/2 số doanh nghiệp đã nộp hồ sơ'],
    ['đăng tin về thủ tục'],
    ['tổ chức hội nghị lần thứ hai'],
    ['đợt thứ 3 phát tờ rơi'],
  ])('finds no activity date in %s', (text) => {
    expect(dateOf(text, NOW)).toBeNull();
  });

  it('prefers a date introduced by "ngày" over other dates', () => {
    expect(dateOf('Kế hoạch 2026, 15 tin, đăng ngày 14/11', NOW)).toBe('2026-11-14');
  });

  it('takes "today" as the calendar day in Việt Nam (UTC+7)', () => {
    const folded = prepareText('hôm nay đăng tin').folded;
    expect(extractDate(folded, new Date('2026-11-27T18:30:00Z'))?.iso).toBe('2026-11-28');
    expect(extractDate(folded, new Date('2026-11-27T16:59:00Z'))?.iso).toBe('2026-11-27');
  });

  it('picks the latest valid 29/2 not after now', () => {
    expect(dateOf('29/2 đăng tin', NOW)).toBe('2024-02-29');
  });
});
