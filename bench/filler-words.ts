/**
 * Which word the filler gain leaves out, per tune item (failure analysis on
 * the tune split only): id, label, evidence, the word and its gain.
 *
 *   npx tsx bench/filler-words.ts ID [ID …]
 */
import { createConfig } from '../src/config.js';
import { expandEvalPaths, readEvalFile, splitOf } from '../src/eval/questions.js';
import { createLogger } from '../src/logger.js';
import { entitySyllables, headSyllables } from '../src/rag/abstention-filler.js';
import { passageEvidence } from '../src/rag/candidates.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
import { normalizeText } from '../src/text/normalize.js';

const ids = new Set(process.argv.slice(2));
const kb = await openKnowledgeBase({ config: createConfig(process.env), logger: createLogger('silent'), generator: null });
const retriever = kb.retriever;
for (const item of expandEvalPaths(['bench/data/questions']).flatMap((f) => readEvalFile(f))) {
  if (!ids.has(item.id) || (item.split ?? splitOf(item.id)) !== 'tune') continue;
  const r = await retriever.retrieve(normalizeText(item.q));
  const top = r.hits[0];
  if (!top) continue;
  const base = passageEvidence(top) * r.supportedSyllables;
  const asked = r.analysis.cleaned || item.q;
  const head = headSyllables(asked, retriever);
  const ent = entitySyllables(asked);
  const drops = (r.wordDrops?.().drops ?? [])
    .map((d) => ({ w: d.syllables.join(' '), g: d.evidence - base, skip: d.syllables.some((s) => head.has(s) || ent.has(s)) }))
    .sort((a, b) => b.g - a.g)
    .slice(0, 3);
  console.log(
    `${item.id} ${item.abstain ? 'OOS' : 'IN '} ev=${base.toFixed(2)} head=[${[...head].join(' ')}] ${drops.map((d) => `${d.skip ? '(x)' : ''}${d.w}:+${d.g.toFixed(2)}`).join(' ')} | ${item.q}`,
  );
}
await kb.close();
