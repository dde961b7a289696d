/**
 * Both cores serve: with `WORKERS` > 1 the primary process forks that many
 * HTTP workers (node:cluster shares the listening socket between them) and
 * restarts one that dies, under the same worker index. Workers share the
 * SQLite database (WAL, busy timeout, `INSERT … ON CONFLICT` for webhook
 * dedupe and report saves), so an update delivered to two workers is
 * answered and saved once. Jobs that must run once — Telegram long polling,
 * report reminders, data retention — run in worker 0 only
 * ({@link runsSingletonJobs}).
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** Environment variable that carries a worker's index (read back through the config). */
export const WORKER_INDEX_ENV = 'CCHC_WORKER_INDEX';

/** Delay before a dead worker is replaced, ms (a crash loop does not spin the CPU). */
const RESPAWN_DELAY_MS = 1000;

/** Whether this process should fork workers rather than serve. */
export function isClusterPrimary(config: Config): boolean {
  return config.server.workers > 1 && cluster.isPrimary;
}

/** Whether this process runs the once-only jobs (polling, reminders, retention): a single process, or worker 0. */
export function runsSingletonJobs(config: Config): boolean {
  return !cluster.isWorker || config.server.workerIndex === 0;
}

export interface WorkerSupervisor {
  /** Resolves once every worker is online. */
  ready: Promise<void>;
  /** Stop all workers (SIGTERM, they shut down cleanly) and resolve when they exited. */
  stop(): Promise<void>;
}

/**
 * Fork `config.server.workers` workers running the same entry script and keep
 * them running.
 */
export function superviseWorkers(config: Config, logger: Logger): WorkerSupervisor {
  const n = config.server.workers;
  const byIndex = new Map<number, Worker>();
  let stopping = false;
  let online = 0;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const fork = (index: number) => {
    const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    byIndex.set(index, worker);
    worker.once('online', () => {
      if (++online === n) markReady();
    });
    worker.once('exit', (code, signal) => {
      if (byIndex.get(index) === worker) byIndex.delete(index);
      if (stopping) return;
      logger.error({ worker: index, code, signal }, 'HTTP worker exited; starting a new one');
      setTimeout(() => {
        if (!stopping) fork(index);
      }, RESPAWN_DELAY_MS).unref();
    });
  };
  for (let i = 0; i < n; i++) fork(i);

  return {
    ready,
    async stop() {
      stopping = true;
      const exits = [...byIndex.values()].map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      );
      await Promise.all(exits);
    },
  };
}
