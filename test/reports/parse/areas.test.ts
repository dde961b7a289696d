import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import {
  areaScorer,
  type ContentArea,
  confidentArea,
  createReportParser,
  loadContentAreas,
  namedIndicator,
  parseReport,
} from '../../../src/reports/parse/index.js';
import { foldText } from '../../../src/text/normalize.js';
import { KNOWLEDGE_DIR, knowledge } from './helpers.js';

describe('loadContentAreas', () => {
  it('reads the 22 content areas of section II, in Vietnamese letter order', () => {
    const { areas } = knowledge();
    expect(areas.map((a) => a.code)).toEqual([
      ...['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'].map((l) => `II.1.${l}`),
      ...['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'].map((l) => `II.2.${l}`),
      ...['a', 'b', 'c', 'd', 'đ', 'e'].map((l) => `II.3.${l}`),
    ]);
    expect(new Set(areas.filter((a) => a.code.startsWith('II.3.')).map((a) => a.indicator))).toEqual(new Set(['PCI']));
    expect(areas.every((a) => a.text.length > 100)).toBe(true);
  });

  it('createReportParser binds the areas and glossary of a knowledge directory', () => {
    const parse = createReportParser(KNOWLEDGE_DIR);
    const p = parse('Đăng 2 tin về đơn giản hóa TTHC trên Cổng TTĐT', { now: new Date('2026-11-27T00:00:00Z') });
    expect([p.area, p.indicator, p.channel, p.count]).toEqual(['II.1.c', 'PAR INDEX', 'website', 2]);
  });

  it('fails with a named error when the plan file is missing', () => {
    expect(() => loadContentAreas('/nonexistent-knowledge-dir')).toThrow(AppError);
  });
});

describe('area classification (own messages, real plan wording)', () => {
  const NOW = new Date('2026-11-27T00:00:00Z');
  it.each([
    ['Đăng tin phổ biến quy định về rà soát, hệ thống hóa văn bản quy phạm pháp luật', 'II.1.b'],
    ['dang tin ve don gian hoa, cat giam thu tuc hanh chinh, loai bo thu tuc chong cheo', 'II.1.c'],
    ['Tuyên truyền về tinh giản biên chế gắn với vị trí việc làm, khung năng lực', 'II.1.đ'],
    ['Đăng bài về cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập', 'II.1.e'],
    ['Đăng bài về số hóa hồ sơ, lưu trữ hồ sơ điện tử và chữ ký số', 'II.1.g'],
    ['Giới thiệu Hệ thống quản lý chất lượng ISO 9001:2015 điện tử', 'II.1.h'],
    ['tuyen truyen quy che dan chu, nhan dan duoc biet, duoc ban, duoc kiem tra giam sat', 'II.2.a'],
    ['Phổ biến Luật Tiếp công dân và giải quyết khiếu nại, tố cáo của công dân', 'II.2.c'],
    ['Tuyên truyền phòng, chống tham nhũng, chống phiền hà, sách nhiễu', 'II.2.d'],
    ['Tuyên truyền bảo vệ môi trường, phân loại chất thải, ô nhiễm nguồn nước', 'II.2.g'],
    ['Công khai quy hoạch ngành và thông tin đấu thầu, bên mời thầu', 'II.3.b'],
    ['Phổ biến quy định về kinh doanh vật liệu nổ, tranh chấp kinh doanh thương mại', 'II.3.d'],
    ['Tuyên truyền chống nhũng nhiễu, thanh tra công vụ, chi phí không chính thức', 'II.3.đ'],
    ['Hỗ trợ doanh nghiệp tìm kiếm khách hàng, mở rộng sản xuất kinh doanh', 'II.3.e'],
  ])('%s → %s', (text, code) => {
    const { areas, glossary } = knowledge();
    const p = parseReport(text, { now: NOW, areas, glossary });
    expect(p.area).toBe(code);
    expect(p.indicator).toBe(areas.find((a) => a.code === code)?.indicator);
  });

  it('maps a message naming any area by its heading (accented and unaccented) to that area', () => {
    const { areas, glossary } = knowledge();
    const wrong: string[] = [];
    for (const a of areas) {
      const core = a.title
        .replace(/^Truyền thông\s+/, '')
        .replace(/^(?:về chỉ số|nội dung|cải thiện điểm số chỉ số thành phần \(PCI\))\s*/, '')
        .replace(/"/g, '');
      for (const text of [`Đăng 2 tin về ${core} trên Cổng TTĐT`, foldText(`tổ chức hội nghị về ${core}, 30 người dự`)]) {
        const p = parseReport(text, { now: NOW, areas, glossary });
        if (p.area !== a.code) wrong.push(`${a.code} ← ${text} → ${p.area}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves area null and offers three candidates when the topic spans several areas', () => {
    const { areas, glossary } = knowledge();
    const p = parseReport('Đăng 2 tin về dịch vụ công trực tuyến trên Zalo', { now: NOW, areas, glossary });
    expect(p.area).toBeNull();
    expect(p.missing).toContain('area');
    expect(p.areaCandidates).toHaveLength(3);
    expect(p.areaCandidates[0]!.score).toBeGreaterThanOrEqual(p.areaCandidates[1]!.score);
  });

  it('gives an empty candidate list and no area without areas', () => {
    const p = parseReport('Đăng 2 tin về cải cách thủ tục hành chính', { now: NOW, areas: [] });
    expect(p.area).toBeNull();
    expect(p.areaCandidates).toEqual([]);
  });

  it('works with a few hand-built areas', () => {
    const areas: ContentArea[] = [
      { code: 'X.1', indicator: 'PAPI', title: 'Truyền thông nội dung "Quản trị môi trường"', text: 'Bảo vệ môi trường, phân loại chất thải.' },
      { code: 'X.2', indicator: 'PCI', title: 'Truyền thông về chỉ số "Tính minh bạch"', text: 'Công khai thông tin đấu thầu, quy hoạch.' },
    ];
    const scores = areaScorer(areas).score('phát tờ rơi về phân loại chất thải và bảo vệ môi trường');
    expect(scores[0]?.code).toBe('X.1');
    expect(confidentArea(scores)?.code).toBe('X.1');
  });
});

describe('namedIndicator', () => {
  it.each([
    ['tuyên truyền nâng cao chỉ số PCI', 'PCI'],
    ['cải thiện chỉ số PAPI của tỉnh', 'PAPI'],
    ['nâng cao chỉ số PAR INDEX', 'PAR INDEX'],
    ['nang cao nang luc canh tranh cap tinh', 'PCI'],
    ['PCI và PAPI', null],
    ['đăng tin về hội nghị', null],
  ])('%s → %s', (text, want) => {
    expect(namedIndicator(text)).toBe(want);
  });
});

describe('confidentArea', () => {
  it('needs a clear margin over the runner-up', () => {
    expect(
      confidentArea([
        { code: 'a', title: '', score: 50 },
        { code: 'b', title: '', score: 48 },
      ]),
    ).toBeNull();
    expect(
      confidentArea([
        { code: 'a', title: '', score: 50 },
        { code: 'b', title: '', score: 20 },
      ])?.code,
    ).toBe('a');
    expect(confidentArea([{ code: 'a', title: '', score: 3 }])).toBeNull();
  });
});
