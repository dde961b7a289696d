import { describe, expect, it } from 'vitest';
import { extractLink, extractUnit, prepareText } from '../../../src/reports/parse/index.js';

describe('extractLink', () => {
  it.each([
    ['xem tại https://sct.quangngai.gov.vn/tin/123.html.', 'https://sct.quangngai.gov.vn/tin/123.html'],
    ['link: http://example.vn/a?b=1, đăng ngày 2/11', 'http://example.vn/a?b=1'],
    ['www.facebook.com/sct/posts/9 và https://x.vn', 'www.facebook.com/sct/posts/9'],
    ['(https://zalo.me/abc)', 'https://zalo.me/abc'],
    ['đăng 3 tin trên Cổng TTĐT', null],
  ])('%s → %s', (text, want) => {
    expect(extractLink(prepareText(text).clean)).toBe(want);
  });
});

describe('extractUnit', () => {
  it.each([
    ['phòng QLTM đăng 2 tin', 'phòng QLTM'],
    ['Phòng Quản lý Thương mại phối hợp tổ chức hội nghị', 'Phòng Quản lý Thương mại'],
    ['Văn phòng Sở đăng tin', 'Văn phòng Sở'],
    ['van phong so dang 2 tin', 'van phong so'],
    ['Thanh tra Sở tổ chức đối thoại', 'Thanh tra Sở'],
    ['phong KH-TC-TH dang tin', 'phong KH-TC-TH'],
    ['Trung tâm Khuyến công tập huấn', 'Trung tâm Khuyến công'],
  ])('%s → %s', (text, want) => {
    expect(extractUnit(prepareText(text).clean)).toBe(want);
  });

  it.each([
    ['tuyên truyền phòng, chống tham nhũng'],
    ['hướng dẫn tại Trung tâm Phục vụ hành chính công'],
    ['đăng 2 tin trên Cổng TTĐT'],
    ['họp tại phòng họp số 2'],
    ['đăng tin về Trung tâm Phục vụ hành chính công tỉnh'],
    ['phối hợp với Phòng QLTM tổ chức'],
  ])('finds no unit in %s', (text) => {
    expect(extractUnit(prepareText(text).clean)).toBeNull();
  });
});
