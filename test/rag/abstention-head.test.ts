import { describe, expect, it } from 'vitest';
import { decideAbstention } from '../../src/rag/abstention.js';
import { askedHead, conditionMissing, conditionWords, headEvidence, segmentedHead, textCorpus } from '../../src/rag/abstention-head.js';
import { unknownWords } from '../../src/rag/abstention-unknown.js';

describe('the asked head', () => {
  it.each([
    ['Bộ phận một cửa nằm ở tầng mấy?', ['tầng']],
    ['Họp trực tuyến ở Sở dùng phần mềm gì?', ['phần', 'mềm']],
    ['Phiếu khảo sát có bao nhiêu câu hỏi?', ['câu']],
    ['Mã số thuế của Sở là gì?', ['mã', 'số']],
    ['Trụ sở của Trung tâm đặt ở đâu?', ['trụ', 'sở']],
    ['Sở có kênh TikTok không?', ['kênh', 'tiktok']],
    ['bo phan mot cua o tang may', ['tang']],
    ['UNDP tài trợ bao nhiêu tiền?', ['tài', 'trợ']],
    ['Ai là người soạn thảo kế hoạch?', ['soạn', 'thảo']],
  ])('%s → %j', (q, head) => {
    expect(askedHead(q)).toEqual(head);
  });

  it.each([
    // a time, a placeholder or a verb names no thing
    'PAPI được thí điểm năm nào?',
    'Kế hoạch nói gì về tinh giản biên chế?',
    'Trả lệ phí qua mạng bằng cách nào?',
    'Chỉ số PCI của tỉnh xếp thứ mấy?',
    'Ai ký kế hoạch?',
  ])('%s has no head', (q) => {
    expect(askedHead(q)).toBeNull();
  });
});

describe('where the head is found', () => {
  const corpus = [{ text: 'Hạ tầng số của tỉnh.' }, { text: 'Văn phòng Sở ở tầng 2 của trụ sở.' }, { text: 'Thanh toán phí qua ngân hàng.' }];
  it('in a best passage, elsewhere in the corpus, or nowhere', () => {
    expect(headEvidence('Văn phòng Sở ở tầng mấy?', [corpus[1] as { text: string }], corpus)).toBe('passage');
    expect(headEvidence('Văn phòng Sở ở tầng mấy?', [corpus[2] as { text: string }], corpus)).toBe('corpus');
    expect(headEvidence('Sở dùng phần mềm gì?', [corpus[2] as { text: string }], corpus)).toBe('absent');
    expect(headEvidence('Ai ký kế hoạch?', [corpus[2] as { text: string }], corpus)).toBe('none');
  });

  it('accents count when typed: "tầng" is not found in "tăng"', () => {
    const c = [{ text: 'tăng cường truyền thông' }];
    expect(headEvidence('Sở ở tầng mấy?', c, c)).toBe('absent');
    expect(headEvidence('so o tang may', c, c)).toBe('passage');
  });

  it('a thesaurus alternative of the head counts', () => {
    const c = [{ text: 'ứng dụng công nghệ thông tin' }];
    const alternatives = new Map([['a:mềm', [{ keys: ['a:ứng', 'a:dụng'], pairs: [], weight: 0.7 }]]]);
    expect(headEvidence('Sở dùng phần mềm gì?', c, c, alternatives)).toBe('passage');
    expect(headEvidence('Sở dùng phần mềm gì?', c, c)).toBe('absent');
  });
});

describe('unknown words', () => {
  const corpus = [{ text: 'Cổng Dịch vụ công quốc gia có ứng dụng trên điện thoại.' }];
  it('content words the corpus never writes, not function words or numbers', () => {
    expect(unknownWords('Cổng Dịch vụ công quốc gia có ứng dụng cho iPhone 15 không ạ?', corpus)).toEqual(['iphone']);
    expect(unknownWords('cổng dịch vụ công có ứng dụng không vậy', corpus)).toEqual([]);
  });
  it('a word with a thesaurus alternative is not unknown', () => {
    const alternatives = new Map([['a:app', [{ keys: ['a:ứng', 'a:dụng'], pairs: [], weight: 0.7 }]]]);
    expect(unknownWords('Cổng có app không?', corpus, alternatives)).toEqual([]);
    expect(unknownWords('Cổng có app không?', corpus)).toEqual(['app']);
  });
});

describe('the head rule of the policy', () => {
  const p = { minVocabulary: 0.5, minEvidence: 0.5, marginWeight: 0, minEvidenceUnsatisfied: 0.5, minEvidenceHeadAbsent: 0.7, minEvidenceHeadElsewhere: 0.7 };
  const f = { vocabulary: 1, evidence: 0.6, margin: 0, typeSatisfied: 1, gap: 0, headMissing: 0, conditionMissing: 0, unknown: 0, filler: 0 };
  it('refuses a missing head below its floor, answers above it or when the head is found', () => {
    expect(decideAbstention({ ...f, headMissing: 1 }, p)).toBe(true);
    expect(decideAbstention({ ...f, headMissing: 0.5 }, p)).toBe(true);
    expect(decideAbstention({ ...f, headMissing: 0 }, p)).toBe(false);
    expect(decideAbstention({ ...f, headMissing: 1, evidence: 0.8 }, p)).toBe(false);
  });
});

describe('the condition clause', () => {
  it.each([
    ['Quên mật khẩu VNeID thì lấy lại thế nào?', ['quên', 'mật', 'khẩu', 'vneid']],
    ['Nếu mất thẻ căn cước thì đăng nhập sao?', ['mất', 'thẻ', 'căn', 'cước']],
    ['Bây giờ bỏ huyện rồi thì nộp ở đâu?', ['huyện']],
    ['Đăng nhập VNeID thế nào?', []],
  ])('%s → %j', (q, words) => {
    expect(conditionWords(q)).toEqual(words);
  });

  it('is missing when one of its words is in none of the best passages', () => {
    const passages = [{ text: 'Nhập số căn cước công dân và mật khẩu VNeID.' }];
    expect(conditionMissing('Quên mật khẩu VNeID thì lấy lại thế nào?', passages)).toBe(true);
    expect(conditionMissing('Có mật khẩu VNeID rồi thì đăng nhập thế nào?', passages)).toBe(false);
  });
});

describe('the head cut at a word boundary the corpus shows', () => {
  const corpus = textCorpus([{ text: 'Sổ tiếp nhận phản ánh, kiến nghị.' }, { text: 'Phần mềm một cửa điện tử.' }]);
  it.each([
    ['Sổ theo dõi phản ánh màu gì?', ['màu']],
    ['Sở dùng phần mềm gì?', ['phần', 'mềm']],
    ['Quán dùng nhuận bút gì?', ['nhuận', 'bút']],
  ])('%s → %j', (q, head) => {
    expect(segmentedHead(q, askedHead(q), corpus)).toEqual(head);
  });
});
