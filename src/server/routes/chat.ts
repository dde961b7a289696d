/**
 * `POST /api/chat`: the web chat's only conversation endpoint. A session id
 * (kept by the page in localStorage) is both the web user id and chat id.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_INPUT_CHARS } from '../../chat/texts.js';
import type { ConversationHandler, IncomingMessage } from '../../core/messages.js';
import { AppError } from '../../errors.js';
import { toChatResponse } from '../web-reply.js';

/** Session ids are opaque: 8–64 URL-safe characters. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

const CALLBACK_MESSAGE = 'phải là chuỗi 1–64 ký tự.';

/** Body schema: `text` or `callbackData` is required; messages name the field's rule in Vietnamese. */
export const ChatBody = z
  .object({
    sessionId: z.string().regex(SESSION_ID_PATTERN, 'phải gồm 8–64 ký tự A-Z, a-z, 0-9, "_" hoặc "-".').optional(),
    text: z.string().optional(),
    callbackData: z.string().min(1, CALLBACK_MESSAGE).max(64, CALLBACK_MESSAGE).optional(),
    /** The last exchange the page shows (`null`: none); the follow-up context is exactly that. */
    shownExchangeId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'phải gồm 1–64 ký tự A-Z, a-z, 0-9, "_" hoặc "-".')
      .nullable()
      .optional(),
  })
  .refine((b) => b.text !== undefined || b.callbackData !== undefined, {
    message: 'Vui lòng nhập câu hỏi (cần "text" hoặc "callbackData").',
  });

export interface ChatRouteOptions {
  handler: ConversationHandler;
  now: () => Date;
}

/** Register `POST /api/chat`. */
export const chatRoutes: FastifyPluginAsyncZod<ChatRouteOptions> = async (app, opts) => {
  app.post('/api/chat', { schema: { body: ChatBody } }, async (request) => {
    const { text, callbackData, sessionId: given, shownExchangeId } = request.body;
    // Length has its own status (413) and names the actual length, so it is checked here.
    if (text !== undefined && text.length > MAX_INPUT_CHARS) {
      throw new AppError('INPUT_TOO_LONG', `Câu hỏi quá dài (${text.length} ký tự). Vui lòng rút gọn dưới ${MAX_INPUT_CHARS} ký tự.`);
    }
    const sessionId = given ?? randomUUID();
    const msg: IncomingMessage = {
      channel: 'web',
      userId: sessionId,
      chatId: sessionId,
      messageId: randomUUID(),
      text: (text ?? '').normalize('NFC'),
      time: opts.now(),
      ...(callbackData ? { callbackData } : {}),
      ...(shownExchangeId !== undefined ? { shownExchangeId } : {}),
    };
    const replies = await opts.handler.handle(msg);
    return toChatResponse(sessionId, replies);
  });
};
