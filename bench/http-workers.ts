/**
 * `/api/chat` throughput with 1 and 2 HTTP workers (WORKERS), and a bare
 * Fastify POST route in the same run, with wrk (Debian: `apt-get install -y
 * wrk`): five rotating questions, concurrency 16 and 64, a fixed duration
 * each. Load shedding and the rate limit are off so the answer path itself
 * is measured. Repeat a count to interleave runs (`--workers 1,2,1,2`).
 *
 * Each line also says where the machine's CPU went while it ran, from /proc
 * (Linux), in CPU-seconds: wrk itself (its exact usage, from the shell that
 * waited for it), the cluster primary, each worker (by its
 * `CCHC_WORKER_INDEX`), and everything else on the machine (all cores' busy
 * time less those). From these it prints the server's CPU per request and
 * wrk's, and the ceiling the cores allow: with wrk on the same cores, two
 * workers can serve at most cores / (server + wrk CPU per request), and one
 * worker at most 1 / its own CPU per request; a 2-worker ratio below 1.7×
 * is explained when that ceiling, or the CPU "other" processes took, is the
 * limit.
 *
 *   npx tsx bench/http-workers.ts [--duration 10] [--workers 1,2] [--concurrency 16,64]
 *     [--wrk-threads 2] [--env KEY=VALUE]... [--no-bare] [--no-core-check]
 *
 * First it checks how the cores scale (unless `--no-core-check`): a fixed
 * JavaScript loop (objects, strings, JSON) runs for 2 s in one process,
 * then in two at once; the line prints the two processes' work over the
 * one's. About 2.0 means two independent cores; less means the two
 * "cores" share a physical core or memory bandwidth (or other processes
 * took CPU meanwhile), and two workers cannot beat that factor either.
 *
 * `--env` (repeatable) passes a variable to the server and so to every
 * worker (e.g. `--env LOG_LEVEL=info`, `--env UV_THREADPOOL_SIZE=2`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
const wrkThreads = arg('wrk-threads', '2');
const withBare = !process.argv.includes('--no-bare');
const coreCheck = !process.argv.includes('--no-core-check');
/** `--env KEY=VALUE`, repeatable: extra variables for the server (the workers inherit them). */
const extraEnv: Record<string, string> = {};
for (let i = 0; i < process.argv.length; i++) {
  if (process.argv[i] !== '--env') continue;
  const kv = process.argv[i + 1] ?? '';
  const eq = kv.indexOf('=');
  if (eq <= 0) {
    process.stderr.write(`--env needs KEY=VALUE, got "${kv}"\n`);
    process.exit(2);
  }
  extraEnv[kv.slice(0, eq)] = kv.slice(eq + 1);
}

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
const CORES = cpus().length;

/** Fields of /proc/<pid>/stat after the command (which may hold spaces): f[0] is field 3 (state). */
function statFields(raw: string): string[] {
  return raw.slice(raw.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) of one process so far, or 0 once it has gone. */
function processCpu(pid: number): number {
  try {
    const f = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** The server's processes: the one given (the primary, or a single server) and its children, by worker index. */
function serverProcesses(root: number): Array<{ pid: number; label: string }> {
  const found = [{ pid: root, label: 'primary' }];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const f = statFields(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (Number(f[1]) !== root) continue;
      const env = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
      const index = env.find((e) => e.startsWith('CCHC_WORKER_INDEX='))?.split('=')[1];
      found.push({ pid: Number(name), label: index === undefined ? `other child ${name}` : `w${index}` });
    } catch {
      // The process exited meanwhile.
    }
  }
  return found;
}

/** All cores' busy CPU seconds so far (user, nice, system, irq, softirq, steal; not idle or iowait), from /proc/stat. */
function machineBusy(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / CLK_TCK;
}

interface WrkResult {
  rps: number;
  requests: number;
  p50: string;
  p99: string;
  errors: string;
  /** wrk's own CPU seconds (user + system), exact: read from the shell that waited for it. */
  cpu: number;
}

function wrk(url: string, connections: number): WrkResult {
  const args = ['-t', wrkThreads, '-c', String(connections), '-d', `${duration}s`, '--timeout', '5s', '--latency', '-s', script, url];
  // The shell's cutime/cstime (fields 16, 17) hold exactly what its reaped child, wrk, used.
  const r = spawnSync('sh', ['-c', 'wrk "$@"; echo "WRK_SHELL_STAT $(cat /proc/$$/stat)"', 'sh', ...args], { encoding: 'utf8' });
  const out = r.stdout ?? '';
  const pick = (re: RegExp) => re.exec(out)?.[1] ?? '?';
  const socket = /Socket errors: (.*)/.exec(out)?.[1];
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  const shell = /WRK_SHELL_STAT (.*)/.exec(out)?.[1];
  const f = shell ? statFields(shell) : [];
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    requests: Number(pick(/(\d+) requests in/)),
    p50: pick(/\s50%\s+([\d.]+\w+)/),
    p99: pick(/\s99%\s+([\d.]+\w+)/),
    errors: [non2xx ? `${non2xx} non-2xx` : '', socket ?? ''].filter(Boolean).join(', ') || 'none',
    cpu: f.length > 14 ? (Number(f[13]) + Number(f[14])) / CLK_TCK : Number.NaN,
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

/** Work a process gets through in `ms` of wall time: a mix like the server's (objects, strings, JSON, a Map). */
const SPIN = `const end = Date.now() + Number(process.argv[1]); let n = 0; const m = new Map();
while (Date.now() < end) { for (let i = 0; i < 200; i++) { const o = { q: 'câu hỏi ' + i, k: [i, i * 2, 'x' + n] };
const t = JSON.parse(JSON.stringify(o)); m.set(t.q + (n % 64), t.k.length); } n++; } process.stdout.write(String(n));`;

/** Work done by `parallel` processes spinning together for `ms` (each one's count). */
async function spin(parallel: number, ms: number): Promise<number[]> {
  const runs = Array.from(
    { length: parallel },
    () =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['-e', SPIN, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.once('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`spin exited ${code}`))));
      }),
  );
  return Promise.all(runs);
}

/** How the machine's cores scale for two busy Node processes (see the header). */
async function checkCores(): Promise<void> {
  const [one] = await spin(1, 2000);
  const two = await spin(2, 2000);
  const both = two.reduce((a, b) => a + b, 0);
  process.stdout.write(
    `# core scaling: 1 process ${one} rounds, 2 processes ${two.join(' + ')} = ${both} rounds in 2 s: ${(both / (one || 1)).toFixed(2)}× (2.00 = two independent cores; the 2-worker ratio cannot exceed it)\n`,
  );
}

process.stdout.write(
  `# /api/chat with wrk (${wrkThreads} threads), ${duration} s per line, ${CORES} cores, load average at start ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}${Object.keys(extraEnv).length > 0 ? `, server env ${JSON.stringify(extraEnv)}` : ''}\n`,
);
if (coreCheck) await checkCores();
process.stdout.write(
  'server | c | req/s | p50 | p99 | errors | CPU s: wrk / server (per process) / other | server ms/req | wrk ms/req | req per server CPU-s | ceiling req/s (idle machine)\n',
);

/** Resolve once `/healthz` has been answered by `n` distinct workers (the URL is printed when worker 0 listens; the others load the index after it). */
async function waitForWorkers(url: string, n: number, timeoutMs = 180_000): Promise<void> {
  if (n <= 1) return;
  const seen = new Set<number>();
  const end = Date.now() + timeoutMs;
  while (seen.size < n) {
    if (Date.now() > end) throw new Error(`only workers ${[...seen].join(', ')} of ${n} answered /healthz`);
    try {
      // A fresh connection each time, so the primary hands it to the next worker.
      const res = await fetch(`${url}/healthz`, { headers: { connection: 'close' } });
      const body = (await res.json()) as { ok?: boolean; worker?: number };
      if (body.ok && typeof body.worker === 'number') seen.add(body.worker);
    } catch {
      // Not listening yet.
    }
    if (seen.size < n) await new Promise((r) => setTimeout(r, 100));
  }
}

/** One wrk line, with the CPU each process (and the rest of the machine) used during it. */
function measure(label: string, url: string, pid: number, c: number, workers: number): void {
  const procs = serverProcesses(pid);
  const before = procs.map((p) => processCpu(p.pid));
  const busy0 = machineBusy();
  const r = wrk(url, c);
  const busy = machineBusy() - busy0;
  const used = procs.map((p, i) => processCpu(p.pid) - (before[i] ?? 0));
  const server = used.reduce((a, b) => a + b, 0);
  const other = busy - server - (Number.isFinite(r.cpu) ? r.cpu : 0);
  const n = r.requests > 0 ? r.requests : r.rps * duration;
  const serverMs = (1000 * server) / n;
  const wrkMs = (1000 * r.cpu) / n;
  // What the cores allow with wrk beside the server: all cores for both, or one core for a single process.
  const busiest = Math.max(...used.slice(procs.length > 1 ? 1 : 0));
  const ceiling = workers > 1 ? (CORES * 1000) / (serverMs + wrkMs) : Math.min(1000 / ((1000 * busiest) / n), (CORES * 1000) / (serverMs + wrkMs));
  const perProcess = procs.map((p, i) => `${p.label} ${(used[i] ?? 0).toFixed(1)}`).join(', ');
  process.stdout.write(
    `${label} | ${c} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.cpu.toFixed(1)} / ${server.toFixed(1)} (${perProcess}) / ${other.toFixed(1)} | ${serverMs.toFixed(2)} | ${wrkMs.toFixed(2)} | ${(n / server).toFixed(0)} | ${ceiling.toFixed(0)}\n`,
  );
}

if (withBare) {
  const bare = await startBare();
  for (const c of concurrencies) measure('bare Fastify route', bare.url, bare.child.pid as number, c, 1);
  await stop(bare.child);
}
for (const [run, workers] of workerCounts.entries()) {
  const dataDir = join(work, `data-${run}-${workers}`);
  const server = await startMainServer(dataDir, {
    WORKERS: String(workers),
    RATE_LIMIT_PER_MINUTE: '100000000',
    OVERLOAD_MAX_IN_FLIGHT: '0',
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_MAX_HEAP_MB: '0',
    ...extraEnv,
  });
  // Warm-up: every worker answers each question a few times.
  await waitForWorkers(server.url, workers);
  wrk(server.url, 4);
  for (const c of concurrencies) measure(`/api/chat, ${workers} worker(s)`, server.url, server.child.pid as number, c, workers);
  await stop(server.child);
}
rmSync(work, { recursive: true, force: true });
