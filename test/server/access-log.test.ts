/**
 * The access log cannot be inflated by a flood: rejected requests cost no
 * log line at info (one summary per minute instead), and no line carries the
 * URL's query string.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import { buildHttpApp } from '../../src/server/app.js';
import { department, FakeAnswerer } from '../chat/fakes.js';

function memoryLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines, bytes: () => lines.reduce((n, l) => n + l.length + 1, 0) };
}

async function build(logger: pino.Logger) {
  const store = createMemoryChatStore();
  const handler = createConversationEngine({ answerer: new FakeAnswerer(), store, logger, department });
  return buildHttpApp({
    config: createConfig({ RATE_LIMIT_PER_MINUTE: '1' }),
    logger,
    handler,
    store,
    indexStatus: () => ({ loaded: true, chunks: 1 }),
  });
}

describe('access log', () => {
  it('one compact line per accepted request, with the route and without the query string', async () => {
    const log = memoryLogger();
    const app = await build(log.logger);
    const res = await app.inject({ method: 'POST', url: '/api/chat?utm_source=secret-campaign', payload: { text: 'xin chào' } });
    expect(res.statusCode).toBe(200);
    await app.close();
    const access = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'req');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ m: 'POST', route: '/api/chat', s: 200 });
    expect(log.lines.join('\n')).not.toContain('secret-campaign');
  });

  it('a flood of 1000 rejected requests (429, 404, 415) writes under 1 KB of log in total at info', async () => {
    const log = memoryLogger();
    const app = await build(log.logger);
    await app.inject({ method: 'POST', url: '/api/chat', payload: { text: 'a' } });
    const before = log.bytes();
    for (let i = 0; i < 1000; i++) {
      const k = i % 3;
      if (k === 0) await app.inject({ method: 'POST', url: `/api/chat?x=${i}`, payload: { text: 'b' } });
      else if (k === 1) await app.inject({ method: 'GET', url: `/no/such/${i}?token=abc` });
      else
        await app.inject({
          method: 'POST',
          url: '/api/chat',
          headers: { 'content-type': 'text/xml' },
          payload: '<a/>',
          remoteAddress: `10.9.${i >> 8}.${i & 255}`,
        });
    }
    await app.close();
    const written = log.bytes() - before;
    expect(written).toBeLessThan(1024);
    // The flood is still visible: one summary with the counts.
    const summary = log.lines.map((l) => JSON.parse(l) as { msg: string; rejected?: Record<string, number> }).find((l) => l.msg === 'rejected requests');
    expect(summary?.rejected).toEqual({ '404': 333, '415': 333, '429': 334 });
  });
});
