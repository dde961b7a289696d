/**
 * Replays the hardening issue's attacks on the admin area against the real
 * server (`src/main.ts`, started as a child process on a free loopback port),
 * with raw HTTP paths (no URL normalisation by the client):
 * encoded/odd admin paths without credentials, `?token=<real>`, 200 wrong
 * Bearer tokens from one IP, then the right one; finally it checks that the
 * server's own log output (stderr, LOG_LEVEL=info) never contains the token,
 * and that a 10-character ADMIN_TOKEN stops the server at start-up.
 *
 *   npx tsx bench/admin-attack.ts
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOKEN = randomBytes(24).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'cchc-admin-attack-'));
const baseEnv = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'info',
  TELEGRAM_BOT_TOKEN: '',
  ZALO_APP_ID: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
};

function start(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
    setTimeout(() => reject(new Error('server did not start in 120 s')), 120_000);
  });
  return { child, url, stderr: () => stderr };
}

/** One raw request: the path is sent byte for byte. */
function hit(port: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => void (body += d.toString('latin1')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const server = start({ ...baseEnv, ADMIN_TOKEN: TOKEN });
const port = await server.url;
const paths = [
  '/%61dmin/api/unanswered',
  '/adm%69n/api/reports',
  '/%61dmin/export?format=csv',
  '/%61dmin/export?format=xlsx',
  '/%61dmin/export?format=docx',
  '//admin/api/reports',
  '/admin/%2e%2e/admin/api/reports',
  '/ADMIN/api/reports',
  '/Admin/api/summary',
  '/admin//api/reports',
  '/admin/api/reports/',
  '/%61dmin',
  '/admin',
  `/admin/api/reports?token=${TOKEN}`,
  `/%61dmin/export?format=csv&token=${TOKEN}`,
];
const unauth: Record<string, number> = {};
let leaked = 0;
for (const p of paths) {
  const r = await hit(port, p);
  unauth[p.replace(TOKEN, '<ADMIN_TOKEN>')] = r.status;
  // A 200 is only acceptable for the login form.
  if (r.status === 200 && !r.body.includes('action="/admin/login"')) leaked += 1;
}

const t0 = performance.now();
const brute: Record<number, number> = {};
for (let i = 0; i < 200; i++) {
  const r = await hit(port, '/admin/api/reports', { authorization: `Bearer wrong-${i}-${'x'.repeat(20)}` });
  brute[r.status] = (brute[r.status] ?? 0) + 1;
}
const bruteMs = performance.now() - t0;
const right = await hit(port, '/admin/api/reports', { authorization: `Bearer ${TOKEN}` });
server.child.kill('SIGTERM');
await new Promise((r) => server.child.once('exit', r));
const log = server.stderr();

const short = start({ ...baseEnv, ADMIN_TOKEN: '0123456789' });
const shortResult = await short.url.then(
  () => 'started (wrong)',
  (e: Error) => e.message,
);
const shortMessage = /ADMIN_TOKEN[^\n]*/.exec(short.stderr() + '')?.[0] ?? '(no message)';
rmSync(dataDir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      unauthenticated: unauth,
      responsesWithData: leaked,
      wrongBearer200: { statuses: brute, ms: Math.round(bruteMs) },
      rightTokenAfterwards: right.status,
      logLines: log.split('\n').filter(Boolean).length,
      tokenInLog: log.includes(TOKEN),
      shortToken: { result: shortResult, message: shortMessage },
    },
    null,
    2,
  ),
);
