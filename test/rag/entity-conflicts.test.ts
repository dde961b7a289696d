import { beforeAll, describe, expect, it } from 'vitest';
import { HOME_PROVINCE, otherProvinceNames, PROVINCES } from '../../src/core/provinces.js';
import { askedTitle, countedNoun, countedNouns, satisfiesQuestion } from '../../src/rag/abstention.js';
import { askedPart, monthGap, namedPeople } from '../../src/rag/entity-conflicts.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('the province vocabulary', () => {
  it('has the 34 units after 2025 and the 63 former names', () => {
    expect(PROVINCES).toHaveLength(34);
    // Every unit kept the name of one former province: 34 kept + 29 merged away = 63.
    const before = new Set(PROVINCES.flatMap((p) => [p.name, ...p.formerly]));
    expect(before.size).toBe(63);
  });

  it('the home province and Kon Tum (merged into it) are not "other" provinces', () => {
    const others = otherProvinceNames();
    expect(others).not.toContain(HOME_PROVINCE);
    expect(others).not.toContain('Kon Tum');
    expect(others).toEqual(expect.arrayContaining(['Bình Định', 'Gia Lai', 'Thành phố Hồ Chí Minh', 'Sài Gòn']));
  });
});

describe('pure helpers', () => {
  it.each([
    ['Tháng 9/2025 nhận bao nhiêu hồ sơ?', ['Từ ngày 01 đến 31/8/2025, tỉnh tiếp nhận 43.007 hồ sơ'], '9/2025'],
    ['Tháng 8/2025 nhận bao nhiêu hồ sơ?', ['Từ ngày 01 đến 31/8/2025, tỉnh tiếp nhận 43.007 hồ sơ'], null],
    ['Trước tháng 7 năm 2024 đăng ký thế nào?', ['Từ ngày 01/07/2024, công dân đăng nhập bằng VNeID'], null],
    ['thang 5/2026 co gi moi', ['Không có ngày tháng nào'], null],
    ['Tháng 13/2025 thì sao?', ['Không có ngày tháng nào'], null],
  ])('the month gap of %s', (q, best, gap) => {
    expect(monthGap(q, best, { currentYear: 2026 })).toBe(gap);
  });

  it.each([
    ['Ông Nguyễn Văn Hùng có phải Giám đốc không?', ['Nguyễn Văn Hùng']],
    ['bà Lan ở Văn phòng Sở phụ trách gì?', ['Lan']],
    ['Trần Thị Bích Ngọc làm ở phòng nào?', ['Trần Thị Bích Ngọc']],
    ['Văn phòng Sở có nhiệm vụ gì?', []],
    ['Hồ sơ nộp ở đâu?', []],
    ['Mai Sở có họp không?', []],
  ])('people named in %s', (q, people) => {
    expect(namedPeople(q)).toEqual(people);
  });

  it.each([
    ['Chị ở Sở Nội vụ hỏi giùm: PCI có bao nhiêu chỉ số?', [], 'PCI có bao nhiêu chỉ số?'],
    ['Em là cán bộ Sở Tư pháp, cho em hỏi PAPI là gì ạ?', ['Em là cán bộ Sở Tư pháp'], 'cho em hỏi PAPI là gì ạ?'],
    ['Sở Y tế có kế hoạch truyền thông không?', [], 'Sở Y tế có kế hoạch truyền thông không?'],
  ])('the asked part of %s', (q, framing, asked) => {
    expect(askedPart(q, framing)).toContain(asked.replace(/^cho em hỏi /, ''));
  });

  it.each([
    ['Nghị định 42 có bao nhiêu điều?', 'dieu'],
    ['Tỷ lệ đạt bao nhiêu phần trăm?', '%'],
    ['PCI có mấy chỉ số thành phần?', 'chi'],
    ['Lệ phí là bao nhiêu?', null],
  ])('what %s counts', (q, noun) => {
    expect(countedNoun(q)).toBe(noun);
  });

  it('a name question about a title needs a name beside that title; "Phó" is told apart', () => {
    expect(askedTitle('Phó Giám đốc Sở tên gì?')).toBe('pho giam doc');
    const card = 'Người ký: Võ Văn Rân (Giám đốc).';
    expect(satisfiesQuestion(card, 'Giám đốc Sở tên là gì?', 'name')).toBe(true);
    expect(satisfiesQuestion(card, 'Phó Giám đốc Sở tên là gì?', 'name')).toBe(false);
  });

  it('a count of something needs a number of that thing', () => {
    expect(satisfiesQuestion('PCI có 10 chỉ số thành phần', 'PCI có bao nhiêu chỉ số thành phần?', 'number')).toBe(true);
    expect(satisfiesQuestion('Nghị định có hiệu lực từ 15/8/2022, gồm 3 nhóm nội dung', 'Nghị định có bao nhiêu điều?', 'number')).toBe(false);
  });

  it('a classifier counts the noun after it; a score is a decimal whose unit is left out', () => {
    expect(countedNouns('Tỉnh nhận bao nhiêu bộ hồ sơ?')).toEqual(['bo', 'ho']);
    // "bộ" is also a ministry: the classifier itself still counts.
    expect(satisfiesQuestion('khảo sát 22 bộ, ngành', 'Có bao nhiêu bộ tham gia?', 'number')).toBe(true);
    expect(satisfiesQuestion('tỉnh tiếp nhận 43.007 hồ sơ trực tuyến', 'Tỉnh nhận bao nhiêu bộ hồ sơ?', 'number')).toBe(true);
    expect(satisfiesQuestion('tỉnh tiếp nhận 43.007 hồ sơ trực tuyến', 'Tỉnh có bao nhiêu cán bộ?', 'number')).toBe(false);
    expect(satisfiesQuestion('kiểm soát tham nhũng 5,85; thủ tục hành chính công 7,26', 'Khoản tham nhũng được mấy điểm?', 'number')).toBe(true);
    expect(satisfiesQuestion('Kế hoạch ban hành ngày 5/6/2022', 'Tỉnh được mấy điểm?', 'number')).toBe(false);
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('each kind of entity conflict refuses by name and says what the sources cover', () => {
  it.each([
    ['province, current name', 'Sở Công Thương Gia Lai có kế hoạch truyền thông PCI không?', 'không có thông tin về Gia Lai'],
    ['province, former name', 'Kế hoạch truyền thông PAPI của tỉnh Bình Định ai ký?', 'không có thông tin về Bình Định'],
    ['province, unaccented', 'ke hoach nang cao pci cua tinh khanh hoa', 'không có thông tin về Khánh Hòa'],
    ['another department, with capitals', 'Kế hoạch truyền thông của Sở Xây dựng có mấy nội dung?', 'không có thông tin về Sở Xây dựng'],
    ['another department, typed without capitals', 'so tu phap co ke hoach truyen thong pci ko', 'không có thông tin về Sở Tư pháp'],
    ['a ministry', 'Bộ Y tế có kế hoạch truyền thông chỉ số PAPI không?', 'không có thông tin về Bộ Y tế'],
    ['a person the sources never name', 'Ông Nguyễn Văn Hùng có phải là Giám đốc Sở Công Thương không?', 'không nhắc đến Nguyễn Văn Hùng'],
    ['a year outside the documents', 'Kế hoạch truyền thông PCI năm 2029 của Sở gồm những gì?', 'năm 2029'],
    ['the coming years', 'Kế hoạch truyền thông PCI của Sở năm tới có gì mới?', 'chưa có thông tin cho những năm tới'],
    ['a month the passages do not give', 'Tháng 3/2025 tỉnh tiếp nhận bao nhiêu hồ sơ trực tuyến?', 'không có thông tin cho tháng 3/2025'],
    ['a document number the corpus lacks', 'Kế hoạch 7777/KH-SCT giao nhiệm vụ gì?', 'không có văn bản số 7777/KH-SCT'],
    ['a detail the catalogue lacks', 'Nghị định 42/2022/NĐ-CP có bao nhiêu điều?', 'nhưng không ghi số liệu được hỏi'],
    ['another kind of body: a Cục', 'Cục Thuế tỉnh Quảng Ngãi có kế hoạch truyền thông PCI không?', 'không có thông tin về Cục Thuế tỉnh Quảng Ngãi'],
    ['another kind of body: a Chi cục', 'Chi cục Quản lý thị trường có nhiệm vụ gì trong kế hoạch 1523?', 'không có thông tin về Chi cục Quản lý thị trường'],
    ['another kind of body: a district committee', 'UBND huyện Sơn Tịnh giao ai làm đầu mối truyền thông?', 'không có thông tin về UBND huyện Sơn Tịnh'],
    [
      'another kind of body: a management board',
      'Ban Quản lý Khu công nghiệp Tịnh Phong truyền thông PCI thế nào?',
      'không có thông tin về Ban Quản lý Khu công nghiệp Tịnh Phong',
    ],
    ['a role whose holder no passage names', 'Chánh Thanh tra Sở Công Thương là ai?', 'không nêu tên người giữ chức Chánh Thanh tra'],
    ['a role whose holder no passage names, "tên gì"', 'Phó Chủ tịch UBND tỉnh phụ trách CCHC tên gì?', 'không nêu tên người giữ chức Phó Chủ tịch'],
    ['a period asked as a whole, one end in the passages', 'Kế hoạch truyền thông PAR INDEX của Sở giai đoạn 2016-2020 có gì?', 'giai đoạn 2016–2020'],
  ])('%s', async (_kind, q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain(said);
    expect(a.sources).toEqual([]);
  });

  it.each([
    ['Kinh phí thực hiện kế hoạch truyền thông là bao nhiêu tiền?', '“III. KINH PHÍ THỰC HIỆN” (1523/KH-SCT) nhưng không có số tiền (mức phí, giá) được hỏi'],
    ['Cổng Dịch vụ công quốc gia có số điện thoại hỗ trợ là gì?', 'nhưng không có số điện thoại được hỏi'],
  ])('a covered topic without the asked detail says so: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('Nguồn của trợ lý có nói về');
    expect(a.answer).toContain(said);
  });

  it('a missing document number names the documents of the same kind the sources hold', async () => {
    const a = await kb.answerer.ask('Kế hoạch 7777/KH-SCT giao nhiệm vụ gì?');
    expect(a.answer).toMatch(/Các văn bản cùng loại trong nguồn dữ liệu: .*1523\/KH-SCT/);
  });

  it('a province or department conflict says the sources are those of Quảng Ngãi', async () => {
    const a = await kb.answerer.ask('Sở Công Thương Hà Tĩnh giao phòng nào làm đầu mối truyền thông?');
    expect(a.answer).toContain('chỉ có tài liệu của Sở Công Thương tỉnh Quảng Ngãi');
  });
});

describe('what is not a conflict', () => {
  it.each([
    ['Kon Tum is part of Quảng Ngãi', 'Người dân ở Kon Tum cũ nay làm thủ tục với tỉnh nào?'],
    ['the asker’s own department', 'Em là cán bộ Sở Tư pháp, cho em hỏi PAPI là gì ạ?'],
    ['the asker’s department before "hỏi giùm:"', 'Chị ở Sở Nội vụ hỏi giùm: PCI có bao nhiêu chỉ số thành phần?'],
    ['a department the passages name', 'Sở Thông tin và Truyền thông có trong nơi nhận Kế hoạch 1523 không?'],
    ['a province the passages name', 'Trang web tỉnh Bình Dương hướng dẫn thanh toán trực tuyến thế nào?'],
    ['the signer, whom the sources name', 'Ông Võ Văn Rân ký kế hoạch nào?'],
    ['a board the plan names', 'Ban Quản trị Sàn Giao dịch TMĐT tỉnh làm gì theo kế hoạch?'],
    ['a period the documents cover', 'Kế hoạch 1523 thực hiện cho giai đoạn 2022-2025 phải không?'],
    ['a year inside a date, asked when', 'Năm 2025 tỉnh Kon Tum hợp nhất với Quảng Ngãi từ ngày nào?'],
    ['a title whose holder the sources name', 'Giám đốc Sở ký Kế hoạch 1523 tên là gì?'],
  ])('%s', async (_why, q) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.sources.length).toBeGreaterThan(0);
  });
});
