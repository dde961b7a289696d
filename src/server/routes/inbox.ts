/**
 * `GET /api/chat/inbox?sessionId=…`: staff replies to the web session's
 * handoff tickets that the page has not shown yet, as
 * `{"messages": [{"text", "at"}]}`. Polled by src/server/public/inbox.js;
 * each message is returned once.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_ID_PATTERN } from './chat.js';

/** Query schema. */
export const InboxQuery = z.object({
  sessionId: z.string({ required_error: 'Thiếu sessionId.' }).regex(SESSION_ID_PATTERN, 'phải gồm 8–64 ký tự A-Z, a-z, 0-9, "_" hoặc "-".'),
});

export interface InboxRouteOptions {
  /** Messages not yet shown for a session; they are marked shown. */
  take: (sessionId: string) => Array<{ text: string; at: string }>;
}

/** Register `GET /api/chat/inbox`. */
export const inboxRoutes: FastifyPluginAsyncZod<InboxRouteOptions> = async (app, opts) => {
  app.get('/api/chat/inbox', { schema: { querystring: InboxQuery } }, async (request) => {
    return { messages: opts.take(request.query.sessionId) };
  });
};
