/**
 * The Telegram channel: a telegraf bot wired to the conversation handler,
 * usable in long-polling mode (no public URL) or webhook mode (fastify plugin).
 */
import { Telegraf, type Context } from 'telegraf';
import type { FastifyPluginAsync } from 'fastify';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { Logger } from '../../logger.js';
import type { ConversationHandler, IncomingMessage, OutgoingReply } from '../../core/messages.js';
import type { DedupeStore } from '../dedupe-store.js';
import { createKeyedQueue } from '../keyed-queue.js';
import { mapCallbackQuery, mapTextMessage } from './map-update.js';
import { sendTelegramReply } from './send-reply.js';
import { createTelegramWebhookPlugin } from './webhook-plugin.js';

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
  /** telegraf's per-update timeout, ms (default 90 000). */
  handlerTimeoutMs?: number;
}

export interface TelegramChannel {
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
  const bot = new Telegraf(options.token, {
    telegram: { webhookReply: false, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
    handlerTimeout: options.handlerTimeoutMs ?? 90_000,
  });
  if (options.botInfo) bot.botInfo = options.botInfo;
  // Webhook updates are handled one at a time per chat (see keyed-queue.ts).
  const queue = createKeyedQueue();

  const answer = async (ctx: Context, msg: IncomingMessage): Promise<void> => {
    const replies = await handler.handle(msg);
    for (const reply of replies) await sendTelegramReply(ctx.telegram, msg.chatId, reply, logger);
  };

  bot.on('text', async (ctx) => {
    const msg = mapTextMessage(ctx.message);
    if (msg) await answer(ctx, msg);
  });
  bot.on('callback_query', async (ctx) => {
    // Answer first: the client shows a spinner until then, and late answers fail.
    await ctx.answerCbQuery().catch((err: unknown) => logger.warn({ err }, 'telegram: answerCbQuery failed'));
    const msg = mapCallbackQuery(ctx.callbackQuery);
    if (msg) await answer(ctx, msg);
  });
  bot.catch((err, ctx) => {
    logger.error({ err, update_id: ctx.update.update_id }, 'telegram: update handling failed');
  });

  let launch: Promise<void> | undefined;
  let launchSettled = false;

  const processUpdate = (update: Update): void => {
    void queue.run(chatKey(update), () =>
      bot.handleUpdate(update).catch((err: unknown) => {
        logger.error({ err, update_id: update.update_id }, 'telegram: webhook update failed');
      }),
    );
  };

  return {
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
    async stop() {
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
      await queue.idle();
    },
    webhookPlugin: createTelegramWebhookPlugin({
      secret: options.webhookSecret,
      dedupe,
      logger,
      process: processUpdate,
    }),
    async setWebhook(url) {
      bot.botInfo ??= await bot.telegram.getMe();
      await bot.telegram.setWebhook(url, {
        ...(options.webhookSecret ? { secret_token: options.webhookSecret } : {}),
        allowed_updates: ['message', 'callback_query'],
      });
      logger.info({ url }, 'telegram: webhook set');
    },
    send: (chatId, reply) => sendTelegramReply(bot.telegram, chatId, reply, logger),
    drain: () => queue.idle(),
  };
}

/** The chat an update belongs to, for per-chat ordering. */
function chatKey(update: Update): string {
  if ('message' in update) return String(update.message.chat.id);
  if ('callback_query' in update) {
    return String(update.callback_query.message?.chat.id ?? update.callback_query.from.id);
  }
  return 'other';
}
