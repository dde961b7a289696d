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

  it.each([
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
  ])('%j fails naming %s', (env, name) => {
    expect(errorOf(env as Record<string, string>)).toContain(name);
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
    expect(c.reminderDays).toEqual([{ day: 28, month: 2 }, { day: 30, month: 11 }, { day: 31, month: 12 }]);
    expect(c.telegram?.token).toBe(GOOD_TOKEN);
    expect(c.webChatRetentionDays).toBe(90);
    expect(c.server.timeouts).toEqual({ headersMs: 10_000, requestMs: 15_000, idleMs: 60_000, keepAliveMs: 5_000 });
    expect(c.server.overload).toEqual({ maxEventLoopDelayMs: 200, maxHeapMb: 1024, retryAfterSeconds: 5, maxInFlight: 8 });
  });
});
