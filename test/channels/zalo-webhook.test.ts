import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDedupeStore } from '../../src/channels/dedupe-store.js';
import { createSqliteTokenStore, createZaloChannel, type TokenStore, type ZaloChannel } from '../../src/channels/zalo/index.js';
import type { IncomingMessage, OutgoingReply } from '../../src/core/messages.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { type FakeZaloApi, startFakeZaloApi } from './helpers/fake-zalo-api.js';
import { capturingLogger, type RecordingHandler, recordingHandler, until } from './helpers/fakes.js';

const APP_ID = '360846524940903967';
const OA_SECRET = 'oa-secret-key-for-tests';
const APP_SECRET = 'app-secret-not-for-webhooks';
const USER = '5521772797175877301'; // > 2^53

const sign = (raw: string, timestamp: string, key = OA_SECRET) =>
  'mac=' +
  createHash('sha256')
    .update(APP_ID + raw + timestamp + key)
    .digest('hex');

// Close to now: events outside the freshness window (ZALO_EVENT_MAX_AGE_SECONDS) are dropped.
let ts = Date.now();
const textEvent = (text: string, msgId: string, userId = USER) =>
  JSON.stringify({
    app_id: APP_ID,
    user_id_by_app: '552177279717587730',
    event_name: 'user_send_text',
    sender: { id: userId },
    recipient: { id: '579745863508352884' },
    message: { text, msg_id: msgId },
    timestamp: String(++ts),
  });

describe('Zalo OA webhook and channel', () => {
  let api: FakeZaloApi;
  let db: Db;
  let app: FastifyInstance;
  let channel: ZaloChannel;
  let tokenStore: TokenStore;
  let handler: RecordingHandler;
  let answer: (msg: IncomingMessage) => OutgoingReply[];
  let log: ReturnType<typeof capturingLogger>;

  beforeEach(async () => {
    api = await startFakeZaloApi();
    db = openDatabase(':memory:');
    tokenStore = createSqliteTokenStore(db);
    log = capturingLogger();
    answer = (msg) => [{ text: `Trả lời: ${msg.text}` }];
    handler = recordingHandler((msg) => answer(msg));
    channel = createZaloChannel({
      appId: APP_ID,
      appSecret: APP_SECRET,
      oaSecretKey: OA_SECRET,
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      apiBase: api.url,
      oauthBase: api.url,
      handler,
      dedupe: createDedupeStore(db),
      tokenStore,
      logger: log.logger,
      rateLimitDelaysMs: [5, 5],
    });
    app = Fastify();
    await app.register(channel.webhookPlugin);
    await app.ready();
  });

  afterEach(async () => {
    await app.close();
    await channel.drain();
    await api.close();
    db.close();
  });

  const post = (raw: string, signature?: string) =>
    app.inject({
      method: 'POST',
      url: '/webhooks/zalo',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-zevent-signature': signature } : {}) },
      payload: raw,
    });
  const signedPost = (raw: string) => post(raw, sign(raw, JSON.parse(raw).timestamp as string));

  it('answers a signed text event with 200 before handling it, then replies through the API', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    handler.handle = async (msg) => {
      handler.received.push(msg);
      await gate;
      return [{ text: 'Xin chào anh/chị' }];
    };
    const res = await signedPost(textEvent('Thủ tục cấp phép?', 'msg-1'));
    expect(res.statusCode).toBe(200);
    expect(api.messages()).toHaveLength(0); // not answered yet: processing is asynchronous
    release();
    const [sent] = await api.waitForMessages(1);
    expect(sent?.headers['access_token']).toBe('access-0');
    expect(sent?.body).toEqual({ recipient: { user_id: USER }, message: { text: 'Xin chào anh/chị' } });
    expect(handler.received[0]).toMatchObject({ channel: 'zalo', userId: USER, chatId: USER, messageId: 'msg-1', text: 'Thủ tục cấp phép?' });
  });

  it('keeps ids that exceed 2^53 exact even when sent as bare JSON numbers', async () => {
    const raw = `{"app_id":"${APP_ID}","event_name":"user_send_text","sender":{"id":98765432109876543210},"recipient":{"id":1},"message":{"text":"hi","msg_id":"m-big"},"timestamp":"${++ts}"}`;
    expect((await signedPost(raw)).statusCode).toBe(200);
    await api.waitForMessages(1);
    expect(handler.received[0]?.userId).toBe('98765432109876543210');
    expect(api.messages()[0]?.body).toMatchObject({ recipient: { user_id: '98765432109876543210' } });
  });

  it('rejects a missing or wrong signature with 401 and handles nothing', async () => {
    const raw = textEvent('x', 'msg-2');
    const t = JSON.parse(raw).timestamp as string;
    expect((await post(raw)).statusCode).toBe(401);
    expect((await post(raw, 'mac=' + '0'.repeat(64))).statusCode).toBe(401);
    expect((await post(raw, sign(raw, t, APP_SECRET))).statusCode).toBe(401); // app secret is the wrong key
    expect((await post(raw + ' ', sign(raw, t))).statusCode).toBe(401); // body changed after signing
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.received).toHaveLength(0);
    expect(api.requests).toHaveLength(0);
  });

  it('checks the signature on the raw bytes before parsing: bad signature + bad JSON is 401', async () => {
    for (const raw of ['{"app_id": "1", ', '[1,2]', '', '{"timestamp":"1"']) {
      const res = await post(raw, 'mac=' + 'a'.repeat(64));
      expect(res.statusCode, raw).toBe(401);
      expect(res.json()).toEqual({ code: 'WEBHOOK_AUTH_INVALID', message: expect.any(String) });
    }
    const missing = await post('{"app_id": "1", ');
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'WEBHOOK_AUTH_MISSING' });
  });

  it('acknowledges a signed body that is not JSON or not an event with 200 and drops it', async () => {
    const t = String(Date.now());
    const broken = `{"app_id":"${APP_ID}","timestamp":"${t}","event_name":`;
    const res = await post(broken, sign(broken, t));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 'WEBHOOK_INVALID_JSON', message: expect.any(String) });
    const noName = JSON.stringify({ app_id: APP_ID, sender: { id: USER }, timestamp: t });
    expect((await post(noName, sign(noName, t))).json()).toMatchObject({ code: 'WEBHOOK_INVALID_EVENT' });
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.received).toHaveLength(0);
  });

  it('drops a correctly signed event whose timestamp is outside the window, with WEBHOOK_EVENT_STALE', async () => {
    const event = (timestamp: number, msgId: string) =>
      JSON.stringify({
        app_id: APP_ID,
        event_name: 'user_send_text',
        sender: { id: USER },
        message: { text: 'cũ', msg_id: msgId },
        timestamp: String(timestamp),
      });
    const old = event(Date.now() - 301_000, 'msg-old');
    const stale = await signedPost(old);
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toEqual({ code: 'WEBHOOK_EVENT_STALE', message: expect.any(String) });
    const future = event(Date.now() + 3_600_000, 'msg-future');
    expect((await signedPost(future)).json()).toMatchObject({ code: 'WEBHOOK_EVENT_STALE' });
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.received).toHaveLength(0);
    expect(log.records.find((r) => r.code === 'WEBHOOK_EVENT_STALE')).toMatchObject({ maxAgeMs: 300_000 });
    // Inside the window: accepted.
    expect((await signedPost(event(Date.now() - 60_000, 'msg-recent'))).json()).toEqual({ ok: true });
    await api.waitForMessages(1);
  });

  it('answers a repeated delivery (same msg_id) only once', async () => {
    const raw = textEvent('Lặp lại?', 'msg-dup');
    expect((await signedPost(raw)).json()).toEqual({ ok: true });
    expect((await signedPost(raw)).json()).toEqual({ ok: true, duplicate: true });
    await api.waitForMessages(1);
    await channel.drain();
    expect(handler.received).toHaveLength(1);
    expect(api.messages()).toHaveLength(1);
  });

  it('greets a new follower by handling "/start"', async () => {
    answer = () => [{ text: 'Chào mừng bạn đến với Sở Công Thương' }];
    const raw = JSON.stringify({
      oa_id: '579745863508352884',
      follower: { id: USER },
      user_id_by_app: '1',
      event_name: 'follow',
      source: 'testing_webhook',
      app_id: APP_ID,
      timestamp: String(++ts),
    });
    expect((await signedPost(raw)).statusCode).toBe(200);
    const [sent] = await api.waitForMessages(1);
    expect(handler.received[0]).toMatchObject({ text: '/start', userId: USER, chatId: USER });
    expect(sent?.body).toMatchObject({ message: { text: 'Chào mừng bạn đến với Sở Công Thương' } });
  });

  it('ignores OA echo events (oa_send_*)', async () => {
    const raw = JSON.stringify({
      app_id: APP_ID,
      event_name: 'oa_send_text',
      sender: { id: '579745863508352884', admin_id: '123' },
      recipient: { id: USER },
      message: { text: 'Cán bộ trả lời', msg_id: 'echo-1' },
      timestamp: String(++ts),
    });
    expect((await signedPost(raw)).statusCode).toBe(200);
    await until(() => log.records.some((r) => r.msg === 'zalo: event ignored'));
    await channel.drain();
    expect(handler.received).toHaveLength(0);
    expect(api.messages()).toHaveLength(0);
  });

  it('refreshes the token once on -216, persists the new pair, and re-sends', async () => {
    api.script('/v3.0/oa/message/cs', { error: -216, message: 'Access token is invalid' });
    expect((await signedPost(textEvent('Hỏi', 'msg-216'))).statusCode).toBe(200);
    await api.waitForMessages(2);
    await channel.drain();
    const refreshes = api.refreshes();
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.headers['secret_key']).toBe(APP_SECRET);
    expect(refreshes[0]?.body).toEqual({ refresh_token: 'refresh-0', app_id: APP_ID, grant_type: 'refresh_token' });
    expect(api.messages().map((m) => m.headers['access_token'])).toEqual(['access-0', 'access-1']);
    expect(tokenStore.load()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('does not retry -230 (outside the 7-day window) and logs the Zalo code', async () => {
    api.script('/v3.0/oa/message/cs', { error: -230, message: 'User has not interacted with the OA in the past 7 days' });
    expect((await signedPost(textEvent('Hỏi', 'msg-230'))).statusCode).toBe(200);
    await until(() => log.records.some((r) => r.msg === 'zalo: handling the event failed'));
    await channel.drain();
    expect(api.messages()).toHaveLength(1);
    expect(api.refreshes()).toHaveLength(0);
    expect(log.records.find((r) => r.msg === 'zalo: handling the event failed')?.zaloCode).toBe(-230);
  });

  it('splits a long answer into parts of at most 2000 characters, buttons on the last part', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `Mục ${i}: ` + 'thông tin thủ tục hành chính. '.repeat(8).trim()).join('\n\n');
    answer = () => [
      {
        text: long,
        buttons: [
          [
            { label: 'Hữu ích', data: 'fb:up' },
            { label: 'Chưa hữu ích', data: 'fb:down' },
          ],
          [
            { label: 'Một nhãn rất dài vượt quá ba mươi lăm ký tự cho phép', data: 'x:1' },
            { label: 'B', data: 'x:2' },
          ],
          [{ label: 'Thứ năm', data: 'x:3' }],
        ],
      },
    ];
    expect((await signedPost(textEvent('Dài', 'msg-long'))).statusCode).toBe(200);
    await until(() => api.messages().length >= 4);
    await channel.drain();
    const parts = api
      .messages()
      .map((m) => m.body.message as { text: string; attachment?: { payload: { buttons: Array<{ title: string; type: string; payload: string }> } } });
    expect(long.length).toBeGreaterThan(6000);
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(long.length / 2000));
    for (const p of parts) expect([...p.text].length).toBeLessThanOrEqual(2000);
    expect(parts.map((p) => p.text).join('\n\n')).toBe(long);
    expect(parts.slice(0, -1).every((p) => p.attachment === undefined)).toBe(true);
    const buttons = parts.at(-1)?.attachment?.payload.buttons ?? [];
    expect(buttons.map((b) => b.payload)).toEqual(['fb:up', 'fb:down', 'x:1', 'x:2']);
    expect(buttons.every((b) => b.type === 'oa.query.show' && [...b.title].length <= 35)).toBe(true);

    // The user's app sends the payload back as text: it becomes a button press.
    expect((await signedPost(textEvent('fb:up', 'msg-press'))).statusCode).toBe(200);
    await until(() => handler.received.length === 2);
    expect(handler.received[1]).toMatchObject({ text: 'fb:up', callbackData: 'fb:up' });
    expect(handler.received[0]?.callbackData).toBeUndefined();
    // A report-card payload from before a restart (never sent by this process) is still a press.
    expect((await signedPost(textEvent('rp:save:abc123', 'msg-old-card'))).statusCode).toBe(200);
    await until(() => handler.received.length === 3);
    expect(handler.received[2]).toMatchObject({ callbackData: 'rp:save:abc123' });
  });
});
