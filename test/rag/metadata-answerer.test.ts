import { beforeAll, describe, expect, it } from 'vitest';
import { defaultMeta } from '../../src/knowledge/document.js';
import { documentCard, documentFacts, parseRecipients, parseSigner, titlePeriod } from '../../src/knowledge/document-card.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { askedFields } from '../../src/rag/metadata-answerer.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('document facts from the card blocks', () => {
  it('reads the signer, the recipients (no filing line) and the period', () => {
    expect(parseSigner('Chữ ký\nNgười ký: KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Nguyễn Văn A')).toEqual({ title: 'Kt. giám đốc phó giám đốc', name: 'Nguyễn Văn A' });
    expect(parseSigner('Chữ ký\nkhông có')).toBeNull();
    expect(parseRecipients('- UBND huyện;\n- Phòng X;\n- Lưu: VT.')).toEqual(['UBND huyện', 'Phòng X']);
    expect(titlePeriod('Kế hoạch thí điểm giai đoạn 2030 – 2035')).toBe('2030 - 2035');
    expect(titlePeriod('Quyết định về việc khác')).toBeNull();
  });

  it('the card of a plan states its signer, period and recipients', () => {
    const meta = defaultMeta({ id: '9/KH-X', number: '9/KH-X', title: 'Kế hoạch thử giai đoạn 2030 - 2031', date: '2030-01-02', type: 'kế hoạch' });
    const sections = [
      { path: 'Nơi nhận', trail: ['Nơi nhận'], text: '- Phòng A;\n- Lưu: VT.', kind: 'passage' as const },
      { path: 'Chữ ký', trail: ['Chữ ký'], text: 'Chữ ký\nNgười ký: GIÁM ĐỐC Trần Thị B', kind: 'passage' as const },
    ];
    const card = documentCard(meta, sections)?.text ?? '';
    expect(card).toContain('Người ký: Trần Thị B (Giám đốc)');
    expect(card).toContain('Giai đoạn thực hiện: 2030 - 2031');
    expect(card).toContain('Nơi nhận: Phòng A.');
    expect(documentFacts(meta, () => undefined).signer).toBeNull();
  });
});

describe('which document fact a question asks for', () => {
  it.each([
    ['Người nào đã ký văn bản này?', ['signer']],
    ['ke hoach nay ban hanh ngay nao', ['date']],
    ['Cơ quan nào ban hành kế hoạch?', ['issuer']],
    ['Văn bản được gửi đến những đơn vị nào?', ['recipients']],
    ['Kế hoạch áp dụng trong giai đoạn nào?', ['period']],
    ['Giám đốc ký kế hoạch này vào ngày nào?', ['date']],
    ['Bản lưu của kế hoạch để ở phòng nào?', ['filing']],
  ])('%s', (q, fields) => {
    expect(askedFields(q)).toEqual(fields);
  });

  it.each(['Báo cáo hằng năm gửi cho ai?', 'Phòng nào lập dự toán kinh phí?', 'PCI có bao nhiêu chỉ số thành phần?'])(
    'not a question about the document itself: %s',
    (q) => {
      expect(askedFields(q)).toEqual([]);
    },
  );
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('the plan’s own facts come from its card', () => {
  it('the signer, cited to the signature block', async () => {
    const a = await kb.answerer.ask('Văn bản kế hoạch 1523 do ai ký tên?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('Võ Văn Rân');
    expect(a.answer).toContain('[1523/KH-SCT, Chữ ký]');
  });

  it('the date of issue', async () => {
    const a = await kb.answerer.ask('Kế hoạch của Sở được ký ban hành vào ngày nào?');
    expect(a.answer).toContain('22/7/2022');
    expect(a.sources[0]?.section).toBe('Thông tin văn bản');
  });

  it.each([
    // [question, text of the answer, section cited first]
    ['Văn bản này lưu tại đâu?', 'VP', 'Nơi nhận'],
    ['Kế hoạch 1523 được ký ở đâu?', 'Quảng Ngãi, ngày 22 tháng 7 năm 2022', 'Phần mở đầu'],
  ])('the filing line and the place line of the document itself: %s', async (q, has, section) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain(has);
    expect(a.sources[0]?.section).toBe(section);
  });

  it('the period it covers', async () => {
    const a = await kb.answerer.ask('ke hoach thuc hien trong giai doan nao');
    expect(a.answer).toMatch(/2022 - 2025/);
  });

  it('every recipient', async () => {
    const a = await kb.answerer.ask('Kế hoạch được gửi cho những cơ quan nào?');
    expect(a.answer).toContain('Sở Thông tin và Truyền thông');
    expect(a.answer).toContain('UBND tỉnh');
    expect(a.answer).toContain('Các phòng, đơn vị trực thuộc Sở');
    expect(a.answer).not.toMatch(/Lưu:|Lưu VT/); // the filing line is not a recipient ("Lưu ý" notes may follow)
  });

  it('a fact the catalogue does not hold: names the document and the missing fact', async () => {
    const a = await kb.answerer.ask('Ai là người ký Quyết định 845/QĐ-UBND?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('Quyết định 845/QĐ-UBND');
    expect(a.answer).toContain('không ghi người ký');
  });
});

describe('catalogue and guide questions the catalogue can answer (twins of the refused ones)', () => {
  it.each([
    ['Nghị định 42/2022/NĐ-CP do ai ký?', 'ông Vũ Đức Đam'],
    ['Người ký Nghị quyết 76/NQ-CP là ai?', 'ông Trương Hòa Bình'],
  ])('a signer its own passage names beside its number: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain(said);
  });

  it('a signer no passage names is still refused by name', async () => {
    const a = await kb.answerer.ask('Quyết định 845/QĐ-UBND do ai ký?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('không ghi người ký');
  });

  it('a guide reached by an alias is not an issued document: "gửi về đâu" asks its content', async () => {
    const a = await kb.answerer.ask('Khi đăng nhập bằng VNeID thì mã OTP được gửi tới đâu?');
    expect(a.abstained).toBe(false);
    expect(a.answer).not.toContain('không ghi nơi nhận');
  });
});
