/**
 * Quality with distractors (issue 15): the project's question sets evaluated
 * on the knowledge alone and on the knowledge plus a seeded synthetic corpus
 * (bench/lib/synthetic-corpus.ts: decisions made of the knowledge's own
 * sentences), one `overall:` line each, and the difference in answer
 * accuracy. The folders and their indexes live in a work directory that is
 * reused between runs (an unchanged folder is not re-indexed); nothing is
 * committed.
 *
 *   npx tsx bench/distractor-eval.ts [--chunks 10000] [--seed 10015] [--split tune|test]
 *     [--work /tmp/cchc-distractors] [--only with|without] [-- extra eval args, e.g. FILE --verbose]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sentencesOf, writeSyntheticCorpus } from './lib/synthetic-corpus.js';

const dashDash = process.argv.indexOf('--');
const own = dashDash >= 0 ? process.argv.slice(2, dashDash) : process.argv.slice(2);
const passThrough = dashDash >= 0 ? process.argv.slice(dashDash + 1) : [];
const arg = (name: string, dflt: string) => {
  const i = own.indexOf(`--${name}`);
  return i >= 0 ? (own[i + 1] ?? dflt) : dflt;
};
const chunks = Number(arg('chunks', '10000'));
const seed = Number(arg('seed', '10015'));
const split = arg('split', '');
const only = arg('only', '');
const work = resolve(arg('work', join(tmpdir(), 'cchc-distractors')));

/** A copy of `knowledge/` (refreshed each run), with the distractors beside it when asked. */
function prepare(name: string, withDistractors: boolean): { kdir: string; dataDir: string } {
  const kdir = join(work, name, 'knowledge');
  const dataDir = join(work, name, 'data');
  mkdirSync(dataDir, { recursive: true });
  // Only the knowledge part is refreshed; the synthetic folder is regenerated only when missing.
  for (const entry of ['answers', 'catalog', 'guides', 'indicators', 'procedures']) rmSync(join(kdir, entry), { recursive: true, force: true });
  cpSync('knowledge', kdir, { recursive: true });
  const synthetic = join(kdir, 'synthetic');
  const marker = join(work, name, `seed-${seed}-${chunks}`);
  if (withDistractors && !existsSync(marker)) {
    rmSync(synthetic, { recursive: true, force: true });
    writeSyntheticCorpus(synthetic, sentencesOf('knowledge'), { chunks, seed });
    writeFileSync(marker, '');
  }
  return { kdir, dataDir };
}

function evaluate(name: string, withDistractors: boolean): string {
  const { kdir, dataDir } = prepare(name, withDistractors);
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'eval', ...(split ? ['--split', split] : []), ...passThrough];
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: kdir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`eval failed (${r.status ?? r.signal}): ${r.stderr.slice(-600)}`);
  if (passThrough.includes('--verbose') || passThrough.includes('--json')) process.stdout.write(`--- ${name}\n${r.stdout}`);
  const line = r.stdout.split('\n').find((l) => l.startsWith('overall:'));
  if (!line) throw new Error(`no overall line in: ${r.stdout.slice(-600)}`);
  return line;
}

const keywords = (line: string) => Number(/answer-keywords[= ]([\d.]+)/.exec(line)?.[1] ?? Number.NaN);
const lines: Array<[string, string]> = [];
if (only !== 'with') lines.push(['knowledge only', evaluate('without', false)]);
if (only !== 'without') lines.push([`knowledge + ${chunks} distractors (seed ${seed})`, evaluate('with', true)]);
for (const [label, line] of lines) process.stdout.write(`${label}${split ? ` [${split}]` : ''}: ${line}\n`);
if (lines.length === 2) {
  const delta = (keywords(lines[1]?.[1] ?? '') - keywords(lines[0]?.[1] ?? '')) * 100;
  process.stdout.write(`answer-keywords difference: ${delta.toFixed(1)} points\n`);
}
