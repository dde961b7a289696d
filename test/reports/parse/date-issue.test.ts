import { describe, expect, it } from 'vitest';
import { dateIssue } from '../../../src/reports/parse/date.js';
import { foldText } from '../../../src/text/normalize.js';

const now = new Date('2026-12-01T03:00:00Z');
const issue = (text: string) => dateIssue(foldText(text), now);

describe('dateIssue', () => {
  it.each([
    ['Ngày 15/12 phòng QLCN sẽ tổ chức hội nghị đối thoại doanh nghiệp', { kind: 'future', iso: '2026-12-15' }],
    ['dự kiến tổ chức tập huấn DVC vào 20-12', { kind: 'future', iso: '2026-12-20' }],
    ['đã đăng 2 tin ngày 3/1/2027', { kind: 'future', iso: '2027-01-03' }],
    ['Tuần sau sẽ tổ chức hội nghị tuyên truyền PCI', { kind: 'future', iso: null }],
    ['Đã đăng 2 tin trên cổng ngày 31/11', { kind: 'invalid', text: '31/11' }],
    ['hôm 30 tháng 2 đã phát 100 tờ rơi', { kind: 'invalid' }],
  ])('%s', (text, expected) => {
    expect(issue(text)).toMatchObject(expected);
  });

  it.each([
    'Đã đăng 3 tin về DVC trực tuyến trên Cổng TTĐT ngày 20/11',
    'hôm qua tổ chức hội nghị 45 người',
    'Đã đăng bài phổ biến Nghị định 69/2024/NĐ-CP ngày 30/9/2024 trên fanpage ngày 25/11',
    'ngày 29/2/2024 đã treo 3 băng rôn',
    'phát 1/2 số tờ rơi còn lại tại hội nghị ngày 28/11',
  ])('no issue: %s', (text) => {
    expect(issue(text)).toBeNull();
  });
});
