/**
 * A/B of the kept posting scores (`src/rag/posting-scores.ts`) in one
 * process on one index: every question is answered with the scores kept
 * (B) and without (A, every posting scored on each scan), back to back in
 * alternating order, after a warm-up round of each. Prints p50 / p95 of the
 * whole answer and of the lexical search alone, per mode.
 *
 *   npx tsx bench/score-cache-ab.ts --knowledge DIR --data DIR [--rounds 3] [FILE ...]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../src/config.js';
import { percentile } from '../src/core/percentile.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
import { PostingScores } from '../src/rag/posting-scores.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const [v] = args.splice(i, 2).slice(1);
  return v;
};
const knowledgeDir = option('knowledge');
const givenData = option('data');
const rounds = Number(option('rounds') ?? '3');
const files = args.length > 0 ? args : ['bench/data/own-questions.jsonl', 'bench/data/questions/plan-facts.jsonl'];
const questions = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q),
);
const dataDir = givenData ?? mkdtempSync(join(tmpdir(), 'cchc-ab-'));
const config = createConfig({ DATA_DIR: dataDir, ...(knowledgeDir ? { KNOWLEDGE_DIR: knowledgeDir } : {}) });
const kb = await openKnowledgeBase({ config, logger: createLogger('silent'), generator: null });
const lexical = kb.snapshot.lexical;

// Time the lexical search inside the answers too.
const search = lexical.search.bind(lexical);
let searchMs = 0;
lexical.search = (...a: Parameters<typeof search>) => {
  const t = performance.now();
  const out = search(...a);
  searchMs += performance.now() - t;
  return out;
};

const modes = {
  A: new PostingScores({ minPostings: Number.POSITIVE_INFINITY, maxScores: 0 }),
  B: new PostingScores(process.env.KEEP_MAX ? { minPostings: Number(process.env.KEEP_MIN ?? 1024), maxScores: Number(process.env.KEEP_MAX) } : undefined),
};
const times: Record<keyof typeof modes, { answer: number[]; search: number[] }> = { A: { answer: [], search: [] }, B: { answer: [], search: [] } };
const ask = async (mode: keyof typeof modes, q: string, keep: boolean) => {
  lexical.useScores(modes[mode]);
  searchMs = 0;
  const t = performance.now();
  await kb.answerer.ask(q);
  if (keep) {
    times[mode].answer.push(performance.now() - t);
    times[mode].search.push(searchMs);
  }
};
for (const q of questions) {
  await ask('A', q, false);
  await ask('B', q, false);
}
for (let r = 0; r < rounds; r++) {
  for (const [i, q] of questions.entries()) {
    const order: Array<keyof typeof modes> = (i + r) % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
    for (const m of order) await ask(m, q, true);
  }
}
const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} p95 ${percentile(xs, 95).toFixed(2)} ms`;
console.log(`${kb.chunkCount} chunks, ${questions.length} questions × ${rounds} rounds; kept scores ${modes.B.size}`);
for (const m of ['A', 'B'] as const)
  console.log(`${m === 'A' ? 'A (scored each scan)' : 'B (kept scores)    '} answer ${fmt(times[m].answer)} | lexical ${fmt(times[m].search)}`);
if (!givenData) rmSync(dataDir, { recursive: true, force: true });
