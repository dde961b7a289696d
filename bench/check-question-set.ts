/**
 * Checks a question set against the index: every `expect` alternative of an
 * in-scope item must match at least one indexed chunk (the README's matching
 * rule), out-of-scope items must have no expectation, ids must be unique and
 * `split` must agree with the seeded hash of the id.
 *
 * Usage: npx tsx bench/check-question-set.ts [FILE_OR_DIR...] [--dump FILE]
 * (default: bench/data/questions/). Exits 1 when any item fails.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../src/config.js';
import { type EvalItem, earlierTurns, expandEvalPaths, isRelevant, readEvalFile, splitOf } from '../src/eval/questions.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';

/** One problem found in a question set. */
export interface SetProblem {
  file: string;
  id: string;
  message: string;
}

/** Check items against chunk texts; returns the problems (empty: all fine). */
export function checkItems(file: string, items: EvalItem[], chunkTexts: string[], seen = new Set<string>()): SetProblem[] {
  const problems: SetProblem[] = [];
  for (const item of items) {
    const p = (message: string) => problems.push({ file, id: item.id, message });
    if (seen.has(item.id)) p('duplicate id');
    seen.add(item.id);
    if (item.split !== undefined && item.split !== splitOf(item.id)) p(`split should be ${splitOf(item.id)}`);
    if (earlierTurns(item).some((t) => !t.trim())) p('empty earlier turn in prev');
    if (item.abstain === true) {
      if (item.expect.length > 0 || item.answer_has.length > 0) p('out-of-scope item with expect/answer_has');
      continue;
    }
    if (item.expect.length === 0) p('in-scope item without expect');
    item.expect.forEach((alt, i) => {
      if (!chunkTexts.some((t) => isRelevant(t, [alt]))) p(`expect[${i}] ${JSON.stringify(alt)} matches no chunk`);
    });
  }
  return problems;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dumpAt = args.indexOf('--dump');
  const dump = dumpAt >= 0 ? args[dumpAt + 1] : undefined;
  const paths = dumpAt >= 0 ? [...args.slice(0, dumpAt), ...args.slice(dumpAt + 2)] : args;
  const files = expandEvalPaths(paths.length > 0 ? paths : ['bench/data/questions']);
  const config = createConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cchc-check-')) });
  const kb = await openKnowledgeBase({ config, logger: createLogger('silent'), generator: null });
  const texts = kb.snapshot.chunks.map((c) => c.text);
  if (dump) writeFileSync(dump, kb.snapshot.chunks.map((c) => `### ${c.id}\n${c.text}\n`).join('\n'));
  const seen = new Set<string>();
  let n = 0;
  const problems: SetProblem[] = [];
  for (const f of files) {
    const items = readEvalFile(f);
    n += items.length;
    problems.push(...checkItems(f, items, texts, seen));
  }
  for (const pr of problems) process.stderr.write(`${pr.file}: ${pr.id}: ${pr.message}\n`);
  process.stdout.write(`${n} items in ${files.length} files, ${problems.length} problems\n`);
  await kb.close();
  return problems.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
