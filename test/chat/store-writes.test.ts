import { describe, expect, it, vi } from 'vitest';
import { SqliteAnswerTimings } from '../../src/admin/answer-timer.js';
import type { Exchange } from '../../src/chat/chat-store.js';
import { LAST_SEEN_PRECISION_MS, SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { previousQuestionFor, VISIBLE_HISTORY, visibleExchanges } from '../../src/chat/visible-history.js';
import { openDatabase } from '../../src/store/database.js';

/** Rows changed on this connection so far. */
const changes = (db: ReturnType<typeof openDatabase>) => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('per-message writes of the chat store', () => {
  it('a message soon after the last one with the same name writes nothing; later, or with a new name, it refreshes the identity', () => {
    const db = openDatabase(':memory:');
    const store = new SqliteChatStore(db);
    const t0 = new Date('2026-03-01T08:00:00Z');
    expect(store.touchIdentity({ channel: 'zalo', userId: 'z1', displayName: 'Lan' }, t0)).toMatchObject({ role: 'citizen', displayName: 'Lan' });
    const before = changes(db);
    const soon = new Date(t0.getTime() + LAST_SEEN_PRECISION_MS - 1000);
    expect(store.touchIdentity({ channel: 'zalo', userId: 'z1', displayName: 'Lan' }, soon)).toMatchObject({ displayName: 'Lan' });
    expect(store.touchIdentity({ channel: 'zalo', userId: 'z1' }, soon)).toMatchObject({ displayName: 'Lan' });
    expect(changes(db)).toBe(before);
    const seen = () => (db.prepare("SELECT last_seen_at AS s FROM identities WHERE user_id = 'z1'").get() as { s: string }).s;
    expect(seen()).toBe(t0.toISOString());

    expect(store.touchIdentity({ channel: 'zalo', userId: 'z1', displayName: 'Lan Anh' }, soon).displayName).toBe('Lan Anh');
    expect(seen()).toBe(soon.toISOString());
    const later = new Date(soon.getTime() + LAST_SEEN_PRECISION_MS);
    store.touchIdentity({ channel: 'zalo', userId: 'z1' }, later);
    expect(seen()).toBe(later.toISOString());
    // A clock that went back refreshes too (the age is never negative).
    const earlier = new Date(t0.getTime() - 5000);
    store.touchIdentity({ channel: 'zalo', userId: 'z1' }, earlier);
    expect(seen()).toBe(earlier.toISOString());
  });

  it('saves an exchange and the last question together, and a chat reads its recent exchanges by its own index', () => {
    const db = openDatabase(':memory:');
    const store = new SqliteChatStore(db);
    const at = new Date('2026-03-01T08:00:00Z');
    store.saveExchange(
      {
        id: 'e1',
        channel: 'web',
        chatId: 's1',
        userId: 's1',
        question: 'Ai lập dự toán?',
        answer: 'Sở Tài chính.',
        abstained: false,
        sources: [],
        createdAt: at.toISOString(),
      },
      { asLastQuestion: true },
    );
    expect(store.getChatState('web', 's1').lastQuestion).toBe('Ai lập dự toán?');
    expect(store.listRecentExchanges('web', 's1', new Date(at.getTime() - 1000), 5).map((e) => e.id)).toEqual(['e1']);
    // Without the option the last question is left alone.
    store.saveExchange({
      id: 'e2',
      channel: 'web',
      chatId: 's1',
      userId: 's1',
      question: 'Câu khác',
      answer: 'x',
      abstained: true,
      sources: [],
      createdAt: at.toISOString(),
    });
    expect(store.getChatState('web', 's1').lastQuestion).toBe('Ai lập dự toán?');
    // A duplicate id fails as a whole: the last question does not move either.
    expect(() =>
      store.saveExchange(
        { id: 'e1', channel: 'web', chatId: 's1', userId: 's1', question: 'Lặp', answer: 'x', abstained: false, sources: [], createdAt: at.toISOString() },
        { asLastQuestion: true },
      ),
    ).toThrow();
    expect(store.getChatState('web', 's1').lastQuestion).toBe('Ai lập dự toán?');
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM exchanges WHERE created_at >= ? AND channel = ? AND chat_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .all('2026', 'web', 's1') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('exchanges_chat');
  });
});

describe('the follow-up lookup reads one row', () => {
  const exchange = (id: string, chatId: string, question: string, at: Date): Exchange => ({
    id,
    channel: 'web',
    chatId,
    userId: chatId,
    question,
    answer: `Trả lời dài cho ${question} `.repeat(20),
    abstained: false,
    sources: [{ doc: '1523/KH-SCT', section: 'II.1', title: 'Kế hoạch', text: 'Đoạn trích. '.repeat(50), score: 0.5 }],
    createdAt: at.toISOString(),
  });

  it('lastQuestionSince gives the newest question in the window (insertion order within one millisecond), by the chat index, without a sort', () => {
    const db = openDatabase(':memory:');
    const store = new SqliteChatStore(db);
    const t = new Date('2026-03-01T08:00:00Z');
    store.saveExchange(exchange('a', 's1', 'Câu một', t));
    store.saveExchange(exchange('b', 's1', 'Câu hai', new Date(t.getTime() + 1000)));
    store.saveExchange(exchange('c', 's1', 'Câu ba', new Date(t.getTime() + 1000)));
    store.saveExchange(exchange('d', 's2', 'Câu của người khác', new Date(t.getTime() + 2000)));
    expect(store.lastQuestionSince('web', 's1', t)).toBe('Câu ba');
    expect(store.lastQuestionSince('web', 's1', new Date(t.getTime() + 5000))).toBeUndefined();
    expect(store.lastQuestionSince('web', 'nobody', t)).toBeUndefined();
    expect(store.lastQuestionSince('telegram', 's1', t)).toBeUndefined();
    expect(store.getExchangeHead('b')).toEqual({
      id: 'b',
      channel: 'web',
      chatId: 's1',
      question: 'Câu hai',
      createdAt: new Date(t.getTime() + 1000).toISOString(),
    });
    expect(store.getExchangeHead('missing')).toBeUndefined();
    const plan = (
      db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT question FROM exchanges WHERE channel = ? AND chat_id = ? AND created_at >= ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
        )
        .all('web', 's1', '2026') as Array<{ detail: string }>
    )
      .map((p) => p.detail)
      .join(' ');
    expect(plan).toContain('exchanges_chat');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('previousQuestionFor on the web equals the last exchange the page shows, and reads neither the history nor a whole exchange', () => {
    const db = openDatabase(':memory:');
    const store = new SqliteChatStore(db);
    const now = new Date('2026-03-02T08:00:00Z');
    // A long history over 40 hours (half of it older than the window), the newest three in the same millisecond.
    const minute = 60_000;
    for (let i = 0; i < 300; i++) {
      const at = i >= 297 ? now.getTime() - minute : now.getTime() - (300 - i) * 8 * minute;
      store.saveExchange(exchange(`h${i}`, 's1', `Câu số ${i}`, new Date(at)));
    }
    expect(VISIBLE_HISTORY.maxAgeMs).toBeLessThan(300 * 8 * minute);
    const list = vi.spyOn(store, 'listRecentExchanges');
    const whole = vi.spyOn(store, 'getExchange');
    const page = visibleExchanges(store, 'web', 's1', now);
    list.mockClear();
    expect(previousQuestionFor(store, { channel: 'web', chatId: 's1' }, now)).toBe(page.at(-1)?.question);
    const shown = page[3] as Exchange;
    expect(previousQuestionFor(store, { channel: 'web', chatId: 's1', shownExchangeId: shown.id }, now)).toBe(shown.question);
    // Another chat's exchange, one outside the window, an unknown id: no context.
    store.saveExchange(exchange('other', 's2', 'Của phiên khác', now));
    expect(previousQuestionFor(store, { channel: 'web', chatId: 's1', shownExchangeId: 'other' }, now)).toBeUndefined();
    expect(previousQuestionFor(store, { channel: 'web', chatId: 's1', shownExchangeId: 'h0' }, now)).toBeUndefined();
    expect(previousQuestionFor(store, { channel: 'web', chatId: 's1', shownExchangeId: 'nope' }, now)).toBeUndefined();
    expect(previousQuestionFor(store, { channel: 'web', chatId: 's1', shownExchangeId: null }, now)).toBeUndefined();
    expect(previousQuestionFor(store, { channel: 'web', chatId: 'empty' }, now)).toBeUndefined();
    expect(list).not.toHaveBeenCalled();
    expect(whole).not.toHaveBeenCalled();
  });
});

describe('answer timings', () => {
  it('are written in batches, and reads see every record', () => {
    vi.useFakeTimers();
    try {
      const db = openDatabase(':memory:');
      const timings = new SqliteAnswerTimings(db);
      const rows = () => (db.prepare('SELECT COUNT(*) AS n FROM console_answer_times').get() as { n: number }).n;
      const at = new Date('2026-03-01T08:00:00Z');
      for (let i = 0; i < 5; i++) timings.record(10 + i, false, at);
      expect(rows()).toBe(0);
      vi.advanceTimersByTime(600);
      expect(rows()).toBe(5);
      timings.record(40, true, at);
      expect(timings.count(new Date(at.getTime() - 1))).toBe(6);
      expect(timings.median(new Date(at.getTime() - 1))).toBe(13);
      for (let i = 0; i < 64; i++) timings.record(1, false, at);
      expect(rows()).toBe(70);
      timings.record(2, false, at);
      timings.flush();
      expect(rows()).toBe(71);
      // After the database closed, a pending batch is dropped, not thrown from a timer.
      timings.record(3, false, at);
      db.close();
      expect(() => vi.advanceTimersByTime(600)).not.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });
});
