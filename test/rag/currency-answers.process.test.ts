/**
 * Currency notes on the shipped knowledge, through the answering path the
 * CLI uses (`cli ask`): a replaced decree, a merged body named in a plan
 * duty, an abolished level, the plan's ended period; notes added once and
 * never to answers they do not concern; LLM mode gets the notes and has
 * them appended when the model drops them. `cli knowledge review` runs clean.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiGenerator } from '../../src/llm/openai-generator.js';
import type { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { type FakeOpenAi, startFakeOpenAi } from '../helpers/fake-openai.js';
import { openTestKnowledgeBase, tempDir } from '../helpers/knowledge-base.js';

const run = promisify(execFile);
const env = { ...process.env, DATA_DIR: tempDir(), LOG_LEVEL: 'warn', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, maxBuffer: 10 * 2 ** 20 });

const MERGED = 'Lưu ý: từ 01/3/2025 Sở Thông tin và Truyền thông đã hợp nhất vào Sở Khoa học và Công nghệ';
const ENDED = 'Kế hoạch 1523/KH-SCT áp dụng cho giai đoạn 2022–2025; giai đoạn này đã kết thúc';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openTestKnowledgeBase();
}, 60_000);

const count = (text: string, part: string) => text.split(part).length - 1;

describe('answers that something changed since the documents were written', () => {
  it('the yearly report route keeps the plan words and citation, then adds the merger note once', async () => {
    const a = await kb.answerer.ask('Báo cáo định kỳ hằng năm gửi UBND tỉnh qua cơ quan nào?');
    expect(a.answer).toContain('(qua Sở Thông tin và Truyền thông)');
    expect(a.answer).toContain('[1523/KH-SCT, IV.2]');
    expect(a.answer.indexOf(MERGED)).toBeGreaterThan(a.answer.indexOf('[1523/KH-SCT, IV.2]'));
    expect(count(a.answer, MERGED)).toBe(1);
    expect(a.answer).toContain('https://ictvietnam.vn/print/69097.html');
  });

  it('a replaced decree says by what and from when', async () => {
    const a = await kb.answerer.ask('Nghị định 59/2022/NĐ-CP quy định gì?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('[59/2022/NĐ-CP,');
    expect(count(a.answer, 'Nghị định 59/2022/NĐ-CP đã được thay thế bởi Nghị định 69/2024/NĐ-CP từ 01/7/2024')).toBe(1);
  });

  it('the abolished district level is kept as history and noted', async () => {
    const a = await kb.answerer.ask('Chủ tịch UBND cấp huyện tiếp công dân mấy ngày một tháng?');
    expect(a.answer).toContain('Trước 01/7/2025, khi còn cấp huyện');
    expect(a.answer).toContain('[Luật Tiếp công dân 2013, Lịch tiếp công dân của người đứng đầu]');
    // The amending law is only reported: it is marked as unconfirmed, never stated as fact.
    expect(a.answer).toContain('Lưu ý (thông tin chưa được xác nhận): có thông tin Luật 136/2025/QH15');
  });

  it('an answer about the old ranks says they describe the province before the merger', async () => {
    const a = await kb.answerer.ask('Kết quả PCI của Quảng Ngãi qua các năm?');
    expect(a.answer).toMatch(/\d+\/63/);
    expect(count(a.answer, 'Nghị quyết 202/2025/QH15')).toBe(1);
  });

  it('the plan period: asked about the present, the answer says it ended and that no later plan is in the sources', async () => {
    const a = await kb.answerer.ask('Năm 2026 Văn phòng Sở phải làm gì?');
    expect(a.answer).toContain('[1523/KH-SCT, IV.2]');
    expect(a.answer).toContain(ENDED);
    expect(a.answer).toContain('chưa có kế hoạch nào cho giai đoạn sau năm 2025');
    const past = await kb.answerer.ask('Văn phòng Sở có nhiệm vụ gì?');
    expect(past.answer).toContain('[1523/KH-SCT, IV.2]');
    expect(past.answer).not.toContain(ENDED);
  });

  it('adds no note to answers no change concerns', async () => {
    for (const q of ['Kinh phí thực hiện kế hoạch lấy từ đâu?', 'PAPI gồm những nội dung nào?', 'Thanh toán lệ phí trực tuyến thế nào?']) {
      const a = await kb.answerer.ask(q);
      expect(a.abstained, q).toBe(false);
      expect(a.answer, q).not.toContain('Lưu ý');
    }
  });

  it('the CLI prints the note (cli ask)', async () => {
    const { stdout } = await cli('ask', '--json', 'Báo cáo định kỳ hằng năm gửi UBND tỉnh qua cơ quan nào?');
    const a = JSON.parse(stdout) as { answer: string };
    expect(count(a.answer, MERGED)).toBe(1);
  }, 90_000);

  it('cli knowledge review runs clean on the shipped knowledge (only items awaiting confirmation)', async () => {
    const { stdout } = await cli('knowledge', 'review', '--json');
    const r = JSON.parse(stdout) as { actionable: number; items: Array<{ awaitingConfirmation: boolean; kind: string }> };
    expect(r.actionable).toBe(0);
    expect(r.items.every((i) => i.awaitingConfirmation)).toBe(true);
    expect(r.items.some((i) => i.kind === 'unapplied-change')).toBe(false);
  }, 90_000);
});

describe('LLM mode keeps the notes', () => {
  let fake: FakeOpenAi;
  let llmKb: KnowledgeBase;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    const generator = new OpenAiGenerator({ apiKey: 'k', baseURL: fake.baseURL, model: 'fake-model', timeoutMs: 2000 });
    llmKb = await openTestKnowledgeBase({ generator });
  }, 60_000);
  afterAll(async () => {
    await fake.close();
  });

  it('gives the notes to the model and appends them when the model drops them', async () => {
    fake.delayMs = 0;
    fake.reply = (req) => {
      const user = req.messages.find((m) => m.role === 'user')?.content ?? '';
      const n = /\[(\d)\] \(1523\/KH-SCT, IV\.2\)/.exec(user)?.[1] ?? '1';
      return `Văn phòng Sở báo cáo UBND tỉnh qua Sở Thông tin và Truyền thông [${n}].`;
    };
    const a = await llmKb.answerer.ask('Việc báo cáo cho UBND tỉnh qua Sở Thông tin và Truyền thông để theo dõi quy định ra sao?');
    const user = fake.requests.at(-1)?.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(user).toContain('Thay đổi sau khi văn bản được ban hành');
    expect(user).toContain(MERGED);
    expect(a.answer).toMatch(/^Văn phòng Sở báo cáo UBND tỉnh qua Sở Thông tin và Truyền thông \[1523\/KH-SCT, IV\.2\]\./);
    expect(count(a.answer, MERGED)).toBe(1);
  });

  it('does not repeat a note the model kept', async () => {
    fake.reply = (req) => {
      const user = req.messages.find((m) => m.role === 'user')?.content ?? '';
      const n = /\[(\d)\] \(1523\/KH-SCT, IV\.2\)/.exec(user)?.[1] ?? '1';
      const note = user.split('\n').find((l) => l.startsWith(MERGED)) ?? '';
      return `Văn phòng Sở báo cáo UBND tỉnh qua Sở Thông tin và Truyền thông [${n}].\n${note}`;
    };
    const a = await llmKb.answerer.ask('Việc báo cáo cho UBND tỉnh qua Sở Thông tin và Truyền thông để theo dõi quy định ra sao?');
    expect(count(a.answer, MERGED)).toBe(1);
  });
});
