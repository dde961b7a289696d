/**
 * LLM mode end to end: the real answerer, the real OpenAiGenerator (openai
 * SDK) and a loopback fake server that behaves like a real model.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAiGenerator, stripReasoning } from '../../src/llm/openai-generator.js';
import { REDACT_PATHS } from '../../src/logger.js';
import { DEFAULT_HELP } from '../../src/rag/answerer.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { checkCitations, citedNumbers, LLM_PASSAGES, normalizeCitations, saysNoInformation } from '../../src/rag/llm-answer.js';
import { type FakeBehaviour, type FakeChatRequest, type FakeOpenAi, isRewriteRequest, startFakeOpenAi, userMessage } from '../helpers/fake-openai.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';

let fake: FakeOpenAi;
let kb: KnowledgeBase;
const logLines: string[] = [];
const QUESTION = 'Kinh phí thực hiện kế hoạch lấy từ đâu?';
const TIMEOUT_MS = 1500; // generous enough for a loaded CI machine, short enough for the timeout tests
const DEPARTMENT = 'Sở Công Thương (kiểm thử)';

/** Scripted model: `rewrite` answers rewrite requests, `answer` the answer requests. */
function script(answer: (req: FakeChatRequest) => FakeBehaviour, rewrite: (q: string) => FakeBehaviour = (q) => q): void {
  fake.reply = (req) => (isRewriteRequest(req) ? rewrite(userMessage(req)) : answer(req));
}
const answerRequests = () => fake.requests.filter((r) => !isRewriteRequest(r));
const rewriteRequests = () => fake.requests.filter(isRewriteRequest);

/** Passage number of a section in the last answer prompt, or -1. */
function passageNumber(section: string): number {
  const user = userMessage(answerRequests().at(-1) as FakeChatRequest);
  const m = new RegExp(`\\[(\\d)\\] \\(1523/KH-SCT, ${section.replace(/\./g, '\\.')}\\)`).exec(user);
  return m ? Number(m[1]) : -1;
}
/** Passage headers "(doc, section)" of the last answer prompt, in order. */
function passageKeys(): string[] {
  const user = userMessage(answerRequests().at(-1) as FakeChatRequest);
  return [...user.matchAll(/^\[\d+\] \(([^)]+)\)/gm)].map((m) => m[1] as string);
}

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const generator = new OpenAiGenerator({ apiKey: 'test-key-secret', baseURL: fake.baseURL, model: 'fake-model', timeoutMs: TIMEOUT_MS });
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString('utf8'));
      cb();
    },
  });
  kb = await openTestKnowledgeBase({ generator, env: { DEPARTMENT_NAME: DEPARTMENT }, logger: pino({ level: 'info', redact: { paths: REDACT_PATHS } }, sink) });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.delayMs = 0;
  fake.requests.length = 0;
});

describe('LLM mode: the model answers from 8 numbered passages', () => {
  it('sends at most 8 numbered passages and the question, and renders [n] as document citations', async () => {
    script((req) => {
      const n = /\[(\d)\] \(1523\/KH-SCT, III\)/.exec(userMessage(req))?.[1] ?? '1';
      return `Kinh phí được bố trí từ ngân sách nhà nước và nguồn tài trợ hợp pháp khác [${n}].`;
    });
    const a = await kb.answerer.ask(QUESTION);
    const req = answerRequests().at(-1);
    expect(req?.model).toBe('fake-model');
    expect(req?.messages[0]?.content).toMatch(/Chỉ dùng thông tin trong các đoạn trích/);
    expect(req?.messages[0]?.content).toContain(`Bạn là trợ lý của ${DEPARTMENT}`);
    expect(rewriteRequests()[0]?.messages[0]?.content).toContain(DEPARTMENT);
    expect(req?.messages[1]?.content).toContain(`Câu hỏi: ${QUESTION}`);
    expect(passageKeys().length).toBe(LLM_PASSAGES);
    expect(passageNumber('III')).toBeGreaterThan(0);
    expect(fake.lastAuthorization).toBe('Bearer test-key-secret');
    expect(a.abstained).toBe(false);
    expect(a.answer).toBe('Kinh phí được bố trí từ ngân sách nhà nước và nguồn tài trợ hợp pháp khác [1523/KH-SCT, III].');
    expect(a.sources[0]).toMatchObject({ doc: '1523/KH-SCT', section: 'III' });
  });

  it('accepts "[1, 2]" citation lists and puts every cited passage first among the sources', async () => {
    script(() => 'Kinh phí do ngân sách bảo đảm [1, 2].');
    const a = await kb.answerer.ask(QUESTION);
    const keys = passageKeys().slice(0, 2);
    expect(a.sources.slice(0, 2).map((s) => `${s.doc}, ${s.section}`)).toEqual(keys);
    expect(a.answer).not.toMatch(/\[\d\]|\[\d,/);
  });
});

describe('LLM mode: what real models send', () => {
  it('drops a reasoning block (<think>…</think>) before checking the answer', async () => {
    script(() => '<think>Đoạn [9] không liên quan; đoạn 1 nói về kinh phí.</think>\nKinh phí từ ngân sách nhà nước [1].');
    const a = await kb.answerer.ask(QUESTION);
    expect(a.answer).toMatch(/^Kinh phí từ ngân sách nhà nước \[1523\//);
  });

  it('accepts a copied passage header as the citation', async () => {
    script((req) => {
      const header = /^\[1\] \(([^)]+)\)/m.exec(userMessage(req))?.[1] ?? '';
      return `Kinh phí từ ngân sách nhà nước (${header}).`;
    });
    const a = await kb.answerer.ask(QUESTION);
    expect(a.answer).toMatch(/^Kinh phí từ ngân sách nhà nước \[1523\/KH-SCT, [^\]]+\]\.$/);
  });
});

describe('LLM mode: query rewrite beside the original question', () => {
  // Not a who-question: "tiền làm truyền thông ai lo" is answered by the duty record (IV.3) before the model is asked.
  const EVERYDAY = 'tiền đâu mà làm truyền thông';
  const OFFICIAL = 'đơn vị lập dự toán kinh phí thực hiện kế hoạch truyền thông';

  it("retrieves with the rewrite too (RRF over both), while the model sees the user's own question", async () => {
    const fromRewrite = (await kb.retriever.retrieve(OFFICIAL)).hits[0]?.chunk;
    const alone = (await kb.retriever.retrieve(EVERYDAY)).hits.slice(0, LLM_PASSAGES).map((h) => h.chunk.id);
    expect(alone).not.toContain(fromRewrite?.id); // only the rewrite finds it
    script(
      () => 'Văn phòng Sở lập dự toán kinh phí [1].',
      (q) => (q === EVERYDAY ? OFFICIAL : q),
    );
    const a = await kb.answerer.ask(EVERYDAY);
    expect(rewriteRequests()).toHaveLength(1);
    expect(userMessage(answerRequests().at(-1) as FakeChatRequest)).toContain(`Câu hỏi: ${EVERYDAY}`);
    expect(passageKeys()).toContain(`${fromRewrite?.docId}, ${fromRewrite?.section}`);
    expect(a.abstained).toBe(false);
  });

  it('the everyday wording is refused by the extractive rules when the model is down, answered when it works', async () => {
    const everyday = 'khoản chi quảng bá mấy cái chỉ số thì bên nào gánh';
    script(
      () => ({ status: 500 }),
      () => ({ status: 500 }),
    );
    expect((await kb.answerer.ask(everyday)).abstained).toBe(true);
    script(
      () => 'Văn phòng Sở lập dự toán kinh phí [1].',
      () => OFFICIAL,
    );
    expect((await kb.answerer.ask(everyday)).abstained).toBe(false);
  });

  it('caches the rewrite by the normalised question', async () => {
    script(
      () => 'Kinh phí từ ngân sách [1].',
      () => 'nguồn kinh phí thực hiện kế hoạch truyền thông',
    );
    await kb.answerer.ask('Tiền cho kế hoạch lấy ở đâu ra?');
    await kb.answerer.ask('  tiền cho kế hoạch   lấy ở đâu ra ');
    expect(rewriteRequests()).toHaveLength(1);
    expect(answerRequests()).toHaveLength(2);
  });

  it('uses the original question alone when the rewrite times out', async () => {
    script(
      () => 'Kinh phí từ ngân sách [1].',
      () => ({ delayMs: TIMEOUT_MS * 3, then: 'viết lại quá muộn' }),
    );
    const alone = (await kb.retriever.retrieve('Mục đích của kế hoạch là gì?')).hits.slice(0, LLM_PASSAGES);
    const a = await kb.answerer.ask('Mục đích của kế hoạch là gì?');
    expect(a.abstained).toBe(false);
    expect(passageKeys()).toEqual(alone.map((h) => `${h.chunk.docId}, ${h.chunk.section}`));
  });
});

describe('LLM mode: the model decides whether the passages answer', () => {
  it.each(['KHÔNG CÓ THÔNG TIN', 'Không có thông tin.', 'Xin lỗi, các đoạn trích không đề cập đến nội dung này.', 'KHÔNG_ĐỦ_THÔNG_TIN'])(
    "honours the model's refusal %j with the usual help text",
    async (reply) => {
      script(() => reply);
      const a = await kb.answerer.ask(QUESTION);
      expect(a.abstained).toBe(true);
      expect(a.sources).toEqual([]);
      expect(a.answer).toContain(DEFAULT_HELP);
    },
  );

  it('does not ask the model to answer when the evidence is near-empty (the low floor)', async () => {
    script(() => 'không nên được hỏi [1]');
    const a = await kb.answerer.ask('Cách nấu phở bò ngon?');
    expect(a.abstained).toBe(true);
    expect(answerRequests()).toHaveLength(0);
  });
});

describe('LLM mode: every citation is checked; failures fall back to the extractive answer', () => {
  const extractive = (text: string) => {
    expect(text).toMatch(/^Theo mục III/);
    expect(text).toContain('[1523/KH-SCT, III]');
  };

  it('rejects a citation to a passage that does not exist ([9] of 8)', async () => {
    script(() => 'Theo quy định, kinh phí do Bộ Tài chính cấp [9].');
    const a = await kb.answerer.ask(QUESTION);
    expect(a.answer).not.toContain('Bộ Tài chính');
    extractive(a.answer);
  });

  it('rejects an answer with no citation at all', async () => {
    script(() => 'Kinh phí lấy từ ngân sách.');
    extractive((await kb.answerer.ask(QUESTION)).answer);
  });

  it('falls back when the model is slower than OPENAI_TIMEOUT_MS', async () => {
    script(() => ({ delayMs: TIMEOUT_MS * 5, then: 'quá muộn [1]' }));
    const started = performance.now();
    const a = await kb.answerer.ask(QUESTION);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 4);
    expect(a.answer).not.toContain('quá muộn');
    extractive(a.answer);
  });

  it('retries once after a 429 and uses the answer', async () => {
    let calls = 0;
    script(() => (calls++ === 0 ? { status: 429, retryAfterSeconds: 0 } : 'Kinh phí từ ngân sách nhà nước [1].'));
    const a = await kb.answerer.ask(QUESTION);
    expect(answerRequests()).toHaveLength(2);
    expect(a.answer).toMatch(/^Kinh phí từ ngân sách nhà nước \[/);
  });

  it('falls back on malformed JSON', async () => {
    script(() => ({ malformed: true }));
    extractive((await kb.answerer.ask(QUESTION)).answer);
  });

  it('falls back when the endpoint fails', async () => {
    script(() => ({ status: 500 }));
    const a = await kb.answerer.ask(QUESTION);
    expect(a.abstained).toBe(false);
    extractive(a.answer);
  });
});

describe('LLM mode: logs', () => {
  it('never logs the API key, and logs prompts only at debug level (the outcome at info)', () => {
    const all = logLines.join('');
    expect(all).not.toContain('test-key-secret');
    expect(all).toContain('"outcome":"answered"');
    expect(all).toContain('"outcome":"fallback"');
    expect(all).not.toContain('Các đoạn trích:');
    expect(all).not.toContain(QUESTION);
  });
});

describe('citation and refusal parsing', () => {
  it.each([
    ['a [1] b [2][3]', [1, 2, 3]],
    ['không có', []],
    ['[12] và [x]', [12]],
    ['xem [1, 4] và [2;3]', [1, 4, 2, 3]],
  ])('citedNumbers(%j)', (text, expected) => {
    expect(citedNumbers(text)).toEqual(expected);
  });

  it.each([
    ['KHÔNG CÓ THÔNG TIN', true],
    ['khong co thong tin ve viec nay', true],
    ['Tôi không tìm thấy thông tin trong các đoạn trích.', true],
    ['Các đoạn trích không nêu thời hạn.', true],
    ['Văn phòng Sở tổng hợp [1]. Kế hoạch không có thông tin về ngân sách.', false],
    ['Kinh phí từ ngân sách [1].', false],
  ])('saysNoInformation(%j) = %s', (text, expected) => {
    expect(saysNoInformation(text)).toBe(expected);
  });

  it('normalises the citation styles models use', () => {
    const chunks = [
      { docId: '1523/KH-SCT', section: 'III' },
      { docId: '26/KH-UBND', section: 'Điều 2' },
    ] as never[];
    expect(normalizeCitations('a [Đoạn 2] b [đoạn trích 1]', chunks)).toBe('a [2] b [1]');
    expect(normalizeCitations('a [1523/KH-SCT,III] b (26/KH-UBND, Điều 2)', chunks)).toBe('a [1] b [2]');
    expect(normalizeCitations('a [99/QĐ-UBND, Điều 1]', chunks)).toBe('a [0]');
    expect(normalizeCitations('hạn (ngày 15/11, 25/11) [1]', chunks)).toBe('hạn (ngày 15/11, 25/11) [1]');
  });

  it('strips a leading reasoning block only', () => {
    expect(stripReasoning('<think>x\ny</think>\n Trả lời [1]')).toBe('Trả lời [1]');
    expect(stripReasoning('Trả lời <think>[1]</think>')).toBe('Trả lời <think>[1]</think>');
  });

  it('rejects [0] and accepts a passage cited twice', () => {
    const chunk = { docId: 'X', section: '1' } as never;
    expect(checkCitations('a [0]', [chunk]).reason).toBe('bad-citation');
    expect(checkCitations('a [1]. b [1].', [chunk])).toMatchObject({ ok: true, text: 'a [X, 1]. b [X, 1].' });
  });
});
