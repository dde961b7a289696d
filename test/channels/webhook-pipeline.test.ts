/**
 * The shared webhook pipeline with a toy adapter: the order of the steps,
 * the responses, and the guard around asynchronous handling.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDedupeStore } from '../../src/channels/dedupe-store.js';
import { createWebhookPipeline, isJsonContentType, type RawWebhookRequest, type WebhookAdapter } from '../../src/channels/webhook/index.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { settle, watchProcessFailures } from './helpers/channel-app.js';
import { capturingLogger, until } from './helpers/fakes.js';

const toySchema = z.object({ id: z.number().int(), chat: z.string(), text: z.string().optional() });
type Toy = z.infer<typeof toySchema>;

function toyAdapter(calls: string[]): WebhookAdapter<Toy, Toy> {
  return {
    channel: 'toy',
    authenticate(req) {
      calls.push('authenticate');
      const key = req.headers['x-key'];
      if (key === undefined) return { ok: false, code: 'WEBHOOK_AUTH_MISSING' };
      return key === 'k' ? { ok: true } : { ok: false, code: 'WEBHOOK_AUTH_INVALID' };
    },
    decode(body) {
      calls.push('decode');
      return JSON.parse(body.toString('utf8'));
    },
    validate(value) {
      calls.push('validate');
      const r = toySchema.safeParse(value);
      return r.success ? { ok: true, event: r.data } : { ok: false, code: 'WEBHOOK_INVALID_EVENT' };
    },
    dedupeKey: (e) => String(e.id),
    map(e) {
      if (e.text === 'map-throws') throw new Error('map bug');
      return e.text === undefined ? null : e;
    },
    orderingKey: (e) => e.chat,
    describe: (e) => ({ id: e.id }),
  };
}

const request = (body: string, headers: Record<string, string> = { 'x-key': 'k', 'content-type': 'application/json' }): RawWebhookRequest => ({
  headers,
  body: Buffer.from(body, 'utf8'),
});

describe('webhook pipeline', () => {
  let db: Db;
  let log: ReturnType<typeof capturingLogger>;
  let calls: string[];
  let watch: ReturnType<typeof watchProcessFailures>;

  beforeEach(() => {
    db = openDatabase(':memory:');
    log = capturingLogger();
    calls = [];
    watch = watchProcessFailures();
  });
  afterEach(() => {
    watch.stop();
    db.close();
  });

  const make = (handle: (e: Toy, signal: AbortSignal) => Promise<void>, handlerTimeoutMs?: number) =>
    createWebhookPipeline({
      adapter: toyAdapter(calls),
      dedupe: createDedupeStore(db),
      logger: log.logger,
      handle,
      ...(handlerTimeoutMs !== undefined ? { handlerTimeoutMs } : {}),
    });

  it('authenticates before decoding anything: 401 for bad JSON with a bad or missing key', () => {
    const p = make(async () => {});
    expect(p.receive(request('{not json', { 'content-type': 'application/json' }))).toEqual({
      status: 401,
      body: { code: 'WEBHOOK_AUTH_MISSING', message: expect.any(String) },
    });
    expect(p.receive(request('{not json', { 'x-key': 'nope', 'content-type': 'application/json' })).status).toBe(401);
    expect(calls).toEqual(['authenticate', 'authenticate']);
  });

  it('answers 415 to a non-JSON content type after authentication', () => {
    const p = make(async () => {});
    expect(p.receive(request('{}', { 'x-key': 'k', 'content-type': 'text/plain' })).status).toBe(415);
    expect(p.receive(request('{}', { 'x-key': 'k' })).status).toBe(415);
    expect(calls).not.toContain('decode');
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/vnd.api+json')).toBe(true);
    expect(isJsonContentType('application/jsonx')).toBe(false);
  });

  it('drops bad JSON and wrong shapes with 200 and a code, logged once each', async () => {
    const handled: Toy[] = [];
    const p = make(async (e) => void handled.push(e));
    expect(p.receive(request('{"id": 1,'))).toEqual({ status: 200, body: { code: 'WEBHOOK_INVALID_JSON', message: expect.any(String) } });
    expect(p.receive(request('{"id": "1"}'))).toEqual({ status: 200, body: { code: 'WEBHOOK_INVALID_EVENT', message: expect.any(String) } });
    await settle();
    await p.idle();
    expect(handled).toEqual([]);
    expect(log.records.filter((r) => r.code === 'WEBHOOK_INVALID_JSON')).toHaveLength(1);
    expect(log.records.filter((r) => r.code === 'WEBHOOK_INVALID_EVENT')).toHaveLength(1);
  });

  it('answers before handling, handles once, and drops a repeat as a duplicate', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const handled: number[] = [];
    const p = make(async (e) => {
      await gate;
      handled.push(e.id);
    });
    expect(p.receive(request('{"id":1,"chat":"a","text":"x"}'))).toEqual({ status: 200, body: { ok: true } });
    expect(p.receive(request('{"id":1,"chat":"a","text":"x"}'))).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    await settle();
    expect(handled).toEqual([]);
    release();
    await p.idle();
    expect(handled).toEqual([1]);
  });

  it('logs a handler that throws synchronously or rejects; no unhandled rejection; later events still run', async () => {
    const handled: number[] = [];
    const p = make((e) => {
      if (e.text === 'throw') throw new Error('sync boom');
      if (e.text === 'reject') return Promise.reject(new Error('async boom'));
      handled.push(e.id);
      return Promise.resolve();
    });
    p.receive(request('{"id":1,"chat":"a","text":"throw"}'));
    p.receive(request('{"id":2,"chat":"a","text":"reject"}'));
    p.receive(request('{"id":3,"chat":"a","text":"ok"}'));
    await settle();
    await p.idle();
    expect(handled).toEqual([3]);
    const failures = log.records.filter((r) => r.msg === 'toy: event handling failed');
    expect(failures.map((r) => (r.err as { message: string }).message)).toEqual(['sync boom', 'async boom']);
    expect(watch.failures).toEqual([]);
  });

  it('survives a map function that throws (logged, ignored) and ignores null maps with a debug log', async () => {
    const p = make(async () => {});
    p.receive(request('{"id":1,"chat":"a","text":"map-throws"}'));
    p.receive(request('{"id":2,"chat":"a"}'));
    await settle();
    await p.idle();
    expect(log.records.some((r) => r.msg === 'toy: event could not be mapped; ignored' && r.id === 1)).toBe(true);
    expect(log.records.some((r) => r.msg === 'toy: event ignored' && r.level === 20 && r.id === 2)).toBe(true);
    expect(watch.failures).toEqual([]);
  });

  it('bounds handling by the time limit: the signal is aborted, the conversation moves on, a late failure is logged', async () => {
    let aborted = false;
    const handled: number[] = [];
    const p = make((e, signal) => {
      if (e.text === 'hang') {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise((_, reject) => setTimeout(() => reject(new Error('late boom')), 150));
      }
      handled.push(e.id);
      return Promise.resolve();
    }, 40);
    p.receive(request('{"id":1,"chat":"a","text":"hang"}'));
    p.receive(request('{"id":2,"chat":"a","text":"next"}'));
    await until(() => handled.length === 1, 1000);
    expect(aborted).toBe(true);
    expect(log.records.some((r) => r.code === 'WEBHOOK_HANDLER_TIMEOUT' && r.id === 1)).toBe(true);
    await until(() => log.records.some((r) => r.msg === 'toy: event handling failed after its time limit'), 1000);
    expect(watch.failures).toEqual([]);
  });

  it('deliver() (polled events) maps and handles without auth or dedupe, and never rejects', async () => {
    const handled: number[] = [];
    const p = make(async (e) => {
      if (e.text === 'boom') throw new Error('boom');
      handled.push(e.id);
    });
    await expect(p.deliver({ id: 7, chat: 'b', text: 'boom' })).resolves.toBeUndefined();
    await p.deliver({ id: 7, chat: 'b', text: 'ok' });
    expect(handled).toEqual([7]);
    expect(calls).toEqual([]);
  });
});
