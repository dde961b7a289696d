import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDedupeStore } from '../../src/channels/dedupe-store.js';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/index.js';
import { isAppError } from '../../src/errors.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { type FakeTelegramApi, startFakeTelegramApi } from './helpers/fake-telegram-api.js';
import { capturingLogger, type RecordingHandler, recordingHandler, silentLogger, until } from './helpers/fakes.js';

const SECRET = 'test_secret-TOKEN_123';
const BOT_INFO = {
  id: 1,
  is_bot: true as const,
  first_name: 'CCHC',
  username: 'cchc_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

const textUpdate = (updateId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId * 10,
    date: 1_700_000_000,
    chat: { id: 42, type: 'private', first_name: 'Lan' },
    from: { id: 42, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn' },
    text,
  },
});

describe('Telegram webhook plugin', () => {
  let api: FakeTelegramApi;
  let db: Db;
  let app: FastifyInstance;
  let channel: TelegramChannel;
  let handler: RecordingHandler;

  beforeEach(async () => {
    api = await startFakeTelegramApi();
    db = openDatabase(':memory:');
    handler = recordingHandler((msg) => [{ text: `Trả lời cho: ${msg.text} <b>`, buttons: [[{ label: 'Hữu ích', data: 'fb:up' }]] }]);
    channel = createTelegramChannel({
      token: '123:TEST',
      apiRoot: api.url,
      webhookSecret: SECRET,
      handler,
      dedupe: createDedupeStore(db),
      logger: silentLogger,
      botInfo: BOT_INFO,
    });
    app = Fastify();
    await app.register(channel.webhookPlugin);
    await app.ready();
  });

  afterEach(async () => {
    await app.close();
    await channel.stop();
    await api.close();
    db.close();
  });

  const post = (body: string, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) =>
    app.inject({ method: 'POST', url: '/webhooks/telegram', headers: { 'content-type': 'application/json', ...headers }, payload: body });

  it('accepts a valid update with 200 and answers it once, even when delivered twice', async () => {
    const body = JSON.stringify(textUpdate(7001, 'Kế hoạch 1523 là gì?'));
    const first = await post(body);
    expect(first.statusCode).toBe(200);
    const second = await post(body);
    expect(second.statusCode).toBe(200);
    await api.waitFor('sendMessage', 1);
    await channel.drain();
    expect(handler.received).toHaveLength(1);
    expect(handler.received[0]).toMatchObject({
      channel: 'telegram',
      userId: '42',
      chatId: '42',
      messageId: '70010',
      text: 'Kế hoạch 1523 là gì?',
      userName: 'Lan Nguyễn',
    });
    const sent = api.callsOf('sendMessage');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({
      chat_id: '42',
      parse_mode: 'HTML',
      text: 'Trả lời cho: Kế hoạch 1523 là gì? &lt;b&gt;',
      reply_markup: { inline_keyboard: [[{ text: 'Hữu ích', callback_data: 'fb:up' }]] },
    });
  });

  it('answers messages from the same chat in the order they arrived, even when the first is slower', async () => {
    handler.handle = async (msg) => {
      handler.received.push(msg);
      if (msg.text === 'chậm') await new Promise((r) => setTimeout(r, 150));
      return [{ text: `đáp ${msg.text}` }];
    };
    expect((await post(JSON.stringify(textUpdate(7101, 'chậm')))).statusCode).toBe(200);
    expect((await post(JSON.stringify(textUpdate(7102, 'nhanh')))).statusCode).toBe(200);
    await api.waitFor('sendMessage', 2);
    expect(api.callsOf('sendMessage').map((c) => c.body.text)).toEqual(['đáp chậm', 'đáp nhanh']);
  });

  it('rejects a missing or wrong secret with 401 and a code, without handling anything', async () => {
    const body = JSON.stringify(textUpdate(7002, 'x'));
    const missing = await post(body, {});
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({ code: 'WEBHOOK_AUTH_MISSING', message: expect.any(String) });
    const wrong = await post(body, { 'x-telegram-bot-api-secret-token': 'wrong' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'WEBHOOK_AUTH_INVALID', message: expect.any(String) });
    expect((await post(body, { 'x-telegram-bot-api-secret-token': SECRET.slice(0, -1) + 'x' })).statusCode).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.received).toHaveLength(0);
    expect(api.calls).toHaveLength(0);
  });

  it('acknowledges malformed JSON and JSON that is not an update with 200 and drops them (no retry loop)', async () => {
    expect((await post('{"update_id": 1, ')).json()).toEqual({ code: 'WEBHOOK_INVALID_JSON', message: expect.any(String) });
    expect((await post('{"hello": "world"}')).json()).toEqual({ code: 'WEBHOOK_INVALID_EVENT', message: expect.any(String) });
    const empty = await post('');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ code: 'WEBHOOK_INVALID_JSON' });
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.received).toHaveLength(0);
  });

  it('keeps the raw-body parser inside the plugin: sibling routes still get parsed JSON', async () => {
    const outer = Fastify();
    outer.post('/api/echo', async (req) => ({ type: typeof req.body, body: req.body }));
    await outer.register(channel.webhookPlugin);
    const res = await outer.inject({ method: 'POST', url: '/api/echo', payload: { q: 'PCI' } });
    expect(res.json()).toEqual({ type: 'object', body: { q: 'PCI' } });
    await outer.close();
  });

  it('maps a button press to callbackData and answers the callback query first', async () => {
    const update = {
      update_id: 7003,
      callback_query: {
        id: 'cbq-1',
        chat_instance: 'ci',
        data: 'faq:12',
        from: { id: 42, is_bot: false, first_name: 'Lan' },
        message: { message_id: 5, date: 0, chat: { id: -100123, type: 'supergroup', title: 'Sở' }, text: 'hỏi' },
      },
    };
    expect((await post(JSON.stringify(update))).statusCode).toBe(200);
    await api.waitFor('sendMessage', 1);
    await channel.drain();
    expect(api.calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(handler.received[0]).toMatchObject({ callbackData: 'faq:12', chatId: '-100123', userId: '42', messageId: 'cb:cbq-1' });
  });

  it('sends a long answer in ordered chunks and attachments as documents', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Đoạn ${i}. ` + 'Nội dung. '.repeat(25).trim()).join('\n\n');
    await channel.send('42', {
      text: long,
      buttons: [[{ label: 'OK', data: 'ok' }]],
      attachments: [{ filename: 'bao-cao.xlsx', mimeType: 'application/vnd.ms-excel', content: Buffer.from('xlsx') }],
    });
    const messages = api.callsOf('sendMessage');
    expect(messages.length).toBe(3);
    expect(messages.map((m) => (m.body.text as string).length).every((n) => n <= 4096)).toBe(true);
    expect(String(messages[0]?.body.text).startsWith('Đoạn 0.')).toBe(true);
    expect(messages.map((m) => m.body.reply_markup === undefined)).toEqual([true, true, false]);
    const docs = api.callsOf('sendDocument');
    expect(docs).toHaveLength(1);
    expect(String(docs[0]?.body.raw)).toContain('bao-cao.xlsx');
    expect(api.calls.map((c) => c.method).at(-1)).toBe('sendDocument');
  });

  it('falls back to plain text when Telegram rejects the HTML, and waits out a 429 once', async () => {
    api.failNext('sendMessage', { error_code: 400, description: "Bad Request: can't parse entities: unsupported start tag" });
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    await channel.send('42', { text: 'A < B & C' });
    const sent = api.callsOf('sendMessage').map((c) => ({ text: c.body.text, parse_mode: c.body.parse_mode }));
    expect(sent).toEqual([
      { text: 'A &lt; B &amp; C', parse_mode: 'HTML' },
      { text: 'A < B & C', parse_mode: undefined },
      { text: 'A < B & C', parse_mode: undefined },
    ]);
  });

  it('reports a refusal as CHANNEL_API_ERROR', async () => {
    api.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const err = await channel.send('42', { text: 'x' }).catch((e: unknown) => e);
    expect(isAppError(err, 'CHANNEL_API_ERROR')).toBe(true);
  });

  it('keeps working after the handler throws (the failure is logged)', async () => {
    const { logger, records } = capturingLogger();
    const failing = createTelegramChannel({
      token: '123:TEST',
      apiRoot: api.url,
      webhookSecret: SECRET,
      handler: { handle: async () => Promise.reject(new Error('boom')) },
      dedupe: createDedupeStore(db),
      logger,
      botInfo: BOT_INFO,
    });
    const other = Fastify();
    await other.register(failing.webhookPlugin);
    const res = await other.inject({
      method: 'POST',
      url: '/webhooks/telegram',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      payload: JSON.stringify(textUpdate(7004, 'x')),
    });
    expect(res.statusCode).toBe(200);
    await until(() => records.some((r) => r.msg === 'telegram: event handling failed'));
    await failing.drain();
    expect(process.exitCode ?? 0).toBe(0);
    expect(api.callsOf('sendMessage')).toHaveLength(0);
    await other.close();
  });
});
