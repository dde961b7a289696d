import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiGenerator } from '../../src/llm/openai-generator.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { citedNumbers } from '../../src/rag/llm-answer.js';
import { type FakeOpenAi, startFakeOpenAi } from '../helpers/fake-openai.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

let fake: FakeOpenAi;
let kb: KnowledgeBase;
const QUESTION = 'Kinh phí thực hiện kế hoạch lấy từ đâu?';

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const generator = new OpenAiGenerator({ apiKey: 'test-key', baseURL: fake.baseURL, model: 'fake-model', timeoutMs: 400 });
  kb = await openTestKnowledgeBase({ generator });
});
afterAll(async () => {
  await fake.close();
});

/** Passage number of a section in the prompt the fake received. */
function passageNumber(section: string): number {
  const user = fake.requests.at(-1)?.messages.find((m) => m.role === 'user')?.content ?? '';
  const m = new RegExp(`\\[(\\d)\\] \\(1523/KH-SCT, ${section.replace('.', '\\.')}\\)`).exec(user);
  return m ? Number(m[1]) : -1;
}

describe('LLM mode (OpenAI-compatible endpoint on loopback)', () => {
  it('sends numbered passages and the question, and renders [n] as document citations', async () => {
    fake.delayMs = 0;
    fake.reply = (req) => {
      const user = req.messages.find((m) => m.role === 'user')?.content ?? '';
      const n = /\[(\d)\] \(1523\/KH-SCT, III\)/.exec(user)?.[1] ?? '1';
      return `Kinh phí được bố trí từ ngân sách nhà nước và nguồn tài trợ hợp pháp khác [${n}].`;
    };
    const a = await kb.answerer.ask(QUESTION);
    const req = fake.requests.at(-1);
    expect(req?.model).toBe('fake-model');
    expect(req?.messages[0]?.content).toMatch(/Chỉ dùng thông tin trong các đoạn trích/);
    expect(req?.messages[1]?.content).toContain(`Câu hỏi: ${QUESTION}`);
    expect(passageNumber('III')).toBeGreaterThan(0);
    expect(a.abstained).toBe(false);
    expect(a.answer).toBe('Kinh phí được bố trí từ ngân sách nhà nước và nguồn tài trợ hợp pháp khác [1523/KH-SCT, III].');
    expect(a.sources[0]).toMatchObject({ doc: '1523/KH-SCT', section: 'III' });
  });

  it('rejects an answer citing a passage that does not exist and falls back to the extractive answer', async () => {
    fake.reply = () => 'Theo quy định, kinh phí do Bộ Tài chính cấp [9].';
    const a = await kb.answerer.ask(QUESTION);
    expect(a.answer).not.toContain('Bộ Tài chính');
    expect(a.answer).toMatch(/^Theo mục III/);
    expect(a.answer).toContain('[1523/KH-SCT, III]');
  });

  it('rejects an answer with no citation at all', async () => {
    fake.reply = () => 'Kinh phí lấy từ ngân sách.';
    const a = await kb.answerer.ask(QUESTION);
    expect(a.answer).toMatch(/^Theo mục III/);
  });

  it('falls back to the extractive answer when the LLM times out', async () => {
    fake.reply = () => 'quá muộn [1]';
    fake.delayMs = 2000;
    const started = performance.now();
    const a = await kb.answerer.ask(QUESTION);
    expect(performance.now() - started).toBeLessThan(1900);
    expect(a.answer).not.toContain('quá muộn');
    expect(a.answer).toContain('[1523/KH-SCT, III]');
    fake.delayMs = 0;
  });

  it('falls back when the endpoint fails', async () => {
    fake.reply = () => ({ status: 500 });
    const a = await kb.answerer.ask(QUESTION);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('[1523/KH-SCT, III]');
  });

  it('abstains when the model says the passages are not enough', async () => {
    fake.reply = () => 'KHÔNG_ĐỦ_THÔNG_TIN';
    const a = await kb.answerer.ask(QUESTION);
    expect(a.abstained).toBe(true);
    expect(a.sources).toEqual([]);
  });

  it('is not asked at all when retrieval evidence says the question is out of scope', async () => {
    const before = fake.requests.length;
    const a = await kb.answerer.ask('Giá vàng hôm nay bao nhiêu?');
    expect(a.abstained).toBe(true);
    expect(fake.requests.length).toBe(before);
  });
});

describe('citedNumbers', () => {
  it.each([
    ['a [1] b [2][3]', [1, 2, 3]],
    ['không có', []],
    ['[12] và [x]', [12]],
  ])('%s', (text, expected) => {
    expect(citedNumbers(text)).toEqual(expected);
  });
});
