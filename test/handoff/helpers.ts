/**
 * The bot composed as src/main.ts composes it for the handoff (chat store,
 * ticket service, engine with handoff hooks, channels, outbound sender, admin
 * area with the Tickets routes, web inbox), over a database file that a test
 * can reopen to simulate a restart. Not listening unless the test calls
 * `app.listen`; the clock is the test's.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type ConfiguredChannels, createConfiguredChannels } from '../../src/channels/configured-channels.js';
import { createOutboundSender } from '../../src/channels/outbound-sender.js';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createHandoffHooks } from '../../src/chat/handoff.js';
import { SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { type Config, createConfig } from '../../src/config.js';
import type { QuestionAnswerer } from '../../src/core/answer.js';
import type { ConversationHandler } from '../../src/core/messages.js';
import { handoffShorthand } from '../../src/handoff/detect.js';
import { type CuratedAnswerSink, createTelegramStaffNotifier, createTicketService, SqliteTicketStore, type TicketService } from '../../src/handoff/index.js';
import { createReportsModule } from '../../src/reports/index.js';
import { buildHttpApp } from '../../src/server/app.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { databasePath } from '../../src/store/paths.js';
import { loadChatAbbreviations } from '../../src/text/query/abbreviations.js';
import { FakeAnswerer, silentLogger } from '../chat/fakes.js';

export const KNOWLEDGE_DIR = path.join(import.meta.dirname, '../../knowledge');
export const ADMIN_TOKEN = 'handoff-admin-token-0123456789abcdef';
export const TG_SECRET = 'handoff_webhook-SECRET_42';
export const TG_TOKEN = '123456789:AAHandoffTestTokenHandoffTestToken01';
export const STAFF_CHAT = '-1001234567890';
export const ZALO_APP_ID = '360846524940903967';
export const ZALO_OA_SECRET = 'oa-secret-key-for-handoff-tests';

/** A clock the test moves. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start = new Date()): TestClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'cchc-handoff-'));
}

export interface HandoffBot {
  config: Config;
  db: Db;
  tickets: TicketService;
  engine: ConversationHandler;
  channels: ConfiguredChannels;
  app: FastifyInstance;
  saved: Array<{ question: string; answer: string }>;
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Compose the bot from environment variables (TELEGRAM_*, ZALO_*), data in `dataDir`. */
export async function startHandoffBot(opts: {
  env?: Record<string, string>;
  dataDir: string;
  clock: TestClock;
  answerer?: QuestionAnswerer;
  listen?: boolean;
}): Promise<HandoffBot> {
  const config = createConfig({
    KNOWLEDGE_DIR,
    DATA_DIR: opts.dataDir,
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: '1000',
    ...opts.env,
  });
  const logger = silentLogger;
  const db = openDatabase(databasePath(config));
  const chatStore = new SqliteChatStore(db);
  const tickets = createTicketService({ store: new SqliteTicketStore(db), logger, now: opts.clock.now });
  const reports = createReportsModule({ db, config, logger, now: opts.clock.now });
  const staffChatId = config.handoff.telegramStaffChatId;
  const engine = createConversationEngine({
    answerer: opts.answerer ?? new FakeAnswerer(),
    store: chatStore,
    logger,
    department: config.department,
    now: opts.clock.now,
    reportFlow: reports.flow,
    handoff: createHandoffHooks({
      tickets,
      officeHours: config.handoff.officeHours,
      ...(staffChatId ? { staffChatId } : {}),
      shorthand: handoffShorthand(loadChatAbbreviations('knowledge/chat-abbreviations.yaml')),
    }),
  });
  const channels = createConfiguredChannels({ config, handler: engine, db, logger, zaloRateLimitDelaysMs: [5, 5] });
  const outbound = createOutboundSender(channels.senders);
  const saved: Array<{ question: string; answer: string }> = [];
  const curated: CuratedAnswerSink = { saveCuratedAnswer: (question, answer) => void saved.push({ question, answer }) };
  tickets.connect({
    outbound,
    curated,
    ...(staffChatId && channels.telegram ? { staffNotifier: createTelegramStaffNotifier(outbound, staffChatId) } : {}),
  });
  const app = await buildHttpApp({
    config,
    logger,
    handler: engine,
    store: chatStore,
    db,
    indexStatus: () => ({ loaded: true, chunks: 1 }),
    plugins: [
      { ...reports.adminPlugin, opts: { ...reports.adminPlugin.opts, tickets: { tickets, now: opts.clock.now, departmentName: config.department.name } } },
      ...channels.plugins,
    ],
    webInbox: (s) => tickets.takeWebInbox(s),
    now: opts.clock.now,
  });
  const drain = async () => {
    await channels.telegram?.drain();
    await channels.zalo?.drain();
  };
  return {
    config,
    db,
    tickets,
    engine,
    channels,
    app,
    saved,
    drain,
    async close() {
      await app.close();
      for (const c of channels.closers) await c.run();
      db.close();
    },
  };
}

/** `Authorization` header of the admin API. */
export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Environment of a Telegram bot in webhook mode against a fake Bot API. */
export function telegramEnv(apiRoot: string, staff = true): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TG_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    TELEGRAM_API_ROOT: apiRoot,
    PUBLIC_URL: 'https://bot.example.gov.vn',
    ...(staff ? { TELEGRAM_STAFF_CHAT_ID: STAFF_CHAT } : {}),
  };
}

/** Environment of a Zalo OA against a fake API. */
export function zaloEnv(apiBase: string): Record<string, string> {
  return {
    ZALO_APP_ID,
    ZALO_APP_SECRET: 'app-secret-handoff',
    ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
    ZALO_OA_ACCESS_TOKEN: 'access-0',
    ZALO_OA_REFRESH_TOKEN: 'refresh-0',
    ZALO_API_BASE: apiBase,
    ZALO_OAUTH_BASE: apiBase,
  };
}

let zaloTs = Date.now();
/** POST a signed Zalo `user_send_text` event (timestamp = real now: the webhook checks freshness). */
export function postZaloText(app: FastifyInstance, userId: string, text: string, msgId: string) {
  const raw = JSON.stringify({
    app_id: ZALO_APP_ID,
    event_name: 'user_send_text',
    sender: { id: userId },
    recipient: { id: '579745863508352884' },
    message: { text, msg_id: msgId },
    timestamp: String(Math.max(++zaloTs, Date.now())),
  });
  const timestamp = (JSON.parse(raw) as { timestamp: string }).timestamp;
  const mac = `mac=${createHash('sha256')
    .update(ZALO_APP_ID + raw + timestamp + ZALO_OA_SECRET)
    .digest('hex')}`;
  return app.inject({
    method: 'POST',
    url: '/webhooks/zalo',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': mac },
    payload: raw,
  });
}

let updateId = 5000;
/** A Telegram text update from a private chat (or a group, with `chatId`). */
export function telegramTextUpdate(
  text: string,
  from: { id: number; first_name: string },
  extra: { chatId?: number; replyTo?: { text: string; fromBot: boolean }; updateId?: number } = {},
): Record<string, unknown> {
  const id = extra.updateId ?? ++updateId;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: extra.chatId ?? from.id, type: extra.chatId ? 'supergroup' : 'private' },
      from: { ...from, is_bot: false },
      text,
      ...(extra.replyTo
        ? {
            reply_to_message: {
              message_id: 1,
              date: 0,
              chat: { id: extra.chatId ?? from.id },
              from: { id: 1, is_bot: extra.replyTo.fromBot, first_name: 'Bot' },
              text: extra.replyTo.text,
            },
          }
        : {}),
    },
  };
}

/** POST an update to the Telegram webhook with the secret. */
export function postTelegram(app: FastifyInstance, update: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: '/webhooks/telegram',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
    payload: JSON.stringify(update),
  });
}
