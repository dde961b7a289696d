/**
 * Debug view of one question's refusal evidence, syllable by syllable: for
 * each content syllable its IDF, whether the corpus supports it as a word
 * (alone, or in a pair with a neighbour), and the best passage's coverage of
 * each query term. For failure analysis on the tune split only.
 *
 *   npx tsx bench/syllable-support.ts "question" ["question" …]
 */
import { createConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
import { normalizeText } from '../src/text/normalize.js';
import { contentRuns } from '../src/text/tokenize.js';

const kb = await openKnowledgeBase({ config: createConfig(process.env), logger: createLogger('silent'), generator: null });
const retriever = kb.retriever as unknown as {
  df: ReadonlyMap<string, number>;
  pairDf: ReadonlyMap<string, number>;
  idf(k: string): number;
  retrieve(q: string): Promise<import('../src/rag/retriever.js').RetrievalResult>;
};
for (const q of process.argv.slice(2)) {
  const r = await retriever.retrieve(normalizeText(q));
  console.log(`\n${q}\n  content: ${r.analysis.content} sup=${r.supportedSyllables.toFixed(2)} voc=${r.vocabularyCoverage.toFixed(2)}`);
  for (const run of contentRuns(r.analysis.content)) {
    const cells = run.map((w, i) => {
      const alone = run.length === 1 && retriever.df.has(w);
      const left = i > 0 && retriever.pairDf.has(`${run[i - 1]} ${w}`);
      const right = i + 1 < run.length && retriever.pairDf.has(`${w} ${run[i + 1]}`);
      return `${w}(${retriever.idf(w).toFixed(1)} df=${retriever.df.get(w) ?? 0}${alone || left || right ? '' : ' UNSUP'})`;
    });
    console.log(`  run: ${cells.join(' ')}`);
  }
  const alts = [...r.evidence.termAlternatives.entries()].map(([t, a]) => `${t}→${a.map((x) => x.keys.join('+')).join('|')}`);
  console.log(`  terms: ${r.terms.join(' ')}\n  alternatives: ${alts.join('; ')}`);
  const top = r.hits[0];
  if (top)
    console.log(
      `  top: ${top.chunk.docId} cov=${top.coverage.toFixed(2)} ph=${top.phraseCoverage.toFixed(2)} | ${top.chunk.text.slice(0, 160).replace(/\s+/g, ' ')}`,
    );
}
await kb.close();
