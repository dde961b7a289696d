/**
 * `cli eval [FILE] [--json]`: score a question set (default: the shared dev set).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatSummary, readEvalFile, runEval } from '../../eval/questions.js';
import { openCliKnowledgeBase } from '../knowledge.js';
import { type CliCommand, parseArgs } from '../command.js';

export const DEFAULT_EVAL_FILE = '../shared/eval/dev-questions.jsonl';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Đánh giá trên tệp câu hỏi: eval [FILE] [--json] [--verbose]',
  async run(args, ctx) {
    const { flags, positionals } = parseArgs(args);
    const file = resolve(positionals[0] ?? DEFAULT_EVAL_FILE);
    if (!existsSync(file)) {
      process.stderr.write(`Không tìm thấy tệp đánh giá: ${file}\n`);
      return 2;
    }
    const kb = await openCliKnowledgeBase(ctx);
    const summary = await runEval(readEvalFile(file), kb.answerer);
    if (flags.json === true) {
      ctx.out(`${JSON.stringify(summary)}\n`);
    } else {
      if (flags.verbose === true) {
        for (const r of summary.items) {
          ctx.out(`${r.id.padEnd(6)} ${(r.kind ?? '').padEnd(14)} rank=${r.rank ?? '-'} kw=${r.keywordsOk ?? '-'} abst=${r.abstained}${r.shouldAbstain ? ' (oos)' : ''} ${r.ms.toFixed(1)}ms\n`);
        }
      }
      ctx.out(`${formatSummary(summary)}\n`);
    }
    return 0;
  },
};
