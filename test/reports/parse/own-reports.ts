/**
 * Hand-written report messages (our own wording, not from the eval sample),
 * covering every channel, many content areas of each indicator, accented and
 * unaccented typing, and the date forms. Used to check that the parser
 * generalises beyond the dev sample.
 */
export interface OwnReport {
  now: string;
  text: string;
  expect: Partial<{
    date: string | null;
    channel: string | null;
    count: number | null;
    indicator: string | null;
    area: string | null;
    link: string | null;
    unit: string | null;
  }>;
}

const NOW = '2026-11-27'; // a Friday

export const OWN_REPORTS: OwnReport[] = [
  {
    now: NOW,
    text: 'Đã đăng tải 4 bài viết phổ biến Nghị định 60/2021 về tự chủ tài chính của đơn vị sự nghiệp công lập trên website Sở ngày 3/11',
    expect: { date: '2026-11-03', channel: 'website', count: 4, indicator: 'PAR INDEX', area: 'II.1.e' },
  },
  {
    now: NOW,
    text: 'hom qua phong QLTM tap huan cho 60 can bo ve de an vi tri viec lam va tinh gian bien che',
    expect: { date: '2026-11-26', channel: 'meeting', count: 60, indicator: 'PAR INDEX', area: 'II.1.đ', unit: 'phong QLTM' },
  },
  {
    now: NOW,
    text: 'Phát 300 tờ rơi tuyên truyền bảo vệ môi trường, phân loại chất thải cho doanh nghiệp ngày 10-11-2026',
    expect: { date: '2026-11-10', channel: 'print', count: 300, indicator: 'PAPI', area: 'II.2.g' },
  },
  {
    now: NOW,
    text: 'Zalo OA của Sở đăng 2 tin hướng dẫn thanh toán trực tuyến qua Cổng dịch vụ công quốc gia thứ 3 tuần này',
    expect: { date: '2026-11-24', channel: 'social', count: 2, indicator: 'PAR INDEX', area: 'II.1.c' },
  },
  {
    now: NOW,
    text: 'Báo Quảng Ngãi đăng 1 bài về kết quả phòng, chống tham nhũng năm 2026 của Sở',
    expect: { date: null, channel: 'press', count: 1, indicator: 'PAPI', area: 'II.2.d' },
  },
  {
    now: NOW,
    text: 'Tổ chức hội nghị phổ biến Luật Khiếu nại, Luật Tố cáo và Luật Tiếp công dân cho 80 CCVC ngày 5 tháng 11',
    expect: { date: '2026-11-05', channel: 'meeting', count: 80, indicator: 'PAPI', area: 'II.2.c' },
  },
  {
    now: NOW,
    text: 'Hướng dẫn trực tiếp 12 lượt tổ chức, cá nhân sử dụng dịch vụ công trực tuyến mức độ 4 tại Bộ phận một cửa',
    expect: { channel: 'direct', count: 12 },
  },
  { now: NOW, text: 'treo 5 băng rôn tuyên truyền cải thiện chỉ số PCI tại trụ sở cơ quan', expect: { channel: 'print', count: 5, indicator: 'PCI' } },
  {
    now: NOW,
    text: 'Đăng tin công khai danh mục dự án thu hút đầu tư và thông tin đấu thầu trên Cổng TTĐT ngày 18/11',
    expect: { date: '2026-11-18', channel: 'website', count: 1, indicator: 'PCI', area: 'II.3.b' },
  },
  {
    now: NOW,
    text: 'Truyền hình Quảng Ngãi phát phóng sự về cấp giấy chứng nhận đủ điều kiện kinh doanh cho doanh nghiệp mới thành lập hôm kia',
    expect: { date: '2026-11-25', channel: 'press', count: 1, indicator: 'PCI', area: 'II.3.a' },
  },
  {
    now: NOW,
    text: 'Ngày 21/11, Thanh tra Sở tổ chức đối thoại với 40 doanh nghiệp về giải quyết tranh chấp kinh doanh thương mại và an ninh trật tự',
    expect: { date: '2026-11-21', channel: 'meeting', count: 40, indicator: 'PCI', area: 'II.3.d', unit: 'Thanh tra Sở' },
  },
  {
    now: NOW,
    text: 'Chia sẻ 6 bài trên fanpage về hỗ trợ doanh nghiệp phục hồi sản xuất kinh doanh, mở rộng thị trường tìm kiếm khách hàng',
    expect: { channel: 'social', count: 6, indicator: 'PCI', area: 'II.3.e' },
  },
  {
    now: NOW,
    text: 'dang 3 tin tren trang ttdt ve tiep nhan phan anh kien nghi cua doanh nghiep va nha dau tu ve moi truong dau tu kinh doanh',
    expect: { channel: 'website', count: 3, indicator: 'PCI', area: 'II.3.c' },
  },
  {
    now: NOW,
    text: 'Tổ chức tập huấn về xây dựng, rà soát, hệ thống hóa văn bản quy phạm pháp luật cho 35 công chức ngày 14/11/2026',
    expect: { date: '2026-11-14', channel: 'meeting', count: 35, indicator: 'PAR INDEX', area: 'II.1.b' },
  },
  {
    now: NOW,
    text: 'Đăng 2 bài giới thiệu mục tiêu, chỉ tiêu và nhiệm vụ chủ yếu của Chương trình tổng thể CCHC nhà nước trên Cổng thông tin điện tử Sở',
    expect: { channel: 'website', count: 2, indicator: 'PAR INDEX', area: 'II.1.a' },
  },
  {
    now: NOW,
    text: 'Livestream trên Facebook giới thiệu cơ sở dữ liệu Thương mại và Công nghiệp, gửi nhận văn bản điện tử có chữ ký số, 250 lượt xem',
    expect: { channel: 'social', count: 250, indicator: 'PAR INDEX', area: 'II.1.g' },
  },
  {
    now: NOW,
    text: 'Đã phát thanh 2 tin về chuyển đổi số, xây dựng chính quyền số và ISO điện tử trên Đài Phát thanh - Truyền hình tỉnh',
    expect: { channel: 'press', count: 2, indicator: 'PAR INDEX', area: 'II.1.h' },
  },
  {
    now: NOW,
    text: 'In 500 cuốn cẩm nang về quy chế dân chủ ở cơ sở, quyền và nghĩa vụ của công dân',
    expect: { channel: 'print', count: 500, indicator: 'PAPI', area: 'II.2.a' },
  },
  {
    now: NOW,
    text: 'Đăng thông báo công khai kinh phí hoạt động, kết quả kiểm toán và công tác tuyển dụng, bổ nhiệm công chức lên trang web Sở thứ hai vừa qua',
    expect: { date: '2026-11-23', channel: 'website', count: 1, indicator: 'PAPI', area: 'II.2.b' },
  },
  {
    now: NOW,
    text: 'Tổ chức hội thảo nâng cao chất lượng cung ứng dịch vụ công mức độ 3, mức độ 4 với khoảng 50 đại biểu',
    expect: { channel: 'meeting', count: 50, indicator: 'PAPI', area: 'II.2.e' },
  },
  {
    now: NOW,
    text: 'gui tin nhan zalo cho 120 doanh nghiep ve giai quyet TTHC tai Trung tam phuc vu hanh chinh cong tinh, rut ngan thoi gian va giam chi phi',
    expect: { channel: 'social', count: 120, indicator: 'PAPI', area: 'II.2.đ' },
  },
  {
    now: NOW,
    text: 'Đài truyền hình tỉnh phỏng vấn lãnh đạo Sở về thanh tra công vụ, xử lý hành vi nhũng nhiễu gây phiền hà cho doanh nghiệp ngày 20/11',
    expect: { date: '2026-11-20', channel: 'press', indicator: 'PCI', area: 'II.3.đ' },
  },
  {
    now: NOW,
    text: 'Văn phòng Sở giải đáp qua điện thoại cho 15 người dân về tiến độ giải quyết hồ sơ',
    expect: { channel: 'direct', count: 15, unit: 'Văn phòng Sở' },
  },
  {
    now: NOW,
    text: 'Đăng 1 video trên TikTok của Sở về kiện toàn tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả CN tuần trước',
    expect: { date: '2026-11-22', channel: 'social', count: 1, indicator: 'PAR INDEX', area: 'II.1.d' },
  },
  {
    now: '2027-01-05',
    text: 'Phát 200 tờ gấp hướng dẫn doanh nghiệp về quyền và nghĩa vụ, tự bảo vệ mình trước hành vi nhũng nhiễu ngày 2/12',
    expect: { date: '2026-12-02', channel: 'print', count: 200, indicator: 'PCI', area: 'II.3.đ' },
  },
  {
    now: '2026-12-01',
    text: 'Hôm qua đăng 5 tin về giáo dục pháp luật theo Luật Phổ biến, giáo dục pháp luật trên website',
    expect: { date: '2026-11-30', channel: 'website', count: 5, indicator: 'PAPI', area: 'II.2.b' },
  },
  {
    now: NOW,
    text: 'Tổ chức buổi tuyên truyền về bảo vệ môi trường, ô nhiễm nguồn nước và không khí cho người lao động, có 70 người tham dự',
    expect: { channel: 'meeting', count: 70, indicator: 'PAPI', area: 'II.2.g' },
  },
  {
    now: NOW,
    text: 'Đăng bài về đổi mới giao diện Cổng thông tin điện tử thân thiện, dễ tiếp cận trên Zalo OA',
    expect: { channel: 'social', count: 1, indicator: 'PAPI', area: 'II.2.h' },
  },
  {
    now: NOW,
    text: 'ngày 16.11 tổ chức 2 lớp bồi dưỡng cho 90 học viên về xây dựng Đề án vị trí việc làm',
    expect: { date: '2026-11-16', channel: 'meeting', count: 90, indicator: 'PAR INDEX', area: 'II.1.đ' },
  },
  {
    now: NOW,
    text: 'Đăng 2 tin trên Cổng TTĐT về kết quả giải quyết TTHC trực tuyến mức độ 3 và 4 trên Hệ thống thông tin một cửa điện tử của tỉnh',
    expect: { channel: 'website', count: 2, indicator: 'PAR INDEX', area: 'II.1.g' },
  },
  {
    now: NOW,
    text: 'T5 vừa rồi tổ chức đối thoại với 25 doanh nghiệp về khó khăn, vướng mắc trong môi trường đầu tư, kinh doanh',
    expect: { date: '2026-11-26', channel: 'meeting', count: 25 },
  },
  {
    now: NOW,
    text: 'Phối hợp Báo Công Thương đăng 3 bài về trách nhiệm của người đứng đầu trong cải cách hành chính và năng lực phản ứng chính sách',
    expect: { channel: 'press', count: 3, indicator: 'PCI', area: 'II.3.c' },
  },
  {
    now: NOW,
    text: 'gui email cho 30 don vi ve ngan sach nha nuoc phan bo cho co quan hanh chinh gan voi nhiem vu duoc giao',
    expect: { channel: 'other', count: 30, indicator: 'PAR INDEX', area: 'II.1.e' },
  },
  {
    now: NOW,
    text: 'Pano tuyên truyền Chương trình tổng thể cải cách hành chính nhà nước của Chính phủ được dựng trước trụ sở ngày 8/11',
    expect: { date: '2026-11-08', channel: 'print', count: 1, indicator: 'PAR INDEX', area: 'II.1.a' },
  },
  {
    now: NOW,
    text: 'Tổ chức hội nghị phổ biến quy định về vật liệu nổ công nghiệp, ngành nghề kinh doanh có điều kiện về an ninh trật tự, 55 doanh nghiệp dự',
    expect: { channel: 'meeting', count: 55, indicator: 'PCI', area: 'II.3.d' },
  },
  {
    now: NOW,
    text: 'Đăng tin về hỗ trợ doanh nghiệp phục hồi sau dịch Covid-19 trên website: https://sct.quangngai.gov.vn/tin-tuc/ho-tro-dn.html',
    expect: { channel: 'website', count: 1, indicator: 'PCI', area: 'II.3.e', link: 'https://sct.quangngai.gov.vn/tin-tuc/ho-tro-dn.html' },
  },
  {
    now: NOW,
    text: 'đăng 2 bài ngày 01/11/2026, link www.facebook.com/sct.quangngai/posts/123',
    expect: { date: '2026-11-01', channel: 'social', count: 2, link: 'www.facebook.com/sct.quangngai/posts/123' },
  },
  {
    now: NOW,
    text: 'chia se 4 bai tren nhom zalo ve ky luat, ky cuong hanh chinh trong hoat dong cong vu ngay 9/11',
    expect: { date: '2026-11-09', channel: 'social', count: 4, indicator: 'PAR INDEX', area: 'II.1.đ' },
  },
  {
    now: NOW,
    text: 'sang nay to chuc doi thoai voi nguoi dan ve giai quyet khieu nai, to cao, kien nghi cua cong dan, 30 nguoi du',
    expect: { date: '2026-11-27', channel: 'meeting', count: 30, indicator: 'PAPI', area: 'II.2.c' },
  },
  {
    now: NOW,
    text: '/baocao Đã đăng ba tin về cải cách thủ tục hành chính, cắt giảm, đơn giản hóa TTHC trên Cổng TTĐT thứ sáu tuần trước',
    expect: { date: '2026-11-20', channel: 'website', count: 3, indicator: 'PAR INDEX', area: 'II.1.c' },
  },
  {
    now: '2026-03-01',
    text: 'hôm qua phát mười lăm tờ áp phích về bảo vệ môi trường tại các cơ sở sản xuất',
    expect: { date: '2026-02-28', channel: 'print', count: 15, indicator: 'PAPI', area: 'II.2.g' },
  },
  {
    now: NOW,
    text: 'Đăng 2 tin về hỗ trợ người dân sử dụng dịch vụ công trực tuyến, tăng tỷ lệ người dân khai thác thông tin hành chính trên Cổng TTĐT',
    expect: { channel: 'website', count: 2, indicator: 'PAPI', area: 'II.2.h' },
  },
  {
    now: NOW,
    text: 'Niêm yết công khai TTHC tại Bộ phận một cửa và đổi mới phương thức hướng dẫn hồ sơ cấp phép kinh doanh có điều kiện',
    expect: { indicator: 'PCI', area: 'II.3.a' },
  },
  {
    now: NOW,
    text: 'Tổ chức đối thoại trực tuyến về kiểm soát tham nhũng, chống phiền hà, sách nhiễu trong khu vực công với 45 CCVC',
    expect: { channel: 'meeting', count: 45, indicator: 'PAPI', area: 'II.2.d' },
  },
  // Second batch, written before tuning against it.
  {
    now: '2026-11-27',
    text: 'Ngày 24/11/2026, Văn phòng Sở đăng tải 02 tin trên Trang thông tin điện tử về kết quả thực hiện chỉ số CCHC năm 2025',
    expect: { date: '2026-11-24', channel: 'website', count: 2, indicator: 'PAR INDEX' },
  },
  {
    now: '2026-11-27',
    text: 'Phòng Quản lý công nghiệp tổ chức tập huấn an toàn vật liệu nổ công nghiệp cho 42 doanh nghiệp ngày 19/11',
    expect: { date: '2026-11-19', channel: 'meeting', count: 42, indicator: 'PCI', area: 'II.3.d' },
  },
  {
    now: '2026-11-27',
    text: 'đã đưa 01 tin lên fanpage Sở về tuyên truyền dịch vụ công trực tuyến mức độ 3, 4 cho người dân',
    expect: { channel: 'social', count: 1 },
  },
  {
    now: '2026-11-27',
    text: 'Đài PT-TH Quảng Ngãi phát sóng phóng sự về cải thiện môi trường đầu tư kinh doanh, hỗ trợ doanh nghiệp, ngày 22/11',
    expect: { date: '2026-11-22', channel: 'press', count: 1, indicator: 'PCI' },
  },
  {
    now: '2026-11-27',
    text: 'hôm qua cán bộ Bộ phận một cửa trực tiếp hướng dẫn 17 người dân nộp hồ sơ trực tuyến',
    expect: { date: '2026-11-26', channel: 'direct', count: 17 },
  },
  {
    now: '2026-11-27',
    text: 'Phát hành 400 tờ rơi về quy định bảo vệ môi trường đối với doanh nghiệp thuộc ngành công thương',
    expect: { channel: 'print', count: 400, indicator: 'PAPI', area: 'II.2.g' },
  },
  {
    now: '2026-11-27',
    text: 'to chuc hoi nghi pho bien luat khieu nai, luat to cao cho 65 cong chuc vien chuc ngay 13/11',
    expect: { date: '2026-11-13', channel: 'meeting', count: 65, indicator: 'PAPI', area: 'II.2.c' },
  },
  {
    now: '2026-11-27',
    text: 'Đăng 3 tin trên Zalo OA về thanh tra công vụ, chấn chỉnh hành vi nhũng nhiễu gây phiền hà cho doanh nghiệp',
    expect: { channel: 'social', count: 3, indicator: 'PCI', area: 'II.3.đ' },
  },
  {
    now: '2026-11-27',
    text: 'Báo Công Thương đăng bài về kết quả sắp xếp, kiện toàn tổ chức bộ máy của Sở ngày 10/11',
    expect: { date: '2026-11-10', channel: 'press', count: 1, indicator: 'PAR INDEX', area: 'II.1.d' },
  },
  {
    now: '2026-11-27',
    text: 'Treo 10 băng rôn tuyên truyền chuyển đổi số, xây dựng chính quyền số',
    expect: { channel: 'print', count: 10, indicator: 'PAR INDEX', area: 'II.1.h' },
  },
  {
    now: '2026-11-27',
    text: 'ngày 20 tổ chức đối thoại giữa lãnh đạo Sở với doanh nghiệp về chính sách hỗ trợ doanh nghiệp, có 38 doanh nghiệp tham dự',
    expect: { date: '2026-11-20', channel: 'meeting', count: 38, indicator: 'PCI', area: 'II.3.e' },
  },
  {
    now: '2026-11-27',
    text: 'Chia sẻ bài viết về công khai kết quả kiểm toán, tài sản, kinh phí hoạt động của cơ quan trên nhóm Zalo cơ quan',
    expect: { channel: 'social', count: 1, indicator: 'PAPI', area: 'II.2.b' },
  },
  {
    now: '2026-11-27',
    text: 'Đăng 2 tin trên Cổng TTĐT về việc công khai thủ tục hành chính tại Bộ phận một cửa và cấp giấy chứng nhận đủ điều kiện kinh doanh',
    expect: { channel: 'website', count: 2, indicator: 'PCI', area: 'II.3.a' },
  },
  {
    now: '2026-11-27',
    text: 'thu 4 tuan truoc dang 4 bai tren website ve phong chong tham nhung, kiem soat tham nhung trong khu vuc cong',
    expect: { date: '2026-11-18', channel: 'website', count: 4, indicator: 'PAPI', area: 'II.2.d' },
  },
  {
    now: '2026-11-27',
    text: 'Tổ chức hội nghị triển khai Đề án vị trí việc làm và tinh giản biên chế, 55 CBCCVC tham dự, ngày 6/11',
    expect: { date: '2026-11-06', channel: 'meeting', count: 55, indicator: 'PAR INDEX', area: 'II.1.đ' },
  },
  {
    now: '2026-11-27',
    text: 'Truyền hình tỉnh đưa tin về việc tiếp nhận phản ánh, kiến nghị của doanh nghiệp và nhà đầu tư',
    expect: { channel: 'press', count: 1, indicator: 'PCI', area: 'II.3.c' },
  },
  { now: '2026-11-27', text: 'In 150 cuốn sổ tay hướng dẫn thủ tục hành chính thuộc thẩm quyền giải quyết của Sở', expect: { channel: 'print', count: 150 } },
  { now: '2026-11-27', text: 'Gọi điện hướng dẫn 9 doanh nghiệp bổ sung hồ sơ cấp phép', expect: { channel: 'direct', count: 9 } },
  {
    now: '2026-11-27',
    text: 'Đăng tin về thực hiện quy chế dân chủ ở cơ sở, tạo điều kiện để Nhân dân tham gia ý kiến trên Cổng TTĐT hôm kia',
    expect: { date: '2026-11-25', channel: 'website', count: 1, indicator: 'PAPI', area: 'II.2.a' },
  },
  {
    now: '2026-11-27',
    text: 'Hội thảo về cung ứng dịch vụ công và ứng dụng CNTT trong cung cấp dịch vụ công, 70 đại biểu',
    expect: { channel: 'meeting', count: 70, indicator: 'PAPI', area: 'II.2.e' },
  },
  {
    now: '2026-11-27',
    text: 'Đăng 1 bài trên Cổng TTĐT về ngân sách nhà nước phân bổ cho đơn vị sự nghiệp và cơ chế tự chủ tài chính theo Nghị định 60/2021/NĐ-CP',
    expect: { channel: 'website', count: 1, indicator: 'PAR INDEX', area: 'II.1.e' },
  },
  {
    now: '2026-11-27',
    text: 'Gửi email giới thiệu cơ sở dữ liệu Thương mại và Công nghiệp đến 80 doanh nghiệp',
    expect: { channel: 'other', count: 80, indicator: 'PAR INDEX', area: 'II.1.g' },
  },
  {
    now: '2026-11-27',
    text: 'Livestream trên fanpage giới thiệu chính sách pháp luật mới về xây dựng văn bản quy phạm pháp luật, 320 lượt xem',
    expect: { channel: 'social', count: 320 },
  },
  {
    now: '2026-11-27',
    text: 'Đăng 5 tin về giao diện mới của trang thông tin điện tử, tăng số người dân khai thác thông tin hành chính trên Facebook Sở',
    expect: { channel: 'social', count: 5, indicator: 'PAPI', area: 'II.2.h' },
  },
  {
    now: '2026-11-27',
    text: 'Phát 250 tờ gấp về công khai quy hoạch ngành, thông tin dự án thu hút đầu tư',
    expect: { channel: 'print', count: 250, indicator: 'PCI', area: 'II.3.b' },
  },
  {
    now: '2026-11-27',
    text: 'Sáng 26/11 tổ chức hội nghị giao ban quán triệt Nghị quyết 04-NQ/TU về đẩy mạnh cải cách hành chính, 30 người dự',
    expect: { date: '2026-11-26', channel: 'meeting', count: 30, indicator: 'PAR INDEX', area: 'II.1.a' },
  },
  {
    now: '2026-11-27',
    text: 'Đăng 2 tin trên trang tin Sở về tiếp nhận, giải quyết hồ sơ TTHC tại Trung tâm Phục vụ hành chính công tỉnh, rút ngắn thời gian giải quyết',
    expect: { channel: 'website', count: 2, indicator: 'PAPI', area: 'II.2.đ' },
  },
  {
    now: '2026-11-27',
    text: 'Ngày 2 tháng 11 năm 2026 đăng ba bài về thanh toán trực tuyến trên Cổng dịch vụ công quốc gia lên Zalo',
    expect: { date: '2026-11-02', channel: 'social', count: 3, indicator: 'PAR INDEX', area: 'II.1.c' },
  },
  // Third batch: key-value layout, emoji, times, hotline, e-mail, year rollover.
  {
    now: '2026-11-27',
    text: 'Ngày: 20/11/2026\nHình thức: đăng tin trên Cổng TTĐT\nSố lượng: 3 tin\nNội dung: tuyên truyền cải cách chế độ công vụ, kỷ luật kỷ cương hành chính',
    expect: { date: '2026-11-20', channel: 'website', count: 3, indicator: 'PAR INDEX', area: 'II.1.đ' },
  },
  {
    now: '2026-11-27',
    text: '📢 Tổ chức 01 hội nghị đối thoại với 120 đại biểu doanh nghiệp về chi phí không chính thức 👍',
    expect: { channel: 'meeting', count: 120, indicator: 'PCI', area: 'II.3.đ' },
  },
  {
    now: '2026-11-27',
    text: 'PTQ phát 2 tin về ứng dụng công nghệ thông tin trong xúc tiến thương mại lúc 19h ngày 25/11',
    expect: { date: '2026-11-25', channel: 'press', count: 2, indicator: 'PAR INDEX', area: 'II.1.h' },
  },
  {
    now: '2026-11-27',
    text: 'vào ngày 20-11 đã đăng 2 tin trên trang thông tin điện tử Sở về quản trị môi trường',
    expect: { date: '2026-11-20', channel: 'website', count: 2, indicator: 'PAPI', area: 'II.2.g' },
  },
  {
    now: '2026-11-27',
    text: 'hom 18/11 phat 80 to roi ve quyen va nghia vu cua doanh nghiep, chong nhung nhieu',
    expect: { date: '2026-11-18', channel: 'print', count: 80, indicator: 'PCI', area: 'II.3.đ' },
  },
  {
    now: '2026-11-27',
    text: 'Đã tư vấn trực tiếp cho 6 hộ kinh doanh về thủ tục cấp giấy phép kinh doanh có điều kiện',
    expect: { channel: 'direct', count: 6 },
  },
  {
    now: '2026-11-27',
    text: 'Sở đăng tải 3 video clip trên kênh YouTube về hỗ trợ doanh nghiệp phục hồi sản xuất sau dịch Covid-19',
    expect: { channel: 'social', count: 3, indicator: 'PCI', area: 'II.3.e' },
  },
  {
    now: '2026-11-27',
    text: 'Thứ năm, 26/11: tập huấn kỹ năng giải quyết khiếu nại, tố cáo cho 28 công chức',
    expect: { date: '2026-11-26', channel: 'meeting', count: 28, indicator: 'PAPI', area: 'II.2.c' },
  },
  {
    now: '2026-11-27',
    text: 'Đăng trên Báo Quảng Ngãi 1 bài về công tác phòng chống tham nhũng của Sở năm 2026',
    expect: { channel: 'press', count: 1, indicator: 'PAPI', area: 'II.2.d' },
  },
  {
    now: '2026-11-27',
    text: 'Đã dán 20 áp phích hướng dẫn người dân sử dụng dịch vụ công trực tuyến mức độ 3, 4 tại trụ sở',
    expect: { channel: 'print', count: 20 },
  },
  {
    now: '2026-11-27',
    text: 'Tổ chức hội nghị tuyên truyền Luật Phổ biến, giáo dục pháp luật cho cán bộ, công chức, viên chức, 75 người tham dự, ngày 12/11',
    expect: { date: '2026-11-12', channel: 'meeting', count: 75, indicator: 'PAPI', area: 'II.2.b' },
  },
  {
    now: '2026-11-27',
    text: 'dang 2 bai len fanpage so ve dich vu cong truc tuyen, thanh toan truc tuyen qua cong dich vu cong quoc gia',
    expect: { channel: 'social', count: 2, indicator: 'PAR INDEX', area: 'II.1.c' },
  },
  {
    now: '2026-11-27',
    text: 'Đăng 4 tin trên Cổng TTĐT về tiến độ xây dựng, phê duyệt lại Đề án vị trí việc làm',
    expect: { channel: 'website', count: 4, indicator: 'PAR INDEX', area: 'II.1.đ' },
  },
  {
    now: '2026-11-27',
    text: 'Phối hợp Đài Truyền hình tỉnh thực hiện 1 phóng sự về thiết chế pháp lý, an ninh trật tự trong kinh doanh',
    expect: { channel: 'press', count: 1, indicator: 'PCI', area: 'II.3.d' },
  },
  { now: '2026-11-27', text: 'Treo băng rôn tuyên truyền nâng cao chỉ số PAPI tại trụ sở cơ quan', expect: { channel: 'print', count: 1, indicator: 'PAPI' } },
  {
    now: '2026-11-27',
    text: 'Đăng tin trên Cổng TTĐT về minh bạch thông tin đấu thầu, bên mời thầu, chủ đầu tư ngày 3/11',
    expect: { date: '2026-11-03', channel: 'website', count: 1, indicator: 'PCI', area: 'II.3.b' },
  },
  {
    now: '2026-11-27',
    text: 'chiều qua tổ chức buổi làm việc với 12 doanh nghiệp về khó khăn trong gia nhập thị trường, cấp giấy chứng nhận đủ điều kiện kinh doanh',
    expect: { date: '2026-11-26', channel: 'meeting', count: 12, indicator: 'PCI', area: 'II.3.a' },
  },
  { now: '2026-11-27', text: 'Trả lời qua hotline cho 22 lượt người dân hỏi về thủ tục hành chính', expect: { channel: 'direct', count: 22 } },
  {
    now: '2026-11-27',
    text: 'Đăng 2 tin về giáo dục nâng cao nhận thức bảo vệ môi trường cho người lao động trên Zalo',
    expect: { channel: 'social', count: 2, indicator: 'PAPI', area: 'II.2.g' },
  },
  {
    now: '2026-11-27',
    text: 'Đã đăng 1 tin về ban hành lại chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở trên website ngày 14.11',
    expect: { date: '2026-11-14', channel: 'website', count: 1, indicator: 'PAR INDEX', area: 'II.1.d' },
  },
  {
    now: '2026-11-27',
    text: 'Gửi thư điện tử đến 40 doanh nghiệp về chính sách hỗ trợ doanh nghiệp năm 2026',
    expect: { channel: 'other', count: 40, indicator: 'PCI', area: 'II.3.e' },
  },
  {
    now: '2026-11-27',
    text: 'Đăng 3 bài trên website về quy chế dân chủ, quyền và trách nhiệm của công dân xây dựng bộ máy nhà nước trong sạch',
    expect: { channel: 'website', count: 3, indicator: 'PAPI', area: 'II.2.a' },
  },
  {
    now: '2027-01-02',
    text: 'Ngày 30/12 đăng 2 tin về cơ chế một cửa liên thông, Hệ thống thông tin một cửa điện tử trên Cổng TTĐT',
    expect: { date: '2026-12-30', channel: 'website', count: 2, indicator: 'PAR INDEX', area: 'II.1.g' },
  },
  {
    now: '2026-11-27',
    text: 'Tổ chức hội nghị tập huấn về ngân sách nhà nước và tự chủ tài chính của đơn vị sự nghiệp công lập cho 33 kế toán',
    expect: { channel: 'meeting', indicator: 'PAR INDEX', area: 'II.1.e' },
  },
  // Fourth batch: radio loudspeakers, PTQ, phone advice, sessions, infographics.
  { now: '2026-11-27', text: 'Phát sóng 2 phóng sự trên kênh PTQ về chỉ số PCI', expect: { channel: 'press', count: 2, indicator: 'PCI' } },
  { now: '2026-11-27', text: 'Tổ chức Hội nghị trực tuyến tập huấn sử dụng phần mềm một cửa điện tử cho 40 CCVC', expect: { channel: 'meeting', count: 40 } },
  { now: '2026-11-27', text: 'Hỗ trợ trực tiếp 5 doanh nghiệp đăng ký tài khoản DVC', expect: { channel: 'direct', count: 5 } },
  { now: '2026-11-27', text: 'Cấp phát 300 sổ tay pháp luật cho hộ kinh doanh', expect: { channel: 'print', count: 300 } },
  {
    now: '2026-12-02',
    text: 'Đăng 3 tin bài lên trang Zalo OA Sở Công Thương Quảng Ngãi ngày 1/12',
    expect: { channel: 'social', count: 3, date: '2026-12-01' },
  },
  {
    now: '2026-11-27',
    text: 'hôm kia đài truyền thanh xã phát 4 tin về bảo vệ môi trường',
    expect: { channel: 'press', count: 4, date: '2026-11-25', area: 'II.2.g' },
  },
  { now: '2026-11-27', text: 'Tổ chức 2 buổi tuyên truyền tại chợ cho 150 tiểu thương về chống hàng giả', expect: { channel: 'meeting', count: 150 } },
  { now: '2026-11-27', text: 'Đăng tải 1 infographic về chỉ số PCI trên fanpage', expect: { channel: 'social', count: 1, indicator: 'PCI' } },
  {
    now: '2026-11-27',
    text: 'Tập huấn trực tuyến về chữ ký số, gửi nhận văn bản điện tử cho 90 người',
    expect: { channel: 'meeting', count: 90, area: 'II.1.g' },
  },
  {
    now: '2026-11-27',
    text: 'Ngày 25/11, đăng 2 tin lên website về khen thưởng tập thể, cá nhân gương mẫu trong thực hiện pháp luật, tiết kiệm chi phí tuân thủ',
    expect: { date: '2026-11-25', channel: 'website', count: 2, area: 'II.3.đ' },
  },
  {
    now: '2026-11-27',
    text: 'Tư vấn qua điện thoại cho 11 doanh nghiệp về hồ sơ cấp giấy chứng nhận đủ điều kiện kinh doanh',
    expect: { channel: 'direct', count: 11, area: 'II.3.a' },
  },
  { now: '2026-11-27', text: 'Báo Đầu tư đăng bài phỏng vấn Giám đốc Sở về cải thiện môi trường đầu tư, kinh doanh', expect: { channel: 'press', count: 1 } },
  { now: '2026-11-27', text: 'Phát thanh trên loa truyền thanh 3 buổi về quản trị điện tử', expect: { channel: 'press', count: 3, area: 'II.2.h' } },
  {
    now: '2026-11-27',
    text: 'Đăng 1 bài trên trang web về việc xử lý nghiêm cán bộ, công chức có hành vi sai phạm, kỷ luật kỷ cương',
    expect: { channel: 'website', count: 1, area: 'II.1.đ' },
  },
  {
    now: '2026-11-27',
    text: 'Tổ chức hội nghị đối thoại với người dân về phản ánh, kiến nghị, bức xúc của người dân, có 52 người dự',
    expect: { channel: 'meeting', count: 52, area: 'II.2.c' },
  },
  {
    now: '2026-11-27',
    text: 'Ngày 11/11 chia sẻ 2 tin trên nhóm Zalo doanh nghiệp về kiểm tra tranh chấp kinh doanh thương mại',
    expect: { date: '2026-11-11', channel: 'social', count: 2, area: 'II.3.d' },
  },
];
