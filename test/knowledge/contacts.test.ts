import { describe, expect, it } from 'vitest';
import { answerContactQuestion, type DepartmentContacts } from '../../src/knowledge/contacts.js';

// Test values only; clearly not real contact details.
const FULL: DepartmentContacts = {
  name: 'Sở Kiểm Thử',
  phone: '000-TEST-PHONE',
  address: 'Địa chỉ kiểm thử số 0',
  portalUrl: 'https://example.invalid/so',
  email: 'test@example.invalid',
};
const EMPTY: DepartmentContacts = { name: 'Sở Kiểm Thử' };

describe('answerContactQuestion with configured values', () => {
  it.each([
    ['Số điện thoại của Sở Công Thương là gì?', FULL.phone],
    ['so dien thoai cua so cong thuong', FULL.phone],
    ['Cho xin hotline của sở', FULL.phone],
    ['Địa chỉ Sở Công Thương ở đâu?', FULL.address],
    ['tru so cua so o dau', FULL.address],
    ['Email của sở là gì', FULL.email],
    ['dia chi email cua so cong thuong', FULL.email],
    ['Website của Sở Công Thương?', FULL.portalUrl],
  ])('%s', (q, expected) => {
    const a = answerContactQuestion(q, FULL);
    expect(a).toContain(expected);
    expect(a).toContain(FULL.name);
    expect(a).not.toContain('chưa có thông tin được xác nhận');
  });

  it('answers only the field asked about', () => {
    const a = answerContactQuestion('địa chỉ email của sở', FULL) ?? '';
    expect(a).toContain(FULL.email);
    expect(a).not.toContain(FULL.address ?? '<none>');
    expect(a).not.toContain(FULL.phone ?? '<none>');
  });

  it('gives every field for a general contact question', () => {
    const a = answerContactQuestion('Thông tin liên hệ của Sở Công Thương', FULL) ?? '';
    for (const v of [FULL.phone, FULL.address, FULL.email, FULL.portalUrl]) expect(a).toContain(v);
  });
});

describe('answerContactQuestion without configured values', () => {
  it('says there is no confirmed information and never makes one up', () => {
    const a = answerContactQuestion('Số điện thoại của Sở Công Thương?', EMPTY) ?? '';
    expect(a).toContain('chưa có thông tin được xác nhận');
    expect(a).toContain('Bộ phận một cửa');
    expect(a).toContain('Cổng thông tin điện tử chính thức của tỉnh Quảng Ngãi');
    expect(a).not.toMatch(/\d{3,}/);
    expect(a).not.toMatch(/https?:\/\//);
    expect(a).not.toMatch(/@/);
  });

  it('mixes configured and missing values, pointing to the configured portal', () => {
    const a = answerContactQuestion('thong tin lien he cua so', { name: 'Sở Kiểm Thử', phone: FULL.phone, portalUrl: FULL.portalUrl }) ?? '';
    expect(a).toContain(FULL.phone);
    expect(a).toMatch(/Email: chưa có thông tin được xác nhận/);
    expect(a).toMatch(/Địa chỉ: chưa có thông tin được xác nhận/);
    expect(a).toContain(FULL.portalUrl);
  });

  it('treats blank strings as not configured', () => {
    const a = answerContactQuestion('email cua so cong thuong', { name: 'Sở Kiểm Thử', email: '  ' }) ?? '';
    expect(a).toContain('chưa có thông tin được xác nhận');
  });
});

describe('answerContactQuestion returns null for other questions', () => {
  it.each([
    'Hồ sơ cấp giấy phép gồm những gì?',
    'Nộp hồ sơ ở đâu?',
    'Đăng ký tài khoản dịch vụ công bằng số điện thoại như thế nào?',
    'Số điện thoại UBND tỉnh là gì?',
    'Chỉ số PAPI là gì?',
    'Cổng thông tin điện tử của Sở cập nhật nội dung gì theo kế hoạch?',
  ])('%s', (q) => {
    expect(answerContactQuestion(q, FULL)).toBeNull();
  });
});

describe('the contact card answers only a request for a contact detail', () => {
  it.each([
    'Nghị quyết về chuyển đổi số ban hành số mấy?',
    'Mất bao lâu thì cổng thông tin duyệt đăng một bài viết?',
    'what is the approval time of an article on the portal',
    'gọi đường dây nóng để phản ánh việc gây khó khăn khi làm thủ tục',
  ])('a question with its own topic is not a contact request: %s', (q) => {
    expect(answerContactQuestion(q, FULL)).toBeNull();
  });

  it.each([
    ['cho em xin sdt của sở công thương quảng ngãi với ạ', FULL.phone],
    ['Sở Công Thương nằm ở đâu vậy?', FULL.address],
  ])('a bare request still gets the card: %s', (q, expected) => {
    expect(answerContactQuestion(q, FULL)).toContain(expected);
  });
});
