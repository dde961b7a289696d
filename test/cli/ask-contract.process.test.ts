import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/knowledge-base.js';

const run = promisify(execFile);
const dataDir = tempDir();
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };

function cli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, maxBuffer: 10 * 2 ** 20 });
}

const answerShape = {
  answer: expect.any(String),
  abstained: expect.any(Boolean),
  sources: expect.any(Array),
  ms: expect.any(Number),
};

beforeAll(async () => {
  const { stdout } = await cli('index');
  expect(stdout).toMatch(/Đoạn: \d+/);
}, 60_000);

describe('cli contract', () => {
  it('ask --json prints exactly one JSON object with the contract fields', async () => {
    const { stdout } = await cli('ask', '--json', 'Ai làm đầu mối triển khai kế hoạch?');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const a = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(['abstained', 'answer', 'ms', 'sources']);
    expect(a).toMatchObject(answerShape);
    const sources = a.sources as Array<Record<string, unknown>>;
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.length).toBeLessThanOrEqual(5);
    for (const s of sources) {
      expect(Object.keys(s).sort()).toEqual(['doc', 'score', 'section', 'text', 'title']);
      expect((s.text as string).length).toBeLessThanOrEqual(1500);
    }
  }, 60_000);

  it('ask --json --batch prints one line per input, in order, with its id', async () => {
    const file = join(tempDir(), 'batch.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'x1', q: 'Kinh phí thực hiện kế hoạch lấy từ đâu?' }),
        JSON.stringify({ id: 'x2', q: 'Giá vàng hôm nay?' }),
        '',
        JSON.stringify({ id: 'x3', q: 'PAPI gồm những nội dung nào?' }),
      ].join('\n'),
    );
    const { stdout } = await cli('ask', '--json', '--batch', file);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; abstained: boolean });
    expect(rows.map((r) => r.id)).toEqual(['x1', 'x2', 'x3']);
    for (const r of rows) expect(r).toMatchObject(answerShape);
    expect(rows[1]?.abstained).toBe(true);
    expect(rows[0]?.abstained).toBe(false);
  }, 60_000);

  it('ask without --json prints readable Vietnamese with citations', async () => {
    const { stdout } = await cli('ask', 'Kinh phí thực hiện kế hoạch lấy từ đâu?');
    expect(stdout).toContain('[1523/KH-SCT, III]');
    expect(stdout).toContain('Nguồn:');
  }, 60_000);

  it('index with no change says so', async () => {
    const { stdout } = await cli('index');
    expect(stdout).toMatch(/không có thay đổi/);
  }, 60_000);

  it('an unknown command is a clear error with exit code 2', async () => {
    await expect(cli('khong-co')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Lệnh không tồn tại') });
  }, 60_000);

  it('a wrong configuration value is a clear error naming the variable', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ask', 'x'], { env: { ...env, PORT: 'abc' } })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('PORT'),
    });
  }, 60_000);
});
