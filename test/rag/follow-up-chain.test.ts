/**
 * Chains of follow-ups: each turn is resolved against the standalone form of
 * the one before (what the chat stores), so the first turn's frame survives
 * a subject swap followed by a year or document swap; a new standalone
 * question ends the chain.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, standaloneQuery } from '../../src/rag/answerer.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

/** The standalone form of the last turn, each turn resolved against the one before. */
function resolveChain(turns: string[]): string {
  let previous: string | undefined;
  for (const turn of turns) previous = standaloneQuery(turn, previous ? { previousQuestion: previous } : {}).resolved;
  return previous as string;
}

describe('resolution chains', () => {
  it.each([
    [['PAPI 2023 của Quảng Ngãi được bao nhiêu điểm?', 'còn PCI thì sao?', 'thế năm 2020?'], 'PCI 2020 của Quảng Ngãi được bao nhiêu điểm?'],
    [['PCI Quảng Ngãi năm 2019 xếp thứ mấy?', 'còn PAPI?', 'vậy năm 2021?'], 'PAPI Quảng Ngãi năm 2021 xếp thứ mấy?'],
    [['PCI của Quảng Ngãi năm 2013 đạt bao nhiêu điểm?', 'thế năm 2018?', 'còn năm 2019?'], 'PCI của Quảng Ngãi năm 2019 đạt bao nhiêu điểm?'],
    [['PAPI 2021 có cỡ mẫu bao nhiêu người?', 'năm 2022 thì sao?', 'còn năm 2023?'], 'PAPI 2023 có cỡ mẫu bao nhiêu người?'],
    [
      ['PAR INDEX năm 2021 của Quảng Ngãi được bao nhiêu phần trăm?', 'còn PAPI năm đó?', 'thế năm 2023?'],
      'PAPI năm 2023 của Quảng Ngãi được bao nhiêu phần trăm?',
    ],
    [['PCI do tổ chức nào xây dựng?', 'còn PAR INDEX?', 'thế PAPI thì sao?'], 'PAPI do tổ chức nào xây dựng?'],
    [['Luật Khiếu nại 2011 là luật số mấy?', 'còn Luật Tố cáo?', 'thế Luật Tiếp công dân?'], 'Luật Tiếp công dân là luật số mấy?'],
    [['Nghị định 59/2022 ra ngày nào?', 'thế Nghị định 42/2022?', 'còn Nghị định 120/2020?'], 'Nghị định 120/2020 ra ngày nào?'],
    [['Kế hoạch 1523 do ai ký?', 'ký ngày nào?', 'gửi cho những ai?'], 'gửi cho những ai Kế hoạch 1523'],
    [['PAPI 2023 của Quảng Ngãi được bao nhiêu điểm?', 'còn PCI?', 'Luật Tố cáo 2018 là luật số mấy?'], 'Luật Tố cáo 2018 là luật số mấy?'],
    [['Luật Khiếu nại 2011 là luật số mấy?', 'còn Luật Tố cáo?', 'PCI có bao nhiêu chỉ số thành phần?'], 'PCI có bao nhiêu chỉ số thành phần?'],
  ])('%j → %s', (turns, expected) => {
    expect(resolveChain(turns)).toBe(expected);
  });

  it('the raw second turn would lose the frame (why the chat keeps the standalone form)', () => {
    const raw = standaloneQuery('thế năm 2020?', { previousQuestion: 'còn PCI thì sao?' }).resolved;
    expect(raw).not.toBe('PCI 2020 của Quảng Ngãi được bao nhiêu điểm?');
  });
});

describe('the answerer returns the standalone form of a follow-up', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openTestKnowledgeBase();
  });

  it('a follow-up: resolvedQuestion; a question that stands alone: none', async () => {
    const follow = await kb.answerer.ask('còn PCI thì sao?', { previousQuestion: 'PAPI 2023 của Quảng Ngãi được bao nhiêu điểm?' });
    expect(follow.resolvedQuestion).toBe('PCI 2023 của Quảng Ngãi được bao nhiêu điểm?');
    const alone = await kb.answerer.ask('PCI có bao nhiêu chỉ số thành phần?', { previousQuestion: 'Luật Tố cáo là luật số mấy?' });
    expect(alone.resolvedQuestion).toBeUndefined();
    expect((await kb.answerer.ask('PAPI là gì?')).resolvedQuestion).toBeUndefined();
  });

  it('a standalone form longer than a question may be is not kept (the chat keeps the question as typed)', async () => {
    const long = `Văn phòng Sở có nhiệm vụ gì trong kế hoạch ${'và phối hợp '.repeat(90)}?`;
    expect(standaloneQuery('còn Công đoàn thì sao?', { previousQuestion: long }).resolved.length).toBeGreaterThan(MAX_QUESTION_CHARS);
    const a = await kb.answerer.ask('còn Công đoàn thì sao?', { previousQuestion: long });
    expect(a.resolvedQuestion).toBeUndefined();
  });
});
