/**
 * `cli gaps [--json] [--limit N]`: questions the bot abstained on or users
 * voted 👎, grouped by folded text, most frequent first. Input for improving
 * the knowledge base.
 */
import { groupGaps } from '../../chat/gaps.js';
import { SqliteChatStore } from '../../chat/sqlite-chat-store.js';
import { openDatabase } from '../../store/database.js';
import { databasePath } from '../../store/paths.js';
import { type CliCommand, parseArgs } from '../command.js';

export const gapsCommand: CliCommand = {
  name: 'gaps',
  summary: 'Câu hỏi bot chưa trả lời được hoặc bị đánh giá 👎, nhiều nhất trước (--json, --limit N)',
  async run(args, ctx) {
    const { flags } = parseArgs(args, ['limit']);
    const limit = typeof flags.limit === 'string' ? Number(flags.limit) : Infinity;
    if (Number.isNaN(limit) || limit < 1) {
      process.stderr.write('--limit phải là số nguyên dương.\n');
      return 2;
    }
    const db = openDatabase(databasePath(ctx.config));
    let groups: ReturnType<typeof groupGaps>;
    try {
      groups = groupGaps(new SqliteChatStore(db).listGapRows()).slice(0, limit);
    } finally {
      db.close();
    }
    if (flags.json === true) {
      ctx.out(`${JSON.stringify(groups, null, 2)}\n`);
      return 0;
    }
    if (groups.length === 0) {
      ctx.out('Chưa có câu hỏi nào bị bỏ ngỏ hoặc bị đánh giá 👎.\n');
      return 0;
    }
    ctx.out('Số lần | Không trả lời | 👎 | Lần cuối            | Câu hỏi\n');
    for (const g of groups) {
      ctx.out(
        `${String(g.count).padStart(6)} | ${String(g.abstained).padStart(13)} | ${String(g.downVotes).padStart(2)} | ` +
          `${g.lastAskedAt.slice(0, 19).replace('T', ' ')} | ${g.question.replace(/\s+/g, ' ')}\n`,
      );
    }
    return 0;
  },
};
