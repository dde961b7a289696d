import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore, type SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import type { ConversationHandler } from '../../src/core/messages.js';
import { buildHttpApp, type HttpAppDeps } from '../../src/server/app.js';
import { department, FakeAnswerer, silentLogger } from '../chat/fakes.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function build(over: Partial<HttpAppDeps> & { env?: Record<string, string> } = {}) {
  const answerer = new FakeAnswerer();
  const store: SqliteChatStore = createMemoryChatStore();
  const handler = createConversationEngine({ answerer, store, logger: silentLogger, department });
  app = await buildHttpApp({
    config: createConfig({ RATE_LIMIT_PER_MINUTE: '100', ...over.env }),
    logger: silentLogger,
    handler,
    store,
    indexStatus: () => ({ loaded: true, chunks: 42 }),
    ...over,
  });
  return { app, answerer, store };
}

const post = (a: FastifyInstance, url: string, payload: unknown) => a.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });

describe('web page', () => {
  it('serves the Vietnamese chat page with a strict CSP and its assets', async () => {
    const { app } = await build();
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('lang="vi"');
    expect(page.body).toContain('/app.js');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const js = await app.inject({ method: 'GET', url: '/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.body).not.toContain('innerHTML');
    const css = await app.inject({ method: 'GET', url: '/app.css' });
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('unknown paths get a JSON 404 in Vietnamese', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'GET', url: '/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy trang hoặc địa chỉ API này.' });
  });
});

describe('POST /api/chat', () => {
  it('answers with sources, exchange id, feedback buttons and a new session id', async () => {
    const { app } = await build();
    const res = await post(app, '/api/chat', { text: 'Văn phòng Sở làm gì?' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sessionId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(body.answer).toContain('Văn phòng Sở làm gì?');
    expect(body.abstained).toBe(false);
    expect(body.sources[0]).toMatchObject({ doc: 'DOC-1', section: 'II.1' });
    expect(body.buttons[0].map((b: { data: string }) => b.data)).toEqual([`fb:up:${body.exchangeId}`, `fb:down:${body.exchangeId}`]);
    expect(body.replies).toHaveLength(1);
  });

  it('keeps the conversation per session id (follow-ups)', async () => {
    const { app, answerer } = await build();
    const first = (await post(app, '/api/chat', { text: 'Chỉ số PAPI là gì?' })).json();
    await post(app, '/api/chat', { sessionId: first.sessionId, text: 'còn PCI thì sao?' });
    await post(app, '/api/chat', { text: 'Phiên khác' });
    expect(answerer.calls[1]?.options?.previousQuestion).toBe('Chỉ số PAPI là gì?');
    expect(answerer.calls[2]?.options?.previousQuestion).toBeUndefined();
  });

  it('handles button presses (callbackData): /start examples and feedback', async () => {
    const { app, store } = await build();
    const start = (await post(app, '/api/chat', { text: '/start' })).json();
    expect(start.buttons.flat()[0].data).toBe('q:1');
    const ans = (await post(app, '/api/chat', { sessionId: start.sessionId, callbackData: 'q:1' })).json();
    const vote = (await post(app, '/api/chat', { sessionId: start.sessionId, callbackData: `fb:down:${ans.exchangeId}` })).json();
    expect(vote.answer).toContain('Cảm ơn bạn đã góp ý');
    expect(store.listGapRows()[0]?.vote).toBe('down');
  });

  it('malformed JSON → 400 with a Vietnamese message and no stack', async () => {
    const { app } = await build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/chat',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": "abc',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Dữ liệu gửi lên không phải JSON hợp lệ.');
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it.each([
    ['wrong type', { text: 42 }],
    ['nothing to do', { sessionId: 'abcdefgh12' }],
    ['bad session id', { sessionId: '../../etc', text: 'x' }],
    ['JSON array', ['text']],
    ['long callback', { callbackData: 'x'.repeat(65) }],
  ])('invalid body (%s) → 400', async (_name, payload) => {
    const { app } = await build();
    const res = await post(app, '/api/chat', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INPUT_INVALID');
    expect(res.json().message).toMatch(/không hợp lệ|Vui lòng/);
  });

  it('over-long text → 413 with a Vietnamese error; the answerer is not called', async () => {
    const { app, answerer } = await build();
    const res = await post(app, '/api/chat', { text: 'a'.repeat(1001) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(res.json().message).toContain('quá dài');
    expect(answerer.calls).toHaveLength(0);
    const ok = await post(app, '/api/chat', { text: 'a'.repeat(1000) });
    expect(ok.statusCode).toBe(200);
  });

  it('a body over 64 KB → 413', async () => {
    const { app } = await build();
    const res = await post(app, '/api/chat', { text: 'x', pad: 'y'.repeat(70_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('Nội dung gửi lên quá lớn.');
  });

  it('an unsupported content type → 415, plain text included', async () => {
    const { app } = await build();
    const xml = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().message).toContain('JSON');
    const text = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'text/plain' }, payload: 'hi' });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a failing handler → 500 with a generic message, never the internal error', async () => {
    const handler: ConversationHandler = {
      handle: async () => {
        throw new Error('secret internal detail');
      },
    };
    const { app } = await build({ handler });
    const res = await post(app, '/api/chat', { text: 'x' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.json().message).toContain('sự cố');
  });

  it('rate-limits /api/* per client IP → 429, but not the page or /healthz', async () => {
    const { app } = await build({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await post(app, '/api/chat', { text: `câu ${i}` })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await post(app, '/api/feedback', { exchangeId: 'abc', vote: 'up' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toContain('quá nhiều yêu cầu');
    const other = await app.inject({ method: 'POST', url: '/api/chat', payload: { text: 'x' }, remoteAddress: '10.0.0.9' });
    expect(other.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
  });
});

describe('POST /api/feedback', () => {
  it('stores a vote on a known exchange; 404 on unknown; 400 on bad input', async () => {
    const { app, store } = await build();
    const ans = (await post(app, '/api/chat', { text: 'câu hỏi ngoài phạm vi' })).json();
    const ok = await post(app, '/api/feedback', { exchangeId: ans.exchangeId, vote: 'down' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, message: 'Cảm ơn bạn đã góp ý!' });
    expect(store.listGapRows()[0]).toMatchObject({ question: 'câu hỏi ngoài phạm vi', vote: 'down' });
    expect((await post(app, '/api/feedback', { exchangeId: 'ffff', vote: 'up' })).statusCode).toBe(404);
    expect((await post(app, '/api/feedback', { exchangeId: ans.exchangeId, vote: 'meh' })).statusCode).toBe(400);
  });
});

describe('GET /healthz', () => {
  it('200 with chunk count when the index is loaded and the DB is writable', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'healthy', ok: true, index: { loaded: true, chunks: 42 }, db: 'ok' });
  });

  it('503 when the index is not loaded', async () => {
    const { app } = await build({ indexStatus: () => ({ loaded: false, chunks: 0 }) });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, db: 'ok' });
  });

  it('503 when the database cannot be written', async () => {
    const store = createMemoryChatStore();
    store.checkWritable = () => {
      throw new Error('SQLITE_READONLY');
    };
    const { app } = await build({ store });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unhealthy', ok: false, db: 'error' });
  });
});

describe('mounted plugins', () => {
  it('registers plugins from other modules with their options', async () => {
    const plugin: FastifyPluginAsync<{ reply: string }> = async (a, opts) => {
      a.get('/webhook/test', async () => ({ got: opts.reply }));
    };
    const { app } = await build({ plugins: [{ plugin, opts: { reply: 'xin chào' } }] });
    const res = await app.inject({ method: 'GET', url: '/webhook/test' });
    expect(res.json()).toEqual({ got: 'xin chào' });
  });
});
