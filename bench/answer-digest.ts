/**
 * Every answer of the default eval sets (and the HTTP load questions) as
 * JSON, without its timing, so two versions of the answer path can be
 * compared byte for byte: `npx tsx bench/answer-digest.ts > a.jsonl`, change
 * the code, run again, `cmp`. Prints the SHA-256 of the whole output on
 * stderr. Follow-ups are asked with their previous question, as `cli eval`.
 *
 *   npx tsx bench/answer-digest.ts [--knowledge DIR --data DIR] [FILE|DIR ...]
 */
import { createHash } from 'node:crypto';
import { type EvalItem, expandEvalPaths, previousOf, readEvalFile } from '../src/eval/questions.js';
import { benchArgs, openBenchKnowledge } from './lib/bench-index.js';
import { LOAD_QUESTIONS } from './lib/load-questions.js';

const { option, rest } = benchArgs();
const knowledgeDir = option('knowledge');
const dataDir = option('data');
const paths = rest.length > 0 ? rest : ['bench/data/questions', 'bench/data/own-questions.jsonl'];
const items = expandEvalPaths(paths).flatMap((f) => readEvalFile(f));
const { kb, close } = await openBenchKnowledge({ knowledgeDir, dataDir, tmpPrefix: 'cchc-digest-' });
const hash = createHash('sha256');
const emit = (line: string) => {
  hash.update(line);
  process.stdout.write(line);
};
const asks: Array<Pick<EvalItem, 'q' | 'prev'>> = [...items.map((i) => ({ q: i.q, prev: i.prev })), ...LOAD_QUESTIONS.map((q) => ({ q }))];
for (const ask of asks) {
  const prev = await previousOf(ask, kb.answerer);
  const { ms: _ms, ...answer } = await kb.answerer.ask(ask.q, prev ? { previousQuestion: prev } : {});
  emit(`${JSON.stringify(answer)}\n`);
}
process.stderr.write(`${asks.length} answers, sha256 ${hash.digest('hex')}\n`);
close();
