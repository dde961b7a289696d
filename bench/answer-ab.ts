/**
 * Whole answers, A/B in one process on one index: every question is
 * answered with the lexical search as it was before issue 15's p95 work
 * (A: MaxScore-pruned, every posting scored on each scan) and as it is now
 * (B: exhaustive, kept posting scores), back to back in alternating order,
 * after a warm-up round of each. Prints wall and CPU p50 / p95 of the whole
 * answer and of the lexical search alone, per mode (CPU is steadier on a
 * loaded machine), and how many answers differ between the modes (must be 0).
 *
 *   npx tsx bench/answer-ab.ts --knowledge DIR --data DIR [--rounds 3] [FILE ...]
 */

import { percentile } from '../src/core/percentile.js';
import type { LexicalScoring } from '../src/rag/lexical-index.js';
import { PostingScores } from '../src/rag/posting-scores.js';
import { benchArgs, openBenchKnowledge, readQuestions } from './lib/bench-index.js';

const { option, rest } = benchArgs();
const knowledgeDir = option('knowledge');
const givenData = option('data');
const rounds = Number(option('rounds') ?? '3');
const questions = readQuestions(rest.length > 0 ? rest : ['bench/data/own-questions.jsonl', 'bench/data/questions/plan-facts.jsonl']);
const { kb, close } = await openBenchKnowledge({ knowledgeDir, dataDir: givenData, tmpPrefix: 'cchc-ab-' });
const lexical = kb.snapshot.lexical;

type Mode = 'A' | 'B';
const modes: Record<Mode, { scores: PostingScores; scoring: LexicalScoring }> = {
  A: { scores: new PostingScores({ minPostings: Number.POSITIVE_INFINITY, maxScores: 0 }), scoring: 'pruned' },
  B: { scores: new PostingScores(), scoring: 'exhaustive' },
};
let mode: Mode = 'A';
// The lexical search inside the answers runs in the current mode, timed.
const search = lexical.search.bind(lexical);
let searchMs = 0;
lexical.search = (q, limit, extra) => {
  const t = performance.now();
  const out = search(q, limit, extra, modes[mode].scoring);
  searchMs += performance.now() - t;
  return out;
};

const times: Record<Mode, { wall: number[]; cpu: number[]; search: number[] }> = {
  A: { wall: [], cpu: [], search: [] },
  B: { wall: [], cpu: [], search: [] },
};
/** Each mode's last answer (text, refusal, sources) per question: they must be the same. */
const answers: Record<Mode, Map<string, string>> = { A: new Map(), B: new Map() };
const ask = async (m: Mode, q: string, keep: boolean) => {
  mode = m;
  lexical.useScores(modes[m].scores);
  searchMs = 0;
  const c0 = process.cpuUsage();
  const t = performance.now();
  const a = await kb.answerer.ask(q);
  const wall = performance.now() - t;
  answers[m].set(q, JSON.stringify([a.answer, a.abstained, a.sources]));
  const used = process.cpuUsage(c0);
  if (keep) {
    times[m].wall.push(wall);
    times[m].cpu.push((used.user + used.system) / 1000);
    times[m].search.push(searchMs);
  }
};
for (const q of questions) {
  await ask('A', q, false);
  await ask('B', q, false);
}
for (let r = 0; r < rounds; r++) {
  for (const [i, q] of questions.entries()) {
    const order: Mode[] = (i + r) % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
    for (const m of order) await ask(m, q, true);
  }
}
const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} p95 ${percentile(xs, 95).toFixed(2)}`;
const differing = questions.filter((q) => answers.A.get(q) !== answers.B.get(q)).length;
console.log(
  `${kb.chunkCount} chunks, ${questions.length} questions × ${rounds} rounds; kept postings ${modes.B.scores.size}; answers differing between A and B: ${differing}`,
);
for (const m of ['A', 'B'] as const) {
  const t = times[m];
  console.log(
    `${m === 'A' ? 'A pruned, scored each scan' : 'B exhaustive, kept scores'} | answer wall ${fmt(t.wall)} CPU ${fmt(t.cpu)} | lexical wall ${fmt(t.search)} ms`,
  );
}
close();
