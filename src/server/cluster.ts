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
 * ({@link runsSingletonJobs}). A console upload or delete reaches every
 * worker before its HTTP reply: the primary serialises index rebuilds and
 * relays new snapshots to the other workers, waiting for their
 * acknowledgements (worker side: {@link ./knowledge-sync.ts}).
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { asClusterMessage, type ClusterMessage, type PublishedMessage } from './cluster-messages.js';

/** Environment variable that carries a worker's index (read back through the config). */
export const WORKER_INDEX_ENV = 'CCHC_WORKER_INDEX';

/** Tell the primary (if any) that this worker is listening and which index snapshot it serves. */
export function announceReady(snapshot: string | null = null): void {
  if (cluster.isWorker) process.send?.({ type: 'cchc-worker-ready', snapshot } satisfies ClusterMessage);
}

/** Delay before a dead worker is replaced, ms (a crash loop does not spin the CPU). */
const RESPAWN_DELAY_MS = 1000;

/** Whether this process should fork workers rather than serve. */
export function isClusterPrimary(config: Config): boolean {
  return config.server.workers > 1 && cluster.isPrimary;
}

/**
 * Whether this process probes `HOST:PORT` itself before it starts: a single
 * process or the primary, not a worker. A worker's `listen` goes through the
 * primary, which holds the one socket every worker takes connections from;
 * a worker binding the port on its own (the exclusive probe) would find it
 * held by that socket once any worker listens, and exit before serving.
 */
export function probesListenAddress(): boolean {
  return !cluster.isWorker;
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

/** One publish waiting for the other workers' acknowledgements. */
interface PendingPublish {
  origin: Worker;
  originId: number;
  waiting: Map<number, Worker>;
  errors: string[];
  timer: NodeJS.Timeout;
}

/**
 * Fork `config.server.workers` workers running the same entry script and keep
 * them running. The primary also coordinates the knowledge base across them:
 * a cluster-wide lock so one worker rebuilds the index at a time, and
 * publishes — a worker that swapped in a new snapshot (a console upload or
 * delete) asks, and the primary tells every other worker to load it and
 * answers once all confirmed (or after `config.indexSyncTimeoutMs`, naming
 * the workers that did not).
 */
export function superviseWorkers(config: Config, logger: Logger): WorkerSupervisor {
  const n = config.server.workers;
  const byIndex = new Map<number, Worker>();
  let stopping = false;
  let started = false;
  const online = new Set<number>();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  /** The last snapshot published: a worker that comes up serving another one is told to load it. */
  let latest: string | null = null;
  /** Cluster-wide index lock: the holder and the queue (worker, request id). */
  let holder: { worker: Worker; id: number } | null = null;
  const queue: Array<{ worker: Worker; id: number }> = [];
  const pending = new Map<number, PendingPublish>();
  let nextLoadId = 1;

  const send = (w: Worker, m: ClusterMessage) => {
    if (!w.isDead() && w.isConnected()) w.send(m);
  };
  const grantNext = () => {
    while (!holder && queue.length > 0) {
      const next = queue.shift() as { worker: Worker; id: number };
      if (next.worker.isDead()) continue;
      holder = next;
      send(next.worker, { type: 'cchc-kb-locked', id: next.id });
    }
  };
  const releaseFrom = (worker: Worker, id?: number) => {
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.worker === worker && (id === undefined || queue[i]?.id === id)) queue.splice(i, 1);
    if (holder && holder.worker === worker && (id === undefined || holder.id === id)) holder = null;
    grantNext();
  };
  const finish = (loadId: number) => {
    const p = pending.get(loadId);
    if (!p) return;
    pending.delete(loadId);
    clearTimeout(p.timer);
    const lagging = [...p.waiting.keys()].sort((a, b) => a - b);
    const reply: PublishedMessage = { type: 'cchc-kb-published', id: p.originId, ok: lagging.length === 0 && p.errors.length === 0, lagging, errors: p.errors };
    if (!reply.ok) logger.error({ lagging, errors: p.errors }, 'knowledge snapshot not confirmed by every worker');
    send(p.origin, reply);
  };
  /** Ask every other listening worker to load `snapshot` (or, null, to reload the curated answers); answer `origin` once all did. */
  const publish = (origin: Worker, originIndex: number, originId: number, snapshot: string | null) => {
    if (snapshot) latest = snapshot;
    const loadId = nextLoadId++;
    const waiting = new Map<number, Worker>();
    // A worker still starting is not waited for: once it listens it reports its snapshot, and is sent this one if it differs.
    for (const [i, w] of byIndex) if (i !== originIndex && !w.isDead() && online.has(i)) waiting.set(i, w);
    const timer = setTimeout(() => finish(loadId), config.indexSyncTimeoutMs);
    timer.unref();
    pending.set(loadId, { origin, originId, waiting, errors: [], timer });
    for (const w of waiting.values()) send(w, snapshot ? { type: 'cchc-kb-load', id: loadId, snapshot } : { type: 'cchc-curated-reload', id: loadId });
    if (waiting.size === 0) finish(loadId);
  };
  /** A worker that died or was replaced no longer owes an answer: its successor opens the current index. */
  const forget = (index: number, worker: Worker) => {
    for (const [loadId, p] of pending) {
      if (p.waiting.get(index) === worker) p.waiting.delete(index);
      if (p.waiting.size === 0) finish(loadId);
    }
    releaseFrom(worker);
  };

  const onMessage = (index: number, worker: Worker, raw: unknown) => {
    const m = asClusterMessage(raw);
    if (!m) return;
    switch (m.type) {
      case 'cchc-worker-ready':
        if (latest && m.snapshot !== latest) send(worker, { type: 'cchc-kb-load', id: 0, snapshot: latest });
        online.add(index);
        if (online.size === n) markReady();
        // The first worker built or loaded the index: the others now only load it.
        if (index === 0 && !started) {
          started = true;
          for (let i = 1; i < n; i++) fork(i);
        }
        return;
      case 'cchc-kb-lock':
        queue.push({ worker, id: m.id });
        grantNext();
        return;
      case 'cchc-kb-unlock':
        releaseFrom(worker, m.id);
        return;
      case 'cchc-kb-publish':
        publish(worker, index, m.id, m.snapshot);
        return;
      case 'cchc-curated-reload':
        publish(worker, index, m.id, null);
        return;
      case 'cchc-kb-loaded': {
        const p = pending.get(m.id);
        if (!p || p.waiting.get(index) !== worker) return;
        p.waiting.delete(index);
        if (!m.ok) p.errors.push(`worker ${index}: ${m.error ?? 'load failed'}`);
        if (p.waiting.size === 0) finish(m.id);
        return;
      }
      default:
        return;
    }
  };

  const fork = (index: number) => {
    const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    byIndex.set(index, worker);
    worker.on('message', (m: unknown) => onMessage(index, worker, m));
    worker.once('exit', (code, signal) => {
      if (byIndex.get(index) === worker) byIndex.delete(index);
      online.delete(index);
      forget(index, worker);
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
