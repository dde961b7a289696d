import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { unconfirmedDetail } from '../../src/rag/unconfirmed-detail.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

const COMPONENTS = {
  docTitle: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
  trail: ['Mười chỉ số thành phần của PCI'],
  text: 'PCI có 10 chỉ số thành phần: (1) Gia nhập thị trường; (4) Chi phí thời gian. Trọng số hiện hành của từng chỉ số thành phần là chưa có thông tin được xác nhận.',
};
const DECISIONS = {
  docTitle: 'Chỉ số cải cách hành chính (PAR INDEX)',
  trail: ['Văn bản quy định bộ chỉ số PAR INDEX'],
  text: 'Quyết định 876/QĐ-BNV ngày 10/11/2022 phê duyệt Đề án. Về Quyết định 1150/QĐ-BNV, một trang ghi cấp tỉnh 8 lĩnh vực, nhưng ngày ban hành của quyết định này là chưa có thông tin được xác nhận.',
};
const CONTACTS = {
  docTitle: 'Hướng dẫn',
  trail: ['Chính quyền hai cấp: nộp hồ sơ trực tiếp ở đâu'],
  text: 'Người dân nộp trực tiếp tại Bộ phận một cửa. Địa chỉ, đường dây nóng của các điểm tiếp nhận hồ sơ sau khi sắp xếp là chưa có thông tin được xác nhận; xem danh sách trên cổng của tỉnh.',
};

describe('a detail the passage marks as not confirmed', () => {
  it.each([
    ['Trọng số của chỉ số Chi phí thời gian trong PCI là bao nhiêu phần trăm?', COMPONENTS, 'Trọng số'],
    ['Quyết định 1150/QĐ-BNV được ban hành ngày nào?', DECISIONS, 'ngày ban hành'],
    ['Đường dây nóng của điểm tiếp nhận hồ sơ là số mấy?', CONTACTS, 'đường dây nóng'],
  ])('refuses: %s', (q, passage, said) => {
    expect(unconfirmedDetail(q, passage)).toContain(said);
  });

  it.each([
    // the twins: the same passages answer what they do state
    ['PCI có bao nhiêu chỉ số thành phần?', COMPONENTS],
    ['Quyết định 876/QĐ-BNV ban hành ngày nào?', DECISIONS],
    ['nop ho so truc tiep o dau sau khi bo huyen', CONTACTS],
    // where to look it up: the passage's pointer answers
    ['Danh sách các điểm tiếp nhận hồ sơ xem ở đâu?', CONTACTS],
  ])('answers: %s', (q, passage) => {
    expect(unconfirmedDetail(q, passage)).toBeNull();
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('through the answerer', () => {
  it.each([
    ['Trọng số của chỉ số Chi phí thời gian trong PCI là bao nhiêu phần trăm?', 'Trọng số hiện hành'],
    ['Quyết định 1150/QĐ-BNV được ban hành ngày nào?', 'ngày ban hành'],
  ])('refuses with the detail gap: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('là chưa có thông tin được xác nhận');
    expect(a.answer).toContain(said);
  });
  it.each([
    ['PCI có mấy chỉ số thành phần?', '10'],
    ['Danh sách đầy đủ các nội dung thành phần của PAPI xem ở đâu?', 'papi.org.vn'],
    ['nop ho so truc tiep o dau sau khi bo huyen', 'một cửa'],
  ])('answers the twin: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain(said);
  });
});
