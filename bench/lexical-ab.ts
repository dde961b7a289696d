/**
 * The lexical search alone, A/B in one process: the searches the answerer
 * makes for the given questions (query, limit, alternatives) are recorded
 * once, then each is run back to back in every mode, in rotating order:
 * pruned or exhaustive scoring, with or without kept posting scores.
 * Prints p50 / p95 / mean per mode (ms per search), wall and CPU time
 * (CPU is steadier on a loaded machine).
 *
 *   npx tsx bench/lexical-ab.ts --knowledge DIR --data DIR [--rounds 5] [FILE ...]
 */

import { percentile } from '../src/core/percentile.js';
import { PostingScores } from '../src/rag/posting-scores.js';
import { benchArgs, openBenchKnowledge, readQuestions } from './lib/bench-index.js';

const { option, rest } = benchArgs();
const knowledgeDir = option('knowledge');
const givenData = option('data');
const rounds = Number(option('rounds') ?? '5');
const questions = readQuestions(rest.length > 0 ? rest : ['bench/data/own-questions.jsonl', 'bench/data/questions/plan-facts.jsonl']);
const { kb, close } = await openBenchKnowledge({ knowledgeDir, dataDir: givenData, tmpPrefix: 'cchc-lex-ab-' });
const lexical = kb.snapshot.lexical;

type Call = Parameters<typeof lexical.search>;
const calls: Call[] = [];
const search = lexical.search.bind(lexical);
lexical.search = (...a: Call) => {
  calls.push(a);
  return search(...a);
};
for (const q of questions) await kb.answerer.ask(q);
lexical.search = search;

const off = () => new PostingScores({ minPostings: Number.POSITIVE_INFINITY, maxScores: 0 });
const keepMax = Number(process.env.KEEP_MAX ?? 0);
const kept = new PostingScores(keepMax > 0 ? { minPostings: 1024, maxScores: keepMax } : undefined);
const modes = [
  { name: 'pruned', scores: off(), scoring: 'pruned' as const },
  { name: 'pruned + kept scores', scores: kept, scoring: 'pruned' as const },
  { name: 'exhaustive', scores: off(), scoring: 'exhaustive' as const },
  { name: 'exhaustive + kept scores', scores: kept, scoring: 'exhaustive' as const },
];
const times = modes.map(() => [] as number[]);
const cpu = modes.map(() => [] as number[]);
/** Wall and CPU (user + system) milliseconds of one search in mode `m`. */
const run = (m: number, c: Call): [number, number] => {
  const mode = modes[m] as (typeof modes)[number];
  lexical.useScores(mode.scores);
  const [q, limit, extra] = c;
  const c0 = process.cpuUsage();
  const t = performance.now();
  search(q, limit, extra, mode.scoring);
  const wall = performance.now() - t;
  const used = process.cpuUsage(c0);
  return [wall, (used.user + used.system) / 1000];
};
for (const c of calls) for (let m = 0; m < modes.length; m++) run(m, c);
for (let r = 0; r < rounds; r++) {
  calls.forEach((c, i) => {
    for (let k = 0; k < modes.length; k++) {
      const m = (i + r + k) % modes.length;
      const [wall, ms] = run(m, c);
      (times[m] as number[]).push(wall);
      (cpu[m] as number[]).push(ms);
    }
  });
}
console.log(`${kb.chunkCount} chunks, ${calls.length} searches × ${rounds} rounds; kept scores ${kept.size}`);
const stats = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(2)} p95 ${percentile(xs, 95).toFixed(2)} mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)}`;
modes.forEach((m, i) => {
  console.log(`${m.name.padEnd(26)} wall ${stats(times[i] as number[])} | CPU ${stats(cpu[i] as number[])} ms`);
});
close();
