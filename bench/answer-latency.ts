/**
 * In-process answering latency on the embedded default (no LLM): every
 * question of the given JSONL files, several rounds after a warm-up round.
 * Prints median and p95 per question, and the index build time.
 *
 *   npx tsx bench/answer-latency.ts [FILE ...] [--rounds N]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../src/config.js';
import { percentile } from '../src/core/percentile.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
import { timeAsks } from './lib/time-asks.js';

const args = process.argv.slice(2);
const roundsIdx = args.indexOf('--rounds');
const rounds = roundsIdx >= 0 ? Number(args[roundsIdx + 1]) : 5;
// Without `--rounds`, the first argument is a file (it was dropped: `roundsIdx + 1` was 0).
const files = args.filter((a, i) => !a.startsWith('--') && !(roundsIdx >= 0 && i === roundsIdx + 1));
// Default: the project's own questions. Never a folder beside the checkout: ../shared/eval holds sealed sets.
if (files.length === 0) files.push(...['bench/data/own-questions.jsonl'].filter((f) => existsSync(f)));

const questions = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q),
);

const dataDir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
const config = createConfig({ DATA_DIR: dataDir });
const logger = createLogger('silent');
const t0 = performance.now();
const kb = await openKnowledgeBase({ config, logger, generator: null });
const coldBuild = performance.now() - t0;
const t1 = performance.now();
await openKnowledgeBase({ config, logger, generator: null });
const warmOpen = performance.now() - t1;

const times = await timeAsks(kb.answerer, questions, rounds);
const mem = process.memoryUsage();
console.log(`index: ${kb.chunkCount} chunks, cold build ${coldBuild.toFixed(0)} ms, reopen unchanged ${warmOpen.toFixed(0)} ms`);
console.log(
  `answer latency over ${times.length} asks (${questions.length} questions × ${rounds}): median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
);
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
rmSync(dataDir, { recursive: true, force: true });
