/**
 * Runs event handling after the webhook has answered: one task at a time per
 * conversation (keyed queue), each inside a catch and a time limit. A task
 * that throws, rejects or hangs is logged; it never becomes an unhandled
 * rejection and never stops the process or the conversation's queue.
 */
import type { Logger } from '../../logger.js';
import { createKeyedQueue } from '../keyed-queue.js';

/** Default time limit of one handling task, ms (telegraf's own default is 90 s). */
export const DEFAULT_HANDLER_TIMEOUT_MS = 90_000;

/** A unit of work; `signal` is aborted when the time limit is reached. */
export type GuardedTask = (signal: AbortSignal) => Promise<void> | void;

export interface GuardedDispatcher {
  /**
   * Run `task` after earlier tasks with the same key. The returned promise
   * settles when the task finished, failed or timed out; it never rejects.
   * @param context - safe fields (ids, no message text) added to the log lines
   */
  dispatch(key: string, context: Record<string, unknown>, task: GuardedTask): Promise<void>;
  /** Resolves when no task is queued or running. */
  idle(): Promise<void>;
}

export interface GuardedDispatcherOptions {
  /** Channel name, the prefix of every log message (`telegram: …`). */
  channel: string;
  logger: Logger;
  /** Time limit of one task, ms. Default {@link DEFAULT_HANDLER_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/** Create a dispatcher. */
export function createGuardedDispatcher(options: GuardedDispatcherOptions): GuardedDispatcher {
  const { channel, logger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS;
  const queue = createKeyedQueue();

  const runGuarded = async (context: Record<string, unknown>, task: GuardedTask): Promise<void> => {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // `Promise.resolve().then` turns a synchronous throw into a rejection.
    const work = Promise.resolve().then(() => task(controller.signal));
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      timer.unref?.();
    });
    try {
      const result = await Promise.race([work.then(() => 'done' as const), timedOut]);
      if (result === 'timeout') {
        controller.abort();
        logger.warn({ ...context, timeoutMs, code: 'WEBHOOK_HANDLER_TIMEOUT' }, `${channel}: event handling timed out`);
        // The work may still settle later; a late failure is logged, never unhandled.
        work.catch((err: unknown) => logger.error({ ...context, err }, `${channel}: event handling failed after its time limit`));
      }
    } catch (err) {
      logger.error({ ...context, err }, `${channel}: event handling failed`);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    dispatch(key, context, task) {
      return queue.run(key, () => runGuarded(context, task));
    },
    idle: () => queue.idle(),
  };
}
