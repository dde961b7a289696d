/**
 * The Fastify side of a webhook pipeline: one `POST` route whose bodies
 * arrive as raw bytes (nothing is parsed before the pipeline authenticates
 * the request), and an error handler that keeps the `{ code, message }` body
 * for framework errors (e.g. a body over the size limit).
 */
import type { FastifyPluginAsync } from 'fastify';
import { bodyBytes, useRawBodies } from '../raw-body.js';
import type { WebhookErrorBody } from './outcome.js';
import type { WebhookPipeline } from './pipeline.js';

export interface WebhookPluginOptions {
  /** Exact route path, e.g. `/webhooks/telegram`. */
  path: string;
  pipeline: Pick<WebhookPipeline<unknown>, 'receive'>;
}

const TOO_LARGE = 'Nội dung gửi lên quá lớn.';
const INTERNAL = 'Hệ thống đang gặp sự cố, vui lòng thử lại sau.';
const BAD_REQUEST = 'Yêu cầu không hợp lệ.';

/**
 * Build the plugin. Register it without a prefix; it is encapsulated, so its
 * raw-body parser and error handler do not leak to sibling routes.
 */
export function createWebhookPlugin(options: WebhookPluginOptions): FastifyPluginAsync {
  return async (app) => {
    useRawBodies(app);
    app.setErrorHandler((err: { statusCode?: number; code?: string }, request, reply) => {
      const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
      if (status >= 500) request.log.error({ err }, 'webhook request failed');
      const body: WebhookErrorBody =
        status >= 500 ? { code: 'INTERNAL', message: INTERNAL } : { code: err.code ?? 'BAD_REQUEST', message: status === 413 ? TOO_LARGE : BAD_REQUEST };
      void reply.status(status).type('application/json; charset=utf-8').send(body);
    });
    app.post(options.path, async (req, reply) => {
      const res = options.pipeline.receive({ headers: req.headers, body: bodyBytes(req.body), ip: req.ip });
      return reply.code(res.status).type('application/json; charset=utf-8').send(res.body);
    });
  };
}
