/**
 * Console routes for the gap queue:
 * - `GET /api/gaps`: open groups with counts, and recent decisions;
 * - `POST /api/gaps/action` `{key, action, answer?, source?, passageId?}`:
 *   `answer` writes a curated answer for every wording of the group,
 *   `attach` answers the group with a document passage, `out_of_scope` and
 *   `dismiss` only record the decision. The group then leaves the queue.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { createConsoleAnswer } from './answers.js';
import type { ConsoleContext } from './console-context.js';
import { ConsoleError, noKnowledge, notFound } from './console-errors.js';
import { GAP_ACTIONS } from './gap-queue.js';

const actionBody = z
  .object({
    key: z.string().trim().min(1, 'thiếu nhóm câu hỏi (key)').max(1000),
    action: z.enum(GAP_ACTIONS, { errorMap: () => ({ message: `thao tác phải là một trong: ${GAP_ACTIONS.join(', ')}` }) }),
    answer: z.string().trim().max(4000, 'câu trả lời quá dài').optional(),
    source: z.string().trim().max(500).optional(),
    passageId: z.string().trim().max(500).optional(),
  })
  .strict();

/** The gap queue routes; register inside the authenticated admin scope. */
export const gapRoutes: FastifyPluginAsync<{ ctx: ConsoleContext }> = async (app, { ctx }) => {
  const groups = () => ctx.gaps.queue(ctx.chatStore.listGapRows());

  app.get('/api/gaps', async () => ({ groups: groups(), history: ctx.gaps.history(20) }));

  app.post('/api/gaps/action', { schema: { body: actionBody } }, async (request) => {
    const body = request.body as z.infer<typeof actionBody>;
    const group = groups().find((g) => g.key === body.key || g.keys.includes(body.key));
    if (!group) throw notFound('nhóm câu hỏi này trong hàng chờ (có thể đã được xử lý)');
    const questions = group.variants.map((v) => v.question).slice(0, 30);
    let detail: string | null = null;
    if (body.action === 'answer') {
      if (!body.answer || body.answer.length < 10) throw new ConsoleError(400, 'INPUT_INVALID', 'Câu trả lời cần ít nhất 10 ký tự.');
      const created = await createConsoleAnswer(ctx, { questions, answer: body.answer, ...(body.source ? { source: body.source } : {}) });
      detail = created.entryId;
    } else if (body.action === 'attach') {
      const kb = ctx.live.current();
      if (!kb) throw noKnowledge();
      const chunk = body.passageId ? kb.retriever.chunk(body.passageId) : undefined;
      if (!chunk) throw new ConsoleError(400, 'INPUT_INVALID', 'Chưa chọn đoạn văn bản (passageId) hoặc đoạn đó không còn trong kho tri thức.');
      const created = await createConsoleAnswer(ctx, { questions, answer: chunk.text.slice(0, 1500), source: `${chunk.docId}, ${chunk.section}` });
      detail = created.entryId;
    }
    ctx.gaps.record(group, body.action, detail, ctx.now());
    return { key: group.key, action: body.action, questions: group.count, ...(detail ? { entryId: detail } : {}) };
  });
};
