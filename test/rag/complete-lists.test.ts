/**
 * Complete lists: every unit the plan assigns, a passage split over several
 * chunks read whole, one long enumeration given whole, a function word's
 * hỏi/ngã slip repaired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/rag/chunk.js';
import { sectionParts } from '../../src/rag/compose.js';
import { asksUnitRoster } from '../../src/rag/direct-answerers.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { asksAmount, wantsWholeList } from '../../src/rag/list-answer.js';
import { normalizeText } from '../../src/text/normalize.js';
import { hoiNgaSwap } from '../../src/text/query/tones.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('a question for the units themselves', () => {
  it.each([
    ['Những đơn vị nào được giao nhiệm vụ trong mục Tổ chức thực hiện?', true],
    ['ke hoach giao nhiem vu cho nhung don vi nao', true],
    ['Các phòng nào có trách nhiệm thực hiện kế hoạch?', true],
    ['Những đơn vị nào phối hợp xây dựng dự toán kinh phí?', false], // a particular duty
    ['Văn phòng Sở được giao nhiệm vụ gì?', false], // one unit
    ['Kế hoạch giao nhiệm vụ gì?', false], // no who-frame
  ])('%s → %s', (q, want) => expect(asksUnitRoster(q)).toBe(want));
});

describe('a passage split over several chunks', () => {
  const chunk = (id: string, section: string, text: string): Chunk =>
    ({ id, docId: 'D', section, text, kind: 'passage', trail: [section], docTitle: 'D', docType: 'kế hoạch' }) as unknown as Chunk;
  const all = [chunk('D#a#passage~2', 'a', 'a) X (tiếp)\n- hai'), chunk('D#a#passage~1', 'a', 'a) X\n- một'), chunk('D#b#passage', 'b', 'b) Y\n- ba')];

  it('its parts, in order', () => {
    expect(sectionParts(all[0] as Chunk, all).map((c) => c.id)).toEqual(['D#a#passage~1', 'D#a#passage~2']);
  });
  it('a passage in one chunk is itself', () => {
    expect(sectionParts(all[2] as Chunk, all).map((c) => c.id)).toEqual(['D#b#passage']);
  });
});

describe('hỏi for ngã', () => {
  it.each([
    ['nhửng', 'những'],
    ['những', 'nhửng'],
    ['củng', 'cũng'],
    ['nhưng', undefined],
  ])('%s → %s', (w, want) => expect(hoiNgaSwap(w)).toBe(want));
});

describe('complete answers on the project corpus', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openTestKnowledgeBase();
  });
  afterAll(async () => {
    await kb.close();
  });

  it('every unit section IV assigns, cited to the section outline', async () => {
    const a = await kb.answerer.ask('Những đơn vị nào được giao nhiệm vụ trong mục Tổ chức thực hiện?');
    for (const unit of ['Các phòng, đơn vị', 'Văn phòng Sở', 'Phòng Kế hoạch', 'Ban Biên tập', 'Ban Quản trị Sàn', 'Công đoàn', 'Chi đoàn'])
      expect(a.answer).toContain(unit);
    expect(a.sources[0]?.text).toContain('gồm 5 nội dung');
  });

  it('a list split over chunks: every document of the list', async () => {
    const a = await kb.answerer.ask('Những văn bản nào được tuyên truyền trong mục công tác chỉ đạo điều hành?');
    for (const n of ['1256', '649', '636', '444', '733']) expect(a.answer).toContain(n);
  });

  it('one long enumeration: every item, not the first three', async () => {
    const a = await kb.answerer.ask('Thế nào là một tỉnh điều hành kinh tế tốt theo PCI?');
    expect(a.answer).toContain('chi phí không chính thức thấp');
    expect(a.answer).toContain('thủ tục giải quyết tranh chấp');
  });

  it('"nhửng" is read as "những" and the list question answered', async () => {
    const r = await kb.retriever.retrieve(normalizeText('PCI gồm nhửng chỉ số thàh phần nào'));
    expect(r.analysis.rewrites.map((w) => w.to)).toContain('những');
    const a = await kb.answerer.ask('PCI gồm nhửng chỉ số thàh phần nào');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('Gia nhập thị trường');
  });
});

describe('an item of the list just given', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openTestKnowledgeBase();
  });
  afterAll(async () => {
    await kb.close();
  });

  it('the fifth of PAPI’s eight indicators', async () => {
    const a = await kb.answerer.ask('chỉ số thứ năm là gì', { previousQuestion: 'PAPI gồm những chỉ số nội dung nào?' });
    expect(a.answer).toContain('mục thứ 5 (trong 8 mục)');
    expect(a.answer).toContain('Thủ tục hành chính công');
  });

  it('the third step of filing online', async () => {
    const a = await kb.answerer.ask('bước 3 làm sao', { previousQuestion: 'Các bước nộp hồ sơ trực tuyến là gì?' });
    expect(a.answer).toContain('mục thứ 3');
    expect(a.answer).toContain('tờ khai điện tử');
  });
});

describe('an amount is not a list', () => {
  it.each([
    ['Lệ phí nộp hồ sơ trực tuyến là bao nhiêu?', true],
    ['hồ sơ mất bao lâu thì có kết quả', true],
    ['PAPI 2021 được mấy điểm?', true],
    ['PCI có bao nhiêu chỉ số thành phần?', false],
  ])('%s → %s', (q, want) => expect(asksAmount(q)).toBe(want));

  it('a count of items with an amount per item still gets the list', () => {
    expect(wantsWholeList('Bộ chỉ số cũ có 8 lĩnh vực nào, mỗi lĩnh vực bao nhiêu điểm?', { kind: 'count' })).toBe(true);
    expect(wantsWholeList('Lệ phí nộp hồ sơ trực tuyến là bao nhiêu?', { kind: 'count' })).toBe(false);
  });
});
