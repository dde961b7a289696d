/**
 * Cold start of the answer path: the time to open the knowledge base on an
 * index already built (`--knowledge DIR --data DIR`, e.g. from
 * bench/scale-corpus.ts, built once by a first run), then the first
 * unaccented question (which needs the diacritic restoration's counts) and a
 * second one. Run it in a fresh process each time.
 *
 *   npx tsx bench/cold-first.ts --knowledge DIR --data DIR ["first question"]
 */
import { loadavg } from 'node:os';
import { benchArgs, openBenchKnowledge } from './lib/bench-index.js';

const { option, rest } = benchArgs();
const t0 = performance.now();
const { kb, close } = await openBenchKnowledge({ knowledgeDir: option('knowledge'), dataDir: option('data'), tmpPrefix: 'cchc-cold-' });
const open = performance.now() - t0;
const first = rest[0] ?? 'ho so nop o dau';
const t1 = performance.now();
await kb.answerer.ask(first);
const ask1 = performance.now() - t1;
const t2 = performance.now();
await kb.answerer.ask('thoi han giai quyet bao lau');
const ask2 = performance.now() - t2;
console.log(
  `${kb.chunkCount} chunks: open ${open.toFixed(0)} ms, first question ${ask1.toFixed(0)} ms, second ${ask2.toFixed(0)} ms (load average ${loadavg()[0]?.toFixed(2)})`,
);
close();
