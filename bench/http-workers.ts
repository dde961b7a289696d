/**
 * `/api/chat` throughput with 1 and 2 HTTP workers (WORKERS), and a bare
 * Fastify POST route in the same run, with wrk (Debian: `apt-get install -y
 * wrk`): five rotating questions, concurrency 16 and 64, a fixed duration
 * each. Load shedding and the rate limit are off so the answer path itself
 * is measured. Prints req/s, p50/p99 and errors per line, and the CPU the
 * server's processes (primary and workers, from /proc) used: requests per
 * server CPU-second says whether a worker's cost per request grows with
 * more workers, whatever else the machine's cores are doing (wrk itself,
 * other jobs). Repeat a count to interleave runs (`--workers 1,2,1,2`).
 *
 *   npx tsx bench/http-workers.ts [--duration 10] [--workers 1,2] [--concurrency 16,64]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD_QUESTIONS } from './lib/load-questions.js';
import { startMainServer } from './lib/main-server.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const duration = Number(arg('duration', '10'));
const workerCounts = arg('workers', '1,2').split(',').map(Number);
const concurrencies = arg('concurrency', '16,64').split(',').map(Number);

if (spawnSync('wrk', ['--version']).error) {
  process.stderr.write('wrk is not installed (Debian: apt-get install -y wrk)\n');
  process.exit(2);
}

const QUESTIONS = LOAD_QUESTIONS;
const work = mkdtempSync(join(tmpdir(), 'cchc-wrk-'));
const script = join(work, 'chat.lua');
writeFileSync(
  script,
  `local qs = { ${QUESTIONS.map((q) => JSON.stringify(q)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  local body = string.format('{"sessionId":"wrk-session-%d","text":%s}', i % 200, '"' .. qs[(i % #qs) + 1] .. '"')
  return wrk.format("POST", "/api/chat", { ["content-type"] = "application/json" }, body)
end
`,
);

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU seconds (user + system) used so far by `root` and its descendants, from /proc (Linux). */
function treeCpuSeconds(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const raw = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command (which may hold spaces): state ppid … utime(14) stime(15).
      const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // The process exited meanwhile.
    }
  }
  let ticks = 0;
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) todo.push(child);
  }
  return ticks / CLK_TCK;
}

interface WrkResult {
  rps: number;
  p50: string;
  p99: string;
  errors: string;
}

function wrk(url: string, connections: number): WrkResult {
  const r = spawnSync('wrk', ['-t', '2', '-c', String(connections), '-d', `${duration}s`, '--timeout', '5s', '--latency', '-s', script, url], {
    encoding: 'utf8',
  });
  const out = r.stdout ?? '';
  const pick = (re: RegExp) => re.exec(out)?.[1] ?? '?';
  const socket = /Socket errors: (.*)/.exec(out)?.[1];
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: pick(/\s50%\s+([\d.]+\w+)/),
    p99: pick(/\s99%\s+([\d.]+\w+)/),
    errors: [non2xx ? `${non2xx} non-2xx` : '', socket ?? ''].filter(Boolean).join(', ') || 'none',
  };
}

function startBare(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/bare-fastify.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(d.toString());
      if (m) resolve({ child, url: m[1] as string });
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

process.stdout.write(
  `# /api/chat with wrk, ${duration} s per line, load average at start ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}\n`,
);
process.stdout.write('server | concurrency | req/s | p50 | p99 | errors | server CPU s | req per server CPU-s\n');
/** One wrk line, with the CPU the server's process tree used during it. */
function measure(label: string, url: string, pid: number, c: number): void {
  const cpu0 = treeCpuSeconds(pid);
  const r = wrk(url, c);
  const cpu = treeCpuSeconds(pid) - cpu0;
  const perCpu = cpu > 0 ? ((r.rps * duration) / cpu).toFixed(0) : '?';
  process.stdout.write(`${label} | ${c} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${cpu.toFixed(1)} | ${perCpu}\n`);
}

const bare = await startBare();
for (const c of concurrencies) measure('bare Fastify route', bare.url, bare.child.pid as number, c);
await stop(bare.child);
for (const [run, workers] of workerCounts.entries()) {
  const dataDir = join(work, `data-${run}-${workers}`);
  const server = await startMainServer(dataDir, {
    WORKERS: String(workers),
    RATE_LIMIT_PER_MINUTE: '100000000',
    OVERLOAD_MAX_IN_FLIGHT: '0',
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_MAX_HEAP_MB: '0',
  });
  // Warm-up: every worker answers each question a few times.
  wrk(server.url, 4);
  for (const c of concurrencies) measure(`/api/chat, ${workers} worker(s)`, server.url, server.child.pid as number, c);
  await stop(server.child);
}
rmSync(work, { recursive: true, force: true });
