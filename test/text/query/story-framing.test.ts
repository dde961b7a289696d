import { describe, expect, it } from 'vitest';
import { stripFraming } from '../../../src/text/query/framing.js';
import { fromTokens, toTokens } from '../../../src/text/query/tokens.js';

const strip = (q: string) => fromTokens(stripFraming(toTokens(q).tokens).tokens);

describe('stories before the question', () => {
  it.each([
    // hearsay and "I read / I saw" cues go, what they introduce stays
    ['Nghe nói từ năm nay phải đăng nhập bằng VNeID, vậy tài khoản cũ bỏ luôn hả?', 'Nghe nói', 'từ năm nay phải đăng nhập bằng VNeID'],
    ['Em đọc báo thấy tỉnh mình tụt hạng PAPI, năm 2023 xếp bao nhiêu?', 'đọc báo', 'tỉnh mình tụt hạng PAPI'],
    ['nghe nguoi ta noi nop ho so online khoi di lai, dung ko', 'nghe', 'nop ho so online khoi di lai'],
    ['Thấy trên mạng bảo có chỉ số hài lòng SIPAS, tỉnh mình được bao nhiêu?', 'trên mạng', 'bảo có chỉ số hài lòng SIPAS'],
    // hedges about the asker's own understanding
    ['Tôi đọc mục kinh phí mà không hiểu lắm, tiền lấy từ đâu?', 'hiểu', 'mục kinh phí, tiền lấy từ đâu?'],
    ['Mình không rành công nghệ, đóng phí online làm sao?', 'rành', 'đóng phí online làm sao?'],
    // "again and again" of a complaint
    ['Hồ sơ nộp rồi mà chờ hoài, tra cứu ở đâu?', 'hoài', 'Hồ sơ nộp rồi mà chờ, tra cứu ở đâu?'],
    ['Em đọc hướng dẫn thấy có bước thanh toán, bắt buộc hả?', 'thấy', 'hướng dẫn bước thanh toán, bắt buộc'],
  ])('%s', (q, removed, kept) => {
    const out = strip(q);
    expect(out).toContain(kept);
    expect(out).not.toContain(removed);
  });

  it.each([
    ['Nhà em mở tiệm tạp hóa, muốn đóng lệ phí online thì sao?', 'Nhà em mở tiệm tạp hóa'],
    ['Bên mình kinh doanh điện máy, kế hoạch nói gì về gia nhập thị trường?', 'Bên mình kinh doanh điện máy'],
  ])('drops the self-introduction of %s', (q, intro) => {
    const out = strip(q);
    expect(out).not.toContain(intro);
    expect(out.length).toBeGreaterThan(10);
  });

  it.each([
    // the same words as topic, or as the question itself, stay
    ['Thủ tục nào phải làm lại hoài?', 'Thủ tục nào phải làm lại'],
    ['Ai làm?', 'Ai làm?'],
    ['Thay đổi bộ chỉ số PAR INDEX năm nào?', 'Thay đổi bộ chỉ số PAR INDEX năm nào?'],
    ['Em có cần nộp bản chính không?', 'Em có cần nộp bản chính không?'],
    // a relative's place may be the topic: "có người nhà ở …" is no self-introduction
    ['Em có người nhà ở Kon Tum cũ, giờ làm giấy tờ ở tỉnh nào?', 'Em có người nhà ở Kon Tum cũ'],
    // "thấy" as a verb of the question stays; only "(em) thấy có …" opening a story goes
    ['Làm sao thấy được lịch sử xử lý hồ sơ?', 'Làm sao thấy được lịch sử xử lý hồ sơ?'],
  ])('keeps the substance of %s', (q, kept) => {
    expect(strip(q)).toContain(kept);
  });
});

describe('a self-introduction clause that holds the question', () => {
  it.each([
    // the asking part sits inside the clause that opens with "em đang …": it stays, the closing request goes
    [
      'Hello ad, em đang làm hồ sơ mà chưa biết cách đăng nhập cổng dịch vụ công bằng VNeID, ad chỉ em với ạ, em cảm ơn nhiều',
      'đăng nhập cổng dịch vụ công bằng VNeID',
      'chỉ em',
    ],
    ['Dạ em chào ad, em đang tìm hiểu dịch vụ công toàn trình khác một phần ở chỗ nào ạ?', 'toàn trình khác một phần ở chỗ nào', 'chào'],
    ['chao ad, minh dang tim hieu PCI do luong the nao vay', 'tim hieu PCI do luong the nao', 'chao'],
    ['Tôi là kế toán, không biết cách thanh toán lệ phí trực tuyến, anh hướng dẫn giúp với', 'thanh toán lệ phí trực tuyến', 'hướng dẫn'],
  ])('%s', (q, kept, removed) => {
    const out = strip(q);
    expect(out).toContain(kept);
    expect(out).not.toContain(removed);
  });

  it.each([
    // a self-introduction that states goes as before, also "công ti" as the typo stage writes it
    ['Công ti em làm mảng xuất nhập khẩu, dịch vụ công toàn trình là gì?', 'Công ti em làm mảng xuất nhập khẩu'],
    ['Em đang làm ở phòng Quản lý công nghiệp, kế hoạch nói gì về quản trị môi trường?', 'phòng Quản lý công nghiệp'],
    // "ai" typed with marks is another word ("ái"); the clause states
    ['Em là sinh viên ngành ái ngữ, PCI là gì?', 'sinh viên'],
  ])('drops the stating self-introduction of %s', (q, intro) => {
    expect(strip(q)).not.toContain(intro);
  });
});

describe('a self-introduction the question points back to', () => {
  it.each([
    // "Sở chúng tôi", "phòng em": the introduction names what is asked about, it stays (and so does its province)
    ['Chào ad, tôi làm ở Sở Công Thương tỉnh Bình Định. Kế hoạch của Sở chúng tôi giao phòng nào chủ trì?', 'Bình Định'],
    ['Em làm ở phòng Quản lý thương mại, phòng em phải làm gì theo kế hoạch?', 'Quản lý thương mại'],
    ['minh lam o phong Ke hoach, ben minh lo viec gi', 'phong Ke hoach'],
  ])('%s keeps %s', (q, kept) => {
    expect(strip(q)).toContain(kept);
  });

  it.each([
    // "hồ sơ em" is no "Sở em": typed with marks, only the unit's own spelling points back
    ['Dạ chào anh chị, em ở huyện Sơn Tịnh, hồ sơ em nộp rồi giờ tra cứu ở đâu ạ?', 'Sơn Tịnh'],
    ['Em là sinh viên, PCI của tỉnh mình năm 2020 được bao nhiêu điểm?', 'sinh viên'],
  ])('%s drops the introduction', (q, intro) => {
    expect(strip(q)).not.toContain(intro);
  });
});

describe('a note about the asker after the question', () => {
  it.each([
    ['Kế hoạch 1523 có mục đích gì vậy anh chị, em cần tóm tắt để báo cáo ạ', 'mục đích', 'tóm tắt'],
    ['Thời hạn giải quyết tố cáo là bao lâu, để em báo lại cho bố', 'giải quyết tố cáo', 'báo lại'],
    ['PCI có mấy chỉ số thành phần? Mình đang làm tiểu luận', 'chỉ số thành phần', 'tiểu luận'],
  ])('%s', (q, kept, removed) => {
    const out = strip(q);
    expect(out).toContain(kept);
    expect(out).not.toContain(removed);
  });

  it.each([
    // the asking clause has no subject of its own: the note after it holds the subject
    ['Thủ tục nào cần làm, em muốn mở cửa hàng điện máy', 'mở cửa hàng điện máy'],
    // the note asks itself
    ['PCI là gì, em cần biết ai xây dựng chỉ số này?', 'ai xây dựng chỉ số này'],
  ])('keeps the note of %s', (q, kept) => {
    expect(strip(q)).toContain(kept);
  });
});
