/**
 * `POST /api/chat`: the web chat's only conversation endpoint. A session id
 * (kept by the page in localStorage) is both the web user id and chat id.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MAX_INPUT_CHARS } from '../../chat/texts.js';
import type { ConversationHandler, IncomingMessage } from '../../core/messages.js';
import { AppError } from '../../errors.js';
import { toChatResponse } from '../web-reply.js';

/** Session ids are opaque: 8–64 URL-safe characters. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

const ChatBody = z.object({
  sessionId: z.string().regex(SESSION_ID_PATTERN).optional(),
  text: z.string().optional(),
  callbackData: z.string().min(1).max(64).optional(),
});

export interface ChatRouteOptions {
  handler: ConversationHandler;
  now: () => Date;
}

/** Register `POST /api/chat`. */
export const chatRoutes: FastifyPluginAsync<ChatRouteOptions> = async (app, opts) => {
  app.post('/api/chat', async (request) => {
    const parsed = ChatBody.safeParse(request.body);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      const why =
        field === 'sessionId'
          ? '"sessionId" phải gồm 8–64 ký tự A-Z, a-z, 0-9, "_" hoặc "-".'
          : field === 'callbackData'
            ? '"callbackData" phải là chuỗi 1–64 ký tự.'
            : 'cần "text" (chuỗi) hoặc "callbackData".';
      throw new AppError('INPUT_INVALID', `Dữ liệu gửi lên không hợp lệ: ${why}`);
    }
    const { text, callbackData } = parsed.data;
    if (text === undefined && callbackData === undefined) {
      throw new AppError('INPUT_INVALID', 'Vui lòng nhập câu hỏi.');
    }
    if (text !== undefined && text.length > MAX_INPUT_CHARS) {
      throw new AppError(
        'INPUT_TOO_LONG',
        `Câu hỏi quá dài (${text.length} ký tự). Vui lòng rút gọn dưới ${MAX_INPUT_CHARS} ký tự.`,
      );
    }
    const sessionId = parsed.data.sessionId ?? randomUUID();
    const msg: IncomingMessage = {
      channel: 'web',
      userId: sessionId,
      chatId: sessionId,
      messageId: randomUUID(),
      text: (text ?? '').normalize('NFC'),
      time: opts.now(),
      ...(callbackData ? { callbackData } : {}),
    };
    const replies = await opts.handler.handle(msg);
    return toChatResponse(sessionId, replies);
  });
};
