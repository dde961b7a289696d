/**
 * The Zalo OA channel: webhook events → conversation handler → consultation
 * messages back through the OA API.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from '../../logger.js';
import type { ConversationHandler, IncomingMessage, OutgoingReply } from '../../core/messages.js';
import type { DedupeStore } from '../dedupe-store.js';
import { createKeyedQueue } from '../keyed-queue.js';
import type { ZaloEvent } from './parse-event.js';
import { renderZaloReply } from './render.js';
import type { TokenStore } from './token-store.js';
import { ZaloApiError } from './zalo-api-error.js';
import { createZaloClient, type ZaloClient } from './zalo-client.js';
import { createZaloWebhookPlugin } from './webhook-plugin.js';

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
}

export interface ZaloChannel {
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
  const fingerprint = createHash('sha256').update(`${accessToken}\n${refreshToken ?? ''}`).digest('hex').slice(0, 32);
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
  // Events are handled one at a time per user (see keyed-queue.ts).
  const queue = createKeyedQueue();

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

  const toIncoming = (event: ZaloEvent): IncomingMessage | 'not-text' | null => {
    const name = event.event_name ?? '';
    const time = new Date(Number(event.timestamp) || Date.now());
    if (name === 'follow' && event.follower?.id) {
      const id = event.follower.id;
      return { channel: 'zalo', userId: id, chatId: id, messageId: `follow:${event.timestamp ?? ''}`, text: '/start', time };
    }
    if (!name.startsWith('user_send_') || event.sender?.admin_id) return null;
    const userId = event.sender?.id;
    if (!userId) return null;
    const text = (event.message?.text ?? '').normalize('NFC').trim();
    if (text === '') return 'not-text';
    const msg: IncomingMessage = {
      channel: 'zalo',
      userId,
      chatId: userId,
      messageId: event.message?.msg_id ?? `${name}:${event.timestamp ?? ''}`,
      text,
      time,
    };
    if (knownPayloads.has(text)) msg.callbackData = text;
    return msg;
  };

  const processEvent = async (event: ZaloEvent): Promise<void> => {
    const incoming = toIncoming(event);
    if (incoming === null) {
      logger.debug({ event: event.event_name }, 'zalo: event ignored');
      return;
    }
    const userId = incoming === 'not-text' ? event.sender?.id ?? '' : incoming.userId;
    try {
      if (incoming === 'not-text') {
        await send(userId, { text: TEXT_ONLY_NOTE, kind: 'system' });
        return;
      }
      const replies = await handler.handle(incoming);
      for (const reply of replies) await send(userId, reply);
    } catch (err) {
      const zaloCode = err instanceof ZaloApiError ? err.zaloCode : undefined;
      logger.error({ err, zaloCode, event: event.event_name }, 'zalo: handling the event failed');
    }
  };

  return {
    webhookPlugin: createZaloWebhookPlugin({
      appId: options.appId,
      oaSecretKey: options.oaSecretKey,
      dedupe,
      logger,
      process(event) {
        void queue.run(event.sender?.id ?? event.follower?.id ?? 'other', () => processEvent(event));
      },
    }),
    send,
    client,
    drain: () => queue.idle(),
  };
}
