/**
 * Where the time of one retrieval goes: query analysis alone vs the whole
 * retrieval, over the given question files (default: the project's own).
 *
 *   npx tsx bench/query-profile.ts [FILE ...]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';

const files = process.argv.slice(2);
if (files.length === 0) files.push('bench/data/own-questions.jsonl');
const questions = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q),
);
const dataDir = mkdtempSync(join(tmpdir(), 'cchc-prof-'));
const kb = await openKnowledgeBase({ config: createConfig({ DATA_DIR: dataDir }), logger: createLogger('silent'), generator: null });
const time = async (f: (q: string) => unknown) => {
  const t = performance.now();
  for (let r = 0; r < 3; r++) for (const q of questions) await f(q);
  return (performance.now() - t) / (3 * questions.length);
};
await time((q) => kb.retriever.retrieve(q));
console.log(`analyze  ${(await time((q) => kb.retriever.analyze(q))).toFixed(2)} ms/question`);
console.log(`retrieve ${(await time((q) => kb.retriever.retrieve(q))).toFixed(2)} ms/question`);
rmSync(dataDir, { recursive: true, force: true });
