import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  computeZaloSignature,
  createMemoryTokenStore,
  createSqliteTokenStore,
  createZaloClient,
  parseZaloEvent,
  quoteLargeIntegers,
  seedTokens,
  type TokenStore,
  verifyZaloSignature,
  ZaloApiError,
} from '../../src/channels/zalo/index.js';
import { isAppError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { CS_PATH, type FakeZaloApi, startFakeZaloApi, TOKEN_PATH } from './helpers/fake-zalo-api.js';
import { silentLogger } from './helpers/fakes.js';

describe('Zalo client', () => {
  let api: FakeZaloApi;
  let store: TokenStore;
  const client = (rateLimitDelaysMs = [5, 5]) =>
    createZaloClient({ appId: 'app', appSecret: 'sec', apiBase: api.url, oauthBase: api.url, tokenStore: store, logger: silentLogger, rateLimitDelaysMs });

  beforeEach(async () => {
    api = await startFakeZaloApi();
    store = createMemoryTokenStore({ accessToken: 'access-0', refreshToken: 'refresh-0' });
  });
  afterEach(async () => {
    await api.close();
  });

  it('treats HTTP 200 with error != 0 as a failure carrying the Zalo code', async () => {
    api.script(CS_PATH, { error: -201, message: 'user_id is invalid!' });
    const err = await client()
      .sendMessage('1', { text: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(isAppError(err, 'CHANNEL_API_ERROR')).toBe(true);
    expect((err as ZaloApiError).zaloCode).toBe(-201);
    expect(api.messages()).toHaveLength(1);
  });

  it('shares one refresh between concurrent sends that hit -220', async () => {
    api.script(CS_PATH, { error: -220, message: 'expired' }, { error: -220, message: 'expired' });
    const c = client();
    await Promise.all([c.sendMessage('1', { text: 'a' }), c.sendMessage('2', { text: 'b' })]);
    expect(api.refreshes()).toHaveLength(1);
    expect(store.load()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(Number(store.load()?.expiresAt) - Date.now()).toBeGreaterThan(89_000_000);
    expect(
      api
        .messages()
        .slice(2)
        .map((m) => m.headers['access_token']),
    ).toEqual(['access-1', 'access-1']);
  });

  it('retries only once after a refresh: a second -216 fails', async () => {
    api.script(CS_PATH, { error: -216, message: 'invalid' }, { error: -216, message: 'invalid' });
    const err = await client()
      .sendMessage('1', { text: 'a' })
      .catch((e: unknown) => e);
    expect((err as ZaloApiError).zaloCode).toBe(-216);
    expect(api.refreshes()).toHaveLength(1);
    expect(api.messages()).toHaveLength(2);
  });

  it('keeps the old pair when the refresh fails, and says so', async () => {
    api.script(CS_PATH, { error: -216, message: 'invalid' });
    api.script(TOKEN_PATH, { error: -14014, message: 'Invalid refresh token' });
    const err = await client()
      .sendMessage('1', { text: 'a' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(store.load()).toMatchObject({ accessToken: 'access-0', refreshToken: 'refresh-0' });
  });

  it('backs off on -32 a bounded number of times', async () => {
    api.script(CS_PATH, { error: -32, message: 'limit' }, { error: -32, message: 'limit' });
    await client([5, 5]).sendMessage('1', { text: 'a' });
    expect(api.messages()).toHaveLength(3);

    api.script(CS_PATH, { error: -32, message: 'limit' }, { error: -32, message: 'limit' }, { error: -32, message: 'limit' });
    const err = await client([5, 5])
      .sendMessage('1', { text: 'a' })
      .catch((e: unknown) => e);
    expect((err as ZaloApiError).zaloCode).toBe(-32);
    expect(api.messages()).toHaveLength(6);
  });

  it('reports an unreachable API as CHANNEL_UNREACHABLE', async () => {
    const url = api.url;
    await api.close();
    const c = createZaloClient({ appId: 'a', appSecret: 's', apiBase: url, oauthBase: url, tokenStore: store, logger: silentLogger });
    const err = await c.sendMessage('1', { text: 'a' }).catch((e: unknown) => e);
    expect(isAppError(err, 'CHANNEL_UNREACHABLE')).toBe(true);
    api = await startFakeZaloApi();
  });
});

describe('Zalo token store (SQLite)', () => {
  it('round-trips the pair and overwrites it', () => {
    const db = openDatabase(':memory:');
    const store = createSqliteTokenStore(db);
    expect(store.load()).toBeUndefined();
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresAt: 123 });
    store.save({ accessToken: 'a2', refreshToken: 'r2' });
    expect(store.load()).toEqual({ accessToken: 'a2', refreshToken: 'r2' });
    db.close();
  });

  it('seeds from configuration once, keeps the refreshed chain on restart, and re-seeds when the configured pair changes', () => {
    const db = openDatabase(':memory:');
    const store = createSqliteTokenStore(db);
    seedTokens(store, 'env-a', 'env-r', silentLogger);
    expect(store.load()).toMatchObject({ accessToken: 'env-a', refreshToken: 'env-r' });
    // A refresh rotates the pair but keeps the seed fingerprint.
    store.save({ ...store.load()!, accessToken: 'access-9', refreshToken: 'refresh-9' });
    seedTokens(store, 'env-a', 'env-r', silentLogger); // restart, same .env
    expect(store.load()).toMatchObject({ accessToken: 'access-9', refreshToken: 'refresh-9' });
    seedTokens(store, 'env-b', 'env-r2', silentLogger); // admin authorised again
    expect(store.load()).toMatchObject({ accessToken: 'env-b', refreshToken: 'env-r2' });
    db.close();
  });
});

describe('Zalo signature and parsing', () => {
  it('computes mac= + sha256(appId + body + timestamp + OA secret key)', () => {
    const raw = '{"app_id":"1","timestamp":"2"}';
    const expected =
      'mac=' +
      createHash('sha256')
        .update('1' + raw + '2' + 'k')
        .digest('hex');
    expect(computeZaloSignature('1', raw, '2', 'k')).toBe(expected);
    expect(verifyZaloSignature(expected, { appId: '1', rawBody: raw, timestamp: '2', oaSecretKey: 'k' })).toBe(true);
    expect(verifyZaloSignature(expected.slice(4), { appId: '1', rawBody: raw, timestamp: '2', oaSecretKey: 'k' })).toBe(false);
  });

  it('quotes unsafe integers outside strings only', () => {
    expect(quoteLargeIntegers('{"a":12345678901234567890,"b":"12345678901234567890","c":1.5e30,"d":42,"e":-98765432109876543210}')).toBe(
      '{"a":"12345678901234567890","b":"12345678901234567890","c":1.5e30,"d":42,"e":"-98765432109876543210"}',
    );
    expect(quoteLargeIntegers('{"s":"a \\" 12345678901234567890"}')).toBe('{"s":"a \\" 12345678901234567890"}');
    expect(parseZaloEvent('{"event_name":"user_send_text","sender":{"id":12345678901234567890},"timestamp":1699003881354}')).toEqual({
      event_name: 'user_send_text',
      sender: { id: '12345678901234567890' },
      timestamp: '1699003881354',
    });
  });
});
