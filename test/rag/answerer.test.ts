import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { foldText } from '../../src/text/normalize.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('abstention from retrieval evidence', () => {
  // Our own out-of-scope questions (not the shared eval set).
  const outOfScope = readFileSync('bench/data/own-questions.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { q: string; abstain?: boolean })
    .filter((x) => x.abstain)
    .map((x) => x.q);

  it.each(outOfScope)('refuses: %s', async (q) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(true);
    expect(a.sources).toEqual([]);
    expect(a.answer).toMatch(/Tôi có thể giúp về/);
  });

  it('never invents the department hotline: says it has no confirmed information', async () => {
    const a = await kb.answerer.ask('Cho tôi số hotline của Sở Công Thương');
    expect(a.abstained).toBe(true);
    expect(a.answer).not.toMatch(/\d{3,}[ .]?\d{3}/);
  });

  it('answers the configured contact without inventing others', async () => {
    const kb2 = await openTestKnowledgeBase({ env: { DEPARTMENT_PHONE: '0255 000 000 (thử nghiệm)' } });
    const a = await kb2.answerer.ask('Số điện thoại của Sở là gì?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('0255 000 000 (thử nghiệm)');
  });

  it('an empty question gets a hint, not an answer', async () => {
    const a = await kb.answerer.ask('   ');
    expect(a.abstained).toBe(true);
  });
});

describe('extractive answers with citations', () => {
  it('answers a who-question with the unit and its duty from section IV', async () => {
    const a = await kb.answerer.ask('Đơn vị nào phải báo cáo UBND tỉnh hằng năm?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('Văn phòng Sở');
    expect(a.answer).toContain('[1523/KH-SCT, IV.2]');
    expect(a.sources[0]).toMatchObject({ doc: '1523/KH-SCT', section: 'IV.2' });
  });

  it('answers a list question from the outline', async () => {
    const a = await kb.answerer.ask('PCI gồm những nội dung truyền thông nào?');
    expect(a.sources[0]?.section).toBe('II.3');
    expect(a.answer).toContain('có 6 nội dung');
    expect(a.answer).toContain('[1523/KH-SCT, II.3]');
  });

  it('finds accented content from an unaccented question', async () => {
    const a = await kb.answerer.ask('truyen thong cai cach che do cong vu gom nhung gi');
    expect(a.sources[0]?.section).toBe('II.1.đ');
    expect(foldText(a.answer)).toContain('vi tri viec lam');
  });

  it('expands abbreviations: TTHC finds "thủ tục hành chính"', async () => {
    const a = await kb.answerer.ask('Truyền thông cải cách TTHC gồm gì?');
    expect(a.sources[0]?.section).toBe('II.1.c');
  });

  it('answers with at most 5 sources, each ≤ 1500 characters, best first', async () => {
    const a = await kb.answerer.ask('Kinh phí thực hiện kế hoạch được lấy ở đâu?');
    expect(a.sources.length).toBeGreaterThan(0);
    expect(a.sources.length).toBeLessThanOrEqual(5);
    for (const s of a.sources) expect(s.text.length).toBeLessThanOrEqual(1500);
    const scores = a.sources.slice(1).map((s) => s.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(a.answer).toContain('[1523/KH-SCT, III]');
  });

  it('says what the catalogue knows about a cited document whose full text is not loaded', async () => {
    const a = await kb.answerer.ask('Quyết định 649/QĐ-UBND là gì?');
    expect(a.sources[0]?.doc).toBe('649/QĐ-UBND');
    expect(a.answer).toContain('649/QĐ-UBND');
  });

  it('resolves a follow-up with the previous question', async () => {
    const a = await kb.answerer.ask('còn PAPI thì sao?', { previousQuestion: 'PCI gồm những nội dung nào?' });
    expect(a.sources[0]?.doc === 'PAPI' || a.sources[0]?.section === 'II.2').toBe(true);
    expect(a.answer).toContain('PAPI');
  });
});
