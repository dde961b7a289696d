import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import {
  askedFigureKinds,
  askedFigureYears,
  figureYears,
  statedFigureKinds,
  type YearPassage,
  yearFigureGap,
  yearFigureMessage,
} from '../../src/rag/year-figures.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

const passage = (text: string, docTitle = 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', docId = 'PCI'): YearPassage => ({ text, docId, docTitle, trail: [] });

const RESULTS = passage(
  'Kết quả của tỉnh (thang 100): năm 2013 đạt 62,60 điểm, xếp thứ 7; năm 2018 đạt 62,40, xếp 41; năm 2022 xếp 33/63, tăng 12 bậc (điểm số chưa có thông tin được xác nhận); năm 2023 chưa có thông tin được xác nhận; năm 2024 xếp 43/63, giảm so với năm 2023 (theo một bài báo ngày 08/04/2025). Kết quả các năm 2019–2021 là chưa có thông tin được xác nhận.',
);
const DATED = passage('Từ ngày 01/7/2025 chính quyền hai cấp hoạt động; Nghị quyết 202/2025/QH15 sắp xếp tỉnh; giai đoạn 2022–2025 đã kết thúc.');
const COMPARED = passage('Năm 2024 tỉnh xếp 43/63, giảm so với năm 2023.');
const BOUNDED = passage('Từ PCI 2023, VCCI chỉ công bố điểm số và thứ hạng của 30 tỉnh đứng đầu.');

describe('which years a question asks figures for', () => {
  it.each([
    ['Điểm PCI năm 2023 của tỉnh là bao nhiêu?', ['2023']],
    ['PAR INDEX 2022 xếp thứ mấy?', ['2022']],
    ['Kết quả SIPAS năm 2022 thế nào?', ['2022']],
    // not figure questions, or the year is not the figure's year
    ['Luật Tố cáo năm 2018 có bao nhiêu chương?', []],
    ['Năm 2022 Sở ban hành kế hoạch vào ngày nào?', []],
    ['PAPI 2023 giảm bao nhiêu bậc so với 2022?', ['2023']],
    ['VCCI từ năm 2023 công bố kết quả PCI thế nào?', []],
    ['Năm 2025 tỉnh tiếp nhận bao nhiêu hồ sơ trong tháng 8?', []],
    ['Nghị định 60/2021/NĐ-CP có bao nhiêu điều?', []],
    ['Kế hoạch có những nội dung gì năm 2022?', []],
  ])('%s', (q, years) => {
    expect(askedFigureYears(q)).toEqual(years);
  });
});

describe('a figure for year Y needs a passage that states a figure for Y', () => {
  it.each([
    // refused: the year only elsewhere, in a comparison, a date, a period, or marked not confirmed
    ['Năm 2016 PCI của tỉnh xếp thứ mấy?', [RESULTS], '2016'],
    ['Năm 2023 tỉnh xếp hạng bao nhiêu?', [RESULTS], '2023'],
    ['Năm 2023 tỉnh đứng thứ mấy?', [COMPARED], '2023'],
    ['Điểm PCI năm 2022 của tỉnh là bao nhiêu điểm?', [RESULTS], '2022'],
    ['Năm 2020 tỉnh xếp hạng bao nhiêu?', [RESULTS], '2020'],
    ['Năm 2025 tỉnh đạt bao nhiêu điểm?', [DATED], '2025'],
    ['Điểm PCI năm 2023 là bao nhiêu?', [BOUNDED], '2023'],
    ['Điểm PCI năm 2023 là bao nhiêu?', [RESULTS, passage('PAR INDEX 2023: điểm trung bình cấp tỉnh 86,98%.')], '2023'],
    // a figure of another index for that year
    ['PAPI năm 2024 của tỉnh được bao nhiêu điểm?', [passage('Năm 2024 tỉnh xếp 43/63.', 'Chỉ số cải cách hành chính (PAR INDEX)', 'PAR INDEX')], '2024'],
    ['Năm 2022 tỉnh đứng thứ mấy về PGI?', [passage('PCI 2022 dùng 142 chỉ tiêu; cùng năm, VCCI công bố lần đầu Chỉ số Xanh cấp tỉnh (PGI).')], '2022'],
  ])('refuses: %s', (q, passages, year) => {
    expect(yearFigureGap(q, passages)?.year).toBe(year);
  });

  it.each([
    // answerable twins: the same shapes, the figure stated for that year
    ['Năm 2018 PCI của tỉnh được bao nhiêu điểm?', [RESULTS]],
    ['Năm 2013 tỉnh xếp thứ mấy?', [RESULTS]],
    ['Năm 2022 tỉnh xếp hạng PCI thứ mấy?', [RESULTS]],
    ['Năm 2024 tỉnh đứng thứ mấy?', [RESULTS]],
    ['Điểm trung bình cả nước năm 2023 là bao nhiêu?', [passage('PAR INDEX 2023: điểm trung bình cấp tỉnh 86,98%, cao hơn năm 2022 là 2,19%.'), RESULTS]],
    ['Kết quả SIPAS năm 2020 thế nào?', [passage('Năm 2020, tỉnh thuộc nhóm có SIPAS thấp nhất.')]],
    // the best passage's document is of that year: the year names the document
    ['Kế hoạch năm 2022 có bao nhiêu nội dung?', [passage('Kế hoạch có 3 nội dung.', 'Kế hoạch truyền thông giai đoạn 2022 - 2025', '1523/KH-SCT')]],
    ['PAR INDEX năm 2024 của tỉnh xếp thứ mấy?', [passage('Năm 2024 tỉnh xếp 43/63.', 'Chỉ số cải cách hành chính (PAR INDEX)', 'PAR INDEX')]],
    ['PCI 2022 dùng bao nhiêu chỉ tiêu?', [passage('PCI 2022 dùng 142 chỉ tiêu; cùng năm, VCCI công bố lần đầu Chỉ số Xanh cấp tỉnh (PGI).')]],
  ])('answers: %s', (q, passages) => {
    expect(yearFigureGap(q, passages)).toBeNull();
  });

  it('says which years the passage gives figures for, and when the asked one is not confirmed', () => {
    expect(figureYears(RESULTS.text)).toEqual(['2013', '2018', '2022', '2024']);
    const missing = yearFigureGap('Năm 2016 tỉnh xếp thứ mấy?', [RESULTS]);
    expect(missing && yearFigureMessage(missing, '“Kết quả PCI” (PCI)')).toBe(
      'Nguồn của trợ lý có nói về “Kết quả PCI” (PCI) nhưng không có số liệu cho năm 2016. Nguồn này có số liệu cho các năm 2013, 2018, 2022, 2024.',
    );
    const unconfirmed = yearFigureGap('Năm 2023 tỉnh xếp hạng bao nhiêu?', [RESULTS]);
    expect(unconfirmed?.unconfirmed).toBe(true);
    expect(unconfirmed && yearFigureMessage(unconfirmed, 'X')).toContain('số liệu được hỏi cho năm 2023 chưa được xác nhận');
  });
});

const SURVEY = passage('PCI 2020 khảo sát 12.295 doanh nghiệp; 10 chỉ số thành phần được xây dựng từ 128 chỉ tiêu.');
const SCORES = passage('Kết quả của tỉnh: năm 2019 đạt 64,33, xếp 41; năm 2020 xếp 62/63; năm 2021 đạt 86,45%, xếp 39/63, tăng 24 bậc.');
const SUB_SCORES = passage('Điểm các chỉ số thành phần PCI 2020 của tỉnh (thang 10): Gia nhập thị trường 8,16; Tiếp cận đất đai 6,07.');
const POLL = passage('Điều tra xã hội học cho PAR INDEX 2021 lấy ý kiến hơn 49.600 cán bộ, công chức.', 'Chỉ số cải cách hành chính (PAR INDEX)', 'PAR INDEX');

describe('the figure must be of the kind asked (rank, score, percentage, count, money)', () => {
  it.each([
    ['Số doanh nghiệp được khảo sát PCI năm 2019 là bao nhiêu?', ['count']],
    ['PCI năm 2019 xếp thứ mấy?', ['rank']],
    ['PAPI 2023 giảm bao nhiêu bậc?', ['rank']],
    ['Điểm SIPAS năm 2020 là bao nhiêu?', ['score']],
    ['PAR INDEX 2021 đạt bao nhiêu phần trăm?', ['percent']],
    ['Kinh phí năm 2023 là bao nhiêu tiền?', ['money']],
    ['Cỡ mẫu PAPI 2023 là bao nhiêu người?', ['count']],
    // no kind: any figure answers; "chỉ số tỉnh" is not "số tỉnh", "địa điểm" is not a score
    ['Kết quả PCI năm 2020 là bao nhiêu?', []],
    ['Chỉ số tỉnh năm 2020 là bao nhiêu?', []],
    ['Địa điểm khảo sát năm 2020 là bao nhiêu nơi?', []],
  ])('asks %s', (q, kinds) => {
    expect([...askedFigureKinds(q)].sort()).toEqual(kinds);
  });

  it.each([
    ['năm 2020 đạt 63,20, xếp 36', ['rank', 'score']],
    ['năm 2021 đạt 86,45%, xếp 39/63', ['percent', 'rank']],
    ['PCI 2020 khảo sát 12.295 doanh nghiệp', ['count']],
    ['hơn 49.600 cán bộ, công chức', ['count']],
    ['Gia nhập thị trường 8,16', ['score']],
    ['năm 2020 xếp 62/63', ['rank']],
    // "trên 63 tỉnh" is the rank's denominator, not a count of respondents
    ['thang 80, hạng trên 63 tỉnh): năm 2020 xếp 62/63', ['rank']],
  ])('states %s', (c, kinds) => {
    expect([...statedFigureKinds(c)].sort()).toEqual(kinds);
  });

  it.each([
    // refused: the year has a figure, but of another kind
    ['Số doanh nghiệp được khảo sát PCI năm 2019 là bao nhiêu?', [SCORES, SURVEY]],
    ['PCI năm 2020 có bao nhiêu doanh nghiệp trả lời?', [SCORES]],
    ['Năm 2020 tỉnh được bao nhiêu điểm?', [SCORES]],
    ['Năm 2019 tỉnh đạt bao nhiêu phần trăm?', [SCORES]],
    ['Năm 2021 PAR INDEX lấy ý kiến được bao nhiêu điểm?', [POLL]],
    ['Năm 2020 có bao nhiêu người dân được phỏng vấn?', [passage('Kết quả (thang 80, hạng trên 63 tỉnh): năm 2020 xếp 62/63; năm 2021 đạt 40,98 điểm.')]],
  ])('refuses: %s', (q, passages) => {
    const gap = yearFigureGap(q, passages);
    expect(gap?.kinds?.length).toBeGreaterThan(0);
    expect(gap && yearFigureMessage(gap, 'X')).toContain('chỉ có số liệu khác loại');
  });

  it.each([
    // answerable twins: the same years, the asked kind stated
    ['PCI 2020 khảo sát bao nhiêu doanh nghiệp?', [SCORES, SURVEY]],
    ['PCI năm 2019 của tỉnh xếp thứ mấy?', [SCORES]],
    ['Năm 2019 tỉnh được bao nhiêu điểm?', [SCORES]],
    // a percentage is the score of PAR INDEX
    ['Năm 2021 tỉnh được bao nhiêu điểm?', [SCORES]],
    ['Năm 2021 tỉnh đạt bao nhiêu phần trăm?', [SCORES]],
    ['Điểm Tiếp cận đất đai PCI 2020 là bao nhiêu?', [SUB_SCORES]],
    ['PAR INDEX 2021 lấy ý kiến bao nhiêu người?', [POLL]],
  ])('answers: %s', (q, passages) => {
    expect(yearFigureGap(q, passages)).toBeNull();
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('through the answerer', () => {
  it.each([
    ['PAR INDEX năm 2022 của Quảng Ngãi đạt bao nhiêu phần trăm?', 'năm 2022'],
    ['PAR INDEX năm 2023 của Quảng Ngãi xếp hạng bao nhiêu?', 'năm 2023 chưa được xác nhận'],
    ['Kết quả PCI năm 2026 của Quảng Ngãi là bao nhiêu điểm?', 'năm 2026'],
    ['Số doanh nghiệp trả lời khảo sát PCI năm 2021 là bao nhiêu?', 'khác loại'],
    ['PAPI năm 2020 của Quảng Ngãi được bao nhiêu điểm?', 'khác loại'],
  ])('refuses with the detail gap: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('Nguồn của trợ lý có nói về');
    expect(a.answer).toContain(said);
  });

  it.each([
    ['Điểm PCI năm 2019 của tỉnh Quảng Ngãi là bao nhiêu?', '64,33'],
    ['PAR INDEX năm 2020 của Quảng Ngãi xếp hạng bao nhiêu?', '63/63'],
    ['Điểm trung bình PAR INDEX cấp tỉnh cả nước năm 2023 là bao nhiêu?', '86,98'],
    ['PCI 2020 khảo sát bao nhiêu doanh nghiệp?', '12.295'],
    ['PAPI 2020 của Quảng Ngãi xếp thứ mấy?', '62/63'],
  ])('answers the twin: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain(said);
  });
});
