/**
 * Fastify plugin for Telegram webhook mode: `POST /webhooks/telegram`.
 *
 * Order of checks: secret token (constant time) → JSON → dedupe on
 * `update_id` → 200 at once; the update is then handled asynchronously, so a
 * slow answer never makes Telegram time out (60 s) and redeliver.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../logger.js';
import type { DedupeStore } from '../dedupe-store.js';
import { constantTimeEqual } from '../constant-time.js';
import { bodyBytes, useRawBodies } from '../raw-body.js';

/** Route path registered by the plugin. */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The webhook URL to register: `<publicUrl>/webhooks/telegram` (trailing slashes removed). */
export function telegramWebhookUrl(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '') + TELEGRAM_WEBHOOK_PATH;
}

export interface TelegramWebhookDeps {
  /** Expected `X-Telegram-Bot-Api-Secret-Token`; without it every request is refused (403). */
  secret?: string;
  dedupe: DedupeStore;
  logger: Logger;
  /** Called after the 200 is sent; must not throw synchronously. */
  process(update: Update): void;
}

/**
 * Build the webhook plugin. Mount it on the app (encapsulated, no prefix).
 * Responses: 401 no secret header, 403 wrong secret, 400 malformed body,
 * 200 accepted (also for a repeated `update_id`, which is dropped).
 */
export function createTelegramWebhookPlugin(deps: TelegramWebhookDeps): FastifyPluginAsync {
  return async (app) => {
    useRawBodies(app);
    app.post(TELEGRAM_WEBHOOK_PATH, {
      // Runs before the body is even read.
      onRequest: async (req, reply) => {
        const given = req.headers[SECRET_HEADER];
        if (typeof given !== 'string' || given === '') {
          return reply.code(401).send({ ok: false, error: 'missing secret token' });
        }
        if (!deps.secret || !constantTimeEqual(given, deps.secret)) {
          deps.logger.warn({ ip: req.ip }, 'telegram webhook: wrong secret token');
          return reply.code(403).send({ ok: false, error: 'forbidden' });
        }
        return undefined;
      },
      handler: async (req, reply) => {
        let update: unknown;
        try {
          update = JSON.parse(bodyBytes(req.body).toString('utf8'));
        } catch {
          return reply.code(400).send({ ok: false, error: 'malformed JSON' });
        }
        if (!isUpdate(update)) return reply.code(400).send({ ok: false, error: 'not a Telegram update' });
        if (!deps.dedupe.firstSeen('telegram', String(update.update_id))) {
          deps.logger.info({ update_id: update.update_id }, 'telegram webhook: repeated update dropped');
          return reply.code(200).send({ ok: true, duplicate: true });
        }
        // After the response is on its way; the dedupe row already makes this at-most-once.
        setImmediate(() => deps.process(update));
        return reply.code(200).send({ ok: true });
      },
    });
  };
}

function isUpdate(value: unknown): value is Update {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { update_id?: unknown }).update_id)
  );
}
