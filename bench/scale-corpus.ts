/**
 * Write the scale benchmark's corpus of one size (the project's knowledge
 * plus the same seeded synthetic decisions as `bench/scale.ts`) into a
 * folder, so an index can be built once and answered from many times
 * (`bench/query-profile.ts --knowledge DIR --data DIR`).
 *
 *   npx tsx bench/scale-corpus.ts --size 60000 --out /tmp/k-60000
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sentencesOf, writeSyntheticCorpus } from './lib/synthetic-corpus.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const size = Number(arg('size') ?? '60000');
const out = arg('out');
if (!out || !Number.isFinite(size)) throw new Error('usage: scale-corpus --size N --out DIR');
rmSync(out, { recursive: true, force: true });
cpSync('knowledge', out, { recursive: true });
// Same seed as bench/scale.ts, so the corpus is the one it measures.
const names = size > 0 ? writeSyntheticCorpus(join(out, 'synthetic'), sentencesOf('knowledge'), { chunks: size, seed: 15 + size }) : [];
console.log(`${out}: knowledge + ${names.length} synthetic files`);
