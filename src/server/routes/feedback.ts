/**
 * `POST /api/feedback` `{ exchangeId, vote: 'up' | 'down' }`: 👍/👎 on a
 * stored answer, for clients that do not go through `fb:` buttons.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ChatStore } from '../../chat/chat-store.js';
import { recordFeedback } from '../../chat/feedback.js';
import { AppError } from '../../errors.js';

const FeedbackBody = z.object({
  exchangeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  vote: z.enum(['up', 'down']),
});

export interface FeedbackRouteOptions {
  store: ChatStore;
  now: () => Date;
}

/** Register `POST /api/feedback`. */
export const feedbackRoutes: FastifyPluginAsync<FeedbackRouteOptions> = async (app, opts) => {
  app.post('/api/feedback', async (request) => {
    const parsed = FeedbackBody.safeParse(request.body);
    if (!parsed.success) {
      throw new AppError('INPUT_INVALID', 'Dữ liệu góp ý không hợp lệ: cần "exchangeId" và "vote" là "up" hoặc "down".');
    }
    const { exchangeId, vote } = parsed.data;
    if (!recordFeedback(opts.store, exchangeId, vote, opts.now())) {
      throw new AppError('NOT_FOUND', 'Không tìm thấy câu trả lời để ghi nhận góp ý.');
    }
    return { ok: true, message: 'Cảm ơn bạn đã góp ý!' };
  });
};
