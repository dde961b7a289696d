import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../../src/reports/parse/index.js';

describe('looksLikeReport', () => {
  it.each([
    'Đã đăng 3 tin về DVC trực tuyến trên Cổng TTĐT ngày 20/11',
    'hom qua to chuc hoi nghi doi thoai, 45 doanh nghiep du',
    'Phát 100 tờ rơi về bảo vệ môi trường',
    'tổ chức hội nghị tập huấn cho cán bộ',
    'Chia sẻ 2 bài trên Facebook',
    'vừa treo 5 băng rôn tại trụ sở',
    '/baocao xong rồi',
    'Em đã đăng 3 tin trên Zalo rồi ạ',
  ])('report: %s', (text) => {
    expect(looksLikeReport(text)).toBe(true);
  });

  it.each([
    'ai phụ trách đăng tin?',
    'Đăng tin trên Cổng TTĐT thì gửi cho ai',
    'Làm sao để đăng tin lên Zalo?',
    'thủ tục cấp giấy phép kinh doanh rượu như thế nào',
    'Kế hoạch 1523 có mấy nội dung?',
    'xin chào',
    'cảm ơn',
    'có phải tổ chức hội nghị hằng năm không',
  ])('not a report: %s', (text) => {
    expect(looksLikeReport(text)).toBe(false);
  });
});
