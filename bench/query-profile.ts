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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../src/config.js';
import { percentile } from '../src/core/percentile.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const [v] = args.splice(i, 2).slice(1);
  return v;
};
const knowledgeDir = option('knowledge');
const givenData = option('data');
const profileFile = option('profile');
const files = args;
if (files.length === 0) files.push('bench/data/own-questions.jsonl');
const questions = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (l.startsWith('{') ? (JSON.parse(l) as { q: string }).q : l)),
);
const dataDir = givenData ?? mkdtempSync(join(tmpdir(), 'cchc-prof-'));
const config = createConfig({ DATA_DIR: dataDir, ...(knowledgeDir ? { KNOWLEDGE_DIR: knowledgeDir } : {}) });
const kb = await openKnowledgeBase({ config, logger: createLogger('silent'), generator: null });

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
const session = profileFile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
line('analyze', await time((q) => kb.retriever.analyze(q)));
line('retrieve', await time((q) => kb.retriever.retrieve(q)));
line('answer', await time((q) => kb.answerer.ask(q)));
if (session && profileFile) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
  console.log(`profile written to ${profileFile}`);
}
if (!givenData) rmSync(dataDir, { recursive: true, force: true });
