/**
 * The SQLite ticket store on its own: life cycle, filters and counts per
 * viewer, deliveries (pending, web inbox taken once), retention, and the
 * pure rules (reopen window, Zalo window, visibility).
 */
import { describe, expect, it } from 'vitest';
import { canView, createMemoryTicketStore, InMemoryTicketStore, insideZaloWindow, reopensAt, type TicketStore } from '../../src/handoff/index.js';

const T0 = new Date('2026-12-02T02:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

const STORES: ReadonlyArray<readonly [string, () => TicketStore]> = [
  ['SqliteTicketStore', createMemoryTicketStore],
  ['InMemoryTicketStore', () => new InMemoryTicketStore()],
];

describe.each(STORES)('%s (ticket store contract)', (_name, createStore) => {
  it('keeps what the citizen sent, in order, and the staff replies with their delivery', () => {
    const store = createStore();
    const t = store.create({ channel: 'web', chatId: 's-1', userId: 's-1', messages: [{ text: 'Câu hỏi 1', at: T0.toISOString() }] }, T0);
    expect(t).toMatchObject({ id: 1, status: 'open', lastCitizenAt: T0.toISOString() });
    store.addMessage(t.id, { author: 'citizen', text: 'Câu hỏi 2', at: at(1).toISOString() });
    const reply = store.addMessage(t.id, { author: 'staff', text: 'Trả lời', at: at(2).toISOString(), staffName: 'Quản trị' });
    expect(reply).toMatchObject({ author: 'staff', delivery: 'pending', staffName: 'Quản trị' });
    const back = store.get(t.id);
    expect(back?.messages.map((m) => m.text)).toEqual(['Câu hỏi 1', 'Câu hỏi 2', 'Trả lời']);
    expect(back?.lastCitizenAt).toBe(at(1).toISOString());
    expect(back?.updatedAt).toBe(at(2).toISOString());

    // Web replies are taken by the page once; Telegram/Zalo pending ones are for the start-up resend.
    expect(store.pendingDeliveries()).toEqual([]);
    expect(store.takeWebInbox('s-1')).toEqual([{ ticketId: 1, text: 'Trả lời', at: at(2).toISOString() }]);
    expect(store.takeWebInbox('s-1')).toEqual([]);
    const tg = store.create({ channel: 'telegram', chatId: '42', userId: '42', messages: [] }, T0);
    store.addMessage(tg.id, { author: 'staff', text: 'Chào anh', at: at(1).toISOString() });
    expect(store.pendingDeliveries().map((p) => [p.ticket.id, p.message.text])).toEqual([[tg.id, 'Chào anh']]);
  });

  it("latestForChat gives the chat's most recently updated ticket as a head, without its messages", () => {
    const store = createStore();
    const many = Array.from({ length: 50 }, (_, k) => ({ text: `Tin ${k}`, at: T0.toISOString() }));
    const old = store.create({ channel: 'web', chatId: 's-9', userId: 's-9', displayName: 'Lan', messages: many }, T0);
    store.setStatus(old.id, 'closed', at(1));
    expect(store.latestForChat('web', 's-9')).toEqual({
      id: old.id,
      channel: 'web',
      chatId: 's-9',
      userId: 's-9',
      displayName: 'Lan',
      status: 'closed',
      createdAt: T0.toISOString(),
      updatedAt: at(1).toISOString(),
      lastCitizenAt: T0.toISOString(),
    });
    expect(store.latestForChat('web', 's-9')).not.toHaveProperty('messages');
    const fresh = store.create({ channel: 'web', chatId: 's-9', userId: 's-9', messages: [] }, at(2));
    expect(store.latestForChat('web', 's-9')?.id).toBe(fresh.id);
    store.addMessage(old.id, { author: 'citizen', text: 'Lại hỏi', at: at(3).toISOString() });
    expect(store.latestForChat('web', 's-9')?.id).toBe(old.id);
    expect(store.latestForChat('telegram', 's-9')).toBeUndefined();
    expect(store.get(old.id)?.messages).toHaveLength(51);
  });

  it('filters and counts per viewer: assigned tickets only for their unit (and admins)', () => {
    const store = createStore();
    const a = store.create({ channel: 'zalo', chatId: 'z1', userId: 'z1', messages: [{ text: 'A', at: T0.toISOString() }] }, T0);
    const b = store.create({ channel: 'web', chatId: 'w1', userId: 'w1', messages: [{ text: 'B', at: T0.toISOString() }] }, T0);
    store.setUnit(a.id, 'Phòng Quản lý thương mại', at(1));
    store.setStatus(b.id, 'closed', at(1));
    const m = store.addMessage(a.id, { author: 'staff', text: 'x', at: at(2).toISOString() });
    store.setDelivery(m.id, 'undeliverable', 'không gửi được (quá 48 giờ)');

    const admin = { role: 'admin' } as const;
    expect(store.counts(admin)).toEqual({ open: 1, answered: 0, closed: 1, undeliverable: 1, total: 2 });
    expect(store.list({ channel: 'zalo' }, admin).map((t) => t.id)).toEqual([a.id]);
    expect(store.list({ status: 'closed' }, admin).map((t) => t.id)).toEqual([b.id]);
    expect(store.list({ undeliverable: true }, admin).map((t) => t.id)).toEqual([a.id]);
    expect(store.list({ unit: 'Phòng Quản lý thương mại' }, admin).map((t) => t.id)).toEqual([a.id]);

    const other = { role: 'staff', unit: 'Văn phòng Sở' } as const;
    expect(store.list({}, other).map((t) => t.id)).toEqual([b.id]);
    expect(store.counts(other)).toMatchObject({ total: 1, undeliverable: 0 });
    expect(store.list({}, { role: 'staff', unit: 'Phòng Quản lý thương mại' })).toHaveLength(2);
  });

  it('retention deletes answered and closed tickets unchanged since the cutoff, never open ones', () => {
    const store = createStore();
    const open = store.create({ channel: 'web', chatId: 'w1', userId: 'w1', messages: [{ text: 'A', at: T0.toISOString() }] }, T0);
    const done = store.create({ channel: 'web', chatId: 'w2', userId: 'w2', messages: [{ text: 'B', at: T0.toISOString() }] }, T0);
    store.setStatus(done.id, 'answered', T0);
    const recent = store.create({ channel: 'web', chatId: 'w3', userId: 'w3', messages: [] }, at(48));
    store.setStatus(recent.id, 'closed', at(48));
    expect(store.purgeBefore(at(24))).toBe(1);
    expect(store.get(done.id)).toBeUndefined();
    expect(store.get(open.id)).toBeDefined();
    expect(store.get(recent.id)).toBeDefined();
  });
});

describe('ticket rules', () => {
  it('reopen within 7 days, Zalo within 48 hours, visibility by unit', () => {
    const answered = { status: 'answered' as const, updatedAt: T0.toISOString() };
    expect(reopensAt(answered, at(24 * 7))).toBe(true);
    expect(reopensAt(answered, at(24 * 7 + 1))).toBe(false);
    expect(reopensAt({ ...answered, status: 'open' }, at(1))).toBe(false);
    expect(insideZaloWindow({ lastCitizenAt: T0.toISOString() }, at(48))).toBe(true);
    expect(insideZaloWindow({ lastCitizenAt: T0.toISOString() }, at(49))).toBe(false);
    expect(canView({ unit: 'A' }, { role: 'staff', unit: 'B' })).toBe(false);
    expect(canView({}, { role: 'staff', unit: 'B' })).toBe(true);
    expect(canView({ unit: 'A' }, { role: 'admin' })).toBe(true);
  });
});
