/**
 * WORKERS > 1: two worker processes share one SQLite database. Started
 * together on a fresh database (both run the migrations) and given the same
 * deliveries at the same moment, each webhook update is answered by exactly
 * one of them and each report is saved exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const N = 200;

function startWorker(db: string, go: string): { child: ChildProcess; ready: Promise<void>; result: Promise<{ answered: number[]; created: number[] }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/helpers/worker-delivery.ts', db, go, String(N)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited ${code}: ${err}`))));
  });
  const result = new Promise<{ answered: number[]; created: number[] }>((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) as string) as { answered: number[]; created: number[] });
    });
  });
  return { child, ready, result };
}

describe('two workers, one database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-cluster-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every update once and saves every report once when both workers get it', async () => {
    const db = join(dir, 'bot.db');
    const go = join(dir, 'go');
    const workers = [startWorker(db, go), startWorker(db, go)];
    await Promise.all(workers.map((w) => w.ready));
    writeFileSync(go, '');
    const [a, b] = await Promise.all(workers.map((w) => w.result));
    if (!a || !b) throw new Error('missing worker result');
    const all = (xs: number[], ys: number[]) => [...xs, ...ys].sort((x, y) => x - y);
    const everyKey = Array.from({ length: N }, (_, k) => k);
    // Every update answered by exactly one worker (no duplicate reply, none lost).
    expect(all(a.answered, b.answered)).toEqual(everyKey);
    // Every report created by exactly one worker.
    expect(all(a.created, b.created)).toEqual(everyKey);
    const check = new Database(db, { readonly: true });
    expect((check.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n).toBe(N);
    expect((check.prepare("SELECT COUNT(*) AS n FROM seen_updates WHERE channel = 'zalo'").get() as { n: number }).n).toBe(N);
    expect((check.prepare("SELECT COUNT(*) AS n FROM schema_migrations WHERE namespace = 'reports'").get() as { n: number }).n).toBeGreaterThan(0);
    check.close();
  }, 60_000);
});
