/**
 * Telegram's adapter for the shared webhook pipeline (`POST /webhooks/telegram`):
 * the secret header, the update schema, `update_id` as the dedupe key and the
 * chat as the ordering key. Everything else is the pipeline's (see
 * ../webhook/pipeline.ts and docs/channels.md for the responses).
 */
import type { FastifyPluginAsync } from 'fastify';
import { constantTimeEqual } from '../constant-time.js';
import { createWebhookPlugin } from '../webhook/fastify-plugin.js';
import type { WebhookAdapter, WebhookPipeline } from '../webhook/pipeline.js';
import { describeUpdate, mapUpdate, type TelegramInbound } from './map-update.js';
import { type TelegramUpdate, validateTelegramUpdate } from './update-schema.js';

/** Route path registered by the plugin. */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';
/** Header Telegram sends with the `secret_token` given to `setWebhook`. */
export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The webhook URL to register: `<publicUrl>/webhooks/telegram` (trailing slashes removed). */
export function telegramWebhookUrl(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '') + TELEGRAM_WEBHOOK_PATH;
}

/**
 * The adapter. Without a configured secret every webhook request is refused
 * (polling mode needs none: `validate` and `map` are shared with it).
 */
export function createTelegramAdapter(secret: string | undefined): WebhookAdapter<TelegramUpdate, TelegramInbound> {
  return {
    channel: 'telegram',
    authenticate(req) {
      const given = req.headers[TELEGRAM_SECRET_HEADER];
      if (typeof given !== 'string' || given === '') return { ok: false, code: 'WEBHOOK_AUTH_MISSING' };
      if (!secret || !constantTimeEqual(given, secret)) return { ok: false, code: 'WEBHOOK_AUTH_INVALID' };
      return { ok: true };
    },
    validate: validateTelegramUpdate,
    dedupeKey: (update) => String(update.update_id),
    map: (update) => mapUpdate(update),
    orderingKey: (inbound) => inbound.message.chatId,
    describe: describeUpdate,
  };
}

/** The Fastify plugin over a Telegram pipeline. */
export function createTelegramWebhookPlugin(pipeline: WebhookPipeline<TelegramUpdate>): FastifyPluginAsync {
  return createWebhookPlugin({ path: TELEGRAM_WEBHOOK_PATH, pipeline });
}
