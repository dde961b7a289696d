import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
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
