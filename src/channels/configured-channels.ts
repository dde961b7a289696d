/**
 * The channels the configuration enables (Telegram, Zalo OA), wired to one
 * conversation handler: their webhook plugins, their senders for proactive
 * messages, and how to stop them. Used by `src/main.ts` and by end-to-end
 * tests, so both run the same wiring.
 *
 * Adding a channel is one entry in {@link CHANNEL_REGISTRY} (plus, if
 * `main.ts` needs it by name, one field in {@link ConfiguredChannels}).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { ChannelName, ConversationHandler } from '../core/messages.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/database.js';
import type { Channel } from './channel.js';
import { createDedupeStore, type DedupeStore } from './dedupe-store.js';
import type { ChannelSend } from './outbound-sender.js';
import { createTelegramChannel, type TelegramChannel } from './telegram/index.js';
import { createSqliteTokenStore, createZaloChannel, type ZaloChannel } from './zalo/index.js';

export interface ConfiguredChannels {
  telegram?: TelegramChannel;
  zalo?: ZaloChannel;
  /** Every enabled channel, in registry order. */
  all: Channel[];
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

/** One registry entry: builds the channel, or returns undefined when it is not configured. */
type ChannelFactory = (deps: ConfiguredChannelsDeps, dedupe: DedupeStore) => Channel | undefined;

/** Every channel the bot knows, in start/stop order. */
export const CHANNEL_REGISTRY: readonly ChannelFactory[] = [
  ({ config, handler, logger }, dedupe) =>
    config.telegram
      ? createTelegramChannel({
          token: config.telegram.token,
          ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
          ...(config.telegram.webhookSecret ? { webhookSecret: config.telegram.webhookSecret } : {}),
          handler,
          dedupe,
          logger,
        })
      : undefined,
  ({ config, handler, logger, db, zaloRateLimitDelaysMs }, dedupe) =>
    config.zalo
      ? createZaloChannel({
          ...config.zalo,
          handler,
          dedupe,
          tokenStore: createSqliteTokenStore(db),
          logger,
          ...(zaloRateLimitDelaysMs ? { rateLimitDelaysMs: zaloRateLimitDelaysMs } : {}),
        })
      : undefined,
];

/** Build every configured channel over one durable dedupe store. */
export function createConfiguredChannels(deps: ConfiguredChannelsDeps): ConfiguredChannels {
  const dedupe = createDedupeStore(deps.db);
  const all = CHANNEL_REGISTRY.map((create) => create(deps, dedupe)).filter((c): c is Channel => c !== undefined);
  const out: ConfiguredChannels = { all, plugins: [], senders: {}, closers: [] };
  for (const channel of all) {
    out.plugins.push({ plugin: channel.webhookPlugin });
    out.senders[channel.name] = channel.send;
    out.closers.push({ name: channel.name, run: () => channel.close() });
  }
  const telegram = all.find((c): c is TelegramChannel => c.name === 'telegram');
  const zalo = all.find((c): c is ZaloChannel => c.name === 'zalo');
  if (telegram) out.telegram = telegram;
  if (zalo) out.zalo = zalo;
  return out;
}
