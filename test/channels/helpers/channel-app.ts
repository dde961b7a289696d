/**
 * The real HTTP app (health route, web API, channel webhooks) with the
 * channels wired as `src/main.ts` wires them (`createConfiguredChannels`),
 * for webhook tests that must go through every layer. Not listening: use
 * `app.inject`.
 */
import type { FastifyInstance } from 'fastify';
import { type ConfiguredChannels, createConfiguredChannels } from '../../../src/channels/configured-channels.js';
import { SqliteChatStore } from '../../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../../src/config.js';
import type { ConversationHandler, IncomingMessage, OutgoingReply } from '../../../src/core/messages.js';
import type { Logger } from '../../../src/logger.js';
import { buildHttpApp } from '../../../src/server/app.js';
import { type Db, openDatabase } from '../../../src/store/database.js';

export interface ChannelApp {
  app: FastifyInstance;
  channels: ConfiguredChannels;
  db: Db;
  /** Wait until every channel has handled what it accepted. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Build the app from environment variables (TELEGRAM_*, ZALO_*), an in-memory database. */
export async function buildChannelApp(env: Record<string, string>, handler: ConversationHandler, logger: Logger): Promise<ChannelApp> {
  const config = createConfig(env);
  const db = openDatabase(':memory:');
  const channels = createConfiguredChannels({ config, handler, db, logger, zaloRateLimitDelaysMs: [5, 5] });
  const app = await buildHttpApp({
    config,
    logger,
    handler,
    store: new SqliteChatStore(db),
    indexStatus: () => ({ loaded: true, chunks: 1 }),
    plugins: channels.plugins,
  });
  const drain = async () => {
    await channels.telegram?.drain();
    await channels.zalo?.drain();
  };
  return {
    app,
    channels,
    db,
    drain,
    async close() {
      await app.close();
      for (const c of channels.closers) await c.run();
      db.close();
    },
  };
}

export interface StrictHandler extends ConversationHandler {
  received: IncomingMessage[];
}

/**
 * A handler that uses its input the way the conversation engine does and
 * throws on anything malformed (so a bad mapping cannot go unnoticed).
 */
export function strictHandler(answer: (msg: IncomingMessage) => OutgoingReply[] = (m) => [{ text: `Đã nhận: ${m.text}` }]): StrictHandler {
  const received: IncomingMessage[] = [];
  return {
    received,
    async handle(msg) {
      if (typeof msg.text !== 'string' || msg.text.trim() === '') throw new TypeError('message without text');
      if (!/^-?\d+$/.test(msg.userId) && msg.channel === 'telegram') throw new TypeError(`bad user id ${msg.userId}`);
      if (typeof msg.chatId !== 'string' || msg.chatId === '' || msg.chatId === 'undefined') throw new TypeError('no chat');
      msg.time.toISOString(); // RangeError on an invalid date
      received.push(msg);
      return answer(msg);
    },
  };
}

/** Let scheduled work run: a few immediates and a timer tick, repeated. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Record `uncaughtException` and `unhandledRejection` while a test runs. */
export function watchProcessFailures(): { failures: unknown[]; stop(): void } {
  const failures: unknown[] = [];
  const onError = (err: unknown) => void failures.push(err);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return {
    failures,
    stop() {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    },
  };
}
