import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../src/rag/query/analyze.js';
import { loadChatAbbreviations } from '../../../src/text/query/abbreviations.js';
import { loadThesaurus } from '../../../src/text/query/thesaurus.js';

const resources = {
  abbreviations: loadChatAbbreviations('knowledge/chat-abbreviations.yaml'),
  thesaurus: loadThesaurus('knowledge/thesaurus.yaml'),
};
const cleaned = (q: string) => analyzeQuery(q, resources).cleaned;

describe('Central and Southern words read as the standard ones', () => {
  it.each([
    ['Trung tâm hành chính công ở mô?', 'ở đâu'],
    ['Muốn đóng lệ phí qua mạng thì làm răng?', 'làm sao'],
    ['Bây chừ tài khoản cũ còn mần được hổng?', 'tài khoản cũ còn làm được không'], // "bây giờ" is framing,
    ['Kế hoạch ni ai ký?', 'Kế hoạch này ai ký'],
    ['Vô trang dịch vụ công chỗ nào để nộp?', 'vào trang dịch vụ công'],
  ])('%s', (q, expected) => {
    expect(cleaned(q).toLowerCase()).toContain(expected.toLowerCase());
  });

  it.each([
    // the same letters as a standard word are left alone
    ['mô hình hai cấp là gì', 'mô hình'],
    ['mo hinh hai cap la gi', 'mo hinh'],
    ['Chi phí không chính thức là chỉ số nào?', 'Chi phí'],
  ])('keeps %s', (q, kept) => {
    expect(cleaned(q)).toContain(kept);
  });

  it('the intent follows the regional question word', () => {
    expect(analyzeQuery('Nộp hồ sơ trực tiếp ở mô?', resources).intent.kind).toBe(analyzeQuery('Nộp hồ sơ trực tiếp ở đâu?', resources).intent.kind);
    expect(analyzeQuery('Làm răng để tra cứu hồ sơ?', resources).intent.kind).toBe(analyzeQuery('Làm sao để tra cứu hồ sơ?', resources).intent.kind);
  });
});
