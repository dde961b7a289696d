/**
 * The knowledge base the serving process answers from, swappable while it
 * serves: a rebuilt index (documents uploaded in the console, a new snapshot
 * on disk) replaces the current one between two questions, never during one.
 *
 * Callers hold the {@link LiveKnowledge}, not a {@link KnowledgeBase}: each
 * question reads `current()` once and keeps that base until it is answered,
 * so an answer never mixes two snapshots. The old base is closed after the
 * swap, once the questions already running on it have finished.
 */
import type { AskOptions, QuestionAnswerer } from '../core/answer.js';
import type { KnowledgeBase } from './knowledge-base.js';

/** Listener called after each swap with the new base. */
export type KnowledgeSwapListener = (next: KnowledgeBase) => void;

export interface LiveKnowledge {
  /** The base answering now; undefined until the first one is loaded. */
  current(): KnowledgeBase | undefined;
  /** Install `next`; the previous base is closed once its running questions end. */
  swap(next: KnowledgeBase): Promise<void>;
  /** An answerer that always asks the current base (`fallback` while none is loaded). */
  answerer(fallback: QuestionAnswerer): QuestionAnswerer;
  onSwap(listener: KnowledgeSwapListener): () => void;
  /** Close the current base. */
  close(): Promise<void>;
}

/**
 * @example
 * const live = createLiveKnowledge(await openKnowledgeBase(opts));
 * const engine = createConversationEngine({ answerer: live.answerer(unavailable), ... });
 * // later, after a rebuild:
 * await live.swap(await openKnowledgeBase(opts));
 */
export function createLiveKnowledge(initial?: KnowledgeBase): LiveKnowledge {
  let base = initial;
  const running = new Map<KnowledgeBase, number>();
  const retired = new Set<KnowledgeBase>();
  const listeners = new Set<KnowledgeSwapListener>();

  const release = async (kb: KnowledgeBase) => {
    const left = (running.get(kb) ?? 1) - 1;
    if (left > 0) running.set(kb, left);
    else running.delete(kb);
    if (left <= 0 && retired.delete(kb)) await kb.close();
  };

  return {
    current: () => base,
    async swap(next) {
      const previous = base;
      base = next;
      for (const l of listeners) l(next);
      if (!previous || previous === next) return;
      if (running.has(previous)) retired.add(previous);
      else await previous.close();
    },
    answerer(fallback) {
      return {
        async ask(question: string, options?: AskOptions) {
          const kb = base;
          if (!kb) return fallback.ask(question, options);
          running.set(kb, (running.get(kb) ?? 0) + 1);
          try {
            return await kb.answerer.ask(question, options);
          } finally {
            await release(kb);
          }
        },
      };
    },
    onSwap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await base?.close();
      base = undefined;
    },
  };
}
