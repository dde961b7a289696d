/**
 * `POST /api/feedback` `{ exchangeId, vote: 'up' | 'down' }`: 👍/👎 on a
 * stored answer, for clients that do not go through `fb:` buttons.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChatStore } from '../../chat/chat-store.js';
import { recordFeedback } from '../../chat/feedback.js';
import { AppError } from '../../errors.js';

/** Body schema (messages name what is expected, in Vietnamese). */
export const FeedbackBody = z.object({
  exchangeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'phải gồm 1–64 ký tự A-Z, a-z, 0-9, "_" hoặc "-".'),
  vote: z.enum(['up', 'down'], { errorMap: () => ({ message: 'phải là "up" hoặc "down".' }) }),
});

export interface FeedbackRouteOptions {
  store: ChatStore;
  now: () => Date;
}

/** Register `POST /api/feedback`. */
export const feedbackRoutes: FastifyPluginAsyncZod<FeedbackRouteOptions> = async (app, opts) => {
  app.post('/api/feedback', { schema: { body: FeedbackBody } }, async (request) => {
    const { exchangeId, vote } = request.body;
    if (!recordFeedback(opts.store, exchangeId, vote, opts.now())) {
      throw new AppError('NOT_FOUND', 'Không tìm thấy câu trả lời để ghi nhận góp ý.');
    }
    return { ok: true, message: 'Cảm ơn bạn đã góp ý!' };
  });
};
