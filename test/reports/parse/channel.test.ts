import { describe, expect, it } from 'vitest';
import { channelFromLink } from '../../../src/reports/parse/channel.js';
import { detectChannel, prepareText } from '../../../src/reports/parse/index.js';

const channelOf = (text: string) => {
  const { clean, folded } = prepareText(text);
  return detectChannel(folded, clean);
};

describe('detectChannel', () => {
  it.each([
    ['Đăng 2 tin trên Cổng TTĐT Sở', 'website'],
    ['dang tin tren trang ttdt', 'website'],
    ['đăng tải trên website của Sở', 'website'],
    ['cập nhật lên Cổng thông tin điện tử', 'website'],
    ['chia sẻ 3 bài trên Facebook', 'social'],
    ['gửi tin qua nhóm Zalo doanh nghiệp', 'social'],
    ['đăng video trên TikTok', 'social'],
    ['đăng trên fanpage Sở Công Thương', 'social'],
    ['livestream trên YouTube', 'social'],
    ['Báo Quảng Ngãi đăng bài', 'press'],
    ['Truyền hình tỉnh phát bản tin', 'press'],
    ['phát thanh trên Đài PT-TH tỉnh', 'press'],
    ['phối hợp Báo Công Thương thực hiện phóng sự', 'press'],
    ['tổ chức hội nghị đối thoại doanh nghiệp', 'meeting'],
    ['to chuc tap huan cho can bo', 'meeting'],
    ['tổ chức hội thảo về chuyển đổi số', 'meeting'],
    ['cuộc họp giao ban, 20 đại biểu tham dự', 'meeting'],
    ['phát 100 tờ rơi', 'print'],
    ['In 100 tờ gấp giới thiệu cách nộp hồ sơ qua dịch vụ công trực tuyến', 'print'],
    ['treo băng rôn, pano tại trụ sở', 'print'],
    ['dán áp phích tuyên truyền', 'print'],
    ['Hướng dẫn 8 doanh nghiệp nộp hồ sơ trực tuyến tại Bộ phận một cửa', 'direct'],
    ['hướng dẫn trực tiếp người dân', 'direct'],
    ['giải đáp qua điện thoại cho 10 người', 'direct'],
    ['gửi email cho các doanh nghiệp', 'other'],
    ['Báo Người Lao Động đăng bài', 'press'],
    ['đăng trên cổng Sở 2 tin', 'website'],
    ['chia sẻ lên trang cá nhân', 'social'],
    ['tiếp 10 lượt công dân', 'direct'],
    ['Đăng tin trên web Sở', 'website'],
    ['gặp gỡ 30 doanh nghiệp', 'meeting'],
  ])('%s → %s', (text, want) => {
    expect(channelOf(text)).toBe(want);
  });

  it.each([
    ['Đăng tin về Cổng dịch vụ công quốc gia trên Zalo', 'social'],
    ['đăng tin về dịch vụ công trực tuyến trên Cổng TTĐT', 'website'],
    ['Báo Quảng Ngãi đưa tin về hội nghị đối thoại', 'press'],
    ['đăng tin về hội nghị trên Cổng TTĐT', 'website'],
    ['đăng bài về đổi mới giao diện Cổng thông tin điện tử trên Zalo', 'social'],
    ['Đăng tin công khai TTHC tại Bộ phận một cửa trên Cổng TTĐT', 'website'],
  ])('the subject is not the channel: %s → %s', (text, want) => {
    expect(channelOf(text)).toBe(want);
  });

  it.each([
    ['hướng dẫn đăng ký tài khoản dịch vụ công trực tuyến'],
    ['báo cáo kết quả thực hiện kế hoạch'],
    ['phối hợp với các phòng'],
    ['thông báo kết quả, báo cáo Giám đốc'],
    ['cảnh báo lừa đảo, dự báo thời tiết'],
  ])('finds no channel in %s', (text) => {
    expect(channelOf(text)).toBeNull();
  });
});

describe('channelFromLink', () => {
  it.each([
    ['https://www.facebook.com/sct/posts/1', 'social'],
    ['https://zalo.me/123', 'social'],
    ['https://baoquangngai.vn/bai-viet', 'press'],
    ['https://sct.quangngai.gov.vn/tin-tuc/1', 'website'],
    ['https://example.org/x', null],
  ])('%s → %s', (link, want) => {
    expect(channelFromLink(link)).toBe(want);
  });
});
