import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/knowledge/front-matter.js';
import { contentAreas, findPlanNode, flattenPlan, parsePlan, repairPageBreaks } from '../../src/knowledge/plan-parser.js';
import { planSections } from '../../src/knowledge/plan-sections.js';

const planBody = splitFrontMatter(readFileSync('knowledge/ke-hoach-1523-KH-SCT.md', 'utf8')).body;
const root = parsePlan(planBody);
const labels = (path: string) => findPlanNode(root, path)?.children.map((c) => c.label);

describe('parsePlan on the real 1523/KH-SCT', () => {
  it('has the four Roman parts in order', () => {
    expect(root.children.filter((c) => c.kind === 'part').map((c) => c.path)).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('repairs the repeated d) into đ) in II.1 and II.2', () => {
    expect(labels('II.1')).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h']);
    expect(labels('II.2')).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h']);
    expect(findPlanNode(root, 'II.1.đ')?.heading).toBe('đ) Truyền thông cải cách chế độ công vụ');
    expect(findPlanNode(root, 'II.2.đ')?.heading).toContain('thủ tục hành chính công');
  });

  it('keeps a printed đ) in II.3 (a…e with đ)', () => {
    expect(labels('II.3')).toEqual(['a', 'b', 'c', 'd', 'đ', 'e']);
    expect(findPlanNode(root, 'II.3.đ')?.heading).toContain('Chi phí không chính thức');
  });

  it('joins sentences split by page breaks', () => {
    const pciE = findPlanNode(root, 'II.3.e')?.body ?? '';
    expect(pciE).toContain('nâng cao năng lực cạnh tranh cho doanh nghiệp');
    const papiD = findPlanNode(root, 'II.2.d')?.body ?? '';
    expect(papiD).toContain('chú trọng đẩy mạnh công tác phòng, chống tham nhũng');
  });

  it('has section IV with five numbered sections, its closing paragraph and the recipients', () => {
    expect(labels('IV')?.filter((l) => /^\d$/.test(l))).toEqual(['1', '2', '3', '4', '5']);
    expect(findPlanNode(root, 'IV.2')?.heading).toContain('trước 30/11');
    const closing = findPlanNode(root, 'IV')?.children.find((c) => c.kind === 'closing');
    expect(closing?.body).toMatch(/^Trong quá trình thực hiện/);
    const recipients = root.children.find((c) => c.kind === 'recipients');
    expect(recipients?.body).toContain('Sở Thông tin và Truyền thông');
  });

  it('yields the 22 content areas with their indicators', () => {
    const areas = contentAreas(root);
    expect(areas).toHaveLength(22);
    expect(areas.filter((a) => a.indicator === 'PAR INDEX')).toHaveLength(8);
    expect(areas.filter((a) => a.indicator === 'PAPI')).toHaveLength(8);
    expect(areas.filter((a) => a.indicator === 'PCI').map((a) => a.code)).toEqual(['II.3.a', 'II.3.b', 'II.3.c', 'II.3.d', 'II.3.đ', 'II.3.e']);
    expect(areas.find((a) => a.code === 'II.1.g')?.title).toBe('Truyền thông thực hiện cơ chế một cửa liên thông');
  });

  it('normalises old-style tone marks in the source', () => {
    for (const n of flattenPlan(root)) expect(n.body).not.toMatch(/hoá|uỷ|thuỷ/);
  });
});

describe('parsePlan on synthetic defects', () => {
  it.each([
    [
      ['a) một', 'b) hai', 'd) ba'],
      ['a', 'b', 'd'],
    ], // a real skip is kept
    [
      ['a) một', 'b) hai', 'c) ba', 'd) bốn', 'd) năm', 'e) sáu'],
      ['a', 'b', 'c', 'd', 'đ', 'e'],
    ],
    [
      ['a) một', 'a) hai'],
      ['a', 'b'],
    ],
  ])('%j → %j', (items, expected) => {
    const text = ['I. PHẦN MỘT', '1. Mục', ...items].join('\n');
    expect(findPlanNode(parsePlan(text), 'I.1')?.children.map((c) => c.label)).toEqual(expected);
  });

  it('repairPageBreaks joins only a lower-case continuation of an unfinished line', () => {
    expect(repairPageBreaks(['Đặc biệt, chú trọng', '', 'công tác phòng chống.', 'Câu mới.'])).toEqual([
      'Đặc biệt, chú trọng công tác phòng chống.',
      'Câu mới.',
    ]);
    expect(repairPageBreaks(['Kết thúc;', 'tiếp theo'])).toEqual(['Kết thúc;', 'tiếp theo']);
  });
});

describe('planSections', () => {
  const sections = planSections(planBody);
  it('gives each parent an outline listing its children', () => {
    const papi = sections.find((s) => s.path === 'II.2' && s.kind === 'outline');
    expect(papi?.text).toContain('gồm 8 nội dung');
    expect(papi?.text).toContain('h) Truyền thông nội dung "Quản trị điện tử"');
  });
  it('carries heading trails', () => {
    const b = sections.find((s) => s.path === 'II.3.b');
    expect(b?.trail).toEqual([
      'II. NỘI DUNG TRUYỀN THÔNG',
      '3. Đối với Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
      'b) Truyền thông về chỉ số "Tính minh bạch"',
    ]);
  });
  it('includes the preamble (number and date) and the recipients block', () => {
    expect(sections.find((s) => s.path === 'Phần mở đầu')?.text).toContain('ngày 22 tháng 7 năm 2022');
    expect(sections.find((s) => s.path === 'Nơi nhận')?.text).toContain('Sở Thông tin và Truyền thông');
    expect(sections.find((s) => s.path === 'Chữ ký')?.text).toBe('Chữ ký\nNgười ký: GIÁM ĐỐC Võ Văn Rân');
  });
});
