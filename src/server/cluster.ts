/**
 * Both cores serve: with `WORKERS` > 1 the primary process forks that many
 * HTTP workers (node:cluster shares the listening socket between them) and
 * restarts one that dies, under the same worker index. Worker 0 starts first
 * and builds or loads the index; the others are forked once it is listening
 * ({@link announceReady}), so they only load it, and the primary itself
 * holds no index. Workers share the
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

/** Message a worker sends its primary once it listens. */
const READY = 'cchc-worker-ready';

/** Tell the primary (if any) that this worker is listening. */
export function announceReady(): void {
  if (cluster.isWorker) process.send?.({ type: READY });
}

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
  /** Resolves once every worker listens. */
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
  let started = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const fork = (index: number) => {
    const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    byIndex.set(index, worker);
    worker.on('message', (m: unknown) => {
      if (typeof m !== 'object' || m === null || (m as { type?: unknown }).type !== READY) return;
      if (++online === n) markReady();
      // The first worker built or loaded the index: the others now only load it.
      if (index === 0 && !started) {
        started = true;
        for (let i = 1; i < n; i++) fork(i);
      }
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
  fork(0);

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
