/**
 * WORKERS=2 as a real process: a document uploaded in the console is
 * answered by every worker once its status is "ready", once its DELETE
 * has returned no worker answers from it, and a curated answer written in
 * the console is given by both workers. The snapshot watcher is off
 * (INDEX_WATCH_MS=0), so only the primary's relay can bring the worker that
 * did not handle the console request up to date; every request opens its
 * own connection, so the cluster's round-robin hands them to both workers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../admin/harness.js';
import { CHANNEL_ENV_KEYS, requestOnce, waitForUrl } from '../helpers/main-process.js';

const TOKEN = 'cluster-sync-test-token-0123456789abcdef';
const QUESTION = 'Thư viện thử nghiệm mở cửa lúc mấy giờ sáng thứ Bảy?';
const CITATION = '[noi-quy-thu-vien, Điều 1]';
const ASKS = 8;

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('WORKERS=2: console changes reach every worker before the reply', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cluster-sync-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers an upload from both workers once ready, from neither right after DELETE returns, and a curated answer from both right after it is written', async () => {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: path.join(dir, 'data'),
      KNOWLEDGE_DIR: path.resolve('knowledge'),
      LOG_LEVEL: 'silent',
      WORKERS: '2',
      INDEX_WATCH_MS: '0',
      ADMIN_TOKEN: TOKEN,
      RATE_LIMIT_PER_MINUTE: '10000',
    };
    for (const k of CHANNEL_ENV_KEYS) env[k] = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const base = await waitForUrl(child, 90_000);

    // Both workers up and healthy (the health body names the worker that answered).
    const seen = new Set<number>();
    await until('both workers healthy', 90_000, async () => {
      const h = (await requestOnce(`${base}healthz`, 'GET')).json as { ok?: boolean; worker?: number };
      if (h.ok && typeof h.worker === 'number') seen.add(h.worker);
      return seen.size === 2 ? true : undefined;
    });
    expect([...seen].sort()).toEqual([0, 1]);

    const ask = async () => {
      const res = await requestOnce(`${base}api/chat`, 'POST', JSON.stringify({ text: QUESTION }), { 'content-type': 'application/json' });
      expect(res.status).toBe(200);
      return (res.json as { answer: string }).answer;
    };
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (let i = 0; i < ASKS; i++) expect(await ask()).not.toContain(CITATION);

    const mp = multipartBody([
      { name: 'Nội quy thư viện.txt', data: Buffer.from('Điều 1. Giờ mở cửa\nThư viện thử nghiệm mở cửa lúc 7 giờ 15 phút mỗi sáng thứ Bảy.\n') },
    ]);
    const up = await requestOnce(`${base}admin/api/documents`, 'POST', mp.payload, { ...mp.headers, ...auth });
    expect(up.status, JSON.stringify(up.json)).toBe(201);
    const { id } = up.json as { id: string };
    await until('the upload ready', 60_000, async () => {
      const doc = (await requestOnce(`${base}admin/api/documents/${id}`, 'GET', undefined, auth)).json as { status?: string };
      return doc.status === 'ready' ? true : undefined;
    });
    // "ready" means served by every worker: each of these requests, whichever worker gets it, cites the upload.
    for (let i = 0; i < ASKS; i++) expect(await ask()).toContain(CITATION);

    const del = await requestOnce(`${base}admin/api/documents/${id}`, 'DELETE', undefined, auth);
    expect(del.status, JSON.stringify(del.json)).toBe(200);
    expect(del.json).toEqual({ id, deleted: true });
    // Right after the reply: no worker answers from the deleted document.
    for (let i = 0; i < ASKS; i++) expect(await ask()).not.toContain(CITATION);

    // A curated answer written in the console: every worker has reloaded it when the reply comes.
    const CURATED_Q = 'Phòng đọc thử nghiệm có cho mượn ô không?';
    const CURATED_A = 'Phòng đọc thử nghiệm cho mượn ô miễn phí tại quầy số 3.';
    const created = await requestOnce(`${base}admin/api/answers`, 'POST', JSON.stringify({ question: CURATED_Q, answer: CURATED_A }), {
      'content-type': 'application/json',
      ...auth,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    for (let i = 0; i < ASKS; i++) {
      const res = await requestOnce(`${base}api/chat`, 'POST', JSON.stringify({ text: CURATED_Q }), { 'content-type': 'application/json' });
      expect((res.json as { answer: string }).answer).toContain('quầy số 3');
    }

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(0);
  }, 240_000);
});
