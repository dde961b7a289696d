/**
 * Table tests of the routing mechanisms: an opening statement left out of
 * the searched question, structured answerers reading the question as
 * understood, a bare document reference answered by the document card, and
 * the contact card kept for the department's own contacts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asksWholeDocument } from '../../src/rag/intent.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { focusClause } from '../../src/rag/lead-in.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('an opening statement before the question', () => {
  it.each([
    ['Văn phòng Sở làm đầu mối rồi, vậy Ban Biên tập phải làm gì?', 'Ban Biên tập phải làm gì?'],
    ['Đảng ủy phối hợp chỉ đạo rồi, vậy kinh phí thực hiện kế hoạch lấy từ đâu?', 'kinh phí thực hiện kế hoạch lấy từ đâu?'],
    ['Gọi điện cho Sở hoài không được, cho hỏi dịch vụ công trực tuyến toàn trình là gì?', 'dịch vụ công trực tuyến toàn trình là gì?'],
    ['phòng kế hoạch lo dự toán rồi thì ai báo cáo UBND tỉnh hằng năm?', 'ai báo cáo UBND tỉnh hằng năm?'],
    ['Cổng bị lỗi cả buổi sáng, vậy thanh toán lệ phí trực tuyến thế nào?', 'thanh toán lệ phí trực tuyến thế nào?'],
    // "em" in a statement is not a self-introduction.
    ['Số điện thoại của Sở thì em có rồi, cho hỏi thanh toán lệ phí trực tuyến qua đâu?', 'thanh toán lệ phí trực tuyến qua đâu?'],
    // A background story, then "giờ em muốn biết …", ", nên cho em hỏi …", ", không biết là …".
    ['Nhà chú mở xưởng mộc, hôm rồi xã có họp dân, giờ chú muốn biết thủ tục nộp hồ sơ trực tuyến ra sao?', 'thủ tục nộp hồ sơ trực tuyến ra sao?'],
    [
      'Mẹ em không dùng điện thoại thông minh, nên cho em hỏi đăng nhập cổng dịch vụ công bằng VNeID thế nào?',
      'đăng nhập cổng dịch vụ công bằng VNeID thế nào?',
    ],
    ['Tuần trước em gửi đơn lên xã, không biết là thời hạn giải quyết tố cáo bao lâu?', 'thời hạn giải quyết tố cáo bao lâu?'],
    // A story told as a sentence of its own; a greeting before it does not keep it.
    ['Dạ chào ad, bên em sắp mở cửa hàng điện máy. Chỉ số PCI gồm những chỉ số thành phần nào?', 'Chỉ số PCI gồm những chỉ số thành phần nào?'],
    ['Cô giáo giao bài về cải cách hành chính: PAR INDEX đo những lĩnh vực nào?', 'PAR INDEX đo những lĩnh vực nào?'],
    // A negated question word states ("chưa thấy ai gọi" is no question about a person).
    ['Em gửi hồ sơ hôm thứ hai mà chưa thấy ai gọi, vậy tra cứu hồ sơ trực tuyến bằng gì?', 'tra cứu hồ sơ trực tuyến bằng gì?'],
    // "mấy năm nay" is a span up to now, not a question.
    ['Cửa hàng em buôn bán mấy năm nay, thấy điểm PCI tỉnh lên xuống. Năm 2021 tỉnh được bao nhiêu điểm?', 'PCI Năm 2021 tỉnh được bao nhiêu điểm?'],
    // A name of the opening that the asking clause lacks is carried over.
    ['Báo đăng điểm PAPI của tỉnh tăng mạnh. Năm 2023 tỉnh xếp hạng thứ mấy?', 'PAPI Năm 2023 tỉnh xếp hạng thứ mấy?'],
    // A self-introduction that is not where the asker works: framing and the conflict checks ignore it anyway.
    ['Dạ cháu chào cô, con là học sinh lớp 12, cho con hỏi Ngày Pháp luật Việt Nam là ngày nào ạ', 'Ngày Pháp luật Việt Nam là ngày nào ạ'],
    ['Chào bạn, mình đang viết bài cho trang tin: PCI có mấy chỉ số thành phần?', 'PCI có mấy chỉ số thành phần?'],
    // A demonstrative after a restated noun stands alone ("tài khoản cũ đó").
    ['Bố em có tài khoản từ lâu, nên cho em hỏi tài khoản cũ đó liên kết với VNeID thế nào?', 'tài khoản cũ đó liên kết với VNeID thế nào?'],
    // A question the story only reports or hedges ("không rõ … không", "có người hỏi … gì") is not asked of the bot.
    [
      'Dạ cho cháu hỏi với ạ, ông nội cháu muốn khiếu nại quyết định của xã nhưng không rõ còn kịp không. Thời hiệu khiếu nại là bao nhiêu ngày ạ?',
      'Thời hiệu khiếu nại là bao nhiêu ngày ạ?',
    ],
    [
      'Dạ, chị là cán bộ ở xã, hôm họp có người hỏi chỉ số PAPI đo cái gì mà chị không trả lời được. PAPI gồm những chỉ số nội dung nào?',
      'PAPI gồm những chỉ số nội dung nào?',
    ],
    ['Em chưa biết tài khoản cũ còn dùng được không, vậy đăng nhập cổng dịch vụ công bằng VNeID thế nào?', 'đăng nhập cổng dịch vụ công bằng VNeID thế nào?'],
    // Where the asker works does not hold the subject of a question that is no duty, or that restates the unit.
    [
      'Chào các anh chị, tôi là cán bộ hưu trí, hay đọc báo. Tôi muốn hỏi Nghị định 42/2022 có hiệu lực từ ngày nào vậy?',
      'Nghị định 42/2022 có hiệu lực từ ngày nào vậy?',
    ],
    [
      'Em chào chị. Em là đoàn viên Chi đoàn của Sở, bí thư bảo chi đoàn cũng phải tham gia. Kế hoạch giao cho chi đoàn việc gì vậy chị?',
      'Kế hoạch giao cho chi đoàn việc gì vậy chị?',
    ],
  ])('%s → %s', (q, want) => expect(focusClause(q)).toBe(want));

  it.each([
    // The asking clause has no subject of its own: the opening holds it.
    'Em nộp hồ sơ rồi, vậy bao lâu thì có kết quả?',
    // The opening itself asks ("… không, …").
    'Văn phòng Sở có hướng dẫn đăng nhập bằng VNeID không, các bước thế nào?',
    // A self-introduction may hold what the question points back to ("phòng em"): framing handles it.
    'Chào chị, em làm ở phòng chuyên môn, cho em hỏi phòng em có phải làm gì theo kế hoạch này không ạ?',
    // The asking clause points back at the asker.
    'Văn phòng Sở đã gửi kế hoạch rồi, vậy phòng em phải báo cáo những nội dung gì?',
    // No opening at all.
    'PCI có bao nhiêu chỉ số thành phần?',
    // "đầu mối" is not the question word "đâu".
    'Văn phòng Sở làm đầu mối triển khai kế hoạch phải không?',
    // "rơi" (falls) is not the connective "rồi".
    'Ngày Pháp luật Việt Nam rơi vào ngày nào hằng năm?',
    // Where the asker works may be what the question is about without naming it again.
    'Em làm ở phòng Quản lý thương mại, cho em hỏi phải làm những nhiệm vụ gì trong kế hoạch truyền thông?',
    // The first sentence asks: nothing to cut.
    'PCI là gì? Có mấy chỉ số thành phần?',
    // The asking clause points back into the opening ("năm đó" is the year just said).
    'Báo đăng năm 2022 tỉnh tụt hạng cải cách hành chính. Vậy năm đó tỉnh đứng thứ mấy?',
    // "X rồi thì Y" without a comma is a condition of the question unless the opening names a unit.
    'Có tài khoản dịch vụ công cũ rồi thì nối qua VNeID kiểu gì?',
    'Bỏ huyện rồi thì giờ đi nộp giấy tờ ở đâu?',
    // ", con …" is the pronoun, not "còn"; a greeting alone holds no subject.
    'Dạ em chào cô chú, con là sinh viên năm cuối đang tìm hiểu PCI có mấy chỉ số thành phần?',
    // The opening asks the bot itself; only a reported or hedged question is left out.
    'Văn phòng Sở có phải làm đầu mối không. Ban Biên tập phải làm những việc gì?',
    // A duty asked by one who says where they work, the unit not restated.
    'Mình là cán bộ Văn phòng Sở. Theo kế hoạch thì nhiệm vụ hằng năm là những gì?',
  ])('kept whole: %s', (q) => expect(focusClause(q)).toBe(q));
});

describe('a question for a document as a whole', () => {
  it.each([
    ['1523/KH-SCT', ['1523/kh/sct'], true],
    ['xem 444/KH-SCT', ['444/kh/sct'], true],
    ['Kế hoạch 1523/KH-SCT là gì', ['1523/kh/sct'], true],
    ['cho em xin văn bản 845/QĐ-UBND với ad', ['845/qd/ubnd'], true],
    ['1523/KH-SCT ai ký', ['1523/kh/sct'], false],
    ['1523/KH-SCT giao nhiệm vụ gì cho Văn phòng Sở', ['1523/kh/sct'], false],
    ['kế hoạch là gì', [], false],
  ])('%s → %s', (content, numbers, want) => expect(asksWholeDocument(content, numbers)).toBe(want));
});

describe('routing on the project corpus', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openTestKnowledgeBase();
  });
  afterAll(async () => {
    await kb.close();
  });

  it.each(['kh1523', 'kế hoạch 1532', 'qd 1523', 'Kế hoạch 1523 là gì?'])('a bare reference to the plan gets its card: %s', async (q) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('1523/KH-SCT');
    expect(a.answer).toContain('Võ Văn Rân');
    expect(a.sources[0]?.section).toBe('Thông tin văn bản');
  });

  it('a bare reference to a catalogue entry gets its general information', async () => {
    const a = await kb.answerer.ask('kh 444');
    expect(a.sources[0]?.doc).toBe('444/KH-SCT');
    expect(a.sources[0]?.section).toBe('Thông tin chung');
    expect(a.answer).toContain('Toàn văn 444/KH-SCT chưa có');
  });

  it('the signer asked in chat spelling ("ai ki")', async () => {
    const a = await kb.answerer.ask('ke hoach truyen thog 1523 ai ki');
    expect(a.answer).toContain('Võ Văn Rân');
  });

  it('the unit after the opening statement gets its duties, not the unit of the opening', async () => {
    const a = await kb.answerer.ask('Văn phòng Sở làm đầu mối rồi, vậy Ban Biên tập Cổng TTĐTTP phải làm gì?');
    expect(a.answer).toContain('Ban Biên tập');
    expect(a.answer).toContain('cập nhật');
    expect(a.answer).not.toMatch(/^Nhiệm vụ của Văn phòng Sở/);
  });

  it('an opening about the phone line does not turn a definition question into a refusal', async () => {
    const a = await kb.answerer.ask('Gọi điện cho Sở hoài không được, cho hỏi dịch vụ công trực tuyến toàn trình là gì?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('môi trường mạng');
  });

  it.each(['chi doan dc giao j', 'kế hoạch củng giao việc cho chi đoàn hả'])('"được giao gì" asks a unit’s duties: %s', async (q) => {
    const a = await kb.answerer.ask(q);
    expect(a.answer).toContain('Chi đoàn TNCS Hồ Chí Minh');
    expect(a.answer).toContain('phối hợp');
  });

  it('a question about the national portal is not the department’s contact card', async () => {
    const a = await kb.answerer.ask('cổng dvcqg web là j');
    expect(a.answer).not.toContain('Thông tin liên hệ của');
  });
});
