/**
 * Overload on loopback against the real server (`src/main.ts`, embedded
 * default, temporary DATA_DIR): drives `POST /api/chat` at a fixed
 * concurrency for a fixed time with the project's own questions
 * (bench/data/own-questions.jsonl), probes `/healthz` every 500 ms (a probe
 * counts as answered when any response arrives within 1 s), and prints one
 * line per run. Runs twice: protections off (baseline), then the defaults.
 *
 *   npx tsx bench/http-overload.ts [--concurrency 64] [--seconds 20] [--only protected|baseline]
 *
 * Rate limiting is lifted (RATE_LIMIT_PER_MINUTE) so it does not skew the result.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../src/core/percentile.js';
import { type MainServer, startMainServer } from './lib/main-server.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const concurrency = Math.min(256, Number(arg('concurrency', '64')));
const seconds = Math.min(120, Number(arg('seconds', '20')));
const only = arg('only', '');

const questions = readFileSync('bench/data/own-questions.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);

interface Run {
  name: string;
  env: Record<string, string>;
}

const ALL_RUNS: Run[] = [
  {
    name: 'baseline (protections off)',
    env: {
      OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
      OVERLOAD_MAX_HEAP_MB: '0',
      OVERLOAD_MAX_IN_FLIGHT: '0',
      HTTP_REQUEST_TIMEOUT_MS: '600000',
      HTTP_HEADERS_TIMEOUT_MS: '600000',
      HTTP_IDLE_TIMEOUT_MS: '600000',
    },
  },
  { name: 'protected (defaults)', env: {} },
];
const RUNS = ALL_RUNS.filter((r) => only === '' || r.name.startsWith(only));

/** Start the server; resolve with its base URL. */
function startServer(env: Record<string, string>, dataDir: string): Promise<MainServer> {
  return startMainServer(dataDir, { RATE_LIMIT_PER_MINUTE: '100000000', ...env });
}

async function drive(url: string): Promise<string> {
  const okTimes: number[] = [];
  const statuses = new Map<string, number>();
  let next = 0;
  const deadline = performance.now() + seconds * 1000;

  const ask = async (i: number) => {
    const started = performance.now();
    let status = 'error';
    try {
      const res = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sessionId: `overload-bench-${i % 200}`, text: questions[i % questions.length] }),
        signal: AbortSignal.timeout(60_000),
      });
      await res.arrayBuffer();
      status = String(res.status);
    } catch {
      status = 'error';
    }
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status === '200') okTimes.push(performance.now() - started);
  };

  let probes = 0;
  let answered = 0;
  const probe = async () => {
    probes++;
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      answered++;
    } catch {
      // not answered within 1 s
    }
  };
  const probeTimer = setInterval(() => void probe(), 500);

  const wallStart = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await ask(next++);
    }),
  );
  const wall = (performance.now() - wallStart) / 1000;
  clearInterval(probeTimer);
  await new Promise((r) => setTimeout(r, 1100)); // let the last probe finish

  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const sorted = [...okTimes].sort((a, b) => a - b);
  const share503 = ((statuses.get('503') ?? 0) / Math.max(1, total)) * 100;
  const others = [...statuses.entries()].filter(([s]) => s !== '200' && s !== '503').map(([s, n]) => `${s}×${n}`);
  return (
    `${(total / wall).toFixed(0)} req/s (${((statuses.get('200') ?? 0) / wall).toFixed(0)} answered/s), ` +
    `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms (200s), ` +
    `503 ${share503.toFixed(1)}%${others.length > 0 ? `, other ${others.join(' ')}` : ''}, ` +
    `healthz ${answered}/${probes} answered < 1 s`
  );
}

const lines: string[] = [];
for (const run of RUNS) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cchc-overload-bench-'));
  const { child, url } = await startServer(run.env, dataDir);
  try {
    for (let i = 0; i < 10; i++) {
      await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: questions[i % questions.length] }),
      }).then((r) => r.arrayBuffer());
    }
    await new Promise((r) => setTimeout(r, 1500)); // let the loop-delay sampler settle after warm-up
    lines.push(`${run.name}: ${await drive(url)}`);
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(`/api/chat overload, concurrency ${concurrency}, ${seconds} s, loopback — ${lines.join(' | ')}`);
