/**
 * CPU time of one answer, in process: every question of the given eval files
 * (default: the project's own sets, follow-ups with their previous question)
 * asked once to warm up, then once more measured with `process.cpuUsage`
 * (user + system, all threads) around each `ask`. Prints the median, p95 and
 * mean CPU ms and wall ms per answer. `--profile FILE` writes a CPU profile
 * of the measured round.
 *
 *   npx tsx bench/answer-cpu.ts [--knowledge DIR --data DIR] [--profile out.cpuprofile] [FILE|DIR ...]
 */
import { loadavg } from 'node:os';
import { percentile } from '../src/core/percentile.js';
import { expandEvalPaths, previousOf, readEvalFile } from '../src/eval/questions.js';
import { benchArgs, openBenchKnowledge } from './lib/bench-index.js';
import { startCpuProfile } from './lib/cpu-profile.js';

const { option, rest } = benchArgs();
const profileFile = option('profile');
const paths = rest.length > 0 ? rest : ['bench/data/questions', 'bench/data/own-questions.jsonl'];
const items = expandEvalPaths(paths).flatMap((f) => readEvalFile(f));
const { kb, close } = await openBenchKnowledge({ knowledgeDir: option('knowledge'), dataDir: option('data'), tmpPrefix: 'cchc-cpu-' });
// A follow-up's earlier turns are resolved once, outside the measured round (as `cli eval` asks them).
const asked: { q: string; prev?: string }[] = [];
for (const i of items) {
  const prev = await previousOf(i, kb.answerer);
  asked.push(prev ? { q: i.q, prev } : { q: i.q });
}
const ask = (i: { q: string; prev?: string }) => kb.answerer.ask(i.q, i.prev ? { previousQuestion: i.prev } : {});
for (const i of asked) await ask(i);
const stopProfile = await startCpuProfile(profileFile);
const cpu: number[] = [];
const wall: number[] = [];
for (const i of asked) {
  const c = process.cpuUsage();
  const t = performance.now();
  await ask(i);
  wall.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}
await stopProfile();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const line = (name: string, xs: number[]) =>
  `${name} p50 ${percentile(xs, 50).toFixed(2)} p95 ${percentile(xs, 95).toFixed(2)} mean ${mean(xs).toFixed(2)} ms/answer`;
console.log(`${kb.chunkCount} chunks, ${items.length} answers, load average ${loadavg()[0]?.toFixed(2)}`);
console.log(line('cpu ', cpu));
console.log(line('wall', wall));
close();
