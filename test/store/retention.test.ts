/**
 * Retention of anonymous web chats (WEB_CHAT_RETENTION_DAYS): old citizen
 * web sessions and history go; staff, other channels and recent chats stay.
 * The daily job runs at start and then every day (fake clock).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../src/chat/chat-store.js';
import { createMemoryChatStore } from '../../src/chat/sqlite-chat-store.js';
import { DAY_MS, startDailyJob } from '../../src/store/retention.js';

const T0 = new Date('2026-01-01T08:00:00Z');
const daysAfter = (d: number) => new Date(T0.getTime() + d * DAY_MS);

function exchange(id: string, channel: Exchange['channel'], userId: string, at: Date): Exchange {
  return { id, channel, chatId: userId, userId, question: `q ${id}`, answer: 'a', abstained: true, sources: [], createdAt: at.toISOString() };
}

/** A citizen web session, a staff web session, a Telegram citizen: all active at T0; a web citizen active at day 80. */
function seeded() {
  const store = createMemoryChatStore();
  for (const [channel, user] of [
    ['web', 'citizen-old'],
    ['web', 'staff-web'],
    ['telegram', '4242'],
    ['web', 'citizen-recent'],
  ] as const) {
    const at = user === 'citizen-recent' ? daysAfter(80) : T0;
    store.touchIdentity({ channel, userId: user }, at);
    store.setLastQuestion(channel, user, `câu hỏi của ${user}`, at);
    store.saveExchange(exchange(`ex-${user}`, channel, user, at));
  }
  store.saveFeedback('ex-citizen-old', 'down', T0);
  const invite = store.createInvite({ unit: 'Văn phòng Sở', role: 'staff' }, T0);
  store.redeemInvite(invite.code, { channel: 'web', userId: 'staff-web' }, T0);
  return store;
}

afterEach(() => vi.useRealTimers());

describe('purgeAnonymousWebChats', () => {
  it('deletes only anonymous web sessions and history older than the cutoff', () => {
    const store = seeded();
    const result = store.purgeAnonymousWebChats(daysAfter(30));
    expect(result).toEqual({ sessions: 1, exchanges: 1 });
    expect(store.getIdentity('web', 'citizen-old')).toBeUndefined();
    expect(store.getChatState('web', 'citizen-old')).toEqual({});
    expect(store.getExchange('ex-citizen-old')).toBeUndefined();
    // Its 👎 went with it (cascade); nothing else is in the gaps list from that session.
    expect(store.listGapRows().map((g) => g.question)).not.toContain('q ex-citizen-old');
    // Staff on the web, other channels and recent web chats are kept.
    expect(store.getIdentity('web', 'staff-web')?.role).toBe('staff');
    expect(store.getChatState('web', 'staff-web').lastQuestion).toBe('câu hỏi của staff-web');
    expect(store.getExchange('ex-staff-web')).toBeDefined();
    expect(store.getIdentity('telegram', '4242')).toBeDefined();
    expect(store.getExchange('ex-4242')).toBeDefined();
    expect(store.getChatState('web', 'citizen-recent').lastQuestion).toBe('câu hỏi của citizen-recent');
    expect(store.getExchange('ex-citizen-recent')).toBeDefined();
    expect(store.listStaff()).toHaveLength(1);
  });

  it('is a no-op when nothing is old enough', () => {
    const store = seeded();
    expect(store.purgeAnonymousWebChats(daysAfter(-1))).toEqual({ sessions: 0, exchanges: 0 });
  });
});

describe('startDailyJob (fake clock)', () => {
  it('runs at start and once a day, with the 90-day cutoff moving with the clock', () => {
    vi.useFakeTimers({ now: daysAfter(60) });
    const store = seeded();
    const logger = { info: vi.fn(), error: vi.fn() };
    const job = startDailyJob({
      name: 'web chat retention',
      run: (now) => store.purgeAnonymousWebChats(new Date(now.getTime() - 90 * DAY_MS)),
      logger,
    });
    // Day 60: nothing is 90 days old yet.
    expect(store.getIdentity('web', 'citizen-old')).toBeDefined();
    vi.advanceTimersByTime(30 * DAY_MS); // day 90: T0 is exactly 90 days back, not older
    expect(store.getIdentity('web', 'citizen-old')).toBeDefined();
    vi.advanceTimersByTime(DAY_MS); // day 91
    expect(store.getIdentity('web', 'citizen-old')).toBeUndefined();
    expect(store.getIdentity('web', 'citizen-recent')).toBeDefined();
    expect(logger.info).toHaveBeenCalledWith({ job: 'web chat retention', sessions: 1, exchanges: 1 }, 'daily job done');
    job.stop();
    vi.advanceTimersByTime(200 * DAY_MS);
    expect(store.getIdentity('web', 'citizen-recent')).toBeDefined();
    expect(logger.info).toHaveBeenCalledTimes(32);
  });

  it('logs a failing run and keeps going', () => {
    vi.useFakeTimers({ now: T0 });
    const logger = { info: vi.fn(), error: vi.fn() };
    let calls = 0;
    const job = startDailyJob({
      name: 'x',
      run: () => {
        calls++;
        if (calls === 1) throw new Error('db busy');
        return { n: 0 };
      },
      logger,
    });
    vi.advanceTimersByTime(DAY_MS);
    job.stop();
    expect(calls).toBe(2);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledTimes(1);
  });
});
