/**
 * A daily job (data retention): runs once at start and then every
 * `intervalMs` (default 24 h) on an unref'd timer, so it never keeps the
 * process alive. A failing run is logged and retried at the next tick.
 */
import type { Logger } from '../logger.js';

export interface DailyJobOptions {
  name: string;
  /** The work; receives the current time. Returns what to log (e.g. counts). */
  run: (now: Date) => Record<string, number> | undefined;
  logger: Pick<Logger, 'info' | 'error'>;
  now?: () => Date;
  intervalMs?: number;
}

/** A running job; `stop()` clears its timer. */
export interface DailyJob {
  stop(): void;
}

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/**
 * Start the job.
 * @example const purge = startDailyJob({ name: 'web chat retention', run: (now) => store.purgeAnonymousWebChats(new Date(now.getTime() - 90 * DAY_MS)), logger });
 */
export function startDailyJob(opts: DailyJobOptions): DailyJob {
  const now = opts.now ?? (() => new Date());
  const tick = () => {
    try {
      const result = opts.run(now());
      opts.logger.info({ job: opts.name, ...(result ?? {}) }, 'daily job done');
    } catch (err) {
      opts.logger.error({ err, job: opts.name }, 'daily job failed');
    }
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs ?? DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
