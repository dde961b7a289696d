/**
 * Explain how each labelled question is answered, for failure analysis on the
 * tune split: the question as understood (content text), the abstention
 * features, what decided (conflict, structured, evidence), the best passages
 * and the answer.
 *
 *   npx tsx bench/explain-items.ts [--split tune|test] [--kind K] [--failures] [FILE|DIR …]
 *
 * Only the project's own sets; never pass a shared evaluation file here.
 */
import { createConfig } from '../src/config.js';
import { type EvalSplit, earlierTurns, expandEvalPaths, filterItems, previousOf, readEvalFile, scoreItem } from '../src/eval/questions.js';
import { createLogger } from '../src/logger.js';
import { RagAnswerer, standalone, standaloneQuery } from '../src/rag/answerer.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
import { normalizeText } from '../src/text/normalize.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const split = opt('--split') as EvalSplit | undefined;
const kind = opt('--kind');
const failuresOnly = args.includes('--failures');
const given = args.filter((a, i) => !a.startsWith('--') && !['--split', '--kind'].includes(args[i - 1] ?? ''));
const paths = given.length > 0 ? given : ['bench/data/questions'];
const kb = await openKnowledgeBase({ config: createConfig(process.env), logger: createLogger('silent'), generator: null });
if (!(kb.answerer instanceof RagAnswerer)) throw new Error('needs the RAG answerer');
const answerer = kb.answerer;
const items = filterItems(
  expandEvalPaths(paths).flatMap((f) => readEvalFile(f)),
  { ...(split ? { split } : {}), ...(kind ? { kind } : {}) },
);
const f2 = (x: number) => x.toFixed(2);
for (const item of items) {
  const prev = await previousOf(item, answerer);
  const opts = prev ? { previousQuestion: prev } : {};
  const a = await answerer.ask(item.q, opts);
  const r = scoreItem(item, a);
  const ok = r.shouldAbstain ? r.abstained : !r.abstained && r.rank === 1 && r.keywordsOk !== false;
  if (failuresOnly && ok) continue;
  const e = await answerer.evidence(item.q, opts);
  const sq = standaloneQuery(normalizeText(item.q), opts);
  const retrieval = await kb.retriever.retrieve(sq.question, undefined, { focus: sq.focus });
  const ft = e.features;
  console.log(
    `\n== ${item.id} [${item.kind}] ${item.abstain ? 'OOS' : 'IN'} ${ok ? 'ok' : 'FAIL'} rank=${r.rank ?? '-'} kw=${r.keywordsOk} abst=${a.abstained} by=${e.decidedBefore ?? 'evidence'}`,
  );
  const turns = earlierTurns(item);
  if (turns.length > 0) console.log(`   prev: ${turns.join(' → ')}`);
  if (prev && prev !== turns[turns.length - 1]) console.log(`   prev resolved: ${prev}`);
  console.log(`   q: ${item.q}`);
  const asked = standalone(normalizeText(item.q), opts);
  if (asked !== normalizeText(item.q)) console.log(`   asked: ${asked}`);
  console.log(`   content: ${retrieval.analysis.content} | intent=${retrieval.intent.kind}`);
  console.log(
    `   feat: voc=${f2(ft.vocabulary)} ev=${f2(ft.evidence)} mar=${f2(ft.margin)} type=${ft.typeSatisfied} gap=${f2(ft.gap)} sup=${f2(retrieval.supportedSyllables)} head=${ft.headMissing} unk=${ft.unknown} cond=${ft.conditionMissing} filler=${f2(ft.filler)}`,
  );
  if (!item.abstain) console.log(`   expect: ${JSON.stringify(item.expect)} has: ${JSON.stringify(item.answer_has)}`);
  for (const h of retrieval.hits.slice(0, 3))
    console.log(
      `   hit ${h.chunk.docId} ${h.chunk.section} cov=${f2(h.coverage)} ph=${f2(h.phraseCoverage)} | ${h.chunk.text.slice(0, 90).replace(/\s+/g, ' ')}`,
    );
  console.log(`   answer: ${a.answer.slice(0, 200).replace(/\s+/g, ' ')}`);
}
await kb.close();
