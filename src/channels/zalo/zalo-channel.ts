/**
 * The Zalo OA channel: webhook events → conversation handler → consultation
 * messages back through the OA API.
 */

import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ConversationHandler, OutgoingReply } from '../../core/messages.js';
import { decodePayload } from '../../core/payload.js';
import type { Logger } from '../../logger.js';
import type { Channel } from '../channel.js';
import type { DedupeStore } from '../dedupe-store.js';
import { createWebhookPipeline } from '../webhook/pipeline.js';
import type { ZaloInbound } from './parse-event.js';
import { renderZaloReply } from './render.js';
import type { TokenStore } from './token-store.js';
import { createZaloAdapter, createZaloWebhookPlugin } from './webhook-plugin.js';
import { ZaloApiError } from './zalo-api-error.js';
import { createZaloClient, type ZaloClient } from './zalo-client.js';

export interface ZaloChannelOptions {
  appId: string;
  appSecret: string;
  /** OA Secret Key (webhook signatures), not the App Secret. */
  oaSecretKey: string;
  /** Initial access token, used when the token store is empty. */
  accessToken: string;
  refreshToken?: string;
  apiBase: string;
  oauthBase: string;
  handler: ConversationHandler;
  dedupe: DedupeStore;
  tokenStore: TokenStore;
  logger: Logger;
  /** Back-off before retries after -32 (rate limit), ms. */
  rateLimitDelaysMs?: number[];
  /** Freshness window of an event's `timestamp`, seconds (default 300). */
  eventMaxAgeSeconds?: number;
  /** Time limit of one event's handling, ms (default 90 000). */
  handlerTimeoutMs?: number;
  /** Clock for the freshness window, for tests. */
  now?: () => number;
}

export interface ZaloChannel extends Channel {
  name: 'zalo';
  /** `POST /webhooks/zalo`, for `buildHttpApp({ plugins })`. */
  webhookPlugin: FastifyPluginAsync;
  /** Send a reply to a Zalo user (also used for proactive messages). */
  send(userId: string, reply: OutgoingReply): Promise<void>;
  client: ZaloClient;
  /** Resolves when no event is being handled. */
  drain(): Promise<void>;
}

/** Shown when a user sends a sticker, image… without any text. */
const TEXT_ONLY_NOTE = 'Hiện tại tôi chỉ đọc được tin nhắn dạng chữ. Bạn vui lòng gõ câu hỏi bằng chữ nhé.';
const MAX_KNOWN_PAYLOADS = 5000;

/**
 * Put the configured pair into the store when the store is empty or was seeded
 * from a different configured pair; otherwise keep the stored (refreshed) chain.
 */
export function seedTokens(store: TokenStore, accessToken: string, refreshToken: string | undefined, logger: Logger): void {
  const fingerprint = createHash('sha256')
    .update(`${accessToken}\n${refreshToken ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  const stored = store.load();
  if (stored && stored.seededFrom === fingerprint) return;
  store.save({ accessToken, ...(refreshToken ? { refreshToken } : {}), seededFrom: fingerprint });
  logger.info(stored ? 'zalo: configured tokens changed; stored pair replaced' : 'zalo: token store seeded from configuration');
}

/**
 * Create the Zalo OA channel. Seeds the token store from `accessToken` /
 * `refreshToken` (see {@link seedTokens}); afterwards the stored, refreshed pair wins.
 */
export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const { handler, dedupe, tokenStore, logger } = options;
  seedTokens(tokenStore, options.accessToken, options.refreshToken, logger);
  const client = createZaloClient({
    appId: options.appId,
    appSecret: options.appSecret,
    apiBase: options.apiBase,
    oauthBase: options.oauthBase,
    tokenStore,
    logger,
    ...(options.rateLimitDelaysMs ? { rateLimitDelaysMs: options.rateLimitDelaysMs } : {}),
  });
  // Button payloads we sent: `oa.query.show` makes the user's app send them back as text.
  const knownPayloads = new Set<string>();
  const send = async (userId: string, reply: OutgoingReply): Promise<void> => {
    const { messages, payloads, droppedButtons } = renderZaloReply(reply);
    if (droppedButtons.length > 0) logger.warn({ userId, droppedButtons }, 'zalo: more than 4 buttons; extra ones dropped');
    for (const p of payloads) {
      knownPayloads.delete(p);
      knownPayloads.add(p);
      if (knownPayloads.size > MAX_KNOWN_PAYLOADS) knownPayloads.delete(knownPayloads.values().next().value as string);
    }
    for (const message of messages) await client.sendMessage(userId, message);
  };

  const handleInbound = async (inbound: ZaloInbound): Promise<void> => {
    try {
      if (inbound.kind === 'not-text') {
        await send(inbound.userId, { text: TEXT_ONLY_NOTE, kind: 'system' });
        return;
      }
      const replies = await handler.handle(inbound.message);
      for (const reply of replies) await send(inbound.message.userId, reply);
    } catch (err) {
      // Logged here for the Zalo error code; the pipeline's guard is the safety net.
      const zaloCode = err instanceof ZaloApiError ? err.zaloCode : undefined;
      logger.error({ err, zaloCode }, 'zalo: handling the event failed');
    }
  };

  // Events are handled one at a time per user, after the 200.
  const pipeline = createWebhookPipeline({
    adapter: createZaloAdapter({
      appId: options.appId,
      oaSecretKey: options.oaSecretKey,
      // A payload of ours survives a restart too (the set is in memory): anything the codec reads is a press.
      isKnownPayload: (text) => knownPayloads.has(text) || decodePayload(text) !== null,
      ...(options.eventMaxAgeSeconds !== undefined ? { maxAgeSeconds: options.eventMaxAgeSeconds } : {}),
      ...(options.now ? { now: options.now } : {}),
    }),
    dedupe,
    logger,
    handle: handleInbound,
    ...(options.handlerTimeoutMs !== undefined ? { handlerTimeoutMs: options.handlerTimeoutMs } : {}),
  });

  return {
    name: 'zalo',
    webhookPlugin: createZaloWebhookPlugin(pipeline),
    send,
    client,
    drain: () => pipeline.idle(),
    close: () => pipeline.idle(),
  };
}
