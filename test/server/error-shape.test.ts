/**
 * Every error leaves the HTTP app as `{code, message}` and nothing else,
 * with the status documented in docs/service.md.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { buildHttpApp } from '../../src/server/app.js';
import { describeError, HTTP_ERRORS } from '../../src/server/error-handler.js';
import { department, FakeAnswerer, silentLogger } from '../chat/fakes.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function build(env: Record<string, string> = {}) {
  const store = createMemoryChatStore();
  const handler = createConversationEngine({ answerer: new FakeAnswerer(), store, logger: silentLogger, department });
  app = await buildHttpApp({
    config: createConfig({ RATE_LIMIT_PER_MINUTE: '100', ...env }),
    logger: silentLogger,
    handler,
    store,
    indexStatus: () => ({ loaded: true, chunks: 1 }),
  });
  return app;
}

/** The body is exactly {code, message}: two strings, no other key. */
function expectErrorShape(body: unknown, code: string): string {
  expect(Object.keys(body as object).sort()).toEqual(['code', 'message']);
  const { code: got, message } = body as { code: string; message: string };
  expect(got).toBe(code);
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(0);
  return message;
}

describe('one error shape', () => {
  it.each([
    ['application/xml', '<a/>'],
    ['text/plain', 'xin chào'],
    ['application/x-www-form-urlencoded', 'text=hi'],
  ])('wrong content type %s → 415 {code, message}', async (type, payload) => {
    const a = await build();
    for (const url of ['/api/chat', '/api/feedback']) {
      const res = await a.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
      expect(res.statusCode).toBe(415);
      expect(expectErrorShape(res.json(), 'UNSUPPORTED_MEDIA_TYPE')).toContain('application/json');
    }
  });

  it('unknown route → 404 and wrong method on a known route → 405 with Allow', async () => {
    const a = await build();
    const missing = await a.inject({ method: 'GET', url: '/api/khong-co?x=1' });
    expect(missing.statusCode).toBe(404);
    expectErrorShape(missing.json(), 'NOT_FOUND');
    const wrong = await a.inject({ method: 'GET', url: '/api/chat' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expectErrorShape(wrong.json(), 'METHOD_NOT_ALLOWED');
  });

  it.each([
    ['/api/chat', { sessionId: 'x', text: 'hỏi' }, '"sessionId"'],
    ['/api/chat', { text: 42 }, '"text"'],
    ['/api/chat', { callbackData: '' }, '"callbackData"'],
    ['/api/feedback', { exchangeId: 'abc', vote: 'meh' }, '"vote"'],
    ['/api/feedback', { vote: 'up' }, '"exchangeId"'],
  ])('invalid body on %s → 400 naming the field', async (url, payload, field) => {
    const a = await build();
    const res = await a.inject({ method: 'POST', url, payload });
    expect(res.statusCode).toBe(400);
    const message = expectErrorShape(res.json(), 'INPUT_INVALID');
    expect(message).toContain(field);
    expect(message).toMatch(/^Dữ liệu gửi lên không hợp lệ: /);
    // zod's English defaults never reach the user.
    expect(message).not.toMatch(/Expected|Required|Invalid/);
  });

  it('malformed JSON → 400 INVALID_JSON; body over 64 KB → 413 BODY_TOO_LARGE', async () => {
    const a = await build();
    const bad = await a.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'application/json' }, payload: '{"text":' });
    expect(bad.statusCode).toBe(400);
    expectErrorShape(bad.json(), 'INVALID_JSON');
    const big = await a.inject({ method: 'POST', url: '/api/chat', payload: { text: 'x', pad: 'y'.repeat(70_000) } });
    expect(big.statusCode).toBe(413);
    expectErrorShape(big.json(), 'BODY_TOO_LARGE');
  });

  it('rate limit → 429 {code, message} with Retry-After', async () => {
    const a = await build({ RATE_LIMIT_PER_MINUTE: '1' });
    expect((await a.inject({ method: 'POST', url: '/api/chat', payload: { text: 'a' } })).statusCode).toBe(200);
    const res = await a.inject({ method: 'POST', url: '/api/chat', payload: { text: 'b' } });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(expectErrorShape(res.json(), 'RATE_LIMITED')).toContain('quá nhiều yêu cầu');
  });

  it('internal errors become 500 INTERNAL with the generic message, AppError 5xx too', () => {
    expect(describeError(new Error('SQLITE_CORRUPT at /var/lib/x'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: HTTP_ERRORS.INTERNAL.message },
    });
    expect(describeError(new AppError('DB_ERROR', 'Migration chat#2 failed')).body).toEqual({
      code: 'INTERNAL',
      message: HTTP_ERRORS.INTERNAL.message,
    });
    expect(describeError(new AppError('FORBIDDEN', 'Chỉ dành cho cán bộ.'))).toEqual({
      status: 403,
      body: { code: 'FORBIDDEN', message: 'Chỉ dành cho cán bộ.' },
    });
  });
});
