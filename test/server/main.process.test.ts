/**
 * `npm start` as a real process: starts on 127.0.0.1 port 0 with an empty
 * knowledge directory (so /healthz is 503), serves the page and the API,
 * and exits 0 on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNEL_ENV_KEYS, waitForUrl } from '../helpers/main-process.js';

describe('src/main.ts process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts, serves the chat, reports 503 health with an empty index, and shuts down on SIGTERM', async () => {
    const knowledge = path.join(dir, 'knowledge');
    fs.mkdirSync(knowledge);
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: path.join(dir, 'data'),
      KNOWLEDGE_DIR: knowledge,
      LOG_LEVEL: 'silent',
    };
    for (const k of CHANNEL_ENV_KEYS) env[k] = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const base = await waitForUrl(child, 45_000);

    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Trợ lý tra cứu');

    const health = await fetch(`${base}healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, index: { chunks: 0 }, db: 'ok' });

    const chat = await fetch(`${base}api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Kế hoạch có mấy phần?' }),
    });
    expect(chat.status).toBe(200);
    // Nothing to answer from: an apology or an abstention, never a crash.
    const body = (await chat.json()) as { answer: string; sessionId: string };
    expect(body.answer.length).toBeGreaterThan(0);
    expect(body.sessionId.length).toBeGreaterThanOrEqual(8);

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'data', 'cchc-bot.sqlite'))).toBe(true);
  }, 60_000);
});
