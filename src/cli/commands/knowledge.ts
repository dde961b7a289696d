/**
 * `cli knowledge review [--json] [--today YYYY-MM-DD]`: what an editor must
 * look at so answers stay current (documents with unknown status, change
 * records applied nowhere, ended periods, old "as of" facts). Exit code 0
 * when nothing needs action now (items awaiting confirmation only), 1
 * otherwise, 2 for bad arguments.
 */

import { join } from 'node:path';
import { vietnamDate } from '../../core/vietnam-time.js';
import { CHANGES_FILE, loadChanges } from '../../knowledge/changes.js';
import { listKnowledgeFiles, loadKnowledge } from '../../knowledge/load-knowledge.js';
import { formatReview, reviewKnowledge } from '../../knowledge/review.js';
import { createBinaryLoader } from '../../rag/binary-loader.js';
import { chunkDocument } from '../../rag/chunk.js';
import { type CliCommand, parseArgs } from '../command.js';

const USAGE = 'Cách dùng: knowledge review [--json] [--today YYYY-MM-DD]\n';

export const knowledgeCommand: CliCommand = {
  name: 'knowledge',
  summary: 'Rà soát tính hiện hành của tri thức: knowledge review [--json] [--today YYYY-MM-DD]',
  async run(args, ctx) {
    const { flags, positionals } = parseArgs(args, ['today']);
    if (positionals[0] !== 'review') {
      process.stderr.write(USAGE);
      return 2;
    }
    const today = typeof flags.today === 'string' ? flags.today : vietnamDate(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
      process.stderr.write(`--today phải có dạng YYYY-MM-DD.\n${USAGE}`);
      return 2;
    }
    const changes = loadChanges(join(ctx.config.knowledgeDir, CHANGES_FILE));
    const loaded = await loadKnowledge(listKnowledgeFiles(ctx.config.knowledgeDir), createBinaryLoader());
    for (const e of loaded.errors) ctx.logger.warn({ file: e.file }, e.message);
    const review = reviewKnowledge({
      documents: loaded.documents.map((d) => ({ ...d.meta, file: d.file })),
      chunks: loaded.documents.flatMap((d) => chunkDocument(d)),
      changes,
      today,
      maxFactAgeDays: ctx.config.knowledgeFactMaxAgeDays,
    });
    ctx.out(flags.json === true ? `${JSON.stringify(review, null, 2)}\n` : formatReview(review));
    return review.actionable === 0 ? 0 : 1;
  },
};
