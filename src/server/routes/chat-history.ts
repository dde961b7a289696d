/**
 * `GET /api/chat/history?sessionId=…`: the web session's recent exchanges,
 * oldest first, rendered exactly as `POST /api/chat` rendered them. The page
 * shows them on load; they are also the only context a follow-up may use
 * (src/chat/visible-history.ts), so what the user sees is what the bot knows.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChatStore } from '../../chat/chat-store.js';
import { feedbackButtons } from '../../chat/feedback.js';
import { VISIBLE_HISTORY, visibleExchanges } from '../../chat/visible-history.js';
import { toWebReply, type WebReply } from '../web-reply.js';
import { SESSION_ID_PATTERN } from './chat.js';

/** Query schema. */
export const HistoryQuery = z.object({
  sessionId: z.string().regex(SESSION_ID_PATTERN, 'phải gồm 8–64 ký tự A-Z, a-z, 0-9, "_" hoặc "-".'),
});

/** One question and the answer the page showed for it. */
export interface HistoryEntry {
  question: string;
  createdAt: string;
  reply: WebReply;
  /** The vote already given, so the page can lock 👍/👎. */
  vote?: 'up' | 'down';
}

/** Response of `GET /api/chat/history`. */
export interface HistoryResponse {
  sessionId: string;
  /** How far back the history (and a follow-up's context) reaches, hours. */
  windowHours: number;
  exchanges: HistoryEntry[];
}

export interface ChatHistoryRouteOptions {
  store: Pick<ChatStore, 'listRecentExchanges'>;
  now: () => Date;
}

/** Register `GET /api/chat/history`. */
export const chatHistoryRoutes: FastifyPluginAsyncZod<ChatHistoryRouteOptions> = async (app, opts) => {
  app.get('/api/chat/history', { schema: { querystring: HistoryQuery } }, async (request, reply): Promise<HistoryResponse> => {
    const { sessionId } = request.query;
    void reply.header('cache-control', 'no-store');
    const exchanges = visibleExchanges(opts.store, 'web', sessionId, opts.now()).map(
      (e): HistoryEntry => ({
        question: e.question,
        createdAt: e.createdAt,
        reply: toWebReply({
          kind: 'answer',
          text: e.answer,
          sources: e.sources,
          abstained: e.abstained,
          exchangeId: e.id,
          buttons: [feedbackButtons(e.id)],
        }),
        ...(e.vote ? { vote: e.vote } : {}),
      }),
    );
    return { sessionId, windowHours: VISIBLE_HISTORY.maxAgeMs / 3_600_000, exchanges };
  });
};
