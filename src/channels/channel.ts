/**
 * What every messaging channel (Telegram, Zalo OA, …) offers the
 * application: a webhook route, a sender for proactive messages, and a way
 * to stop. The registry in configured-channels.ts builds them from the
 * configuration; nothing else needs to know which channels exist.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ChannelName } from '../core/messages.js';
import type { ChannelSend } from './outbound-sender.js';

export interface Channel {
  name: Exclude<ChannelName, 'web' | 'cli'>;
  /** The channel's webhook route (shared pipeline), for `buildHttpApp({ plugins })`. */
  webhookPlugin: FastifyPluginAsync;
  /** Send a reply to a conversation (also used for proactive messages). */
  send: ChannelSend;
  /** Stop receiving and wait for events still being handled. */
  close(): Promise<void>;
}
