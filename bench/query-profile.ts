/**
 * Where the time of one question goes: query analysis alone, the whole
 * retrieval, and the whole answer, over the given question files (default:
 * the project's own), on the repository's knowledge or on an index already
 * built (for instance a scale corpus: `--knowledge DIR --data DIR`).
 * `--profile FILE` writes a steady-state CPU profile of the answers (started
 * after the warm-up round; open it in Chrome DevTools or speedscope).
 *
 *   npx tsx bench/query-profile.ts [--knowledge DIR --data DIR] [--profile out.cpuprofile] [FILE ...]
 */

import { percentile } from '../src/core/percentile.js';
import { benchArgs, openBenchKnowledge, readQuestions } from './lib/bench-index.js';
import { startCpuProfile } from './lib/cpu-profile.js';

const { option, rest } = benchArgs();
const knowledgeDir = option('knowledge');
const givenData = option('data');
const profileFile = option('profile');
const questions = readQuestions(rest.length > 0 ? rest : ['bench/data/own-questions.jsonl']);
const { kb, close } = await openBenchKnowledge({ knowledgeDir, dataDir: givenData, tmpPrefix: 'cchc-prof-' });

/** Per-question times (ms) of `rounds` rounds. */
const time = async (f: (q: string) => unknown, rounds = 3): Promise<number[]> => {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      await f(q);
      out.push(performance.now() - t);
    }
  }
  return out;
};
const line = (name: string, xs: number[]) =>
  console.log(
    `${name.padEnd(8)} mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)} p50 ${percentile(xs, 50).toFixed(2)} p95 ${percentile(xs, 95).toFixed(2)} ms/question`,
  );

console.log(`${kb.chunkCount} chunks, ${questions.length} questions`);
await time((q) => kb.answerer.ask(q), 1);
const stopProfile = await startCpuProfile(profileFile);
line('analyze', await time((q) => kb.retriever.analyze(q)));
line('retrieve', await time((q) => kb.retriever.retrieve(q)));
line('answer', await time((q) => kb.answerer.ask(q)));
await stopProfile();
if (profileFile) console.log(`profile written to ${profileFile}`);
close();
