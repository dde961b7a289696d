import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.js';
import { evalCommand } from '../../src/cli/commands/eval.js';
import { createConfig } from '../../src/config.js';
import { splitOf } from '../../src/eval/questions.js';
import { createLogger } from '../../src/logger.js';
import { tempDir } from '../helpers/knowledge-base.js';

const config = createConfig({ DATA_DIR: tempDir(), LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });

async function runEvalCli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const ctx: CliContext = {
    config,
    logger: createLogger('silent'),
    out: (t) => {
      out += t;
    },
  };
  const code = await evalCommand.run(args, ctx);
  return { code, out };
}

/** Ids whose split is known, so the fixture has items in both halves. */
const idIn = (split: 'tune' | 'test', prefix: string) => {
  for (let i = 0; ; i++) if (splitOf(`${prefix}${i}`) === split) return `${prefix}${i}`;
};

const dir = tempDir();
mkdirSync(join(dir, 'set'));
const tuneId = idIn('tune', 'a');
const testId = idIn('test', 'b');
writeFileSync(
  join(dir, 'set', 'one.jsonl'),
  [
    JSON.stringify({ id: tuneId, kind: 'plan', q: 'Ai ký Kế hoạch 1523/KH-SCT?', expect: [['Võ Văn Rân']], answer_has: ['Võ Văn Rân'] }),
    JSON.stringify({ id: testId, kind: 'followup', q: 'còn PCI thì sao?', prev: 'PAPI do ai thực hiện?', expect: [['VCCI']], answer_has: ['VCCI'] }),
  ].join('\n'),
);
writeFileSync(
  join(dir, 'two.jsonl'),
  `${JSON.stringify({ id: 'c1', kind: 'oos', q: 'Thời tiết Hà Nội ngày mai thế nào?', expect: [], answer_has: [], abstain: true })}\n`,
);

describe('cli eval', () => {
  it('scores several files and directories: a line per file, an overall line and a per-kind table', async () => {
    const { code, out } = await runEvalCli(join(dir, 'set'), join(dir, 'two.jsonl'));
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/one\.jsonl: eval n=2 /);
    expect(lines[1]).toMatch(/two\.jsonl: eval n=1 \(in-scope 0, oos 1\)/);
    expect(lines[2]).toMatch(/^overall: eval n=3 .*hit@1 .*\| hit@5 .*\| MRR .*\| answer-keywords .*\| oos abstained 1\.000 .*p50 .*p95/);
    expect(out).toMatch(/^kind\s+n\s+hit@1/m);
    expect(out).toMatch(/^followup\s+1 /m);
    expect(out).toMatch(/^oos\s+1 /m);
  }, 60_000);

  it('filters by --split and --kind, and prints JSON with --json', async () => {
    const tune = JSON.parse((await runEvalCli('--split', 'tune', '--json', join(dir, 'set'))).out) as { overall: { n: number; items: Array<{ id: string }> } };
    expect(tune.overall.items.map((i) => i.id)).toEqual([tuneId]);
    const kind = JSON.parse((await runEvalCli('--kind', 'followup', '--json', dir + '/set', join(dir, 'two.jsonl'))).out) as {
      files: Array<{ file: string }>;
      overall: { n: number; hit1: number };
    };
    expect(kind.overall.n).toBe(1);
    expect(kind.files).toHaveLength(1);
  }, 60_000);

  it('rejects a bad --split and a missing file with exit code 2', async () => {
    expect((await runEvalCli('--split', 'dev', join(dir, 'two.jsonl'))).code).toBe(2);
    expect((await runEvalCli(join(dir, 'nope.jsonl'))).code).toBe(2);
  });
});
