import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

// The plan covers 2022–2025; in December 2026 a period that runs past today is asked about years the documents must cover.
describe('a period or year after the plan is an entity conflict unless a passage covers it', () => {
  it.each([
    ['Kế hoạch truyền thông nâng cao chỉ số PAR INDEX giai đoạn 2026–2030 của Sở có những nội dung gì?', 'giai đoạn 2026–2030'],
    ['Sở Công Thương có kế hoạch truyền thông PAPI cho giai đoạn 2026 - 2030 chưa?', 'giai đoạn 2026–2030'],
    ['Năm 2027 Sở Công Thương sẽ truyền thông những chỉ số nào?', 'năm 2027'],
  ])('refuses: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain(`không có thông tin cho ${said}`);
  });

  it('says what the nearest source covers without the digits of web addresses or document numbers', async () => {
    const a = await kb.answerer.ask('Kế hoạch cải thiện chỉ số PCI giai đoạn 2026-2030 của tỉnh ban hành kèm quyết định nào?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('giai đoạn 2026–2030');
    expect(a.answer).not.toContain('2074');
  });

  it.each([
    ['Đề án xác định Chỉ số CCHC giai đoạn 2022–2030 được phê duyệt bằng quyết định nào?', '876/QĐ-BNV'],
    ['Đề án đẩy mạnh chuyển đổi số trong xúc tiến thương mại giai đoạn 2021 – 2030 do ai phê duyệt?', '1968/QĐ-TTg'],
    ['Kế hoạch truyền thông nâng cao các chỉ số của Sở Công Thương áp dụng cho giai đoạn nào?', '2022'],
  ])('answers the twin covered by a passage: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain(said);
  });
});
