/**
 * Console routes for curated answers:
 * - `GET /api/answers`: the console's answers and the read-only ones from
 *   `knowledge/answers/`, each with its hit count;
 * - `POST /api/answers` `{question | questions, answer, source?}` → 201;
 * - `PATCH /api/answers/:id` (variants, answer, source, `retired`);
 * - `DELETE /api/answers/:id` retires the answer (kept, no longer used).
 * Every change reloads the curated matcher, so it applies to the next question.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { parseAnswerSource, sourceText } from './answer-sources.js';
import { CONSOLE_ENTRY_PREFIX, type ConsoleAnswer } from './answer-store.js';
import type { ConsoleContext } from './console-context.js';
import { ConsoleError, notFound } from './console-errors.js';

const question = z.string().trim().min(3, 'câu hỏi cần ít nhất 3 ký tự').max(500, 'câu hỏi quá dài (tối đa 500 ký tự)');
const answerText = z.string().trim().min(10, 'câu trả lời cần ít nhất 10 ký tự').max(4000, 'câu trả lời quá dài (tối đa 4000 ký tự)');
const sourceField = z.string().trim().max(500, 'nguồn quá dài').optional();

const createBody = z
  .object({
    question: question.optional(),
    questions: z.array(question).max(30, 'tối đa 30 cách hỏi').optional(),
    answer: answerText,
    source: sourceField,
  })
  .strict()
  .refine((b) => b.question !== undefined || (b.questions?.length ?? 0) > 0, { message: 'thiếu câu hỏi (trường question)' });

const patchBody = z
  .object({
    questions: z.array(question).min(1, 'cần ít nhất một câu hỏi').max(30).optional(),
    answer: answerText.optional(),
    source: sourceField,
    retired: z.boolean({ invalid_type_error: 'retired phải là true hoặc false' }).optional(),
  })
  .strict();

const idParams = z.object({ id: z.coerce.number({ invalid_type_error: 'mã câu trả lời phải là số' }).int().positive('mã câu trả lời phải là số dương') });

const unique = (list: string[]): string[] => [...new Map(list.map((q) => [q.toLowerCase(), q])).values()];

/** Create a console answer and put it in service; shared with the gap queue. */
export async function createConsoleAnswer(ctx: ConsoleContext, input: { questions: string[]; answer: string; source?: string }): Promise<ConsoleAnswer> {
  const kb = ctx.live.current();
  const source = parseAnswerSource(input.source, kb);
  const created = ctx.answers.add({ questions: unique(input.questions), answer: input.answer, source }, ctx.now());
  await reloadCurated(ctx);
  return created;
}

/** Apply console answer changes to the base answering now, in every worker (else `KNOWLEDGE_SYNC_FAILED`). */
export async function reloadCurated(ctx: ConsoleContext): Promise<void> {
  ctx.live.current()?.curated.reload();
  await ctx.curatedChanged?.();
}

/** The curated answers routes; register inside the authenticated admin scope. */
export const answerRoutes: FastifyPluginAsync<{ ctx: ConsoleContext }> = async (app, { ctx }) => {
  const viewOf = (a: ConsoleAnswer, hits: Record<string, number>) => ({ ...a, source: sourceText(a.source), hits: hits[a.entryId] ?? 0 });

  app.get('/api/answers', async () => {
    const curated = ctx.live.current()?.curated;
    const hits = curated?.hits.all() ?? {};
    const files = (curated?.entries ?? [])
      .filter((e) => !e.id.startsWith(CONSOLE_ENTRY_PREFIX))
      .map((e) => ({ entryId: e.id, questions: e.questions, answer: e.answer, hits: hits[e.id] ?? 0 }));
    return { items: ctx.answers.list().map((a) => viewOf(a, hits)), files };
  });

  app.post('/api/answers', { schema: { body: createBody } }, async (request, reply) => {
    const body = request.body as z.infer<typeof createBody>;
    const questions = [...(body.question ? [body.question] : []), ...(body.questions ?? [])];
    const created = await createConsoleAnswer(ctx, { questions, answer: body.answer, ...(body.source ? { source: body.source } : {}) });
    return reply.code(201).send(viewOf(created, {}));
  });

  app.patch('/api/answers/:id', { schema: { params: idParams, body: patchBody } }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const body = request.body as z.infer<typeof patchBody>;
    if (!ctx.answers.get(id)) throw notFound('câu trả lời này');
    const patch = {
      ...(body.questions ? { questions: unique(body.questions) } : {}),
      ...(body.answer ? { answer: body.answer } : {}),
      ...(body.source !== undefined ? { source: parseAnswerSource(body.source, ctx.live.current()) } : {}),
      ...(body.retired !== undefined ? { retired: body.retired } : {}),
    };
    if (Object.keys(patch).length === 0) throw new ConsoleError(400, 'INPUT_INVALID', 'Không có gì để sửa.');
    const updated = ctx.answers.update(id, patch, ctx.now());
    await reloadCurated(ctx);
    return viewOf(updated as ConsoleAnswer, ctx.live.current()?.curated.hits.all() ?? {});
  });

  app.delete('/api/answers/:id', { schema: { params: idParams } }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const updated = ctx.answers.update(id, { retired: true }, ctx.now());
    if (!updated) throw notFound('câu trả lời này');
    await reloadCurated(ctx);
    return { id, retired: true };
  });
};
