/**
 * `cli eval [FILE|DIR...] [--split tune|test] [--kind K] [--json] [--verbose]`:
 * score question sets. Default: the project's own sets (bench/data/questions/
 * and bench/data/own-questions.jsonl). Prints one line per file, an overall
 * line and a per-kind table.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { EvalSplit, EvalSummary } from '../../eval/questions.js';
import { expandEvalPaths, filterItems, formatKindTable, formatSummary, readEvalFile, runEval, summarize } from '../../eval/questions.js';
import { type CliCommand, parseArgs } from '../command.js';
import { openCliKnowledgeBase } from '../knowledge.js';

/** The project's own question sets, evaluated when no file is given. */
export const DEFAULT_EVAL_PATHS = ['bench/data/questions', 'bench/data/own-questions.jsonl'];

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Đánh giá trên tệp câu hỏi: eval [FILE|DIR...] [--split tune|test] [--kind K] [--json] [--verbose]',
  async run(args, ctx) {
    const { flags, positionals } = parseArgs(args, ['split', 'kind']);
    const split = flags.split;
    if (split !== undefined && split !== 'tune' && split !== 'test') {
      process.stderr.write('--split phải là "tune" hoặc "test"\n');
      return 2;
    }
    const kind = typeof flags.kind === 'string' ? flags.kind : undefined;
    const given = positionals.length > 0 ? positionals.map((p) => resolve(p)) : DEFAULT_EVAL_PATHS.map((p) => resolve(p)).filter((p) => existsSync(p));
    const missing = given.find((p) => !existsSync(p));
    if (missing || given.length === 0) {
      process.stderr.write(`Không tìm thấy tệp đánh giá: ${missing ?? DEFAULT_EVAL_PATHS.join(', ')}\n`);
      return 2;
    }
    const files = expandEvalPaths(given);
    const sets = files.map((file) => ({ file, items: filterItems(readEvalFile(file), { split: split as EvalSplit | undefined, kind }) }));
    const kb = await openCliKnowledgeBase(ctx);
    const perFile: Array<{ file: string; summary: EvalSummary }> = [];
    for (const s of sets) {
      if (s.items.length === 0) continue;
      perFile.push({ file: relative(process.cwd(), s.file) || s.file, summary: await runEval(s.items, kb.answerer) });
    }
    const overall = summarize(perFile.flatMap((p) => p.summary.items));
    if (flags.json === true) {
      ctx.out(`${JSON.stringify({ files: perFile.map((p) => ({ file: p.file, ...p.summary })), overall })}\n`);
      return 0;
    }
    for (const p of perFile) {
      if (flags.verbose === true) {
        for (const r of p.summary.items) {
          ctx.out(
            `${r.id.padEnd(6)} ${(r.kind ?? '').padEnd(14)} rank=${r.rank ?? '-'} kw=${r.keywordsOk ?? '-'} abst=${r.abstained}${r.shouldAbstain ? ' (oos)' : ''} ${r.ms.toFixed(1)}ms\n`,
          );
        }
      }
      ctx.out(`${p.file}: ${formatSummary(p.summary)}\n`);
    }
    ctx.out(`overall: ${formatSummary(overall)}\n`);
    ctx.out(`${formatKindTable(overall)}\n`);
    return 0;
  },
};
