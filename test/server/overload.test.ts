/**
 * Load shedding: a stalled event loop makes API requests fail fast with
 * 503 {code: 'OVERLOADED'} and Retry-After, while /healthz is still answered.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import type { ConversationHandler } from '../../src/core/messages.js';
import { buildHttpApp } from '../../src/server/app.js';
import { admitAnyway } from '../../src/server/overload.js';
import { department, FakeAnswerer, silentLogger } from '../chat/fakes.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SAMPLE_MS = 40;

async function build(env: Record<string, string>) {
  const store = createMemoryChatStore();
  const handler = createConversationEngine({ answerer: new FakeAnswerer(), store, logger: silentLogger, department });
  app = await buildHttpApp({
    config: createConfig({ RATE_LIMIT_PER_MINUTE: '1000', ...env }),
    logger: silentLogger,
    handler,
    store,
    indexStatus: () => ({ loaded: true, chunks: 3 }),
    overloadSampleIntervalMs: SAMPLE_MS,
    shedLoad: true,
  });
  return app;
}

/** Block the event loop (what a CPU-bound flood does). */
function stall(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy-wait on purpose
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stall, let the sampler see it, then send a chat and a health probe together. */
async function underStall(a: FastifyInstance) {
  for (let attempt = 0; attempt < 20; attempt++) {
    stall(400);
    // The sampler's overdue timer runs first and records the stall; ask before its next sample.
    await sleep(2);
    const [chat, health] = await Promise.all([
      a.inject({ method: 'POST', url: '/api/chat', payload: { text: 'Kế hoạch có mấy phần?' } }),
      a.inject({ method: 'GET', url: '/healthz' }),
    ]);
    if (chat.statusCode === 503) return { chat, health };
  }
  throw new Error('never shed load');
}

/** Status of /api/chat once the sampler has seen a calm loop (start-up itself is a stall), within 3 s. */
async function untilAccepted(a: FastifyInstance): Promise<number> {
  let status = 0;
  for (let i = 0; i < 60 && status !== 200; i++) {
    await sleep(SAMPLE_MS + 10);
    status = (await a.inject({ method: 'POST', url: '/api/chat', payload: { text: 'x' } })).statusCode;
  }
  return status;
}

describe('overload protection', () => {
  it('sheds /api/chat with 503 + Retry-After under an event-loop stall; /healthz still answers', async () => {
    const a = await build({ OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '50', OVERLOAD_RETRY_AFTER_S: '7' });
    expect(await untilAccepted(a)).toBe(200);
    const { chat, health } = await underStall(a);
    expect(chat.headers['retry-after']).toBe('7');
    expect(chat.json()).toEqual({ code: 'OVERLOADED', message: 'Hệ thống đang quá tải, vui lòng thử lại sau ít phút.' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'healthy' });
    // Once the loop is free again, requests go through.
    expect(await untilAccepted(a)).toBe(200);
  });

  it('limits of 0 turn shedding off', async () => {
    const a = await build({ OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0', OVERLOAD_MAX_HEAP_MB: '0' });
    // The same stall that sheds above.
    stall(400);
    await sleep(2);
    expect((await a.inject({ method: 'POST', url: '/api/chat', payload: { text: 'x' } })).statusCode).toBe(200);
  });

  it('admits at most OVERLOAD_MAX_IN_FLIGHT /api requests at once; the count is released after each response', async () => {
    const gates: Array<() => void> = [];
    const handler: ConversationHandler = {
      handle: () => new Promise((resolve) => gates.push(() => resolve([{ text: 'ok', kind: 'answer' }]))),
    };
    const store = createMemoryChatStore();
    app = await buildHttpApp({
      config: createConfig({ OVERLOAD_MAX_IN_FLIGHT: '2', OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0', RATE_LIMIT_PER_MINUTE: '1000' }),
      logger: silentLogger,
      handler,
      store,
      indexStatus: () => ({ loaded: true, chunks: 1 }),
      shedLoad: true,
    });
    const a = app;
    const send = () => a.inject({ method: 'POST', url: '/api/chat', payload: { text: 'x' } });
    const first = send();
    const second = send();
    while (gates.length < 2) await sleep(5);
    const third = await send();
    expect(third.statusCode).toBe(503);
    expect(third.json().code).toBe('OVERLOADED');
    expect(third.headers['retry-after']).toBe('5');
    expect((await a.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    for (const open of gates.splice(0)) open();
    expect((await first).statusCode).toBe(200);
    expect((await second).statusCode).toBe(200);
    // Both slots are free again.
    const again = [send(), send()];
    while (gates.length < 2) await sleep(5);
    for (const open of gates.splice(0)) open();
    expect((await Promise.all(again)).map((r) => r.statusCode)).toEqual([200, 200]);
  });

  it('sheds event-loop lag in proportion ((limit/lag)^2 admitted); heap pressure always sheds', () => {
    const admittedShare = (lag: number) => {
      let admitted = 0;
      for (let i = 0; i < 1000; i++) if (admitAnyway('eventLoopDelay', lag, 200, () => (i + 0.5) / 1000)) admitted++;
      return admitted / 1000;
    };
    expect(admittedShare(400)).toBeCloseTo(0.25, 2);
    expect(admittedShare(800)).toBeCloseTo(0.0625, 2);
    expect(admittedShare(Number.POSITIVE_INFINITY)).toBe(0);
    expect(admitAnyway('heapUsedBytes', 2e9, 200, () => 0)).toBe(false);
  });
});
