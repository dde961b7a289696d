import { beforeAll, describe, expect, it } from 'vitest';
import { bodyAfterTitle, holderNamedIn, roleConflict } from '../../src/rag/abstention.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

describe('the body a title belongs to, as asked', () => {
  it.each([
    ['Ai đang làm Chủ tịch VCCI?', 'Chủ tịch', 'VCCI'],
    ['Giám đốc Sở Thông tin và Truyền thông trước khi hợp nhất tên là gì?', 'Giám đốc', 'Sở Thông tin và Truyền thông'],
    ['Bộ trưởng Bộ Nội vụ hiện nay tên là gì?', 'Bộ trưởng', 'Bộ Nội vụ'],
    ['Chủ tịch UBND tỉnh hiện nay là ai?', 'Chủ tịch', 'UBND tỉnh'],
    // the own department and its units: checked by title alone
    ['Giám đốc Sở Công Thương ký Kế hoạch 1523 tên là gì?', 'Giám đốc', null],
    ['Giám đốc Sở là ai?', 'Giám đốc', null],
    ['Trưởng phòng Quản lý thương mại của Sở là ai?', 'Trưởng phòng', null],
    ['Chánh Văn phòng Sở là ai?', 'Chánh Văn phòng', null],
  ])('%s', (q, title, body) => {
    expect(bodyAfterTitle(q, title)).toBe(body);
  });
});

describe('a holder of a title in another body needs a passage that names a person beside that title of that body', () => {
  const chunks = [
    { text: 'Người ký: Võ Văn Rân (Giám đốc). Nơi nhận: UBND tỉnh; Sở Thông tin và Truyền thông.' },
    { text: 'Ông Trần Văn Bình, Giám đốc Sở Tài chính, phát biểu tại hội nghị.' },
  ];
  const titleNamed = () => true;
  const holderNamed = (title: string, body: string) => holderNamedIn(chunks, title, body);
  it.each([
    ['Giám đốc Sở Thông tin và Truyền thông tên là gì?', 'Giám đốc Sở Thông tin và Truyền thông'],
    ['Ai đang làm Chủ tịch VCCI?', 'Chủ tịch VCCI'],
  ])('refuses: %s', (q, value) => {
    expect(roleConflict(q, titleNamed, 'who', holderNamed)?.value).toBe(value);
  });
  it.each([['Giám đốc Sở Tài chính tên là gì?'], ['Giám đốc Sở Công Thương tên là gì?']])('answers the twin: %s', (q) => {
    expect(roleConflict(q, titleNamed, 'who', holderNamed)).toBeNull();
  });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
});

describe('through the answerer', () => {
  it.each([
    ['Ai đang làm Chủ tịch VCCI?', 'không nêu tên người giữ chức Chủ tịch VCCI'],
    ['Giám đốc Sở Thông tin và Truyền thông trước khi hợp nhất tên là gì?', 'không nêu tên người giữ chức Giám đốc Sở Thông tin và Truyền thông'],
  ])('refuses: %s', async (q, said) => {
    const a = await kb.answerer.ask(q);
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain(said);
  });
  it('answers the twin: the own director who signed the plan', async () => {
    const a = await kb.answerer.ask('Giám đốc Sở Công Thương ký Kế hoạch 1523 tên là gì?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('Võ Văn Rân');
  });
});
