/**
 * `cli index [--force] [--json]`: build or update the index and say what changed.
 */

import { type CliCommand, parseArgs } from '../command.js';
import { openCliKnowledgeBase } from '../knowledge.js';

export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'Xây dựng/cập nhật chỉ mục tri thức: index [--force] [--json]',
  async run(args, ctx) {
    const { flags } = parseArgs(args);
    const started = performance.now();
    const kb = await openCliKnowledgeBase(ctx, { chat: false, force: flags.force === true });
    const c = kb.changes;
    const ms = Math.round(performance.now() - started);
    if (flags.json === true) {
      ctx.out(`${JSON.stringify({ chunks: kb.chunkCount, documents: kb.snapshot.documents.length, changes: c, ms })}\n`);
      return c && c.errors.length > 0 ? 3 : 0;
    }
    if (!c) {
      ctx.out(`Chỉ mục đã cập nhật, không có thay đổi (${kb.snapshot.documents.length} văn bản, ${kb.chunkCount} đoạn; ${ms} ms).\n`);
      return 0;
    }
    const list = (label: string, files: string[]) => ctx.out(`${label} (${files.length})${files.length ? `: ${files.join(', ')}` : ''}\n`);
    list('Thêm mới', c.addedFiles);
    list('Thay đổi', c.changedFiles);
    list('Đã xóa', c.removedFiles);
    ctx.out(`Giữ nguyên: ${c.unchangedFiles} tệp\n`);
    ctx.out(`Đoạn: ${kb.chunkCount} (thêm ${c.addedChunks}, bỏ ${c.removedChunks}); nhúng mới ${c.embedded}, dùng lại ${c.reused}\n`);
    for (const e of c.errors) ctx.out(`Lỗi, đã bỏ qua: ${e.message}\n`);
    ctx.out(`Thời gian xây dựng: ${c.ms} ms\n`);
    return c.errors.length > 0 ? 3 : 0;
  },
};
