import { beforeAll, describe, expect, it } from 'vitest';
import { numberedLabels } from '../../src/rag/compose.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { findEnumeration, formatEnumeration, wantsWholeList } from '../../src/rag/list-answer.js';
import { namedSection } from '../../src/rag/section-answerer.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('enumerations in a passage', () => {
  it.each([
    ['numbered inline', 'Quy trình gồm: (1) mở ứng dụng; (2) chọn mục; (3) điền mẫu; (4) bấm gửi. Sau đó chờ kết quả.', 4, 'Sau đó chờ kết quả.'],
    ['colon and semicolons', 'Hồ sơ gồm: đơn đề nghị; bản sao giấy tờ; ảnh chân dung.', 3, ''],
    ['bullet lines', 'Các việc cần làm\n- việc thứ nhất;\n- việc thứ hai;\n- việc thứ ba.', 3, ''],
    [
      'labelled items',
      'Trước đây có 4 mức. Mức 1: công bố thông tin. Mức 2: thêm tải biểu mẫu. Mức 3: nộp hồ sơ trên mạng. Mức 4: thêm thanh toán. Nay còn hai mức.',
      4,
      'Nay còn hai mức.',
    ],
    ['labelled steps', 'Bước 1. Đăng nhập bằng VNeID; Bước 2. Chọn thủ tục; Bước 3. Điền tờ khai', 3, ''],
  ])('%s', (_name, text, n, tail) => {
    const e = findEnumeration(text);
    expect(e?.items).toHaveLength(n);
    expect(e?.tail).toBe(tail);
  });

  it('labels that do not count up are no enumeration', () => {
    expect(findEnumeration('Theo Điều 3: a. Theo Điều 11: b. Theo Điều 28: c.')).toBeNull();
  });

  it('a labelled item keeps its label', () => {
    expect(findEnumeration('Có ba mức. Mức 1: x. Mức 2: y. Mức 3: z.')?.items).toEqual(['Mức 1: x', 'Mức 2: y', 'Mức 3: z']);
  });

  it('a plain sentence is not an enumeration', () => {
    expect(findEnumeration('Kinh phí được bố trí từ ngân sách, theo phân cấp hiện hành.')).toBeNull();
  });

  it('a count question gets the number with the list', () => {
    const e = findEnumeration('Các bước: (1) a; (2) b; (3) c')!;
    expect(formatEnumeration(e, true)).toMatch(/gồm 3 mục:\n• a\n• b\n• c/);
  });

  it('which questions want a whole list', () => {
    expect(wantsWholeList('Hồ sơ cần những giấy tờ gì?', { kind: 'what' })).toBe(true);
    expect(wantsWholeList('Có mấy bước để đăng ký?', { kind: 'what' })).toBe(true);
    expect(wantsWholeList('Kinh phí lấy từ đâu?', { kind: 'what' })).toBe(false);
    expect(wantsWholeList('Ai chịu trách nhiệm báo cáo?', { kind: 'who' })).toBe(false);
  });

  it('section names in a question', () => {
    expect(namedSection('Mục III nói về gì?')).toBe('III');
    expect(namedSection('phần IV.2 giao cho ai')).toBe('IV.2');
    expect(namedSection('điểm b mục II.3 là gì')).toBe('II.3.b');
    expect(namedSection('mục tiêu của kế hoạch')).toBeNull();
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('whole lists, every step, counts', () => {
  it('a count question about an explainer list gets the number and all ten items', async () => {
    const a = await kb.answerer.ask('Chỉ số PCI được tính từ bao nhiêu chỉ số thành phần?');
    expect(a.answer.split('\n').filter((l) => l.startsWith('• ')).length).toBeGreaterThanOrEqual(10);
    for (const item of ['Gia nhập thị trường', 'Chi phí thời gian', 'Đào tạo lao động', 'Thiết chế pháp lý']) expect(a.answer).toContain(item);
  });

  it('a steps question gets every step', async () => {
    const a = await kb.answerer.ask('Muốn nộp hồ sơ trực tuyến thì làm các bước nào?');
    for (const step of ['đăng nhập', 'tìm thủ tục', 'tờ khai điện tử', 'thanh toán phí', 'gửi hồ sơ']) expect(a.answer).toContain(step);
  });

  it('a list question that lands on one item of a list gets the whole list', async () => {
    const a = await kb.answerer.ask('pci trong kế hoạch 1523 truyền thông những chỉ số nào');
    for (const item of ['Gia nhập thị trường', 'Tính minh bạch', 'Chi phí không chính thức', 'Chính sách hỗ trợ doanh nghiệp'])
      expect(a.answer).toContain(item);
    expect(a.answer).toContain('[1523/KH-SCT, II.3]');
  });

  it('labelled items are given whole, and a question naming two labels gets both', async () => {
    const all = await kb.answerer.ask('dvc truc tuyen truoc day chia may muc');
    for (const level of ['Mức 1:', 'Mức 2:', 'Mức 3:', 'Mức 4:']) expect(all.answer).toContain(level);
    const two = await kb.answerer.ask('tài khoản định danh mức 2 khác mức 1 ở chỗ nào');
    expect(two.answer).toContain('Mức 1 gồm');
    expect(two.answer).toContain('Mức 2 có thêm vân tay');
  });

  it('a question naming a part of the plan gets that part', async () => {
    const a = await kb.answerer.ask('Phần III của kế hoạch quy định gì?');
    expect(a.answer).toContain('ngân sách nhà nước');
    expect(a.answer).toContain('[1523/KH-SCT, III]');
  });
});

describe('numbered labels a question names', () => {
  it.each([
    ['mức 2 khác mức 1 chỗ nào', ['muc 2', 'muc 1']],
    ['dịch vụ công mức độ 4 là gì', ['muc 4']],
    ['bước 3 làm gì', ['buoc 3']],
    ['PAPI có 8 nội dung nào', []],
    ['Kế hoạch 1523 do ai ký', []],
  ])('%s → %j', (q, want) => expect(numberedLabels(q)).toEqual(want));
});
