/**
 * The Zalo webhook through the full HTTP app with a capturing logger: what
 * the logs may and may not contain, and the configurable freshness window.
 */
import { createHash } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../../src/logger.js';
import { buildChannelApp, type ChannelApp, settle, strictHandler } from './helpers/channel-app.js';
import { type FakeZaloApi, startFakeZaloApi } from './helpers/fake-zalo-api.js';

const APP_ID = '360846524940903967';
const OA_SECRET = 'oa-secret-for-log-tests';
const USER = '5521772797175877301';

const mac = (raw: string, timestamp: string) =>
  createHash('sha256')
    .update(APP_ID + raw + timestamp + OA_SECRET)
    .digest('hex');

/** Every raw pino line, as the process would print it (same redaction as createLogger). */
function rawLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, { write: (l: string) => void lines.push(l) });
  return { logger, lines };
}

describe('Zalo webhook: logs and freshness (full HTTP app)', () => {
  let api: FakeZaloApi | undefined;
  let bot: ChannelApp | undefined;

  afterEach(async () => {
    await bot?.close();
    await api?.close();
  });

  async function start(extraEnv: Record<string, string>, logger: pino.Logger) {
    api = await startFakeZaloApi();
    const handler = strictHandler();
    bot = await buildChannelApp(
      {
        KNOWLEDGE_DIR: '.',
        ZALO_APP_ID: APP_ID,
        ZALO_APP_SECRET: 'app-secret',
        ZALO_OA_SECRET_KEY: OA_SECRET,
        ZALO_OA_ACCESS_TOKEN: 'access-0',
        ZALO_API_BASE: api.url,
        ZALO_OAUTH_BASE: api.url,
        ...extraEnv,
      },
      handler,
      logger,
    );
    return { handler, app: bot.app };
  }

  const event = (msgId: string, timestamp = String(Date.now())) => {
    const raw = JSON.stringify({ app_id: APP_ID, event_name: 'user_send_text', sender: { id: USER }, message: { text: 'Hỏi', msg_id: msgId }, timestamp });
    return { raw, timestamp, expected: mac(raw, timestamp) };
  };

  it('never logs the expected MAC or the received one, not even a prefix', async () => {
    const { logger, lines } = rawLogger();
    const { app } = await start({}, logger);
    const e = event('m-log');
    const given = 'f'.repeat(12) + e.expected.slice(12); // close to the real one
    const res = await app.inject({
      method: 'POST',
      url: '/webhooks/zalo',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${given}` },
      payload: e.raw,
    });
    expect(res.statusCode).toBe(401);
    await settle();
    const all = lines.join('\n');
    expect(lines.some((l) => (JSON.parse(l) as { level: number }).level === 40)).toBe(true); // the refusal is logged…
    expect(all).not.toContain(e.expected.slice(0, 8)); // …without any part of the MAC
    expect(all).not.toContain(given.slice(0, 8));
    expect(all).not.toContain(OA_SECRET);
    expect(lines.some((l) => l.includes('WEBHOOK_AUTH_INVALID'))).toBe(true);
  });

  it('accepts a valid event once and drops the repeat; ZALO_EVENT_MAX_AGE_SECONDS narrows the window', async () => {
    const { logger } = rawLogger();
    const { app, handler } = await start({ ZALO_EVENT_MAX_AGE_SECONDS: '30' }, logger);
    const send = (e: ReturnType<typeof event>) =>
      app.inject({
        method: 'POST',
        url: '/webhooks/zalo',
        headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${e.expected}` },
        payload: e.raw,
      });
    const fresh = event('m-fresh');
    expect((await send(fresh)).json()).toEqual({ ok: true });
    expect((await send(fresh)).json()).toEqual({ ok: true, duplicate: true });
    const minuteOld = event('m-old', String(Date.now() - 60_000));
    expect((await send(minuteOld)).json()).toMatchObject({ code: 'WEBHOOK_EVENT_STALE' });
    await api?.waitForMessages(1);
    await bot?.drain();
    expect(handler.received.map((m) => m.messageId)).toEqual(['m-fresh']);
  });
});
