/**
 * The channels the configuration enables (Telegram, Zalo OA), wired to one
 * conversation handler: their webhook plugins, their senders for proactive
 * messages, and how to stop them. Used by `src/main.ts` and by end-to-end
 * tests, so both run the same wiring.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { ChannelName, ConversationHandler } from '../core/messages.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/database.js';
import { createDedupeStore } from './dedupe-store.js';
import type { ChannelSend } from './outbound-sender.js';
import { type TelegramChannel, createTelegramChannel } from './telegram/index.js';
import { type ZaloChannel, createSqliteTokenStore, createZaloChannel } from './zalo/index.js';

export interface ConfiguredChannels {
  telegram?: TelegramChannel;
  zalo?: ZaloChannel;
  /** Webhook routes to mount on the HTTP app. */
  plugins: Array<{ plugin: FastifyPluginAsync }>;
  /** Per-channel senders, for an `OutboundSender`. */
  senders: Partial<Record<ChannelName, ChannelSend>>;
  /** Stop steps, in order (Telegram stops polling, Zalo drains pending sends). */
  closers: Array<{ name: string; run: () => Promise<void> }>;
}

export interface ConfiguredChannelsDeps {
  config: Pick<Config, 'telegram' | 'zalo'>;
  handler: ConversationHandler;
  db: Db;
  logger: Logger;
  /** Test hook: shorter back-off for Zalo's rate-limit retries. */
  zaloRateLimitDelaysMs?: number[];
}

export function createConfiguredChannels(deps: ConfiguredChannelsDeps): ConfiguredChannels {
  const { config, handler, db, logger } = deps;
  const dedupe = createDedupeStore(db);
  const out: ConfiguredChannels = { plugins: [], senders: {}, closers: [] };
  if (config.telegram) {
    const telegram = createTelegramChannel({
      token: config.telegram.token,
      ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
      ...(config.telegram.webhookSecret ? { webhookSecret: config.telegram.webhookSecret } : {}),
      handler,
      dedupe,
      logger,
    });
    out.telegram = telegram;
    out.plugins.push({ plugin: telegram.webhookPlugin });
    out.senders.telegram = telegram.send;
    out.closers.push({ name: 'telegram', run: () => telegram.stop() });
  }
  if (config.zalo) {
    const zalo = createZaloChannel({
      ...config.zalo,
      handler,
      dedupe,
      tokenStore: createSqliteTokenStore(db),
      logger,
      ...(deps.zaloRateLimitDelaysMs ? { rateLimitDelaysMs: deps.zaloRateLimitDelaysMs } : {}),
    });
    out.zalo = zalo;
    out.plugins.push({ plugin: zalo.webhookPlugin });
    out.senders.zalo = zalo.send;
    out.closers.push({ name: 'zalo', run: () => zalo.drain() });
  }
  return out;
}
