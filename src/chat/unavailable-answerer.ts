/**
 * Stand-in answerer when the knowledge base could not be opened at start-up:
 * the server still runs (web page, staff reports, /healthz reports 503) and
 * every question gets the engine's apology instead of a crash.
 */
import type { QuestionAnswerer } from '../core/answer.js';
import { AppError } from '../errors.js';

/** An answerer that always fails with `INDEX_EMPTY`. */
export function createUnavailableAnswerer(reason: string): QuestionAnswerer {
  return {
    async ask(): Promise<never> {
      throw new AppError('INDEX_EMPTY', `Knowledge base unavailable: ${reason}`);
    },
  };
}
