/**
 * GET /api/chat/history: the page's history after a reload is exactly the
 * context the next follow-up is resolved against, and both expire together.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { VISIBLE_HISTORY } from '../../src/chat/visible-history.js';
import { createConfig } from '../../src/config.js';
import { buildHttpApp } from '../../src/server/app.js';
import type { HistoryResponse } from '../../src/server/routes/chat-history.js';
import { department, FakeAnswerer, message, silentLogger } from '../chat/fakes.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function build() {
  let clock = new Date('2026-03-02T08:00:00Z');
  const now = () => clock;
  const answerer = new FakeAnswerer();
  const store = createMemoryChatStore();
  const handler = createConversationEngine({ answerer, store, logger: silentLogger, department, now });
  app = await buildHttpApp({
    config: createConfig({ RATE_LIMIT_PER_MINUTE: '1000' }),
    logger: silentLogger,
    handler,
    store,
    now,
    indexStatus: () => ({ loaded: true, chunks: 1 }),
  });
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  return { app, answerer, advance };
}

const SESSION = 'session-abc-123';
const ask = (a: FastifyInstance, text: string) => a.inject({ method: 'POST', url: '/api/chat', payload: { sessionId: SESSION, text } });
const history = async (a: FastifyInstance): Promise<HistoryResponse> => {
  const res = await a.inject({ method: 'GET', url: `/api/chat/history?sessionId=${SESSION}` });
  expect(res.statusCode).toBe(200);
  return res.json() as HistoryResponse;
};

describe('GET /api/chat/history', () => {
  it('returns the exchanges as POST /api/chat rendered them, oldest first, with votes', async () => {
    const { app } = await build();
    const first = (await ask(app, 'Văn phòng Sở làm gì?')).json() as { replies: Array<{ text: string; exchangeId: string }> };
    await ask(app, 'còn PCI thì sao?');
    const exchangeId = first.replies[0]?.exchangeId ?? '';
    await app.inject({ method: 'POST', url: '/api/feedback', payload: { exchangeId, vote: 'up' } });

    const h = await history(app);
    expect(h.sessionId).toBe(SESSION);
    expect(h.windowHours).toBe(VISIBLE_HISTORY.maxAgeMs / 3_600_000);
    expect(h.exchanges.map((e) => e.question)).toEqual(['Văn phòng Sở làm gì?', 'còn PCI thì sao?']);
    expect(h.exchanges[0]?.reply.text).toBe(first.replies[0]?.text);
    expect(h.exchanges[0]?.reply.citedSources.map((s) => s.label)).toEqual(['DOC-1, II.1']);
    expect(h.exchanges[0]?.reply.buttons?.[0]?.map((b) => b.data)).toEqual([`fb:up:${exchangeId}`, `fb:down:${exchangeId}`]);
    expect(h.exchanges[0]?.vote).toBe('up');
    expect(h.exchanges[1]?.vote).toBeUndefined();
  });

  it('a follow-up uses the last exchange the history shows, and nothing once it has expired', async () => {
    const { app, answerer, advance } = await build();
    await ask(app, 'Văn phòng Sở làm gì?');
    const shown = await history(app);
    await ask(app, 'còn PCI thì sao?');
    expect(answerer.calls[1]?.options?.previousQuestion).toBe(shown.exchanges.at(-1)?.question);

    advance(VISIBLE_HISTORY.maxAgeMs + 60_000);
    expect((await history(app)).exchanges).toEqual([]);
    await ask(app, 'còn PAPI thì sao?');
    expect(answerer.calls[2]?.options?.previousQuestion).toBeUndefined();
  });

  it('an unknown session has an empty history; a malformed id is a Vietnamese 400 naming the field', async () => {
    const { app } = await build();
    expect((await history(app)).exchanges).toEqual([]);
    const bad = await app.inject({ method: 'GET', url: '/api/chat/history?sessionId=x' });
    expect(bad.statusCode).toBe(400);
    const body = bad.json() as { code: string; message: string };
    expect(body.code).toBe('INPUT_INVALID');
    expect(body.message).toContain('sessionId');
    const missing = await app.inject({ method: 'GET', url: '/api/chat/history' });
    expect(missing.statusCode).toBe(400);
  });
});

describe('visible history limits', () => {
  it('shows the newest 20 exchanges, and the follow-up uses the newest one', async () => {
    const { app, answerer, advance } = await build();
    for (let i = 1; i <= VISIBLE_HISTORY.maxExchanges + 5; i++) {
      await ask(app, `Câu hỏi số ${i}?`);
      advance(1000);
    }
    const h = await history(app);
    expect(h.exchanges).toHaveLength(VISIBLE_HISTORY.maxExchanges);
    expect(h.exchanges[0]?.question).toBe('Câu hỏi số 6?');
    expect(h.exchanges.at(-1)?.question).toBe(`Câu hỏi số ${VISIBLE_HISTORY.maxExchanges + 5}?`);
    await ask(app, 'còn PCI thì sao?');
    expect(answerer.calls.at(-1)?.options?.previousQuestion).toBe(h.exchanges.at(-1)?.question);
  });

  it("Telegram keeps the chat app's own history: its follow-ups use the last question without a window", async () => {
    let clock = new Date('2026-03-02T08:00:00Z');
    const answerer = new FakeAnswerer();
    const store = createMemoryChatStore();
    const engine = createConversationEngine({ answerer, store, logger: silentLogger, department, now: () => clock });
    await engine.handle(message('Văn phòng Sở làm gì?'));
    clock = new Date(clock.getTime() + VISIBLE_HISTORY.maxAgeMs * 2);
    await engine.handle(message('còn PCI thì sao?'));
    expect(answerer.calls[1]?.options?.previousQuestion).toBe('Văn phòng Sở làm gì?');
  });
});

describe('the page says what it shows', () => {
  const send = (a: FastifyInstance, text: string, shownExchangeId: string | null) =>
    a.inject({ method: 'POST', url: '/api/chat', payload: { sessionId: SESSION, text, shownExchangeId } });

  it('resolves a follow-up against the exchange the page shows last, never a newer one it has not seen', async () => {
    const { app, answerer } = await build();
    const a1 = (await send(app, 'Văn phòng Sở làm gì?', null)).json() as { exchangeId: string };
    // A second tab on the same session shows nothing yet: no context.
    await send(app, 'còn PCI thì sao?', null);
    expect(answerer.calls[1]?.options?.previousQuestion).toBeUndefined();
    // The first tab still shows only its own answer: that is the context, not the other tab's newer question.
    await send(app, 'còn PAPI thì sao?', a1.exchangeId);
    expect(answerer.calls[2]?.options?.previousQuestion).toBe('Văn phòng Sở làm gì?');
  });

  it('ignores an exchange of another session, and rejects a malformed id', async () => {
    const { app, answerer } = await build();
    const other = await app.inject({ method: 'POST', url: '/api/chat', payload: { sessionId: 'other-session-1', text: 'Câu hỏi khác?' } });
    await send(app, 'còn PCI thì sao?', (other.json() as { exchangeId: string }).exchangeId);
    expect(answerer.calls[1]?.options?.previousQuestion).toBeUndefined();
    const bad = await send(app, 'x', 'không hợp lệ!');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toContain('shownExchangeId');
  });
});
