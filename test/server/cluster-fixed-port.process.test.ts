/**
 * WORKERS=2 on a fixed PORT (not 0) as a real process: every worker takes
 * connections on the one shared socket. Many requests, each on its own
 * connection and several at a time, must be served by more than one worker
 * (`/healthz` names the worker that answered), and `/api/chat` answers.
 * A worker that probes the port for itself before listening finds it held
 * by the primary's shared socket and never serves; this test catches that.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNEL_ENV_KEYS, requestOnce, waitForUrl } from '../helpers/main-process.js';

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `/healthz` `count` times, `parallel` connections at a time; the worker index of each healthy answer. */
async function healthWorkers(base: string, count: number, parallel: number): Promise<number[]> {
  const seen: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      const h = (await requestOnce(`${base}healthz`, 'GET')).json as { ok?: boolean; worker?: number };
      if (h.ok && typeof h.worker === 'number') seen.push(h.worker);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return seen;
}

describe('WORKERS=2 on a fixed port', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cluster-port-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves requests from more than one worker', async () => {
    const port = await freePort();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(dir, 'data'),
      KNOWLEDGE_DIR: path.resolve('knowledge'),
      LOG_LEVEL: 'error',
      WORKERS: '2',
      RATE_LIMIT_PER_MINUTE: '100000',
    };
    for (const k of CHANNEL_ENV_KEYS) env[k] = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const base = await waitForUrl(child, 120_000);
    expect(base).toBe(`http://127.0.0.1:${port}/`);

    // Worker 1 is forked once worker 0 listens; give it time to load the index, then expect it to serve.
    const distinct = new Set<number>();
    const end = Date.now() + 120_000;
    while (distinct.size < 2 && Date.now() < end) {
      for (const w of await healthWorkers(base, 8, 4)) distinct.add(w);
      if (distinct.size < 2) await new Promise((r) => setTimeout(r, 500));
    }
    expect([...distinct].sort(), stderr.slice(-2000)).toEqual([0, 1]);

    // Once both are up, a burst over several connections reaches both (the primary hands connections round-robin).
    const burst = await healthWorkers(base, 40, 8);
    expect(burst).toHaveLength(40);
    expect(new Set(burst).size).toBe(2);
    expect(burst.filter((w) => w === 1).length).toBeGreaterThanOrEqual(10);

    for (let i = 0; i < 4; i++) {
      const body = JSON.stringify({ sessionId: `fixed-port-${i}`, text: 'Kế hoạch 1523 do cơ quan nào ban hành?' });
      const res = await requestOnce(`${base}api/chat`, 'POST', body, { 'content-type': 'application/json' });
      expect(res.status).toBe(200);
      expect(typeof (res.json as { answer?: unknown }).answer).toBe('string');
    }
    // No worker crash-looped meanwhile.
    expect(stderr).not.toContain('EADDRINUSE');

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited, stderr.slice(-2000)).toBe(0);
  }, 300_000);
});
