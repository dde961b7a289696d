import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../src/config.js';
import { isAppError } from '../src/errors.js';

function errorOf(env: Record<string, string>): string {
  try {
    createConfig(env);
  } catch (err) {
    if (isAppError(err, 'CONFIG_INVALID')) return err.message;
    throw err;
  }
  throw new Error('expected CONFIG_INVALID');
}

/** A token of the shape BotFather hands out (digits, colon, 35 URL-safe characters); not a real one. */
const GOOD_TOKEN = `123456789:${'A'.repeat(20)}b-c_d${'9'.repeat(10)}`;

describe('createConfig', () => {
  it('gives the embedded default with no keys at all', () => {
    const c = createConfig({});
    expect(c.knowledgeDir).toBe('./knowledge');
    expect(c.dataDir).toBe('./data');
    expect(c.llm).toBeUndefined();
    expect(c.embeddings).toBeUndefined();
    expect(c.telegram).toBeUndefined();
    expect(c.zalo).toBeUndefined();
    expect(c.department.phone).toBeUndefined();
  });

  it('switches the LLM on with a base URL (local servers need no key)', () => {
    const c = createConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'qwen2.5' });
    expect(c.llm).toMatchObject({ baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5' });
  });

  it('uses a separate embedding server when OPENAI_EMBEDDING_BASE_URL is set (vLLM/TEI serve one model each)', () => {
    const c = createConfig({
      OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
      OPENAI_MODEL: 'Qwen/Qwen2.5-7B-Instruct',
      OPENAI_EMBEDDING_BASE_URL: 'http://127.0.0.1:8080/v1',
      OPENAI_EMBEDDING_MODEL: 'BAAI/bge-m3',
      OPENAI_TIMEOUT_MS: '15000',
    });
    expect(c.llm).toMatchObject({ baseURL: 'http://127.0.0.1:8000/v1', timeoutMs: 15000 });
    expect(c.embeddings).toMatchObject({ baseURL: 'http://127.0.0.1:8080/v1', model: 'BAAI/bge-m3', timeoutMs: 15000 });
    const ollama = createConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'q', OPENAI_EMBEDDING_MODEL: 'bge-m3' });
    expect(ollama.embeddings?.baseURL).toBe('http://127.0.0.1:11434/v1');
  });

  it('allows remote embeddings without a chat model', () => {
    const c = createConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_EMBEDDING_MODEL: 'bge-m3' });
    expect(c.llm).toBeUndefined();
    expect(c.embeddings?.model).toBe('bge-m3');
  });

  it.each([
    [{ OPENAI_EMBEDDING_BASE_URL: 'http://127.0.0.1:8080/v1' }, 'OPENAI_EMBEDDING_MODEL'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ OPENAI_BASE_URL: 'not a url', OPENAI_MODEL: 'm' }, 'OPENAI_BASE_URL'],
    [{ OPENAI_API_KEY: 'k' }, 'OPENAI_MODEL'],
    [{ OPENAI_EMBEDDING_MODEL: 'e' }, 'OPENAI_EMBEDDING_MODEL'],
    [{ ZALO_APP_ID: '1' }, 'ZALO_OA_SECRET_KEY'],
    [{ TELEGRAM_BOT_TOKEN: GOOD_TOKEN, TELEGRAM_WEBHOOK_SECRET: 'short' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, 'TELEGRAM_BOT_TOKEN'],
    [{ TELEGRAM_BOT_TOKEN: '123456:short' }, 'TELEGRAM_BOT_TOKEN'],
    [{ REMINDER_DAYS: '32/13' }, 'REMINDER_DAYS'],
    [{ REMINDER_DAYS: '15/11,31/11' }, 'REMINDER_DAYS'],
    [{ REMINDER_DAYS: '30/2' }, 'REMINDER_DAYS'],
    [{ REMINDER_DAYS: '0/5' }, 'REMINDER_DAYS'],
    [{ WEB_CHAT_RETENTION_DAYS: '0' }, 'WEB_CHAT_RETENTION_DAYS'],
    [{ HTTP_REQUEST_TIMEOUT_MS: '5' }, 'HTTP_REQUEST_TIMEOUT_MS'],
    [{ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ ZALO_EVENT_MAX_AGE_SECONDS: 'soon' }, 'ZALO_EVENT_MAX_AGE_SECONDS'],
    [{ ZALO_EVENT_MAX_AGE_SECONDS: '0' }, 'ZALO_EVENT_MAX_AGE_SECONDS'],
  ])('%j fails naming %s', (env, name) => {
    expect(errorOf(env as Record<string, string>)).toContain(name);
  });

  it('runs one HTTP worker per core unless WORKERS says otherwise; waits 60 s for workers to load a console change', () => {
    expect(createConfig({}).server.workers).toBe(availableParallelism());
    expect(createConfig({ WORKERS: '1' }).server.workers).toBe(1);
    expect(createConfig({}).indexSyncTimeoutMs).toBe(60_000);
    expect(createConfig({ INDEX_SYNC_TIMEOUT_MS: '5000' }).indexSyncTimeoutMs).toBe(5000);
    expect(() => createConfig({ INDEX_SYNC_TIMEOUT_MS: '10' })).toThrow(/INDEX_SYNC_TIMEOUT_MS/);
  });

  it('gives Zalo a 300-second event freshness window unless ZALO_EVENT_MAX_AGE_SECONDS says otherwise', () => {
    const zalo = { ZALO_APP_ID: '1', ZALO_APP_SECRET: 's', ZALO_OA_SECRET_KEY: 'k', ZALO_OA_ACCESS_TOKEN: 'a' };
    expect(createConfig(zalo).zalo?.eventMaxAgeSeconds).toBe(300);
    expect(createConfig({ ...zalo, ZALO_EVENT_MAX_AGE_SECONDS: '900' }).zalo?.eventMaxAgeSeconds).toBe(900);
  });

  it.each(['0123456789', 'a', '12345678901234567890123'])('refuses ADMIN_TOKEN %j (shorter than 24 characters), saying how to make one', (token) => {
    const message = errorOf({ ADMIN_TOKEN: token });
    expect(message).toContain('ADMIN_TOKEN');
    expect(message).toContain('24');
    expect(message).toContain('openssl rand -hex 24');
  });

  it('refuses an ADMIN_TOKEN with spaces, accepts a long random one', () => {
    expect(errorOf({ ADMIN_TOKEN: 'correct horse battery staple' })).toContain('ADMIN_TOKEN');
    const token = 'f'.repeat(48);
    expect(createConfig({ ADMIN_TOKEN: token }).server.adminToken).toBe(token);
    expect(createConfig({ ADMIN_TOKEN: '' }).server.adminToken).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(createConfig({ OPENAI_API_KEY: '', PORT: '' }).server.port).toBe(3000);
  });

  it('errors are one line and never echo the token', () => {
    const message = errorOf({ TELEGRAM_BOT_TOKEN: '999:leaked-secret-value', REMINDER_DAYS: '32/13' });
    expect(message).not.toContain('\n');
    expect(message).not.toContain('leaked-secret-value');
    expect(message).toContain('REMINDER_DAYS');
  });

  it('accepts real calendar days and a BotFather-shaped token; has sane server defaults', () => {
    const c = createConfig({ REMINDER_DAYS: '28/2, 30/11,31/12', TELEGRAM_BOT_TOKEN: GOOD_TOKEN });
    expect(c.reminderDays).toEqual([
      { day: 28, month: 2 },
      { day: 30, month: 11 },
      { day: 31, month: 12 },
    ]);
    expect(c.telegram?.token).toBe(GOOD_TOKEN);
    expect(c.webChatRetentionDays).toBe(90);
    expect(c.server.timeouts).toEqual({ headersMs: 10_000, requestMs: 15_000, idleMs: 60_000, keepAliveMs: 5_000 });
    expect(c.server.overload).toEqual({ maxEventLoopDelayMs: 200, maxHeapMb: 1024, retryAfterSeconds: 5, maxInFlight: 8 });
  });
});
