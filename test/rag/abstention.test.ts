import { beforeAll, describe, expect, it } from 'vitest';
import { answerType, CALIBRATED_POLICY, decideAbstention, satisfies, satisfiesQuestion } from '../../src/rag/abstention.js';
import { DEFAULT_ABSTAIN_POLICY } from '../../src/rag/answerer.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('the abstention decision', () => {
  it('the answerer ships the policy stated in abstention.ts', () => {
    expect(DEFAULT_ABSTAIN_POLICY).toBe(CALIBRATED_POLICY);
  });

  it('refuses on low vocabulary, on low evidence, and on an unsatisfied answer type below its own floor', () => {
    const p = { minVocabulary: 0.6, minEvidence: 0.4, marginWeight: 0, minEvidenceUnsatisfied: 0.7 };
    expect(
      decideAbstention({ vocabulary: 0.5, evidence: 1, margin: 0, typeSatisfied: 1, gap: 0, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 }, p),
    ).toBe(true);
    expect(
      decideAbstention({ vocabulary: 1, evidence: 0.3, margin: 0, typeSatisfied: 1, gap: 0, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 }, p),
    ).toBe(true);
    expect(
      decideAbstention({ vocabulary: 1, evidence: 0.6, margin: 0, typeSatisfied: 0, gap: 0, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 }, p),
    ).toBe(true);
    expect(
      decideAbstention({ vocabulary: 1, evidence: 0.6, margin: 0, typeSatisfied: 1, gap: 0, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 }, p),
    ).toBe(false);
  });

  it('a missing contact literal refuses whatever the evidence; naming one is not asking for it', async () => {
    const strong = { vocabulary: 1, evidence: 3, margin: 1, typeSatisfied: 0, gap: 0, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 };
    expect(decideAbstention({ ...strong, literalMissing: 1 }, CALIBRATED_POLICY)).toBe(true);
    expect(decideAbstention({ ...strong, literalMissing: 0 }, CALIBRATED_POLICY)).toBe(false);
    const kb = await openTestKnowledgeBase();
    // Asked for, and the answering passage never speaks of a phone: refused, saying which detail is missing.
    const asked = await kb.answerer.ask('Cổng Dịch vụ công quốc gia có số điện thoại hỗ trợ là gì?');
    expect(asked.abstained).toBe(true);
    expect(asked.answer).toContain('không có số điện thoại được hỏi');
    // Named as a means, not asked for: the guide answers.
    const named = await kb.answerer.ask('Trước đây đăng ký tài khoản dịch vụ công bằng số điện thoại được không?');
    expect(named.abstained).toBe(false);
  });

  it('answer types and what satisfies them', () => {
    expect(answerType('Giám đốc Sở tên là gì?', 'what')).toBe('name');
    expect(answerType('Có bao nhiêu mục?', 'what')).toBe('number');
    expect(answerType('Ai làm việc này?', 'who')).toBe('unit');
    expect(satisfies('Văn phòng Sở làm đầu mối', 'unit')).toBe(true);
    expect(satisfies('truyền thông rộng rãi', 'date')).toBe(false);
    expect(satisfies('trước ngày 30/11 hằng năm', 'date')).toBe(true);
    expect(satisfies('Người ký: GIÁM ĐỐC Trần Văn Bình', 'name')).toBe(true);
    // A title asks for a person, not a unit.
    expect(answerType('Trưởng phòng Kế hoạch là ai?', 'who')).toBe('name');
    expect(answerType('Ai làm đầu mối?', 'who')).toBe('unit');
    // A count of people is a number, though it reads as a who-question; its twin asks the unit.
    expect(answerType('Văn phòng Sở có bao nhiêu cán bộ làm đầu mối?', 'who')).toBe('number');
    expect(answerType('Mấy người phụ trách việc cập nhật tin?', 'who')).toBe('number');
    expect(answerType('Cán bộ nào làm đầu mối?', 'who')).toBe('unit');
  });

  it.each([
    ['Giấy phép kinh doanh xăng dầu cần những giấy tờ gì?', 'dossier'],
    ['Hồ sơ gồm những gì?', 'dossier'],
    ['Nộp hồ sơ trực tuyến như thế nào?', null],
  ])('a dossier question: %s', (q, type) => {
    expect(answerType(q, 'what')).toBe(type);
  });

  it.each([
    // [question, intent kind, answer type]
    ['Kế hoạch có bao nhiêu mục?', 'count', 'number'],
    ['Có mấy bước để nộp hồ sơ?', 'what', 'number'],
    ['co may buoc de nop ho so', 'what', 'number'],
    // Typed with accents, "máy" (a machine, a phone) is not "mấy".
    ['Máy móc của Sở có được công khai không?', 'yesno', null],
    ['Máy tính ở bộ phận một cửa dùng để làm gì?', 'what', null],
    ['Bao nhiêu máy tính được cấp?', 'count', 'number'],
    // A request for the items: the list answers it, "mấy" is a determiner.
    ['liệt kê mấy cách nộp hồ sơ', 'list', null],
    ['Kế hoạch có mấy mục, tên các mục là gì?', 'count', null],
    ['PCI gồm bao nhiêu chỉ số, kể ra giúp em', 'count', null],
  ])('the count cue of %s', (q, kind, type) => {
    expect(answerType(q, kind)).toBe(type);
  });

  it.each([
    // [question, answer type]
    ['Lệ phí cấp giấy phép này là bao nhiêu?', 'amount'],
    ['Chữ ký số giá bao nhiêu?', 'amount'],
    ['nop ho so mat bao nhieu tien vay', 'amount'],
    ['Hồ sơ được giải quyết trong bao lâu?', 'duration'],
    ['Cấp lại giấy phép mất mấy ngày?', 'duration'],
    // "số mấy, ngày nào" asks a number and a date, not a time span.
    ['Nghị quyết đó số mấy, ngày nào?', null],
    ['Kinh phí thực hiện lấy từ đâu?', null],
  ])('a money or time-span question: %s', (q, type) => {
    expect(answerType(q, 'what')).toBe(type);
  });

  it('only a passage stating a sum (or that it is free) holds an amount; only a time span holds a duration', () => {
    expect(satisfies('Lệ phí: 200.000 đồng/giấy phép', 'amount')).toBe(true);
    expect(satisfies('Người dân không phải nộp lệ phí khi nộp trực tuyến', 'amount')).toBe(true);
    expect(satisfies('Kinh phí thực hiện từ ngân sách nhà nước theo Quyết định 845/QĐ-UBND', 'amount')).toBe(false);
    // A sum written with the short "đ" counts at the end, before "/" and before a space; "200 đơn vị" is no sum.
    expect(satisfies('Lệ phí 200.000đ', 'amount')).toBe(true);
    expect(satisfies('Lệ phí 200.000đ/giấy phép', 'amount')).toBe(true);
    expect(satisfies('Phí 50.000đ mỗi hồ sơ', 'amount')).toBe(true);
    expect(satisfies('Cấp cho 200 đơn vị trong tỉnh', 'amount')).toBe(false);
    expect(satisfies('Thời hạn giải quyết: 15 ngày làm việc kể từ ngày nhận đủ hồ sơ', 'duration')).toBe(true);
    expect(satisfies('Sở tiếp nhận hồ sơ qua Cổng dịch vụ công', 'duration')).toBe(false);
    // A span in years ("01 năm") is a duration; a year ("năm 2015", "2015 năm") is not.
    expect(satisfies('thời hiệu khởi kiện vụ án hành chính là 01 năm', 'duration')).toBe(true);
    expect(satisfies('Luật Tố tụng hành chính năm 2015', 'duration')).toBe(false);
    expect(satisfies('ngày 12/6/2018 năm 2019', 'duration')).toBe(false);
  });

  it('a count said in everyday words is answered by a passage counting in the official word', () => {
    const text = 'Chủ tịch UBND cấp tỉnh tiếp công dân ít nhất 01 ngày trong một tháng';
    const q = 'Chủ tịch tỉnh tiếp dân mấy bữa một tháng?';
    expect(satisfiesQuestion(text, q, 'number')).toBe(false);
    const alternatives = new Map([['a:bữa', [{ keys: ['a:ngày'] }, { keys: ['a:hôm'] }]]]);
    expect(satisfiesQuestion(text, q, 'number', alternatives)).toBe(true);
    // Only the counted noun's alternatives count: another word's do not.
    expect(satisfiesQuestion(text, q, 'number', new Map([['a:tỉnh', [{ keys: ['a:ngày'] }]]]))).toBe(false);
  });

  it.each([
    // "mấy" counts after a verb or a noun, points as a plural determiner.
    ['Phòng có mấy người?', 'number'],
    ['Chủ tịch tỉnh tiếp dân mấy bữa một tháng?', 'number'],
    ['Mấy phòng ban trong sở có phải làm không?', null],
    ['Làm truyền thông mấy cái chỉ số này thì tiền lấy ở đâu ra?', null],
    ['Kế hoạch có nói về mấy chỉ số cạnh tranh không?', null],
    ['Mấy công ty này phải tuân thủ gì?', null],
    ['Mã OTP gửi về máy tính bảng', null],
  ])('a count or a pointer: %s', (q, type) => {
    expect(answerType(q, 'what')).toBe(type);
  });

  it.each([
    // [question, answer type]
    ['Bộ phận một cửa mở cửa đến mấy giờ?', 'schedule'],
    ['Giờ làm việc của Văn phòng Sở thế nào?', 'schedule'],
    ['Lãnh đạo Sở tiếp công dân vào thứ mấy?', 'schedule'],
    ['Lịch tiếp dân của Sở ra sao?', 'schedule'],
    // A rank is not a weekday; "mất mấy giờ" is a span.
    ['PCI 2020 Quảng Ngãi xếp thứ mấy?', 'number'],
    ['Nộp trực tuyến mất mấy giờ thì có kết quả?', 'duration'],
    ['Trụ sở Trung tâm hành chính công nằm ở đâu?', 'address'],
    ['Địa chỉ Bộ phận một cửa ở số nhà nào?', 'address'],
    ['Sở ở đường nào vậy?', 'address'],
    // An e-mail or web address is asked as such.
    ['Địa chỉ email của Văn phòng Sở là gì?', 'email'],
    ['Nộp hồ sơ ở đâu?', null],
  ])('a schedule or street-address question: %s', (q, type) => {
    expect(answerType(q, 'what')).toBe(type);
  });

  it('only a clock time or a weekday holds a schedule; only a street address holds an address', () => {
    expect(satisfies('Làm việc từ 7 giờ 30 đến 17 giờ', 'schedule')).toBe(true);
    expect(satisfies('Sáng 7h30, chiều 13:30', 'schedule')).toBe(true);
    expect(satisfies('Tiếp công dân vào thứ Năm hằng tuần', 'schedule')).toBe(true);
    expect(satisfies('Định kỳ hàng năm (trước 30/11) báo cáo UBND tỉnh', 'schedule')).toBe(false);
    expect(satisfies('Năm 2020 PCI xếp thứ 36', 'schedule')).toBe(false);
    expect(satisfies('Trụ sở: số 54 đường Hùng Vương, phường Cẩm Thành', 'address')).toBe(true);
    expect(satisfies('Địa chỉ: 163 Hùng Vương', 'address')).toBe(true);
    expect(satisfies('Địa chỉ cụ thể của Trung tâm là chưa có thông tin được xác nhận', 'address')).toBe(false);
    expect(satisfies('Cổng có địa chỉ https://dichvucong.gov.vn', 'address')).toBe(false);
  });

  it('only a passage that lists dossier papers holds a dossier', () => {
    expect(satisfies('Thủ tục X – thành phần hồ sơ: đơn đề nghị; bản sao giấy phép', 'dossier')).toBe(true);
    expect(satisfies('Việc công khai các TTHC tại Bộ phận một cửa, hướng dẫn hồ sơ', 'dossier')).toBe(false);
  });

  it('a quantity is not a document number, a date, a year, a clause number or a web address', () => {
    expect(satisfies('Quyết định số 1256/QĐ-UBND ngày 22/12/2021 của UBND tỉnh, mục I.1, năm 2021', 'number')).toBe(false);
    expect(satisfies('Nguồn: https://example.vn/van-ban-511272.aspx; Hội nghị lần thứ 5', 'number')).toBe(false);
    expect(satisfies('PCI có 10 chỉ số thành phần', 'number')).toBe(true);
    expect(satisfies('tối thiểu 80% hồ sơ', 'number')).toBe(true);
  });

  it('refuses when the best passage lacks the rarest word, below its own evidence floor', () => {
    const p = { minVocabulary: 0.5, minEvidence: 0.2, marginWeight: 0, minEvidenceUnsatisfied: 0.2, maxGap: 0.6, minEvidenceGap: 0.5 };
    expect(
      decideAbstention({ vocabulary: 1, evidence: 0.45, margin: 0, typeSatisfied: 1, gap: 0.9, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 }, p),
    ).toBe(true);
    expect(
      decideAbstention({ vocabulary: 1, evidence: 0.45, margin: 0, typeSatisfied: 1, gap: 0.3, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 }, p),
    ).toBe(false);
    expect(
      decideAbstention({ vocabulary: 1, evidence: 0.8, margin: 0, typeSatisfied: 1, gap: 0.9, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 }, p),
    ).toBe(false);
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('entity conflicts refuse by name', () => {
  it('another province', async () => {
    const a = await kb.answerer.ask('Sở Công Thương Đà Nẵng phân công ai làm đầu mối truyền thông?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('không có thông tin về Đà Nẵng');
  });

  it('Kon Tum is part of Quảng Ngãi, not another province', async () => {
    const a = await kb.answerer.ask('Ở Kon Tum nộp hồ sơ trực tuyến như thế nào?');
    expect(a.answer).not.toContain('không có thông tin về Kon Tum');
  });

  it('a document number the corpus lacks', async () => {
    const a = await kb.answerer.ask('Quyết định 9999/QĐ-UBND quy định những gì?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('không có văn bản số 9999/QĐ-UBND');
  });

  it('a detail of a document the catalogue only names: says the catalogue names it but does not give it', async () => {
    const a = await kb.answerer.ask('Quyết định 1256/QĐ-UBND có bao nhiêu nhiệm vụ trọng tâm?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/Danh mục văn bản của trợ lý có .*1256\/QĐ-UBND.* nhưng không ghi số liệu được hỏi/);
  });

  it('a person the sources do not name is not answered with a duty card', async () => {
    const a = await kb.answerer.ask('Trưởng phòng Kế hoạch – Tài chính – Tổng hợp là ai?');
    expect(a.abstained).toBe(true);
  });

  it('a partial document number is read as the full one', async () => {
    const a = await kb.answerer.ask('qd 649 la j');
    expect(a.abstained).toBe(false);
    expect(a.sources[0]?.doc).toBe('649/QĐ-UBND');
  });

  it('a document number with two digits swapped, after a document-type word, is the one document it nearly names', async () => {
    const a = await kb.answerer.ask('kế hoạch 1532');
    expect(a.abstained).toBe(false);
    expect(a.sources[0]?.doc).toBe('1523/KH-SCT');
  });

  it('a year the sources never mention', async () => {
    const a = await kb.answerer.ask('Kế hoạch truyền thông năm 2031 của Sở gồm những gì?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('năm 2031');
  });
});
