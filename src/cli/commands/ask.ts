/**
 * `cli ask [--json] "câu hỏi"` and `cli ask --json --batch FILE`.
 * Contract: with --json, stdout carries exactly one JSON object per question.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Answer } from '../../core/answer.js';
import { type CliCommand, parseArgs } from '../command.js';
import { openCliKnowledgeBase } from '../knowledge.js';

function formatReadable(a: Answer): string {
  const lines = [a.answer, ''];
  if (a.sources.length > 0) {
    lines.push('Nguồn:');
    for (const [i, s] of a.sources.entries()) lines.push(`  ${i + 1}. [${s.doc}, ${s.section}] ${s.title}`);
  }
  lines.push(`(${a.ms.toFixed(1)} ms)`, '');
  return lines.join('\n');
}

function toJson(a: Answer, id?: string): string {
  const body = { answer: a.answer, abstained: a.abstained, sources: a.sources, ms: a.ms };
  return `${JSON.stringify(id === undefined ? body : { id, ...body })}\n`;
}

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'Hỏi đáp: ask [--json] "câu hỏi" | ask --json --batch FILE.jsonl | ask (tương tác)',
  async run(args, ctx) {
    const { flags, positionals } = parseArgs(args, ['batch']);
    const json = flags.json === true;
    const kb = await openCliKnowledgeBase(ctx);
    if (typeof flags.batch === 'string') {
      const rl = createInterface({ input: createReadStream(flags.batch, 'utf8'), crlfDelay: Infinity });
      let lineNo = 0;
      for await (const line of rl) {
        lineNo++;
        if (!line.trim()) continue;
        let item: { id?: unknown; q?: unknown };
        try {
          item = JSON.parse(line) as { id?: unknown; q?: unknown };
        } catch {
          ctx.logger.error({ line: lineNo }, 'batch: dòng không phải JSON hợp lệ');
          ctx.out(`${JSON.stringify({ id: null, error: `line ${lineNo}: invalid JSON` })}\n`);
          continue;
        }
        const id = item.id === undefined ? String(lineNo) : String(item.id);
        const answer = await kb.answerer.ask(typeof item.q === 'string' ? item.q : '');
        ctx.out(json ? toJson(answer, id) : `# ${id}\n${formatReadable(answer)}`);
      }
      return 0;
    }
    const question = positionals.join(' ').trim();
    if (question) {
      const answer = await kb.answerer.ask(question);
      ctx.out(json ? toJson(answer) : formatReadable(answer));
      return 0;
    }
    // Interactive mode.
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    ctx.out('Trợ lý CCHC — gõ câu hỏi rồi Enter (Ctrl+D để thoát).\n> ');
    let previous: string | undefined;
    for await (const line of rl) {
      if (line.trim()) {
        const answer = await kb.answerer.ask(line, { previousQuestion: previous });
        // The next follow-up is resolved against this one's standalone form (a follow-up of a follow-up keeps the frame).
        previous = answer.resolvedQuestion ?? line;
        ctx.out(json ? toJson(answer) : formatReadable(answer));
      }
      ctx.out('> ');
    }
    return 0;
  },
};
