/**
 * `/api/chat` latency over loopback against the real server (`src/main.ts`,
 * embedded default, no LLM), started as a child process on a free port.
 * A bounded number of requests at a fixed concurrency; prints p50/p95.
 *
 *   npx tsx bench/http-chat.ts [--requests 400] [--concurrency 4]
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../src/core/percentile.js';
import { startMainServer } from './lib/main-server.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const total = arg('requests', 400);
const concurrency = arg('concurrency', 4);

const questions = ['bench/data/own-questions.jsonl']
  .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean))
  .map((l) => (JSON.parse(l) as { q: string }).q);

const dataDir = mkdtempSync(join(tmpdir(), 'cchc-http-bench-'));
const { child, url } = await startMainServer(dataDir, { RATE_LIMIT_PER_MINUTE: '1000000' }, 120_000);

async function ask(i: number): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId: `bench-session-${i % 50}`, text: questions[i % questions.length] }),
  });
  const body = (await res.json()) as { message?: string };
  if (res.status !== 200) {
    child.kill('SIGTERM');
    throw new Error(`HTTP ${res.status} after ${i} requests: ${body.message ?? ''}`);
  }
  return performance.now() - started;
}

for (let i = 0; i < 20; i++) await ask(i); // warm-up
const times: number[] = [];
let next = 0;
const wallStart = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) times.push(await ask(next++));
  }),
);
const wall = performance.now() - wallStart;
child.kill('SIGTERM');
const s = [...times].sort((a, b) => a - b);
console.log(
  `/api/chat over loopback: ${times.length} requests, concurrency ${concurrency}: p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, max ${(s.at(-1) ?? 0).toFixed(1)} ms, ${(times.length / (wall / 1000)).toFixed(0)} req/s`,
);
await new Promise((r) => child.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
