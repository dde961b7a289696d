/**
 * Answer timing shared by the latency benches: one warm-up round, then
 * `rounds` timed rounds over the same questions, in process.
 */
import type { QuestionAnswerer } from '../../src/core/answer.js';

/** Milliseconds of each timed ask, in order (rounds × questions values). */
export async function timeAsks(answerer: QuestionAnswerer, questions: readonly string[], rounds: number): Promise<number[]> {
  for (const q of questions) await answerer.ask(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const s = performance.now();
      await answerer.ask(q);
      times.push(performance.now() - s);
    }
  }
  return times;
}
