import { createConfig } from '../src/config.js';
import { expandEvalPaths, readEvalFile, splitOf } from '../src/eval/questions.js';
import { createLogger } from '../src/logger.js';
import { unknownWords } from '../src/rag/abstention-unknown.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
const kb = await openKnowledgeBase({ config: createConfig(process.env), logger: createLogger('silent'), generator: null });
for (const item of expandEvalPaths(['bench/data/questions', 'bench/data/own-questions.jsonl']).flatMap((f) => readEvalFile(f))) {
  if ((item.split ?? splitOf(item.id)) !== 'tune') continue;
  const r = await kb.retriever.retrieve(item.q);
  const u = unknownWords(r.analysis.cleaned, kb.retriever.chunks, r.evidence.termAlternatives);
  if (u.length) console.log(item.abstain ? 'OOS' : 'IN ', item.id, JSON.stringify(u), '|', r.analysis.cleaned);
}
await kb.close();
