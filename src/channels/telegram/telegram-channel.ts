/**
 * The Telegram channel: a telegraf bot wired to the conversation handler,
 * usable in long-polling mode (no public URL) or webhook mode (fastify plugin).
 * Both modes go through the shared webhook pipeline (../webhook/): the same
 * zod schema, total mapping, per-chat order and guarded handling.
 */

import type { FastifyPluginAsync } from 'fastify';
import { Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { ConversationHandler, OutgoingReply } from '../../core/messages.js';
import type { Logger } from '../../logger.js';
import type { Channel } from '../channel.js';
import type { DedupeStore } from '../dedupe-store.js';
import { DEFAULT_HANDLER_TIMEOUT_MS } from '../webhook/guarded-dispatcher.js';
import { createWebhookPipeline } from '../webhook/pipeline.js';
import { describeUpdate, type TelegramInbound } from './map-update.js';
import { sendTelegramReply } from './send-reply.js';
import { validateTelegramUpdate } from './update-schema.js';
import { createTelegramAdapter, createTelegramWebhookPlugin } from './webhook-plugin.js';

export interface TelegramChannelOptions {
  /** Bot token from @BotFather. */
  token: string;
  /** Bot API root; only for an emulator or a local Bot API server. */
  apiRoot?: string;
  /** `X-Telegram-Bot-Api-Secret-Token` expected in webhook mode. */
  webhookSecret?: string;
  handler: ConversationHandler;
  dedupe: DedupeStore;
  logger: Logger;
  /** Preset bot identity (skips the implicit `getMe`), e.g. in tests. */
  botInfo?: UserFromGetMe;
  /** Time limit of one update's handling, ms (default 90 000), in both modes. */
  handlerTimeoutMs?: number;
}

export interface TelegramChannel extends Channel {
  name: 'telegram';
  bot: Telegraf;
  /** Start long polling (not awaited; telegraf's promise resolves only on stop). */
  startPolling(): void;
  /** Stop polling (if started) and wait for updates still being handled. */
  stop(): Promise<void>;
  /** `POST /webhooks/telegram`, for `buildHttpApp({ plugins })`. */
  webhookPlugin: FastifyPluginAsync;
  /** Register `url` with Telegram (with the secret token) and load the bot identity. */
  setWebhook(url: string): Promise<void>;
  /** Send a reply to a chat (proactive messages). */
  send(chatId: string, reply: OutgoingReply): Promise<void>;
  /** Resolves when no update is being handled. */
  drain(): Promise<void>;
}

/**
 * Create the Telegram channel. Nothing touches the network until
 * `startPolling`, `setWebhook`, `send` or an incoming update.
 * @example
 * const tg = createTelegramChannel({ token, handler, dedupe, logger });
 * tg.startPolling();
 */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { handler, dedupe, logger } = options;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS;
  const bot = new Telegraf(options.token, {
    telegram: { webhookReply: false, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
    // Our own guard (pipeline) enforces the limit; telegraf's is only a backstop.
    handlerTimeout: handlerTimeoutMs + 5_000,
  });
  if (options.botInfo) bot.botInfo = options.botInfo;

  const handleInbound = async ({ message, callbackQueryId }: TelegramInbound): Promise<void> => {
    if (callbackQueryId) {
      // Answer first: the client shows a spinner until then, and late answers fail.
      await bot.telegram.answerCbQuery(callbackQueryId).catch((err: unknown) => logger.warn({ err }, 'telegram: answerCbQuery failed'));
    }
    const replies = await handler.handle(message);
    for (const reply of replies) await sendTelegramReply(bot.telegram, message.chatId, reply, logger);
  };

  // One pipeline for both modes: webhook requests go through `receive`,
  // polled updates through `deliver` (same schema, same mapping, same guard;
  // one task at a time per chat).
  const pipeline = createWebhookPipeline({
    adapter: createTelegramAdapter(options.webhookSecret),
    dedupe,
    logger,
    handle: handleInbound,
    handlerTimeoutMs,
  });

  // Polling: getUpdates' offset already prevents redelivery, so no dedupe here.
  bot.use(async (ctx) => {
    const result = validateTelegramUpdate(ctx.update);
    if (!result.ok) {
      logger.warn({ code: result.code, ...describeUpdate(ctx.update), ...result.detail }, 'telegram: polled update dropped');
      return;
    }
    await pipeline.deliver(result.event);
  });
  // Without it telegraf sets process.exitCode = 1 and rethrows (which stops polling).
  bot.catch((err, ctx) => {
    logger.error({ err, ...describeUpdate(ctx.update) }, 'telegram: update handling failed');
  });

  let launch: Promise<void> | undefined;
  let launchSettled = false;

  const stop = async (): Promise<void> => {
    if (launch && !launchSettled) {
      // launch() needs getMe + deleteWebhook before polling exists; retry briefly.
      let stopped = false;
      for (let i = 0; i < 100 && !launchSettled && !stopped; i++) {
        try {
          bot.stop('shutdown');
          stopped = true;
        } catch {
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      if (stopped) await launch;
      else if (!launchSettled) logger.warn('telegram: polling did not start within 2 s; not waiting for it');
    }
    await pipeline.idle();
  };

  return {
    name: 'telegram',
    bot,
    startPolling() {
      if (launch) return;
      launch = bot
        .launch({ allowedUpdates: ['message', 'callback_query'] })
        .catch((err: unknown) => logger.error({ err }, 'telegram: polling stopped with an error'))
        .finally(() => {
          launchSettled = true;
        });
      logger.info('telegram: long polling started');
    },
    stop,
    close: stop,
    webhookPlugin: createTelegramWebhookPlugin(pipeline),
    async setWebhook(url) {
      bot.botInfo ??= await bot.telegram.getMe();
      await bot.telegram.setWebhook(url, {
        ...(options.webhookSecret ? { secret_token: options.webhookSecret } : {}),
        allowed_updates: ['message', 'callback_query'],
      });
      logger.info({ url }, 'telegram: webhook set');
    },
    send: (chatId, reply) => sendTelegramReply(bot.telegram, chatId, reply, logger),
    drain: () => pipeline.idle(),
  };
}
