/**
 * `npm start` failures a person can act on: each one prints ONE line naming
 * the variable or file, and the process exits non-zero without listening.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDatabaseWithDamagedTable } from '../helpers/corrupt-db.js';
import { CHANNEL_ENV_KEYS } from '../helpers/main-process.js';

const root = mkdtempSync(join(tmpdir(), 'startup-'));
const knowledge = join(root, 'knowledge');
mkdirSync(knowledge);
let busy: Server;
let busyPort = 0;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as AddressInfo).port;
});
afterAll(() => {
  busy.close();
  rmSync(root, { recursive: true, force: true });
});

const cleared = [...CHANNEL_ENV_KEYS, 'REMINDER_DAYS'];

/** Run src/main.ts with `env`; resolve with exit code, stderr and stdout once it exits (or is killed after 50 s). */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const full: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOST: '127.0.0.1',
    PORT: '0',
    KNOWLEDGE_DIR: knowledge,
    LOG_LEVEL: 'silent',
  };
  for (const k of cleared) full[k] = '';
  Object.assign(full, env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr, stdout });
    }),
  );
}

function dataDir(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

// One after the other: each child loads the whole bot (several CPU-seconds under tsx).
describe('start-up failures', () => {
  it.each([
    ['a malformed Telegram token', () => ({ DATA_DIR: dataDir('t'), TELEGRAM_BOT_TOKEN: '12345-not-a-token' }), /TELEGRAM_BOT_TOKEN/],
    ['a day that does not exist', () => ({ DATA_DIR: dataDir('r'), REMINDER_DAYS: '15/11,32/13' }), /REMINDER_DAYS/],
    ['a port in use', () => ({ DATA_DIR: dataDir('p'), PORT: String(busyPort) }), /PORT=\d+: .*EADDRINUSE/],
    ['a host that is not this machine', () => ({ DATA_DIR: dataDir('h'), HOST: '203.0.113.77' }), /HOST=203\.0\.113\.77: .*EADDRNOTAVAIL/],
    [
      'a damaged database file',
      () => {
        const d = dataDir('c');
        writeDatabaseWithDamagedTable(join(d, 'cchc-bot.sqlite'));
        return { DATA_DIR: d };
      },
      /DB_CORRUPT.*cchc-bot\.sqlite/,
    ],
    [
      'a DATA_DIR that cannot be created',
      () => {
        const file = join(root, 'plain-file');
        writeFileSync(file, 'x');
        return { DATA_DIR: join(file, 'data') };
      },
      /DATA_DIR=.*plain-file\/data: /,
    ],
  ])(
    '%s → one line naming it, exit 1, never listening',
    async (_name, env, expected) => {
      const { code, stderr, stdout } = await start(env());
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
      expect(lines[0]).not.toMatch(/\s+at .*\.(ts|js):\d+/);
      expect(stdout).not.toContain('http://');
    },
    55_000,
  );
});
