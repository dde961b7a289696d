/**
 * Graceful, idempotent shutdown: run the close steps in order (HTTP server,
 * channels, knowledge base, database), each isolated so one failure does not
 * skip the rest, under an overall time limit.
 */
import type { Logger } from '../logger.js';

export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

export interface ShutdownOptions {
  logger: Logger;
  /** Give up waiting after this long (ms); default 10 000. */
  timeoutMs?: number;
}

/**
 * Returns `shutdown(reason)`. Calling it again (a second Ctrl-C, SIGTERM after
 * SIGINT) returns the same promise, which resolves to true when every step
 * succeeded within the time limit.
 * @example
 * const shutdown = createShutdown([{ name: 'http', run: () => app.close() }], { logger });
 * process.on('SIGTERM', () => void shutdown('SIGTERM').then((ok) => process.exit(ok ? 0 : 1)));
 */
export function createShutdown(steps: readonly ShutdownStep[], options: ShutdownOptions): (reason: string) => Promise<boolean> {
  const { logger } = options;
  let running: Promise<boolean> | undefined;
  const runAll = async (): Promise<boolean> => {
    let ok = true;
    for (const step of steps) {
      try {
        await step.run();
        logger.debug({ step: step.name }, 'shutdown step done');
      } catch (err) {
        ok = false;
        logger.error({ err, step: step.name }, 'shutdown step failed');
      }
    }
    return ok;
  };
  return (reason: string) => {
    if (running) return running;
    logger.info({ reason }, 'shutting down');
    const timeoutMs = options.timeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown timed out');
        resolve(false);
      }, timeoutMs);
      timer.unref();
    });
    running = Promise.race([runAll(), timeout]).finally(() => clearTimeout(timer));
    return running;
  };
}
