/**
 * One measurement of the scale benchmark, run in its own process so its peak
 * RSS is its own: open (build, update or load) the knowledge base for
 * `KNOWLEDGE_DIR`/`DATA_DIR`, optionally answer a question list, and print
 * one JSON line on stdout.
 *
 *   npx tsx bench/lib/scale-step.ts <knowledgeDir> <dataDir> [questions.txt] [--rounds N]
 */
import { readFileSync } from 'node:fs';
import { createConfig } from '../../src/config.js';
import { percentile } from '../../src/core/percentile.js';
import { createLogger } from '../../src/logger.js';
import { openKnowledgeBase } from '../../src/rag/knowledge-base.js';
import { timeAsks } from './time-asks.js';

const [knowledgeDir, dataDir, questionsFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 3;
if (!knowledgeDir || !dataDir) throw new Error('usage: scale-step <knowledgeDir> <dataDir> [questions]');

const config = createConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir });
const t0 = performance.now();
const kb = await openKnowledgeBase({ config, logger: createLogger('silent'), generator: null });
const openMs = performance.now() - t0;
const result: Record<string, number | null | Record<string, number>> = {
  chunks: kb.chunkCount,
  openMs,
  indexMs: kb.changes ? kb.changes.ms : null,
  indexCpuMs: kb.changes ? kb.changes.cpuMs : null,
  embedded: kb.changes ? kb.changes.embedded : null,
  phases: kb.changes ? kb.changes.phases : null,
};
if (questionsFile) {
  const questions = readFileSync(questionsFile, 'utf8').split('\n').filter(Boolean);
  const times = await timeAsks(kb.answerer, questions, rounds);
  result.p50 = percentile(times, 50);
  result.p95 = percentile(times, 95);
}
result.maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify(result)}\n`);
