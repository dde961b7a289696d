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
    [{ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_WEBHOOK_SECRET: 'short' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ ZALO_EVENT_MAX_AGE_SECONDS: 'soon' }, 'ZALO_EVENT_MAX_AGE_SECONDS'],
    [{ ZALO_EVENT_MAX_AGE_SECONDS: '0' }, 'ZALO_EVENT_MAX_AGE_SECONDS'],
  ])('%j fails naming %s', (env, name) => {
    expect(errorOf(env as Record<string, string>)).toContain(name);
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
});
