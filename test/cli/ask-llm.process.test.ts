/**
 * The CLI's composition root in LLM mode: `cli index` and `cli ask` as child
 * processes, configured only through OPENAI_* to talk to the loopback fake.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAi, isRewriteRequest, startFakeOpenAi, userMessage } from '../helpers/fake-openai.js';
import { tempDir } from '../helpers/knowledge-base.js';

const run = promisify(execFile);
let fake: FakeOpenAi;
let env: NodeJS.ProcessEnv;

function cli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, maxBuffer: 10 * 2 ** 20 });
}

beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.reply = (req) => (isRewriteRequest(req) ? 'đơn vị lập dự toán kinh phí thực hiện kế hoạch truyền thông' : 'Đơn vị này lập dự toán kinh phí [1].');
  env = {
    ...process.env,
    DATA_DIR: tempDir(),
    LOG_LEVEL: 'info',
    OPENAI_API_KEY: 'cli-secret-key',
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_MODEL: 'fake-chat',
    OPENAI_EMBEDDING_MODEL: 'fake-embed',
    OPENAI_EMBEDDING_BASE_URL: '',
    OPENAI_TIMEOUT_MS: '60000',
  };
});
afterAll(async () => {
  await fake.close();
});

describe('cli in LLM mode', () => {
  it('index embeds through the remote model and never calls the chat model', async () => {
    const { stdout } = await cli('index', '--json');
    const out = JSON.parse(stdout) as { chunks: number; changes: { embedded: number } };
    expect(out.changes.embedded).toBe(out.chunks);
    expect(fake.embeddingRequests.length).toBeGreaterThan(1);
    expect(fake.requests).toHaveLength(0);
  }, 120_000);

  it('ask rewrites, asks the model, and prints its checked answer; the key is never logged', async () => {
    // Not a who-question: "… ai lo" is answered from the duty record (IV.3) before any model call.
    const { stdout, stderr } = await cli('ask', '--json', 'tiền đâu mà làm truyền thông');
    const a = JSON.parse(stdout) as { answer: string; abstained: boolean; sources: Array<{ doc: string }> };
    expect(fake.requests.filter(isRewriteRequest)).toHaveLength(1);
    const answerReq = fake.requests.find((r) => !isRewriteRequest(r));
    expect(userMessage(answerReq as never)).toContain('Câu hỏi: tiền đâu mà làm truyền thông');
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/^Đơn vị này lập dự toán kinh phí \[[^\]]+, [^\]]+\]\.$/);
    expect(stderr).not.toContain('cli-secret-key');
  }, 120_000);
});
