/**
 * Malformed but authenticated Telegram updates, through the full HTTP app
 * (webhook mode) and through telegraf's update path (polling mode): each is
 * acknowledged or dropped, nothing reaches the handler, nothing throws
 * outside a catch, and the server keeps answering.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChannelApp, type ChannelApp, type StrictHandler, settle, strictHandler, watchProcessFailures } from './helpers/channel-app.js';
import { type FakeTelegramApi, startFakeTelegramApi } from './helpers/fake-telegram-api.js';
import { capturingLogger } from './helpers/fakes.js';

const SECRET = 'malformed_test-SECRET_42';
const HEADERS = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };

/** Bodies that pass authentication but are not usable updates. */
const MALFORMED: Array<[string, string]> = [
  ['message without chat (attack run)', '{"update_id":1,"message":{"text":"hi"}}'],
  ['empty callback_query, no update_id', '{"callback_query":{}}'],
  ['message: null, no update_id', '{"message":null}'],
  ['message: null with an update_id', '{"update_id":2,"message":null}'],
  ['empty object', '{}'],
  ['array', '[]'],
  ['update_id is a string', '{"update_id":"x"}'],
  ['callback_query without message and from', '{"update_id":3,"callback_query":{"id":"q1","data":"faq:1"}}'],
  ['message without chat, with sender', '{"update_id":4,"message":{"message_id":1,"date":1700000000,"from":{"id":5,"first_name":"A"},"text":"hi"}}'],
  ['chat id not a number', '{"update_id":5,"message":{"message_id":1,"date":1700000000,"chat":{"id":"42"},"from":{"id":5},"text":"hi"}}'],
  ['date not a number', '{"update_id":6,"message":{"message_id":1,"date":"soon","chat":{"id":42},"from":{"id":5},"text":"hi"}}'],
  ['text not a string', '{"update_id":7,"message":{"message_id":1,"date":1700000000,"chat":{"id":42},"from":{"id":5},"text":{"a":1}}}'],
];

describe('malformed Telegram updates (webhook, full HTTP app)', () => {
  let api: FakeTelegramApi;
  let bot: ChannelApp;
  let handler: StrictHandler;
  let log: ReturnType<typeof capturingLogger>;

  beforeEach(async () => {
    api = await startFakeTelegramApi();
    handler = strictHandler();
    log = capturingLogger();
    bot = await buildChannelApp(
      { TELEGRAM_BOT_TOKEN: '123:MALFORMED_abcdefghijklmnopqrstuvwxyz01', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: api.url, KNOWLEDGE_DIR: '.' },
      handler,
      log.logger,
    );
  });

  afterEach(async () => {
    await bot.close();
    await api.close();
  });

  const post = (payload: string, headers: Record<string, string> = HEADERS) => bot.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload });

  it('acknowledges each one with 200, drops it, and the server keeps serving /healthz', async () => {
    const watch = watchProcessFailures();
    try {
      for (const [name, body] of MALFORMED) {
        const res = await post(body);
        expect(res.statusCode, name).toBe(200);
        expect(res.json(), name).toMatchObject({ code: expect.stringMatching(/^WEBHOOK_INVALID_(JSON|EVENT)$/) });
        await settle(2); // let the asynchronous part (if any) run before the next one
      }
      await settle();
      await bot.drain();
      const health = await bot.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(watch.failures).toEqual([]);
      expect(handler.received).toEqual([]);
      expect(api.calls).toEqual([]);
      // Each drop is logged once, with its code and no message text.
      const drops = log.records.filter((r) => r.msg === 'telegram webhook: event dropped');
      expect(drops).toHaveLength(MALFORMED.length);
      expect(JSON.stringify(drops)).not.toContain('"hi"');
    } finally {
      watch.stop();
    }
  });

  it('still answers a valid update after the malformed ones', async () => {
    for (const [, body] of MALFORMED) await post(body);
    const valid = {
      update_id: 100,
      message: { message_id: 9, date: 1_700_000_000, chat: { id: 42, type: 'private' }, from: { id: 42, is_bot: false, first_name: 'Lan' }, text: 'Xin chào' },
    };
    expect((await post(JSON.stringify(valid))).json()).toEqual({ ok: true });
    await api.waitFor('sendMessage', 1);
    expect(handler.received.map((m) => m.text)).toEqual(['Xin chào']);
  });

  it('ignores well-formed updates of other kinds (edited message, sticker, game button) with a debug log', async () => {
    const watch = watchProcessFailures();
    try {
      const bodies = [
        { update_id: 200, edited_message: { message_id: 1, date: 1, chat: { id: 42 }, text: 'sửa' } },
        { update_id: 201, message: { message_id: 2, date: 1, chat: { id: 42 }, from: { id: 42 }, sticker: { file_id: 'x' } } },
        { update_id: 202, callback_query: { id: 'q', from: { id: 42 }, game_short_name: 'g' } },
        { update_id: 203, message: { message_id: 3, date: 1, chat: { id: 42 }, text: 'no sender' } },
      ];
      for (const b of bodies) expect((await post(JSON.stringify(b))).json()).toEqual({ ok: true });
      await settle();
      await bot.drain();
      expect(handler.received).toEqual([]);
      expect(log.records.filter((r) => r.msg === 'telegram: event ignored')).toHaveLength(bodies.length);
      expect(watch.failures).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('refuses a wrong content type with 415 after authentication, and a missing or wrong secret with 401 first', async () => {
    const body = '{"update_id":300}';
    const asText = await post(body, { ...HEADERS, 'content-type': 'text/plain' });
    expect(asText.statusCode).toBe(415);
    expect(asText.json()).toMatchObject({ code: 'WEBHOOK_UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) });
    const noSecret = await post('not json', { 'content-type': 'text/plain' });
    expect(noSecret.statusCode).toBe(401);
    expect(noSecret.json()).toMatchObject({ code: 'WEBHOOK_AUTH_MISSING' });
    const wrong = await post('not json', { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'WEBHOOK_AUTH_INVALID' });
    // No content type at all: still authentication first, then 415.
    const bare = (headers: Record<string, string>) =>
      bot.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: Buffer.from('{"update_id":301}') });
    expect((await bare({})).statusCode).toBe(401);
    const noType = await bare({ 'x-telegram-bot-api-secret-token': SECRET });
    expect(noType.statusCode).toBe(415);
    expect(noType.json()).toMatchObject({ code: 'WEBHOOK_UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('framework errors on a webhook route', () => {
  it('keep the { code, message } body (413 for a body over the limit)', async () => {
    const api = await startFakeTelegramApi();
    const bot = await buildChannelApp(
      { TELEGRAM_BOT_TOKEN: '123:BIG_abcdefghijklmnopqrstuvwxyz0123456', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: api.url, KNOWLEDGE_DIR: '.' },
      strictHandler(),
      capturingLogger().logger,
    );
    try {
      const res = await bot.app.inject({ method: 'POST', url: '/webhooks/telegram', headers: HEADERS, payload: 'x'.repeat(200 * 1024) });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toEqual({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: expect.any(String) });
    } finally {
      await bot.close();
      await api.close();
    }
  });
});

describe('malformed Telegram updates (polling path: bot.handleUpdate)', () => {
  it('never reaches the handler and never throws out of telegraf', async () => {
    const api = await startFakeTelegramApi();
    const handler = strictHandler();
    const log = capturingLogger();
    const bot = await buildChannelApp(
      { TELEGRAM_BOT_TOKEN: '123:POLLMALFORMED_abcdefghijklmnopqrstuvwxyz', TELEGRAM_API_ROOT: api.url, KNOWLEDGE_DIR: '.' },
      handler,
      log.logger,
    );
    const telegram = bot.channels.telegram;
    if (!telegram) throw new Error('telegram not configured');
    telegram.bot.botInfo = {
      id: 1,
      is_bot: true,
      first_name: 'T',
      username: 't_bot',
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    const watch = watchProcessFailures();
    try {
      for (const [name, body] of MALFORMED) {
        // This is what telegraf's polling loop does with each update it receives.
        await expect(telegram.bot.handleUpdate(JSON.parse(body) as never), name).resolves.toBeUndefined();
      }
      await settle();
      await telegram.drain();
      expect(handler.received).toEqual([]);
      expect(log.records.filter((r) => r.msg === 'telegram: polled update dropped')).toHaveLength(MALFORMED.length);
      expect(log.records.filter((r) => r.msg === 'telegram: update handling failed')).toEqual([]);
      expect(watch.failures).toEqual([]);
      expect(process.exitCode ?? 0).toBe(0);

      // The same mapping as webhook mode for a good update.
      await telegram.bot.handleUpdate({
        update_id: 50,
        message: {
          message_id: 1,
          date: 1_700_000_000,
          chat: { id: 42, type: 'private', first_name: 'Lan' },
          from: { id: 42, is_bot: false, first_name: 'Lan' },
          text: 'Chào',
        },
      });
      expect(handler.received).toMatchObject([{ text: 'Chào', chatId: '42', userId: '42', userName: 'Lan' }]);
    } finally {
      watch.stop();
      await bot.close();
      await api.close();
    }
  });
});
