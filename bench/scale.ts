/**
 * Scale benchmark: the project's knowledge plus seeded synthetic legal
 * corpora (Chương / Điều / Khoản, TXT, written at run time into a temporary
 * folder) of about 2k, 10k and 60k chunks. For each size, each measurement
 * runs in a fresh child process (its peak RSS is its own):
 *
 * - full build of a new index, one-file change (a paragraph added), one-file
 *   deletion (index update time, as `cli index` reports it),
 * - cold open of the existing index (load + retriever, until it can answer),
 * - answer p50 / p95 over a fixed question list (warm-up round, then rounds),
 * - peak RSS of the build and of the answering process.
 *
 * Medians of `--runs` runs (default 3); one line per size.
 *
 *   npx tsx bench/scale.ts [--sizes 0,2000,10000,60000] [--runs 3] [--timeout 900]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sentencesOf, writeSyntheticCorpus } from './lib/synthetic-corpus.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const sizes = arg('sizes', '0,2000,10000,60000').split(',').map(Number);
const runs = Number(arg('runs', '3'));
const timeoutMs = Number(arg('timeout', '900')) * 1000;
const QUESTION_FILES = ['bench/data/own-questions.jsonl', 'bench/data/questions/plan-facts.jsonl'];

interface Step {
  chunks: number;
  openMs: number;
  indexMs: number | null;
  /** CPU milliseconds of the build (all threads): steadier than wall time on a loaded machine. */
  indexCpuMs?: number | null;
  p50?: number;
  p95?: number;
  maxRssMB: number;
}

const work = mkdtempSync(join(tmpdir(), 'cchc-scale-'));
const questionsFile = join(work, 'questions.txt');
writeFileSync(
  questionsFile,
  QUESTION_FILES.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean))
    .map((l) => (JSON.parse(l) as { q: string }).q)
    .join('\n'),
);
const sentences = sentencesOf('knowledge');

function step(kdir: string, dataDir: string, withQuestions = false): Step | null {
  const args = ['--import', 'tsx', 'bench/lib/scale-step.ts', kdir, dataDir, ...(withQuestions ? [questionsFile] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 24 });
  const line = r.stdout?.trim().split('\n').at(-1);
  if (r.status !== 0 || !line) {
    process.stderr.write(`step failed (${r.status ?? r.signal}): ${r.stderr?.slice(-400) ?? ''}\n`);
    return null;
  }
  return JSON.parse(line) as Step;
}

const median = (xs: Array<number | null | undefined>): number | null => {
  const s = xs.filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
  return s.length === 0 ? null : (s[Math.floor((s.length - 1) / 2)] as number);
};
const sec = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const msf = (ms: number | null) => (ms === null ? '—' : `${ms.toFixed(1)}`);
const mb = (x: number | null) => (x === null ? '—' : `${x.toFixed(0)} MB`);

/** Add one Khoản to the first Điều of a file. */
function addParagraph(file: string, n: number): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(/(Điều 1\. [^\n]*\n)/u, `$1${n + 7}. Khoản bổ sung lần ${n}: cơ quan chủ trì báo cáo kết quả thực hiện trước ngày 15 hằng tháng.\n`),
  );
}

process.stdout.write(
  `# scale benchmark, ${runs} run(s) per size, load average at start ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}\n`,
);
process.stdout.write(
  'size | chunks | full build | one-file change | one-file deletion | cold open | answer p50 / p95 | peak RSS build / answer | CPU build / change / deletion\n',
);
for (const size of sizes) {
  const kdir = join(work, `k-${size}`);
  rmSync(kdir, { recursive: true, force: true });
  cpSync('knowledge', kdir, { recursive: true });
  const names = size > 0 ? writeSyntheticCorpus(join(kdir, 'synthetic'), sentences, { chunks: size, seed: 15 + size }) : [];
  const rows: Array<{ build: Step | null; change: Step | null; del: Step | null; open: Step | null; answer: Step | null }> = [];
  for (let r = 0; r < runs; r++) {
    const dataDir = join(work, `data-${size}-${r}`);
    const build = step(kdir, dataDir);
    const open = build ? step(kdir, dataDir) : null;
    const answer = build ? step(kdir, dataDir, true) : null;
    let change: Step | null = null;
    let del: Step | null = null;
    if (build && names.length >= 2) {
      const changed = names[Math.floor(names.length / 2)] as string;
      const removed = names[names.length - 1] as string;
      addParagraph(join(kdir, 'synthetic', changed), r);
      change = step(kdir, dataDir);
      const removedText = readFileSync(join(kdir, 'synthetic', removed));
      rmSync(join(kdir, 'synthetic', removed));
      del = step(kdir, dataDir);
      writeFileSync(join(kdir, 'synthetic', removed), removedText);
    }
    rmSync(dataDir, { recursive: true, force: true });
    rows.push({ build, change, del, open, answer });
  }
  const chunks = median(rows.map((x) => x.build?.chunks));
  const buildRss = median(rows.map((x) => Math.max(x.build?.maxRssMB ?? 0, x.change?.maxRssMB ?? 0, x.del?.maxRssMB ?? 0) || null));
  process.stdout.write(
    [
      size === 0 ? 'knowledge only' : `+${size}`,
      chunks ?? '—',
      sec(median(rows.map((x) => x.build?.indexMs))),
      sec(median(rows.map((x) => x.change?.indexMs))),
      sec(median(rows.map((x) => x.del?.indexMs))),
      sec(median(rows.map((x) => x.open?.openMs))),
      `${msf(median(rows.map((x) => x.answer?.p50)))} / ${msf(median(rows.map((x) => x.answer?.p95)))} ms`,
      `${mb(buildRss)} / ${mb(median(rows.map((x) => x.answer?.maxRssMB)))}`,
      (['build', 'change', 'del'] as const).map((k) => sec(median(rows.map((r) => r[k]?.indexCpuMs)))).join(' / '),
    ].join(' | ') + '\n',
  );
}
rmSync(work, { recursive: true, force: true });
