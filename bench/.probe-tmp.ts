import { createConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openKnowledgeBase } from '../src/rag/knowledge-base.js';
const qs = process.argv.slice(2);

const kb = await openKnowledgeBase({ config: createConfig(process.env), logger: createLogger('silent'), generator: null });
for (const q of qs) {
  const [prev, cur] = q.includes('||') ? q.split('||') : [undefined, q];
  const r = await kb.retriever.retrieve(cur as string);
  console.log(`${q}\n  cleaned=${r.analysis?.cleaned} | content=${r.analysis?.content} | intent=${r.intent.kind}`);
  console.log(r.hits.slice(0, 3).map((h) => `   ${h.chunk.docId} ${h.chunk.section ?? ''} ${h.chunk.text.slice(0,50)} ${h.score.toFixed(3)}`).join('\n'));
}
process.exit(0);
