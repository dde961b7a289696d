import { beforeAll, describe, expect, it } from 'vitest';
import { contactDetailGap } from '../../src/rag/abstention.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import type { RetrievalResult } from '../../src/rag/retriever.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('a phone line asked is answered only by a passage that writes a number', () => {
  it.each([
    // the portal's passages give its web address, dates and the plan's number, but no line
    'Tổng đài hỗ trợ Cổng Dịch vụ công quốc gia là số mấy?',
    'Hotline của Cổng Dịch vụ công quốc gia là gì?',
  ])('refuses: %s', async (q) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(true);
  });

  it('names the topic and the missing detail', async () => {
    const a = await kb.answerer.ask('Tổng đài hỗ trợ Cổng Dịch vụ công quốc gia là số mấy?');
    expect(a.answer).toContain('Nguồn của trợ lý có nói về');
  });

  it.each([
    // twins: a short number written by the passage answers; "ứng dụng điện thoại" asks no line
    ['sdt nhắn TTTB là số j', '1414'],
    ['Vô cổng dịch vụ công thì dùng cái app căn cước trên điện thoại ra sao?', 'VNeID'],
  ])('answers: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain(said);
  });
});

/** A retrieval whose best passages are these texts (only what the check reads). */
const retrieved = (kind: string, ...texts: string[]) =>
  ({
    intent: { kind, docNumbers: [] },
    hits: texts.map((text, i) => ({
      chunk: { id: `c${i}`, text, docId: '1523/KH-SCT', docTitle: 'Kế hoạch', trail: ['IV. TỔ CHỨC THỰC HIỆN', '3.'] },
      score: 1,
    })),
  }) as unknown as RetrievalResult;

describe('an exact detail (a line, an address, a sum of money) needs a passage that writes one', () => {
  const DUTY = 'Phòng Kế hoạch – Tài chính – Tổng hợp chủ trì xây dựng kế hoạch, dự toán kinh phí thực hiện nhiệm vụ.';
  it.each([
    ['Phòng Kế hoạch – Tài chính – Tổng hợp được bố trí bao nhiêu tiền?', [DUTY]],
    ['Kinh phí truyền thông mỗi năm là bao nhiêu tiền?', [DUTY]],
    ['Số điện thoại của Văn phòng Sở là gì?', ['Văn phòng Sở làm đầu mối theo Kế hoạch 1523/KH-SCT ngày 22/7/2022.']],
    ['Email của Ban Biên tập là gì?', ['Ban Biên tập cập nhật tin trên https://sct.quangngai.gov.vn.']],
  ])('refuses: %s', (q, texts) => {
    expect(contactDetailGap(q, retrieved('what', ...texts))).toContain('Nguồn của trợ lý có nói về');
  });

  it.each([
    ['Nhắn tin kiểm tra thuê bao mất bao nhiêu tiền?', ['Nhắn "TTTB" gửi 1414 (miễn phí) để kiểm tra thuê bao.']],
    ['Lệ phí cấp giấy phép là bao nhiêu tiền?', ['Lệ phí: 50.000 đồng/giấy phép.']],
    ['Số điện thoại nhắn kiểm tra thuê bao là số mấy?', ['Nhắn "TTTB" gửi 1414 để kiểm tra.']],
    // no exact detail asked: "kinh phí" as a topic, "ứng dụng điện thoại"
    ['Ai lập dự toán kinh phí?', [DUTY]],
    ['Cài ứng dụng điện thoại nào để đăng nhập?', ['Cài ứng dụng VNeID.']],
  ])('lets pass: %s', (q, texts) => {
    expect(contactDetailGap(q, retrieved('what', ...texts))).toBeNull();
  });
});
