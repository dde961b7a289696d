/**
 * Per-conversation serialisation. Webhooks are acknowledged at once, so two
 * messages from the same chat can be in flight together; running them one
 * after the other keeps replies (and split chunks) in order and lets the
 * conversation engine see its own previous turn.
 */

export interface KeyedQueue {
  /** Run `task` after every earlier task with the same key has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves when no task is queued or running. */
  idle(): Promise<void>;
}

/** Create an in-memory keyed queue (tasks with different keys run concurrently). */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async idle() {
      while (tails.size > 0) await Promise.allSettled([...tails.values()]);
    },
  };
}
